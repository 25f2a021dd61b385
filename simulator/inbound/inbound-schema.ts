// POST /_sim/inbound (and engine.injectInbound): a customer sends a message of any inbound
// type of reference §8. Media may carry base64 `data`; without it a small placeholder file
// is generated. The media id that reaches the webhook is downloadable through the media API.
import { z } from 'zod';

const media = z.object({
  caption: z.string().max(1024).optional(),
  filename: z.string().max(240).optional(),
  mime_type: z.string().max(100).optional(),
  /** The file's bytes, base64. */
  data: z.string().max(140_000_000).optional(),
  voice: z.boolean().optional(),
  animated: z.boolean().optional(),
});

const contactCard = z.object({
  name: z.object({ formatted_name: z.string().min(1) }).catchall(z.string()),
  phones: z.array(z.object({ phone: z.string(), type: z.string().optional(), wa_id: z.string().optional() })).optional(),
  emails: z.array(z.object({ email: z.string(), type: z.string().optional() })).optional(),
  addresses: z.array(z.record(z.string(), z.string())).optional(),
  org: z.record(z.string(), z.string()).optional(),
  urls: z.array(z.object({ url: z.string(), type: z.string().optional() })).optional(),
  birthday: z.string().optional(),
});

const interactive = z.discriminatedUnion('type', [
  z.object({ type: z.literal('button_reply'), button_reply: z.object({ id: z.string().min(1), title: z.string().min(1) }) }),
  z.object({
    type: z.literal('list_reply'),
    list_reply: z.object({ id: z.string().min(1), title: z.string().min(1), description: z.string().optional() }),
  }),
  z.object({
    type: z.literal('nfm_reply'),
    nfm_reply: z.object({ response_json: z.string(), body: z.string().default('Sent'), name: z.string().default('flow') }),
  }),
  z.object({ type: z.literal('call_permission_reply'), call_permission_reply: z.record(z.string(), z.unknown()) }),
]);

export const INBOUND_TYPES = [
  'text', 'image', 'audio', 'video', 'document', 'sticker', 'location', 'contacts', 'interactive', 'button',
  'reaction', 'order', 'system', 'request_welcome', 'unsupported', 'unknown',
] as const;

/** Types whose message carries an object under the type's name. */
const NEEDS_OBJECT = new Set(['text', 'image', 'audio', 'video', 'document', 'sticker', 'location', 'contacts', 'interactive', 'button', 'reaction', 'order', 'system']);

export const inboundSchema = z
  .object({
    phoneNumberId: z.string().min(1),
    from: z.string().regex(/^\+?\d{6,15}$/, 'from must be the customer phone number (digits, optional +)').optional(),
    fromUserId: z.string().min(1).optional(),
    profileName: z.string().max(256).optional(),
    username: z.string().max(64).optional(),
    type: z.enum(INBOUND_TYPES),
    text: z.object({ body: z.string().min(1).max(65_536) }).optional(),
    image: media.optional(),
    audio: media.optional(),
    video: media.optional(),
    document: media.optional(),
    sticker: media.optional(),
    location: z
      .object({ latitude: z.number(), longitude: z.number(), name: z.string().optional(), address: z.string().optional(), url: z.string().optional() })
      .optional(),
    contacts: z.array(contactCard).min(1).optional(),
    interactive: interactive.optional(),
    button: z.object({ payload: z.string(), text: z.string() }).optional(),
    reaction: z.object({ message_id: z.string().min(1), emoji: z.string().max(16).optional() }).optional(),
    order: z
      .object({
        catalog_id: z.string(),
        text: z.string().optional(),
        product_items: z.array(
          z.object({ product_retailer_id: z.string(), quantity: z.number().int().positive(), item_price: z.number(), currency: z.string().length(3) }),
        ).min(1),
      })
      .optional(),
    system: z
      .object({
        type: z.enum(['user_changed_number', 'user_changed_user_id']),
        newWaId: z.string().regex(/^\d{6,15}$/).optional(),
        newUserId: z.string().min(1).optional(),
        body: z.string().optional(),
      })
      .optional(),
    unsupported: z.object({ type: z.string().min(1) }).optional(),
    context: z
      .object({
        id: z.string().optional(),
        message_id: z.string().optional(),
        forwarded: z.boolean().optional(),
        frequently_forwarded: z.boolean().optional(),
        referred_product: z.object({ catalog_id: z.string(), product_retailer_id: z.string() }).optional(),
      })
      .optional(),
    referral: z
      .object({
        source_url: z.string(),
        source_id: z.string(),
        source_type: z.enum(['ad', 'post']),
        body: z.string().optional(),
        headline: z.string().optional(),
        media_type: z.enum(['image', 'video']).optional(),
        image_url: z.string().optional(),
        video_url: z.string().optional(),
        thumbnail_url: z.string().optional(),
        ctwa_clid: z.string().optional(),
        welcome_message: z.object({ text: z.string() }).optional(),
      })
      .optional(),
    /** Unix seconds; defaults to the simulator's clock. */
    timestamp: z.union([z.number().int().nonnegative(), z.string().regex(/^\d+$/)]).optional(),
    /** `invalid` signs the webhook with a wrong secret, to exercise the receiver's rejection path. */
    signature: z.enum(['valid', 'invalid']).optional(),
  })
  .superRefine((v, ctx) => {
    if (!v.from && !v.fromUserId) ctx.addIssue({ code: 'custom', path: ['from'], message: 'from (phone) or fromUserId (BSUID) is required' });
    if (NEEDS_OBJECT.has(v.type) && v[v.type as keyof typeof v] === undefined) {
      ctx.addIssue({ code: 'custom', path: [v.type], message: `a ${v.type} message needs a "${v.type}" object` });
    }
    if (v.system?.type === 'user_changed_number' && !v.system.newWaId) {
      ctx.addIssue({ code: 'custom', path: ['system', 'newWaId'], message: 'user_changed_number needs newWaId' });
    }
  });

export type InboundInput = z.input<typeof inboundSchema>;
export type ParsedInbound = z.output<typeof inboundSchema>;
export type InboundMedia = z.output<typeof media>;
