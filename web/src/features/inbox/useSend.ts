import { useCallback, useRef, useState } from 'react';
import { apiRequest } from '../../app/api';
import { useAuth } from '../../app/auth';
import { asApiError } from '../../dashboard/useResource';
import type { Conversation } from './types';

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

  return { ...state, send, draftChanged };
}
