import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { chooseEssentialCookies, fillSignup, logIn, newPerson, signUp, type Person } from './support/accounts';
import { signOut } from './support/dashboard';
import { launchBrowser, newSession } from './support/browser';
import { BASE_URL, XSS_PAYLOAD } from './support/env';
import { screenshot } from './support/screenshots';

async function invite(page: Page, email: string, role: 'agent' | 'analyst' | 'admin'): Promise<string> {
  await page.goto('/app/settings/members');
  const form = page.getByRole('region', { name: 'Invite someone' });
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Role').selectOption(role);
  await form.getByRole('button', { name: 'Create invitation' }).click();
  const link = form.getByLabel('Invitation link');
  await link.waitFor();
  return link.inputValue();
}

function memberCard(page: Page, name: string) {
  return page.getByRole('listitem').filter({ has: page.getByRole('heading', { name }) });
}

describe('settings: members and invitations', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser.close();
  });

  it('invites a new person who signs up through the link, then changes their role and removes them', async () => {
    const owner = await newSession(browser);
    const ownerPerson = newPerson('Olivia Owner', 'Owner Shop');
    await signUp(owner.page, ownerPerson);
    const invitee: Person = newPerson(XSS_PAYLOAD, 'Agent Corner');
    const acceptUrl = await invite(owner.page, invitee.email, 'agent');
    assert.ok(acceptUrl.startsWith(`${BASE_URL}/signup?invitation=`), acceptUrl);
    await owner.page.getByRole('region', { name: 'Invite someone' }).getByRole('button', { name: /^Copy/ }).waitFor();
    await screenshot(owner.page, 'settings-members-invitation-link');

    // The invitee signs up through the link and lands in the inviting workspace.
    const agent = await newSession(browser);
    await agent.page.goto(acceptUrl);
    await chooseEssentialCookies(agent.page);
    await agent.page.getByRole('note').getByText('You have been invited to join a workspace').waitFor();
    await fillSignup(agent.page, invitee, { ageConfirmed: true });
    await agent.page.getByRole('button', { name: 'Create account' }).click();
    await agent.page.waitForURL((url) => url.pathname === '/app');
    const header = agent.page.getByRole('banner');
    await header.getByText('Role: agent').waitFor();
    assert.equal(await header.getByLabel('Workspace').locator('option:checked').textContent(), ownerPerson.workspaceName);

    // An agent sees the team but manages nothing, and no keys or audit log.
    await agent.page.goto('/app/settings/members');
    await memberCard(agent.page, ownerPerson.name).waitFor();
    const settingsNav = agent.page.getByRole('navigation', { name: 'Settings' });
    assert.deepEqual(await settingsNav.getByRole('link').allTextContents(), ['Your account', 'Channels', 'Members']);
    assert.equal(await agent.page.getByRole('button', { name: /Change role|Remove/ }).count(), 0);
    assert.equal(await agent.page.getByRole('region', { name: 'Invite someone' }).count(), 0);
    await screenshot(agent.page, 'settings-members-as-agent');
    await agent.page.goto('/app/settings/channels');
    await agent.page.getByText('messages per second').first().waitFor();
    assert.equal(await agent.page.getByRole('button', { name: /^Disconnect/ }).count(), 0);
    assert.equal(await agent.page.getByRole('region', { name: 'Connect a WhatsApp number' }).count(), 0);
    await agent.page.goto('/app/settings/api-keys');
    await agent.page.getByRole('heading', { level: 1, name: 'Not available to your role' }).waitFor();

    // The owner sees the new member, whose name is text, not markup.
    await owner.page.goto('/app/settings/members');
    const card = memberCard(owner.page, XSS_PAYLOAD);
    await card.waitFor();
    await owner.page.waitForTimeout(500);
    assert.equal(await owner.page.locator('img').count(), 0);
    assert.deepEqual([...owner.dialogs, ...agent.dialogs], []);
    await screenshot(owner.page, 'settings-members');

    await card.getByLabel(`Role of ${XSS_PAYLOAD}`).selectOption('analyst');
    await card.getByRole('button', { name: 'Change role' }).click();
    await card.getByRole('definition').getByText('analyst', { exact: true }).waitFor();

    // An analyst does not even see the member list.
    await agent.page.goto('/app/settings');
    await agent.page.getByRole('banner').getByText('Role: analyst').waitFor();
    assert.deepEqual(await agent.page.getByRole('navigation', { name: 'Settings' }).getByRole('link').allTextContents(), ['Your account', 'Channels']);

    await card.getByRole('button', { name: /^Remove/ }).click();
    const dialog = owner.page.getByRole('dialog');
    await dialog.getByText(`Remove ${XSS_PAYLOAD}?`).waitFor();
    await dialog.getByRole('button', { name: 'Remove' }).click();
    await card.waitFor({ state: 'detached' });
    await memberCard(owner.page, ownerPerson.name).waitFor();
    await owner.context.close();
    await agent.context.close();
  });

  it('lets someone with an account log in through the invitation link and join', async () => {
    const owner = await newSession(browser);
    await signUp(owner.page, newPerson('Omar Owner', 'Omar Tools'));
    const other = await newSession(browser);
    const existing = newPerson('Edith Existing', 'Edith Studio');
    await signUp(other.page, existing);
    await signOut(other.page);
    await other.page.waitForURL((url) => url.pathname === '/');

    const acceptUrl = await invite(owner.page, existing.email, 'admin');
    await other.page.goto(acceptUrl);
    await other.page.getByRole('link', { name: 'Log in to accept' }).click();
    await other.page.getByRole('note').getByText('Log in to accept your invitation').waitFor();
    await logIn(other.page, existing.email);
    await other.page.waitForURL((url) => url.pathname === '/app');
    const header = other.page.getByRole('banner');
    await header.getByText('Role: admin').waitFor();
    assert.equal(await header.getByLabel('Workspace').locator('option:checked').textContent(), 'Omar Tools');

    // The link is used up.
    await other.page.goto(`/app/join?invitation=${encodeURIComponent(new URL(acceptUrl).searchParams.get('invitation') ?? '')}`);
    await other.page.getByRole('heading', { level: 1, name: 'Could not join the workspace' }).waitFor();

    // Leaving a workspace lands in the one that remains.
    await other.page.goto('/app/settings/members');
    await memberCard(other.page, existing.name).getByRole('button', { name: /^Leave workspace/ }).click();
    await other.page.getByRole('dialog', { name: 'Leave this workspace?' }).getByRole('button', { name: 'Leave' }).click();
    await other.page.waitForURL((url) => url.pathname === '/app');
    await header.getByText(existing.workspaceName).waitFor();
    await header.getByText('Role: owner').waitFor();
    await owner.context.close();
    await other.context.close();
  });
});
