import { ComingSoon } from '../../ui/ComingSoon';

export function InboxPage() {
  return <ComingSoon title="Inbox" summary="Every WhatsApp conversation of your workspace, shared by your team: assign, label, reply and leave notes." />;
}
