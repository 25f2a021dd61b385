import { useCallback, useEffect, useRef, useState } from 'react';
import { Link } from '../../app/navigation';
import { ResourceState } from '../../ui/ResourceState';
import { Composer } from './Composer';
import { ConversationTools } from './ConversationTools';
import { MessageList } from './MessageList';
import { NotesPanel } from './NotesPanel';
import { TemplateComposer } from './TemplateComposer';
import { contactLabel, useContacts } from './useContacts';
import { useOptionalList } from './useOptionalList';
import { useThread } from './useThread';
import { useWindowOpen } from './useWindowOpen';
import { TemplatesContext } from './TemplateMessage';
import type { CannedResponse, Conversation, Label, Member, Message, Template } from './types';

export function Thread({ conversationId, labels }: { conversationId: string; labels: Label[] }) {
  const thread = useThread(conversationId);
  return (
    <section className="inbox-thread" aria-labelledby="thread-title">
      <Link to="/app/inbox" className="thread-back">Back to conversations</Link>
      <ResourceState resource={thread.conversation} what="the conversation" onRetry={thread.reloadConversation}>
        {(conversation) => <OpenThread conversation={conversation} thread={thread} labels={labels} />}
      </ResourceState>
    </section>
  );
}

function OpenThread({ conversation, thread, labels }: { conversation: Conversation; thread: ReturnType<typeof useThread>; labels: Label[] }) {
  const contact = useContacts([conversation.contactId]).get(conversation.contactId);
  const [members] = useOptionalList<Member>('/members');
  const [canned] = useOptionalList<CannedResponse>('/canned-responses?limit=200');
  const [templates] = useOptionalList<Template>('/templates?limit=200');
  const [replyTo, setReplyTo] = useState<Message | null>(null);
  const windowOpen = useWindowOpen(conversation.windowExpiresAt);
  const title = useRef<HTMLHeadingElement>(null);
  const { reloadMessages, reloadConversation } = thread;
  const sent = useCallback(() => {
    reloadMessages();
    reloadConversation();
  }, [reloadMessages, reloadConversation]);

  // Opening a conversation moves focus to it, so keyboard and screen-reader users land in the thread.
  useEffect(() => title.current?.focus(), []);

  return (
    <TemplatesContext.Provider value={templates}>
      <header className="thread-header">
        <h2 id="thread-title" ref={title} tabIndex={-1}>{contactLabel(contact)}</h2>
        {contact?.name && contact.phone && <p className="thread-phone">{contact.phone}</p>}
        <ConversationTools conversation={conversation} members={members} labels={labels} onChanged={reloadConversation} />
      </header>
      <NotesPanel conversationId={conversation.id} members={members} />
      <ResourceState resource={thread.messages} what="the messages" onRetry={thread.reloadMessages}>
        {({ data }) => (
          <MessageList messages={[...data, ...thread.earlier].reverse()} onReply={windowOpen ? setReplyTo : null} loadEarlier={thread.loadEarlier} />
        )}
      </ResourceState>
      {windowOpen ? (
        <Composer conversation={conversation} canned={canned} replyTo={replyTo} onCancelReply={() => setReplyTo(null)} onSent={sent} />
      ) : (
        <TemplateComposer conversation={conversation} onSent={sent} />
      )}
    </TemplatesContext.Provider>
  );
}
