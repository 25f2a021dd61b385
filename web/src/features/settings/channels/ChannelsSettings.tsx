import { useAuth } from '../../../app/auth';
import { can } from '../../../app/permissions';
import { usePageTitle } from '../../../app/usePageTitle';
import { useResource } from '../../../dashboard/useResource';
import { ResourceState } from '../../../ui/ResourceState';
import type { ChannelList } from './channel';
import { ChannelCard } from './ChannelCard';
import { ConnectChannelForm } from './ConnectChannelForm';
import { SandboxExplainer } from './SandboxExplainer';

export function ChannelsSettings() {
  usePageTitle('Channels');
  const { me } = useAuth();
  const [channels, reload] = useResource<ChannelList>('/channels');
  const manage = can(me, 'channels.manage');
  return (
    <>
      <h1>Channels</h1>
      <p>The WhatsApp Business numbers your workspace sends and receives with.</p>
      {me.mode === 'sandbox' && <SandboxExplainer />}
      <section aria-labelledby="channel-list-title">
        <h2 id="channel-list-title">Connected numbers</h2>
        <ResourceState resource={channels} what="the channels" onRetry={reload}>
          {({ data }) =>
            data.length === 0 ? (
              <p>No number is connected yet.</p>
            ) : (
              <ul className="item-list">
                {data.map((channel) => <ChannelCard key={channel.id} channel={channel} manage={manage} onChanged={reload} />)}
              </ul>
            )
          }
        </ResourceState>
      </section>
      {manage && <ConnectChannelForm onConnected={reload} />}
    </>
  );
}
