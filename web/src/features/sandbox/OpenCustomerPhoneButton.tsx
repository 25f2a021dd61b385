import { useState } from 'react';
import { useApi } from '../../dashboard/useApi';
import type { ChannelList } from '../settings/channels/channel';

type Props = { channelId?: string; className?: string; label?: string };

// The customer-phone page needs a per-channel key, so its address is asked for on click rather than
// hard-coded. The tab is opened before the request: a tab opened after an await loses the click's user
// activation and popup blockers (Safari's first) refuse it.
export function OpenCustomerPhoneButton({ channelId, className = 'button button-primary', label = 'Open the customer phone' }: Props) {
  const api = useApi();
  const [error, setError] = useState<string | null>(null);

  const open = async () => {
    setError(null);
    const tab = window.open('about:blank', '_blank');
    try {
      const id = channelId ?? (await firstSandboxChannelId());
      const { url } = await api<{ url: string }>(`/channels/${encodeURIComponent(id)}/sandbox-phone`);
      if (!tab) return window.location.assign(url);
      // The phone page must not be able to script the dashboard through window.opener.
      tab.opener = null;
      tab.location.href = url;
    } catch (failure) {
      tab?.close();
      setError(failure instanceof Error ? failure.message : 'Could not open the customer phone.');
    }
  };

  const firstSandboxChannelId = async (): Promise<string> => {
    const { data } = await api<ChannelList>('/channels');
    const sandbox = data.find((channel) => channel.sandbox);
    if (!sandbox) throw new Error('This workspace has no sandbox number. Connect one under Settings → Channels.');
    return sandbox.id;
  };

  return (
    <>
      <button type="button" className={className} onClick={() => void open()}>
        {label}<span className="visually-hidden"> (opens in a new tab)</span>
      </button>
      {error && <span className="inline-error" role="alert">{error}</span>}
    </>
  );
}
