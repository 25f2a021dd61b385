import assert from 'node:assert/strict';
import { createGoogleContactsPreview } from '../../modules/google/testing';
import type { FixtureProvider } from './types';

export const fixtures: FixtureProvider = async ({ t, a }) => {
  // A preview of contacts read from Google, as the callback of an import leaves it.
  const id = await createGoogleContactsPreview(t.container.google, a.workspaceId, { type: 'user', id: a.userId }, [{ name: 'Fixture Google', phones: ['+351912000222'] }]);
  const unchanged = async () => {
    const preview = await a.client.get(`/api/v1/google/contacts-previews/${id}`);
    assert.equal(preview.status, 200, "A's preview was neither imported nor deleted by B");
  };
  return {
    'GET /api/v1/google/contacts-previews/:id': { id },
    'POST /api/v1/google/contacts-previews/:id/import': { id, unchanged },
    'DELETE /api/v1/google/contacts-previews/:id': { id, unchanged },
  };
};
