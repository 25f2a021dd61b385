import type { AnyDb } from '../../platform/db';

// Links belong to people, not to a workspace (like users and sessions): a sign-in reads them
// before any tenant is known, so these lookups are global by design.

export function unsafeFindLinkBySub(db: AnyDb, googleSub: string) {
  return db.selectFrom('google_links').selectAll().where('google_sub', '=', googleSub).executeTakeFirst();
}

export function unsafeFindLinkOfUser(db: AnyDb, userId: string) {
  return db.selectFrom('google_links').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

/** Links a Google account to a user; false when either already has a link (the unique keys decide). */
export async function insertLink(db: AnyDb, userId: string, googleSub: string, at: Date): Promise<boolean> {
  const inserted = await db.insertInto('google_links').values({ user_id: userId, google_sub: googleSub, linked_at: at }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function deleteLink(db: AnyDb, userId: string, googleSub: string): Promise<boolean> {
  const deleted = await db.deleteFrom('google_links').where('user_id', '=', userId).where('google_sub', '=', googleSub).executeTakeFirst();
  return Number(deleted.numDeletedRows) > 0;
}
