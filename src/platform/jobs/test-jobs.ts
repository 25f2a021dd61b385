import { after, before } from 'node:test';
import { z } from 'zod';
import { createTestDatabase, type TestDatabase } from '../db/test-database';
import { createLogger } from '../logging';
import { defineJob, type JobDefinition } from './job-definition';

/** Definitions for the runner's own tests: short timeouts and backoffs, names no product job uses. */
export const testJob = <S extends JobDefinition['payload']>(name: string, payload: S, overrides: Partial<Omit<JobDefinition<S>, 'name' | 'payload'>> = {}) =>
  defineJob({ name: `test.${name}`, payload, maxAttempts: 10, backoff: { baseMs: 2000, capMs: 3600_000 }, timeoutMs: 5000, ...overrides });

export const contactIdPayload = z.strictObject({ contactId: z.guid() });
export const emptyPayload = z.strictObject({});

export const logger = createLogger({ level: 'silent' });
export const contactId = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

/** A test file's own database, open for its tests: read it through the returned function. */
export function testJobsDatabase(): () => TestDatabase {
  let database: TestDatabase | undefined;
  before(async () => {
    database = await createTestDatabase();
  });
  after(async () => {
    await database?.close();
  });
  return () => database!;
}
