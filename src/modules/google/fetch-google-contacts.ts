import { z } from 'zod';
import type { GoogleDeps } from './deps';
import { googleErrors } from './errors';

/** One Google contact as the import needs it: a name and phone numbers, nothing else kept. */
export interface GoogleContact {
  name: string | null;
  /** Google's E.164 canonical form where it has one, else the number as typed. */
  phones: string[];
}

const PAGE_SIZE = 1000;
/** Google caps an account at 25,000 contacts; a longer list is not followed further. */
const MAX_CONTACTS = 25_000;
const PERSON_FIELDS = 'names,phoneNumbers';

const connectionsPage = z.object({
  connections: z.array(z.object({
    names: z.array(z.object({ displayName: z.string().optional() })).optional(),
    phoneNumbers: z.array(z.object({ value: z.string().optional(), canonicalForm: z.string().optional() })).optional(),
  })).optional(),
  nextPageToken: z.string().optional(),
});

/**
 * Reads the person's contacts through the People API (people/me/connections, names and phone
 * numbers only, 1,000 a page), with an access token held only by the caller's stack. Each page
 * is reduced to the fields the import uses as soon as it arrives.
 */
export async function fetchGoogleContacts(deps: GoogleDeps, accessToken: string): Promise<GoogleContact[]> {
  const base = deps.settings?.peopleApiUrl;
  if (!base) throw googleErrors.notConfigured();
  const contacts: GoogleContact[] = [];
  let pageToken: string | undefined;
  do {
    const url = new URL(`${base}/v1/people/me/connections`);
    url.searchParams.set('personFields', PERSON_FIELDS);
    url.searchParams.set('pageSize', String(PAGE_SIZE));
    if (pageToken) url.searchParams.set('pageToken', pageToken);
    let response: Response;
    try {
      response = await deps.http.fetch(url.href, { headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' } });
    } catch (error) {
      deps.logger.warn({ code: (error as { code?: string }).code }, 'People API unreachable');
      throw googleErrors.googleUnavailable();
    }
    if (!response.ok) {
      // Google's error status (e.g. PERMISSION_DENIED) says what went wrong without any of the person's data.
      const status = ((await response.json().catch(() => null)) as { error?: { status?: string } } | null)?.error?.status;
      deps.logger.warn({ httpStatus: response.status, googleStatus: status }, 'People API refused the contacts request');
      throw response.status === 403 ? googleErrors.scopeMismatch() : googleErrors.googleUnavailable();
    }
    const page = connectionsPage.parse(await response.json());
    for (const person of page.connections ?? []) {
      const name = person.names?.find((n) => n.displayName)?.displayName ?? null;
      const phones = (person.phoneNumbers ?? []).map((p) => p.canonicalForm ?? p.value ?? '').filter(Boolean);
      contacts.push({ name, phones });
    }
    pageToken = page.nextPageToken;
  } while (pageToken && contacts.length < MAX_CONTACTS);
  return contacts;
}
