import { z } from 'zod';
import { defineJob, type JobDefinition } from './job-definition';

/** Definitions for the runner's own tests: short timeouts and backoffs, names no product job uses. */
export const testJob = <S extends JobDefinition['payload']>(name: string, payload: S, overrides: Partial<Omit<JobDefinition<S>, 'name' | 'payload'>> = {}) =>
  defineJob({ name: `test.${name}`, payload, maxAttempts: 10, backoff: { baseMs: 2000, capMs: 3600_000 }, timeoutMs: 5000, ...overrides });

export const contactIdPayload = z.strictObject({ contactId: z.guid() });
export const emptyPayload = z.strictObject({});
