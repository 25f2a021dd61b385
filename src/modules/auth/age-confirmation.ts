import type { FastifyRequest } from 'fastify';
import { authErrors } from './errors';

/**
 * A route's preValidation for every way to create an account: the 18+ confirmation is checked
 * before the body schema, so its absence always gets its own code (422 age_confirmation_required).
 */
export async function requireAgeConfirmation(request: FastifyRequest): Promise<void> {
  const body = request.body as { ageConfirmed?: unknown } | null;
  if (!body || typeof body !== 'object' || body.ageConfirmed !== true) throw authErrors.ageConfirmationRequired();
}
