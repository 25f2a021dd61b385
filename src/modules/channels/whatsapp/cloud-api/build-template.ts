/**
 * Builders of `template` messages and their components (reference §2.4). For templates
 * created with `parameter_format: NAMED`, pass the placeholder's name as `parameter_name`.
 */
import { definedOnly } from './defined-only';
import type { DocumentReference, LocationObject, MediaReference } from './message-objects';
import type {
  TemplateBodyParameter,
  TemplateComponent,
  TemplateCurrencyParameter,
  TemplateDateTimeParameter,
  TemplateHeaderParameter,
  TemplateObject,
  TemplateTextParameter,
} from './template-message-objects';

type Component<T extends TemplateComponent['type']> = Extract<TemplateComponent, { type: T }>;
type ButtonComponent<S extends string> = Extract<TemplateComponent, { sub_type: S }>;
type ButtonIndex = string | number;

/** `languageCode` must match an approved translation; `policy: 'deterministic'` is the only policy Meta has. */
export function template(
  name: string,
  languageCode: string,
  components?: TemplateComponent[],
  options: { policy?: 'deterministic' } = {},
): { type: 'template'; template: TemplateObject } {
  const language = { code: languageCode, ...definedOnly({ policy: options.policy }) };
  return { type: 'template', template: { name, language, ...definedOnly({ components }) } };
}

export function textParam(text: string, parameterName?: string): TemplateTextParameter {
  return { type: 'text', ...definedOnly({ parameter_name: parameterName }), text };
}

/** `amount_1000` is the amount × 1000 (100990 for 100.99). */
export function currencyParam(currency: TemplateCurrencyParameter['currency'], parameterName?: string): TemplateCurrencyParameter {
  return { type: 'currency', ...definedOnly({ parameter_name: parameterName }), currency };
}

/** Cloud API renders only the fallback value. */
export function dateTimeParam(fallbackValue: string, parameterName?: string): TemplateDateTimeParameter {
  return { type: 'date_time', ...definedOnly({ parameter_name: parameterName }), date_time: { fallback_value: fallbackValue } };
}

export function header(parameter: TemplateHeaderParameter): Component<'header'> {
  return { type: 'header', parameters: [parameter] };
}

export const headerImage = (image: MediaReference) => header({ type: 'image', image });
export const headerVideo = (video: MediaReference) => header({ type: 'video', video });
export const headerDocument = (document: DocumentReference) => header({ type: 'document', document });
export const headerLocation = (location: LocationObject) => header({ type: 'location', location });

export function body(...parameters: TemplateBodyParameter[]): Component<'body'> {
  return { type: 'body', parameters };
}

/** The tap comes back as an inbound `button` message carrying `payload`. */
export function quickReplyButton(index: ButtonIndex, payload: string): ButtonComponent<'quick_reply'> {
  return { type: 'button', sub_type: 'quick_reply', index, parameters: [{ type: 'payload', payload }] };
}

/** `text` replaces the `{{1}}` at the end of the button's URL. */
export function urlButton(index: ButtonIndex, text: string): ButtonComponent<'url'> {
  return { type: 'button', sub_type: 'url', index, parameters: [{ type: 'text', text }] };
}

export function copyCodeButton(index: ButtonIndex, couponCode: string): ButtonComponent<'copy_code'> {
  return { type: 'button', sub_type: 'copy_code', index, parameters: [{ type: 'coupon_code', coupon_code: couponCode }] };
}

export function flowButton(
  index: ButtonIndex,
  action: ButtonComponent<'flow'>['parameters'][number]['action'],
): ButtonComponent<'flow'> {
  return { type: 'button', sub_type: 'flow', index, parameters: [{ type: 'action', action }] };
}
