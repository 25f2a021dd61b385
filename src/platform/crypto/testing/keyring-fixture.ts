import { after, before } from 'node:test';
import { randomBytes } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '../../db/test-database';
import { newId } from '../../db';
import { createKeyring, type Keyring } from '../index';

export interface KeyringFixture {
  readonly database: TestDatabase;
  /** A keyring under the fixture's master key (absent when `withKeyring: false`). */
  readonly keyring: Keyring;
  newWorkspace(): Promise<string>;
  /** Another keyring over the same database and master key: what a second process would hold. */
  openKeyring(): Promise<Keyring>;
}

/**
 * The crypto tests' shared set-up: a private test database for the file (closed after it) and,
 * unless the file builds its own keyrings (rotation does), one keyring under a random master key.
 */
export function useKeyringFixture(options: { withKeyring?: boolean } = {}): KeyringFixture {
  let database: TestDatabase | undefined;
  let keyring: Keyring | undefined;
  const masterKey = randomBytes(32);
  before(async () => {
    database = await createTestDatabase();
    if (options.withKeyring !== false) keyring = await createKeyring({ db: database.db, masterKey });
  });
  after(async () => {
    await database?.close();
  });
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the keyring fixture's ${what} is used before set-up or was not requested`);
    return value;
  };
  return {
    get database() {
      return ready(database, 'database');
    },
    get keyring() {
      return ready(keyring, 'keyring');
    },
    async newWorkspace() {
      const workspaceId = newId();
      await ready(database, 'database').db.insertInto('workspaces').values({ workspace_id: workspaceId, name: 'W' }).execute();
      return workspaceId;
    },
    openKeyring() {
      return createKeyring({ db: ready(database, 'database').db, masterKey });
    },
  };
}
