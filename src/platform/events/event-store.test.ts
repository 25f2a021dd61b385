import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../db/test-database';
import { newId, withTenant } from '../db';
import { eventsAfter, latestEventId, publishEvent } from './event-store';

let database: TestDatabase;
before(async () => {
  database = await createTestDatabase();
});
after(async () => {
  await database.close();
});

test('events commit with their transaction, resume after an id, and stay within their workspace', async () => {
  const a = newId();
  const b = newId();
  await sql`insert into workspaces (workspace_id, name) values (${a}, 'A'), (${b}, 'B')`.execute(database.db);
  await withTenant(database.db, a, (tx) => publishEvent(tx, a, 'conversation.updated', { conversationId: 'c1' }));
  await assert.rejects(
    withTenant(database.db, a, async (tx) => {
      await publishEvent(tx, a, 'conversation.updated', { conversationId: 'rolled-back' });
      throw new Error('the change failed');
    }),
  );
  await withTenant(database.db, b, (tx) => publishEvent(tx, b, 'contact.created', { contactId: 'k1' }));
  await withTenant(database.db, a, (tx) => publishEvent(tx, a, 'message.status', { messageId: 'm1', conversationId: 'c1', status: 'read' }));

  const seen = await withTenant(database.db, a, (tx) => eventsAfter(tx, a, 0));
  assert.deepEqual(seen.map((e) => e.type), ['conversation.updated', 'message.status']);
  assert.deepEqual(seen[1]!.data, { messageId: 'm1', conversationId: 'c1', status: 'read' });
  const resumed = await withTenant(database.db, a, (tx) => eventsAfter(tx, a, seen[0]!.id));
  assert.deepEqual(resumed.map((e) => e.id), [seen[1]!.id]);
  assert.equal(await withTenant(database.db, a, (tx) => latestEventId(tx, a)), seen[1]!.id);
});
