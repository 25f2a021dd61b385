import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { FormAlert } from '../../ui/FormAlert';
import { messageSummary } from './messageSummary';
import type { CannedResponse, Conversation, Message } from './types';
import { useSend } from './useSend';

type Props = { conversation: Conversation; canned: CannedResponse[]; replyTo: Message | null; onCancelReply: () => void; onSent: () => void };

// Free text inside the 24-hour window. Typing "/" at the start offers the canned responses whose
// shortcut matches what follows.
export function Composer({ conversation, canned, replyTo, onCancelReply, onSent }: Props) {
  const [text, setText] = useState('');
  const box = useRef<HTMLTextAreaElement>(null);
  const { sending, error, send, draftChanged } = useSend(conversation, onSent);
  const hintId = useId();
  const slash = /^\/(\S*)$/.exec(text);
  const suggestions = slash ? canned.filter((c) => c.shortcut.toLowerCase().includes(slash[1]!.toLowerCase())).slice(0, 8) : [];

  const change = (value: string) => {
    setText(value);
    draftChanged();
  };
  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (!text.trim() || sending) return;
    const context = replyTo?.wamid ? { context: { message_id: replyTo.wamid } } : {};
    if (await send({ type: 'text', text: { body: text }, ...context })) {
      setText('');
      onCancelReply();
      box.current?.focus();
    }
  };
  // Enter sends, Shift+Enter starts a new line (the messaging apps' habit).
  const keyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void submit();
    }
  };
  const pick = (c: CannedResponse) => {
    change(c.text);
    box.current?.focus();
  };

  return (
    <form className="composer" onSubmit={(e) => void submit(e)}>
      {replyTo && (
        <p className="composer-reply">
          Replying to: <span>{messageSummary(replyTo)}</span>{' '}
          <button type="button" className="link-button" onClick={onCancelReply}>Cancel reply</button>
        </p>
      )}
      <label htmlFor="composer-text">Reply</label>
      <p id={hintId} className="field-hint">Enter sends, Shift+Enter adds a line. Type / for canned responses.</p>
      <div className="composer-row">
        <textarea id="composer-text" ref={box} rows={2} value={text} aria-describedby={hintId} onChange={(e) => change(e.target.value)} onKeyDown={keyDown} maxLength={4096} />
        <button type="submit" className="button button-primary" aria-disabled={sending || undefined}>{sending ? 'Sending…' : 'Send'}</button>
      </div>
      {suggestions.length > 0 && (
        <ul className="composer-canned" aria-label="Canned responses">
          {suggestions.map((c) => (
            <li key={c.id}>
              <button type="button" className="button button-quiet" onClick={() => pick(c)}>
                <strong>/{c.shortcut}</strong> <span>{c.text}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {slash && canned.length === 0 && <p className="field-hint">No canned responses yet.</p>}
      {canned.length > 0 && (
        <label className="composer-picker">
          Insert a canned response
          <select value="" onChange={(e) => {
            const chosen = canned.find((c) => c.id === e.target.value);
            if (chosen) pick(chosen);
          }}>
            <option value="">Choose…</option>
            {canned.map((c) => <option key={c.id} value={c.id}>{`/${c.shortcut}`}</option>)}
          </select>
        </label>
      )}
      {error && <FormAlert><p>{error}</p></FormAlert>}
    </form>
  );
}
