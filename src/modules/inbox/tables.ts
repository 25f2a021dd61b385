import type { Selectable } from 'kysely';
import type { DB } from '../../platform/db';

// Stored rows, as the migrations define them (src/platform/db/schema.generated.ts).
export type ConversationRow = Selectable<DB['conversations']>;
export type LabelRow = Selectable<DB['labels']>;
export type CannedResponseRow = Selectable<DB['canned_responses']>;
