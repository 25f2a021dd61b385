import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useAuth } from '../../app/auth';
import { Link } from '../../app/navigation';
import { can } from '../../app/permissions';
import { FormAlert } from '../../ui/FormAlert';
import { AttachButton } from './AttachButton';
import { messageSummary } from './messageSummary';
import type { CannedResponse, Conversation, Message } from './types';
import { useSend } from './useSend';

type Props = { conversation: Conversation; canned: CannedResponse[]; replyTo: Message | null; onCancelReply: () => void; onSent: () => void };

// Free text inside the 24-hour window, or an attached file with the text as its caption. Typing "/"
// at the start offers the canned responses whose shortcut matches what follows.
export function Composer({ conversation, canned, replyTo, onCancelReply, onSent }: Props) {
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  const { sending, error, send, sendFile, draftChanged } = useSend(conversation, onSent);
  const hintId = useId();
  const slash = /^\/(\S*)$/.exec(text);
  const suggestions = slash ? canned.filter((c) => c.shortcut.toLowerCase().includes(slash[1]!.toLowerCase())).slice(0, 8) : [];

  const change = (value: string) => {
    setText(value);
    draftChanged();
  };
  const attach = (chosen: File | null) => {
    setFile(chosen);
    draftChanged();
  };
  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if ((!text.trim() && !file) || sending) return;
    const context = replyTo?.wamid ? { context: { message_id: replyTo.wamid } } : {};
    // Audio and stickers take no caption: the text then stays in the box, to send on its own.
    const outcome = file ? await sendFile(file, text, context) : { sent: await send({ type: 'text', text: { body: text }, ...context }), captionUsed: true };
    if (outcome.sent) {
      if (outcome.captionUsed) setText('');
      setFile(null);
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
      <label htmlFor="composer-text">{file ? 'Caption (optional)' : 'Reply'}</label>
      <p id={hintId} className="field-hint">
        {file ? 'Images, videos and documents show the text as their caption; audio and stickers have none.' : 'Enter sends, Shift+Enter adds a line. Type / for canned responses.'}
      </p>
      <div className="composer-row">
        <textarea id="composer-text" ref={box} rows={2} value={text} aria-describedby={hintId} onChange={(e) => change(e.target.value)} onKeyDown={keyDown} maxLength={4096} />
        <button type="submit" className="button button-primary" aria-disabled={sending || undefined}>{sending ? 'Sending…' : 'Send'}</button>
      </div>
      {/* A fresh file input once the file is sent, so choosing the same file again is a change. */}
      <AttachButton key={file ? 'attached' : 'empty'} file={file} onChange={attach} />
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
      {slash && canned.length === 0 && <NoCannedResponses />}
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

// Where canned responses come from, for whoever may make them.
function NoCannedResponses() {
  const { me } = useAuth();
  return (
    <p className="field-hint">
      No canned responses yet.{' '}
      {can(me, 'cannedResponses.manage') ? <Link to="/app/settings/canned-responses">Add some in Settings</Link> : 'An owner or admin can add them in Settings.'}
    </p>
  );
}
