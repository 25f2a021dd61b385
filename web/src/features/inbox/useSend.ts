import { useCallback, useRef, useState } from 'react';
import { apiRequest } from '../../app/api';
import { useAuth } from '../../app/auth';
import { asApiError } from '../../dashboard/useResource';
import type { Conversation } from './types';
import { takesCaption, uploadMedia } from './uploadMedia';

type SendState = { sending: boolean; error: string | null };

// POST /messages for this conversation's contact and number. One Idempotency-Key per draft: a send
// retried after a lost answer is not sent twice; a changed draft gets a new key.
export function useSend(conversation: Conversation, onSent: () => void) {
  const { me } = useAuth();
  const key = useRef<string>(crypto.randomUUID());
  const [state, setState] = useState<SendState>({ sending: false, error: null });

  const draftChanged = useCallback(() => {
    key.current = crypto.randomUUID();
  }, []);

  const send = useCallback(async (message: Record<string, unknown>): Promise<boolean> => {
    setState({ sending: true, error: null });
    try {
      await apiRequest('/messages', {
        method: 'POST',
        csrfToken: me.csrfToken,
        headers: { 'idempotency-key': key.current },
        body: { contactId: conversation.contactId, channelId: conversation.channelId, ...message },
      });
      key.current = crypto.randomUUID();
      setState({ sending: false, error: null });
      onSent();
      return true;
    } catch (error) {
      setState({ sending: false, error: asApiError(error).message });
      return false;
    }
  }, [me.csrfToken, conversation.contactId, conversation.channelId, onSent]);

  // Uploads the file (under the draft's key too: the key is per route), then sends it as the type
  // the upload answered. Returns whether the caption was used, so the caller keeps unsent text.
  const sendFile = useCallback(async (file: File, caption: string, extra: Record<string, unknown>): Promise<{ sent: boolean; captionUsed: boolean }> => {
    setState({ sending: true, error: null });
    let media;
    try {
      media = await uploadMedia(file, me.csrfToken, key.current);
    } catch (error) {
      setState({ sending: false, error: asApiError(error).message });
      return { sent: false, captionUsed: false };
    }
    const captionUsed = takesCaption(media.type) && caption.trim() !== '';
    const object = { id: media.id, ...(captionUsed ? { caption } : {}), ...(media.type === 'document' ? { filename: file.name } : {}) };
    return { sent: await send({ type: media.type, [media.type]: object, ...extra }), captionUsed };
  }, [me.csrfToken, send]);

  return { ...state, send, sendFile, draftChanged };
}
