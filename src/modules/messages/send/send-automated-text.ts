import type { TenantTx } from '../../../platform/db';
import { AppError } from '../../../platform/http';
import type { MessagesDeps } from '../deps';
import { sendMessage } from './send-message';

export interface AutomatedText {
  contactId: string;
  channelId: string;
  text: string;
  /** Which automation sends it; recorded on the message so the inbox shows it as automated. */
  automation: string;
}

/**
 * Queues a free-form text an automation sends (the system acting, not a person), through the same
 * checks and queue as the send API, in the caller's transaction. Returns the message id, or null
 * when it cannot be sent and retrying would not help: the 24-hour window has closed (a late job), or
 * the contact or channel is gone or the contact has no address (neither a phone number nor a BSUID).
 */
export async function sendAutomatedText(deps: MessagesDeps, tx: TenantTx, workspaceId: string, reply: AutomatedText): Promise<string | null> {
  try {
    const body = { contactId: reply.contactId, channelId: reply.channelId, type: 'text' as const, text: { body: reply.text, preview_url: false } };
    return (await sendMessage(deps, tx, workspaceId, body, { automation: reply.automation })).id;
  } catch (error) {
    if (error instanceof AppError && (error.code === 'window_closed' || error.code === 'not_found')) return null;
    throw error;
  }
}
