import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { googleErrors, type GoogleErrorBody } from './google-error';
import { canonicalForm, resourceNameOf, type PeopleDirectory, type SandboxContact } from './people-directory';
import { CONTACTS_READONLY_SCOPE } from './sandbox-google-users';

/** Resolves a bearer access token to the Google account and scopes it was granted, or null. */
export type TokenIntrospector = (token: string) => Promise<{ sub: string; scopes: string[] } | null>;

// The person fields Google's field mask accepts (people.connections.list reference).
const PERSON_FIELDS = new Set(['addresses', 'ageRanges', 'biographies', 'birthdays', 'calendarUrls', 'clientData', 'coverPhotos', 'emailAddresses', 'events', 'externalIds', 'genders', 'imClients', 'interests', 'locales', 'locations', 'memberships', 'metadata', 'miscKeywords', 'names', 'nicknames', 'occupations', 'organizations', 'phoneNumbers', 'photos', 'relations', 'sipAddresses', 'skills', 'urls', 'userDefined']);
const DOCS = 'Valid paths are documented at https://developers.google.com/people/api/rest/v1/people.connections/list.';
const DEFAULT_PAGE_SIZE = 100;
const MAX_PAGE_SIZE = 1000;

interface PageToken { offset: number; personFields: string }
const encodeToken = (t: PageToken) => Buffer.from(JSON.stringify(t)).toString('base64url');
function decodeToken(value: string): PageToken | null {
  try {
    const t = JSON.parse(Buffer.from(value, 'base64url').toString()) as Partial<PageToken>;
    return Number.isInteger(t.offset) && typeof t.personFields === 'string' ? (t as PageToken) : null;
  } catch {
    return null;
  }
}

const fail = (reply: FastifyReply, body: GoogleErrorBody) => reply.status(body.error.code).send(body);

/**
 * GET /v1/people/me/connections, as Google's People API answers it: a bearer token granted
 * contacts.readonly (else 401 or 403 in Google's error shape), a required `personFields` mask,
 * `pageSize` 1–1000 (100 by default), `pageToken` from the previous page's `nextPageToken` (the
 * other parameters must match the first call), and `totalItems` for the whole list.
 */
export async function peopleApiRoutes(app: FastifyInstance, opts: { directory: PeopleDirectory; introspect: TokenIntrospector }): Promise<void> {
  app.get('/v1/people/me/connections', async (request, reply) => {
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const grant = bearer ? await opts.introspect(bearer) : null;
    if (!grant) return fail(reply.header('www-authenticate', 'Bearer realm="https://accounts.google.com/"'), googleErrors.unauthenticated());
    if (!grant.scopes.includes(CONTACTS_READONLY_SCOPE)) return fail(reply, googleErrors.insufficientScope());

    const query = request.query as Record<string, string | undefined>;
    const personFields = query.personFields ?? query['person.fields'] ?? '';
    const fields = personFields.split(',').map((f) => f.trim()).filter(Boolean);
    if (!fields.length) return fail(reply, googleErrors.invalidArgument(`personFields mask is required. Please specify one or more valid paths. ${DOCS}`));
    const unknown = fields.find((f) => !PERSON_FIELDS.has(f));
    if (unknown) return fail(reply, googleErrors.invalidArgument(`Invalid personFields mask path: "${unknown}". ${DOCS}`));
    const pageSize = Number(query.pageSize ?? 0);
    if (!Number.isInteger(pageSize) || pageSize < 0 || pageSize > MAX_PAGE_SIZE) return fail(reply, googleErrors.invalidArgument('Invalid pageSize: must be between 1 and 1000, inclusive.'));
    let offset = 0;
    if (query.pageToken) {
      const token = decodeToken(query.pageToken);
      if (!token) return fail(reply, googleErrors.invalidArgument('Page token is invalid.'));
      if (token.personFields !== personFields) return fail(reply, googleErrors.invalidArgument('Parameters provided with a page token must match the call that provided the page token.'));
      offset = token.offset;
    }

    const all = opts.directory.list(grant.sub);
    const size = pageSize || DEFAULT_PAGE_SIZE;
    const page = all.slice(offset, offset + size).map((c, i) => personOf(grant.sub, offset + i, c, new Set(fields)));
    const next = offset + size < all.length ? encodeToken({ offset: offset + size, personFields }) : undefined;
    return { ...(page.length ? { connections: page } : {}), ...(next ? { nextPageToken: next } : {}), totalPeople: all.length, totalItems: all.length };
  });
}

function personOf(sub: string, index: number, contact: SandboxContact, fields: Set<string>) {
  const resourceName = resourceNameOf(sub, index);
  const sourceId = resourceName.slice('people/c'.length);
  const meta = (primary: boolean) => ({ metadata: { ...(primary ? { primary: true } : {}), source: { type: 'CONTACT', id: sourceId } } });
  const etag = `%${createHash('sha256').update(JSON.stringify(contact)).digest('base64url').slice(0, 24)}`;
  const person: Record<string, unknown> = { resourceName, etag };
  if (fields.has('names') && contact.name) {
    const [givenName, ...rest] = contact.name.split(' ');
    const familyName = rest.join(' ');
    person.names = [{ ...meta(true), displayName: contact.name, ...(familyName ? { familyName } : {}), givenName, displayNameLastFirst: familyName ? `${familyName}, ${givenName}` : givenName, unstructuredName: contact.name }];
  }
  if (fields.has('phoneNumbers') && contact.phones.length) {
    person.phoneNumbers = contact.phones.map((value, i) => {
      const canonical = canonicalForm(value);
      return { ...meta(i === 0), value, ...(canonical ? { canonicalForm: canonical } : {}), type: 'mobile', formattedType: 'Mobile' };
    });
  }
  if (fields.has('emailAddresses') && contact.emails?.length) {
    person.emailAddresses = contact.emails.map((value, i) => ({ ...meta(i === 0), value, type: 'home', formattedType: 'Home' }));
  }
  return person;
}
