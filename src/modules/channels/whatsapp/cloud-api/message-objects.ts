/**
 * Meta's outbound message objects, field for field (snake_case), as zod schemas with the
 * limits the reference documents (§2.2). Objects are strict: a misspelled key such as
 * `previewUrl` is an error rather than silently dropped, because our public send API pastes
 * these objects through unchanged. Types are inferred from the schemas.
 */
import { z } from 'zod';

const text = (max: number) => z.string().min(1).max(max);

export const textObject = z.strictObject({
  body: text(4096),
  preview_url: z.boolean().optional(),
});

/** A medium is sent by the id of an upload (same phone number) or by a public link, never both. */
const byIdOrLink = <T extends z.ZodRawShape>(extra: T) =>
  z.union([z.strictObject({ id: z.string().min(1), ...extra }), z.strictObject({ link: z.url(), ...extra })]);

const caption = text(1024).optional();

export const imageObject = byIdOrLink({ caption });
export const videoObject = byIdOrLink({ caption });
export const audioObject = byIdOrLink({ voice: z.boolean().optional() });
export const documentObject = byIdOrLink({ caption, filename: z.string().min(1).optional() });
export const stickerObject = byIdOrLink({});
/** Media in interactive headers and template header parameters: no caption. */
export const mediaReference = byIdOrLink({});
export const documentReference = byIdOrLink({ filename: z.string().min(1).optional() });

/** Current docs show coordinates as strings, older ones as numbers; Meta accepts both. */
const coordinate = z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/)]);

export const locationObject = z.strictObject({
  latitude: coordinate,
  longitude: coordinate,
  name: z.string().optional(),
  address: z.string().optional(),
});

const typed = <T extends z.ZodRawShape>(shape: T) => z.strictObject({ ...shape, type: z.string().optional() });

export const contactObject = z.strictObject({
  name: z.strictObject({
    formatted_name: z.string().min(1),
    first_name: z.string().optional(),
    last_name: z.string().optional(),
    middle_name: z.string().optional(),
    suffix: z.string().optional(),
    prefix: z.string().optional(),
  }),
  phones: z.array(typed({ phone: z.string().optional(), wa_id: z.string().optional() })).optional(),
  emails: z.array(typed({ email: z.string().optional() })).optional(),
  addresses: z.array(typed({
    street: z.string().optional(),
    city: z.string().optional(),
    state: z.string().optional(),
    zip: z.string().optional(),
    country: z.string().optional(),
    country_code: z.string().optional(),
  })).optional(),
  org: z.strictObject({ company: z.string().optional(), department: z.string().optional(), title: z.string().optional() }).optional(),
  urls: z.array(typed({ url: z.string().optional() })).optional(),
  birthday: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
});

export const contactsArray = z.array(contactObject).min(1);

/** An empty `emoji` removes the business's earlier reaction to that message. */
export const reactionObject = z.strictObject({
  message_id: z.string().min(1),
  emoji: z.string(),
});

export const replyContext = z.strictObject({ message_id: z.string().min(1) });

export type TextObject = z.infer<typeof textObject>;
export type MediaReference = z.infer<typeof mediaReference>;
export type DocumentReference = z.infer<typeof documentReference>;
export type ImageObject = z.infer<typeof imageObject>;
export type VideoObject = z.infer<typeof videoObject>;
export type AudioObject = z.infer<typeof audioObject>;
export type DocumentObject = z.infer<typeof documentObject>;
export type StickerObject = z.infer<typeof stickerObject>;
export type LocationObject = z.infer<typeof locationObject>;
export type ContactObject = z.infer<typeof contactObject>;
export type ReactionObject = z.infer<typeof reactionObject>;
export type ReplyContext = z.infer<typeof replyContext>;
