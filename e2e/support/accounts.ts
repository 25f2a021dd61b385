import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';

export const PASSWORD = 'correct horse battery staple';

export type Person = { name: string; email: string; workspaceName: string };

// Each test creates its own people: the suites share one server and never depend on each other.
export function newPerson(name = 'Kim Fisher', workspaceName = 'Fisher Bakery'): Person {
  return { name, email: `e2e-${randomUUID()}@example.com`, workspaceName };
}

// The cookie banner of a first visit; choosing keeps it out of the way of the rest of the test.
export async function chooseEssentialCookies(page: Page): Promise<void> {
  await page.getByRole('region', { name: 'Cookie consent' }).getByRole('button', { name: 'Essential only' }).click();
}

export async function fillSignup(page: Page, person: Person, options: { ageConfirmed: boolean }): Promise<void> {
  await page.getByLabel('Your name').fill(person.name);
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByLabel('Workspace name').fill(person.workspaceName);
  if (options.ageConfirmed) await page.getByLabel('I confirm I am 18 years or older').check();
}

/** Signs up through the form, from a first visit, and waits for the dashboard. */
export async function signUp(page: Page, person: Person): Promise<void> {
  await page.goto('/signup');
  await chooseEssentialCookies(page);
  await fillSignup(page, person, { ageConfirmed: true });
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL('**/app');
  await page.getByRole('heading', { level: 1, name: /Welcome/ }).waitFor();
}

export async function logIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
}
