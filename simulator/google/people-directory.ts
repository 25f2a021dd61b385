import { createHash } from 'node:crypto';

/** A contact as the sandbox stores it; the People API renders it as a Person. */
export interface SandboxContact {
  name?: string;
  /** As the person typed them; those that parse also get Google's canonical E.164 form. */
  phones: string[];
  emails?: string[];
}

/** The sandbox's contacts, per Google account (sub). */
export class PeopleDirectory {
  private readonly bySub = new Map<string, SandboxContact[]>();

  set(sub: string, contacts: SandboxContact[]): void {
    this.bySub.set(sub, contacts);
  }

  list(sub: string): SandboxContact[] {
    let contacts = this.bySub.get(sub);
    if (!contacts) this.bySub.set(sub, (contacts = sampleContacts(sub)));
    return contacts;
  }
}

/**
 * A dozen contacts a sandbox account starts with, with what real address books hold: a contact
 * with two numbers, one with none, a number saved twice, one that is not a number, local formats.
 */
function sampleContacts(sub: string): SandboxContact[] {
  const suffix = sub.slice(-3);
  return [
    { name: 'Carla Mendes', phones: [`+351 912 345 ${suffix}`] },
    { name: 'Daniel Okafor', phones: [`+234 803 555 0${suffix}`, `+44 7700 900${suffix}`] },
    { name: 'Eva Novak', phones: [`+420 601 555 ${suffix}`] },
    { name: 'Farah Haddad', phones: [`+961 3 555 ${suffix}`] },
    { name: 'Gustavo Ríos', phones: [`+52 55 5555 0${suffix}`] },
    { name: 'Hana Sato', phones: [`+81 90-5555-0${suffix}`] },
    { name: 'Ibrahim Yusuf', phones: [] , emails: ['ibrahim@example.com'] },
    { name: 'Carla M. (work)', phones: [`+351912345${suffix}`] },
    { name: 'Jonas Weber', phones: ['call after 6'] },
    { name: 'Kofi Mensah', phones: [`+233 24 555 0${suffix}`] },
    { phones: [`+1 415 555 0${suffix}`] },
    { name: 'Lena Fischer', phones: [`+49 151 5555 ${suffix}`] },
  ];
}

const digitsOf = (value: string) => value.replace(/[^\d]/g, '');

/** Google's canonicalForm: E.164 for a number written with its country code, absent otherwise. */
export function canonicalForm(value: string): string | undefined {
  const digits = digitsOf(value);
  return value.trim().startsWith('+') && digits.length >= 8 && digits.length <= 15 ? `+${digits}` : undefined;
}

/** A stable resource name per account and position, like Google's `people/c…` ids. */
export function resourceNameOf(sub: string, index: number): string {
  const hash = createHash('sha256').update(`${sub}:${index}`).digest();
  return `people/c${hash.readBigUInt64BE(0).toString().slice(0, 19)}`;
}
