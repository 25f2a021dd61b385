// The API's shapes the inbox reads, from the types generated from the server's OpenAPI document.
import type { ApiItem, ApiResponse } from '../../app/apiSchema';

export type Conversation = ApiResponse<'/api/v1/conversations/{id}'>;
export type ConversationStatus = Conversation['status'];
// The server documents a message's `context` and send `error` as open objects; these are the fields the
// thread reads from them.
export type SendError = { code?: number | string; title?: string | null; details?: string | null; class?: string; hint?: string };
type MessageContext = { wamid?: string; id?: string; message_id?: string; forwarded?: boolean; frequentlyForwarded?: boolean };
export type Message = Omit<ApiItem<'/api/v1/conversations/{id}/messages'>, 'context' | 'error'> & { context?: MessageContext; error?: SendError };
export type Contact = Pick<ApiResponse<'/api/v1/contacts/{id}'>, 'id' | 'name' | 'phone'>;
export type Member = Pick<ApiItem<'/api/v1/members'>, 'id' | 'name' | 'email'>;
export type Label = ApiItem<'/api/v1/labels'>;
export type CannedResponse = ApiItem<'/api/v1/canned-responses'>;
export type Note = ApiItem<'/api/v1/conversations/{id}/notes'>;
// Meta's template components, open objects in the API's schema; the composer reads these fields.
export type TemplateComponent = Record<string, unknown> & { type?: string; format?: string; text?: string; buttons?: { type?: string; text?: string; url?: string }[] };
export type Template = Omit<ApiItem<'/api/v1/templates'>, 'components'> & { components: TemplateComponent[] };
export type Preview = ApiResponse<'/api/v1/templates/{id}/preview', 'post'>;

export type List<T> = { data: T[]; nextCursor?: string | null };
