/** Meta's `template` object for sending an approved template (reference §2.4). */
import { z } from 'zod';
import { documentReference, locationObject, mediaReference } from './message-objects';

/** Present on every parameter of a template created with `parameter_format: NAMED`. */
const named = { parameter_name: z.string().min(1).optional() };

const textParameter = z.strictObject({ type: z.literal('text'), text: z.string().min(1), ...named });

const currencyParameter = z.strictObject({
  type: z.literal('currency'),
  currency: z.strictObject({
    fallback_value: z.string().min(1),
    code: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code'),
    /** The amount × 1000, as an integer. */
    amount_1000: z.number().int().positive(),
  }),
  ...named,
});

/** Cloud API always renders the fallback value. */
const dateTimeParameter = z.strictObject({
  type: z.literal('date_time'),
  date_time: z.strictObject({ fallback_value: z.string().min(1) }),
  ...named,
});

const headerParameter = z.discriminatedUnion('type', [
  textParameter,
  z.strictObject({ type: z.literal('image'), image: mediaReference }),
  z.strictObject({ type: z.literal('video'), video: mediaReference }),
  z.strictObject({ type: z.literal('document'), document: documentReference }),
  z.strictObject({ type: z.literal('location'), location: locationObject }),
]);

const bodyParameter = z.discriminatedUnion('type', [textParameter, currencyParameter, dateTimeParameter]);

/** The 0-based position among the template's buttons; Meta accepts it as a string or a number. */
const buttonIndex = z.union([z.string().regex(/^\d+$/), z.number().int().nonnegative()]);

const button = <S extends string, P extends z.ZodType>(subType: S, parameter: P) =>
  z.strictObject({ type: z.literal('button'), sub_type: z.literal(subType), index: buttonIndex, parameters: z.array(parameter).length(1) });

export const templateComponent = z.union([
  z.strictObject({ type: z.literal('header'), parameters: z.array(headerParameter).length(1) }),
  z.strictObject({ type: z.literal('body'), parameters: z.array(bodyParameter).min(1) }),
  button('quick_reply', z.strictObject({ type: z.literal('payload'), payload: z.string().min(1) })),
  button('url', z.strictObject({ type: z.literal('text'), text: z.string().min(1) })),
  button('copy_code', z.strictObject({ type: z.literal('coupon_code'), coupon_code: z.string().min(1) })),
  button('flow', z.strictObject({
    type: z.literal('action'),
    action: z.strictObject({
      flow_token: z.string().min(1).optional(),
      flow_action_data: z.record(z.string(), z.unknown()).optional(),
    }),
  })),
]);

export const templateObject = z.strictObject({
  name: z.string().min(1),
  language: z.strictObject({ code: z.string().min(2), policy: z.literal('deterministic').optional() }),
  components: z.array(templateComponent).optional(),
});

export type TemplateTextParameter = z.infer<typeof textParameter>;
export type TemplateCurrencyParameter = z.infer<typeof currencyParameter>;
export type TemplateDateTimeParameter = z.infer<typeof dateTimeParameter>;
export type TemplateHeaderParameter = z.infer<typeof headerParameter>;
export type TemplateBodyParameter = z.infer<typeof bodyParameter>;
export type TemplateComponent = z.infer<typeof templateComponent>;
export type TemplateObject = z.infer<typeof templateObject>;
