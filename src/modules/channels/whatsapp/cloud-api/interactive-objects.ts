/** Meta's `interactive` objects (reference §2.3): reply buttons, list, CTA URL and Flow. */
import { z } from 'zod';
import { documentReference, mediaReference } from './message-objects';

const text = (max: number) => z.string().min(1).max(max);

const mediaHeader = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('text'), text: text(60) }),
  z.strictObject({ type: z.literal('image'), image: mediaReference }),
  z.strictObject({ type: z.literal('video'), video: mediaReference }),
  z.strictObject({ type: z.literal('document'), document: documentReference }),
]);

const footer = z.strictObject({ text: text(60) }).optional();

const replyButton = z.strictObject({
  type: z.literal('reply'),
  reply: z.strictObject({ id: text(256), title: text(20) }),
});

export const buttonInteractive = z.strictObject({
  type: z.literal('button'),
  header: mediaHeader.optional(),
  body: z.strictObject({ text: text(1024) }),
  footer,
  action: z.strictObject({
    buttons: z.array(replyButton).min(1).max(3)
      .refine((buttons) => unique(buttons.map((b) => b.reply.id)) && unique(buttons.map((b) => b.reply.title)), 'button ids and titles must be unique'),
  }),
});

const listRow = z.strictObject({ id: text(200), title: text(24), description: text(72).optional() });

export const listInteractive = z.strictObject({
  type: z.literal('list'),
  header: z.strictObject({ type: z.literal('text'), text: text(60) }).optional(),
  body: z.strictObject({ text: text(4096) }),
  footer,
  action: z.strictObject({
    button: text(20),
    sections: z.array(z.strictObject({ title: text(24).optional(), rows: z.array(listRow).min(1) })).min(1).max(10)
      .refine((sections) => sections.flatMap((s) => s.rows).length <= 10, 'a list holds at most 10 rows in all'),
  }),
});

export const ctaUrlInteractive = z.strictObject({
  type: z.literal('cta_url'),
  header: mediaHeader.optional(),
  body: z.strictObject({ text: text(1024) }),
  footer,
  action: z.strictObject({
    name: z.literal('cta_url'),
    parameters: z.strictObject({ display_text: text(20), url: z.url() }),
  }),
});

const flowParameters = z.strictObject({
  flow_message_version: z.literal('3'),
  flow_token: z.string().min(1).optional(),
  flow_id: z.string().min(1).optional(),
  flow_name: z.string().min(1).optional(),
  flow_cta: text(30),
  mode: z.enum(['published', 'draft']).optional(),
  flow_action: z.enum(['navigate', 'data_exchange']).optional(),
  flow_action_payload: z.strictObject({ screen: z.string().min(1), data: z.record(z.string(), z.unknown()).optional() }).optional(),
}).refine((p) => (p.flow_id === undefined) !== (p.flow_name === undefined), 'exactly one of flow_id and flow_name');

export const flowInteractive = z.strictObject({
  type: z.literal('flow'),
  header: mediaHeader.optional(),
  body: z.strictObject({ text: text(1024) }),
  footer,
  action: z.strictObject({ name: z.literal('flow'), parameters: flowParameters }),
});

export const interactiveObject = z.discriminatedUnion('type', [buttonInteractive, listInteractive, ctaUrlInteractive, flowInteractive]);

function unique(values: string[]): boolean {
  return new Set(values).size === values.length;
}

export type InteractiveHeader = z.infer<typeof mediaHeader>;
export type ButtonInteractive = z.infer<typeof buttonInteractive>;
export type ListInteractive = z.infer<typeof listInteractive>;
export type CtaUrlInteractive = z.infer<typeof ctaUrlInteractive>;
export type FlowInteractive = z.infer<typeof flowInteractive>;
export type InteractiveObject = z.infer<typeof interactiveObject>;
