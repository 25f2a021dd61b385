import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { closeInboxWorkspace, messageLog, openConversationWith, openInboxWorkspace, type InboxWorkspace } from './support/inbox';
import { customerSends, type SandboxNumber } from './support/sandbox-api';
import { screenshot } from './support/screenshots';

// A 1×1 JPEG.
const TINY_JPEG = Buffer.from('/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=', 'base64');

// What a thread shows of each kind of message, and photos sent from the composer; a workspace of its own.
describe('inbox messages and attachments', () => {
  let workspace: InboxWorkspace;
  let page: Page;
  let number: SandboxNumber;

  before(async () => {
    workspace = await openInboxWorkspace();
    ({ page, number } = workspace);
  });
  after(() => closeInboxWorkspace(workspace));

  it('renders every kind of customer message: media, location, contacts, replies, orders, reactions, quotes, referrals', async () => {
    const customer = number.customers[1]!;
    await openConversationWith(page, number, customer, 'Hello there');
    const send = (message: Record<string, unknown>) => customerSends(page, number, customer.waId, message);
    const quoted = await send({ type: 'text', text: { body: 'Quote me' } });
    await send({ type: 'text', text: { body: 'This answers it' }, context: { message_id: quoted } });
    await send({ type: 'image', image: { caption: 'A photo of the cake' } });
    await send({ type: 'audio', audio: { voice: true } });
    await send({ type: 'document', document: { filename: 'menu.pdf', mime_type: 'application/pdf' } });
    await send({ type: 'location', location: { latitude: 40.4168, longitude: -3.7038, name: 'Bakery HQ', address: 'Calle Mayor 1' } });
    await send({ type: 'contacts', contacts: [{ name: { formatted_name: 'Pat Baker' }, phones: [{ phone: '+34 600 000 000' }] }] });
    await send({ type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: 'yes', title: 'Yes please' } } });
    await send({ type: 'button', button: { payload: 'again', text: 'Order again' } });
    await send({ type: 'order', order: { catalog_id: 'c1', text: 'For Friday', product_items: [{ product_retailer_id: 'loaf', quantity: 2, item_price: 3.5, currency: 'EUR' }] } });
    await send({ type: 'text', text: { body: 'Saw your ad' }, referral: { source_url: 'https://example.com/ad', source_id: '1', source_type: 'ad', headline: 'Fresh bread daily' } });
    await send({ type: 'unsupported', unsupported: { type: 'poll' } });
    await send({ type: 'reaction', reaction: { message_id: quoted, emoji: '👍' } });

    const log = messageLog(page);
    await log.getByText('This message type (unsupported) cannot be shown here.', { exact: false }).waitFor();
    await log.locator('.message-quote', { hasText: 'Quote me' }).waitFor();
    for (const text of ['Bakery HQ', 'Calle Mayor 1', 'Pat Baker', 'Yes please', 'Order again', 'For Friday', '2 × loaf — 3.5 EUR', 'Fresh bread daily', 'menu.pdf']) {
      await log.getByText(text).first().waitFor();
    }
    await log.getByLabel('Reactions: 👍').waitFor();
    await log.getByLabel('Voice message').waitFor();
    // Media come through the authorized media route once downloaded (the thread refetches until then).
    const image = log.getByRole('img', { name: 'A photo of the cake' });
    await image.waitFor();
    const media = await page.request.get((await image.getAttribute('src'))!);
    assert.equal(media.status(), 200);
    assert.match(media.headers()['content-type'] ?? '', /^image\//);
    await screenshot(page, 'inbox-message-types');
  });

  it('attaches a photo with a caption: uploaded, sent as an image and shown in the thread; a file that is not what it claims is refused', async () => {
    const customer = number.customers[0]!;
    await openConversationWith(page, number, customer, 'Can I send you a photo?');
    await page.getByRole('heading', { level: 2, name: customer.name }).waitFor();
    const attach = async (file: { name: string; mimeType: string; buffer: Buffer }) => {
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Attach', exact: true }).click();
      await (await chooser).setFiles(file);
    };
    await attach({ name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('not a picture at all') });
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByText(/content is not image\/png/).waitFor();
    await page.getByRole('button', { name: 'Remove attachment' }).click();

    await attach({ name: 'loaf.jpg', mimeType: 'image/jpeg', buffer: TINY_JPEG });
    await page.getByText('Attached: loaf.jpg').waitFor();
    await page.getByLabel('Caption (optional)').fill('Fresh from the oven');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    const sent = messageLog(page).locator('.message-out', { hasText: 'Fresh from the oven' });
    await sent.getByRole('img', { name: 'Fresh from the oven' }).waitFor();
    // Meta fails an id its number never uploaded (131053): reaching Sent means the upload went first.
    await sent.getByText(/^(Sent|Delivered|Read)$/).waitFor();
    assert.equal(await page.getByLabel('Reply', { exact: true }).inputValue(), '', 'the caption left the box with the photo');
    await screenshot(page, 'inbox-attachment-sent');
  });
});
