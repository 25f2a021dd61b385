import { useAuth } from '../../../app/auth';
import { can } from '../../../app/permissions';
import { useApi } from '../../../dashboard/useApi';
import { ConfirmAction } from '../../../ui/ConfirmAction';
import { formatDateTime } from '../../../ui/formatDate';
import { OpenCustomerPhoneButton } from '../../sandbox/OpenCustomerPhoneButton';
import type { Channel } from './channel';
import { ThroughputForm } from './ThroughputForm';

type Props = { channel: Channel; manage: boolean; onChanged: () => void };

export function ChannelCard({ channel, manage, onChanged }: Props) {
  const { me } = useAuth();
  const api = useApi();
  const titleId = `channel-${channel.id}-title`;
  return (
    <li className="card item" aria-labelledby={titleId}>
      <h3 id={titleId}>
        <bdi>{channel.displayPhoneNumber}</bdi>
        {channel.sandbox && <span className="badge badge-sandbox">Sandbox</span>}
      </h3>
      <dl className="details">
        <dt>Phone number id</dt><dd>{channel.phoneNumberId}</dd>
        <dt>Throughput</dt><dd>{channel.throughputMps} messages per second</dd>
        <dt>Quality</dt><dd>{channel.qualityRating ?? 'Unknown'}</dd>
        <dt>Messaging limit</dt><dd>{channel.messagingLimit ?? 'Unknown'}</dd>
        <dt>Connected</dt><dd>{formatDateTime(channel.createdAt)}</dd>
      </dl>
      <div className="item-actions">
        {channel.sandbox && can(me, 'inbox.read') && (
          <OpenCustomerPhoneButton channelId={channel.id} className="button" label="Open customer phone" />
        )}
        {manage && (
          <ConfirmAction
            trigger={<>Disconnect<span className="visually-hidden"> {channel.displayPhoneNumber}</span></>}
            title={`Disconnect ${channel.displayPhoneNumber}?`}
            confirmLabel="Disconnect"
            action={async () => {
              await api(`/channels/${encodeURIComponent(channel.id)}`, 'DELETE');
              onChanged();
            }}
          >
            <p>Messages can no longer be sent or received on this number, and its stored credentials are destroyed. You can connect it again later.</p>
          </ConfirmAction>
        )}
      </div>
      {manage && <ThroughputForm channel={channel} onSaved={onChanged} />}
    </li>
  );
}
