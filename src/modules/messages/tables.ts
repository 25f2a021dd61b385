import type { Selectable } from 'kysely';
import type { DB } from '../../platform/db';

// Stored rows, as the migrations define them (src/platform/db/schema.generated.ts).

/** One step of a message's status ladder (a type, not an interface: it must fit the jsonb column's JSON type). */
export type StatusStep = { status: string; at: string };

/** A stored message, its `status_history` (jsonb) narrowed to the steps this module writes there. */
export type MessageRow = Omit<Selectable<DB['messages']>, 'status_history'> & { status_history: StatusStep[] };
export type MediaRow = Selectable<DB['media']>;
/** An edit or revoke as read back (when it was stored is not needed). */
export type AmendmentRow = Omit<Selectable<DB['message_amendments']>, 'created_at'>;
