/** Builders of `interactive` messages: the nesting Meta wants, from flat arguments. */
import { definedOnly } from './defined-only';
import type {
  ButtonInteractive,
  CtaUrlInteractive,
  FlowInteractive,
  InteractiveHeader,
  InteractiveObject,
  ListInteractive,
} from './interactive-objects';

type InteractiveContent<T extends InteractiveObject> = { type: 'interactive'; interactive: T };

interface Frame<H> {
  header?: H;
  body: string;
  footer?: string;
}

function frame<H>({ header, body, footer }: Frame<H>) {
  return { ...definedOnly({ header }), body: { text: body }, ...(footer === undefined ? {} : { footer: { text: footer } }) };
}

/** Up to three reply buttons; a tap comes back as an `interactive.button_reply` with the id. */
export function replyButtons(
  options: Frame<InteractiveHeader> & { buttons: { id: string; title: string }[] },
): InteractiveContent<ButtonInteractive> {
  const buttons = options.buttons.map(({ id, title }) => ({ type: 'reply' as const, reply: { id, title } }));
  return { type: 'interactive', interactive: { type: 'button', ...frame(options), action: { buttons } } };
}

/** A menu of up to ten rows in sections, opened by one button labelled `button`. */
export function list(
  options: Frame<{ type: 'text'; text: string }> & { button: string; sections: ListInteractive['action']['sections'] },
): InteractiveContent<ListInteractive> {
  return { type: 'interactive', interactive: { type: 'list', ...frame(options), action: { button: options.button, sections: options.sections } } };
}

/** One button that opens `url`. */
export function ctaUrl(
  options: Frame<InteractiveHeader> & { display_text: string; url: string },
): InteractiveContent<CtaUrlInteractive> {
  const parameters = { display_text: options.display_text, url: options.url };
  return { type: 'interactive', interactive: { type: 'cta_url', ...frame(options), action: { name: 'cta_url', parameters } } };
}

/** A WhatsApp Flow, inside the service window (outside it, send a template with a FLOW button). */
export function flow(
  options: Frame<InteractiveHeader> & { parameters: FlowInteractive['action']['parameters'] },
): InteractiveContent<FlowInteractive> {
  return { type: 'interactive', interactive: { type: 'flow', ...frame(options), action: { name: 'flow', parameters: options.parameters } } };
}
