import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import type { HttpClient } from '../../../test-support/http-client';
import type { TestApp } from '../../../test-support/test-app';
import { startEnvelopeProcessor, unsafeLoadChannelCredentials } from '../../channels';

interface Customer {
  name: string;
  waId: string;
}

/** One webhook message without its sender and time, which the helper fills in; `id` becomes `wamid.<id>-<now>`. */
type CustomerMessage = { id: string; type: string } & Record<string, unknown>;

/**
 * A customer writes to the workspace's first channel (the sandbox number of a signed-up workspace): the
 * messages are posted, signed with the channel's app secret, through the real webhook route, then
 * processed into conversations, so the workspace's API shows them when this returns.
 */
export async function receiveCustomerMessages(t: TestApp, owner: HttpClient, customer: Customer, messages: CustomerMessage[]): Promise<void> {
  const channel = ((await owner.get('/api/v1/channels')).body as { data: { phoneNumberId: string; wabaId: string }[] }).data[0]!;
  const creds = (await unsafeLoadChannelCredentials(t.container.channels, channel.phoneNumberId))!;
  const now = Math.floor(Date.now() / 1000);
  const value = {
    messaging_product: 'whatsapp',
    metadata: { display_phone_number: '15550000000', phone_number_id: channel.phoneNumberId },
    contacts: [{ profile: { name: customer.name }, wa_id: customer.waId }],
    messages: messages.map(({ id, ...message }) => ({ from: customer.waId, id: `wamid.${id}-${now}`, timestamp: String(now), ...message })),
  };
  const raw = Buffer.from(JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: channel.wabaId, changes: [{ field: 'messages', value }] }] }));
  const signature = `sha256=${createHmac('sha256', creds.appSecret).update(raw).digest('hex')}`;
  const response = await fetch(`${t.url}/webhooks/whatsapp`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature }, body: raw });
  assert.equal(response.status, 200);
  await startEnvelopeProcessor({ channels: t.container.channels, clock: t.container.clock, logger: t.container.logger, sink: t.container.envelopeSink, autoStart: false }).drain();
}
