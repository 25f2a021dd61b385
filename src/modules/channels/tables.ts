import type { Selectable } from 'kysely';
import type { DB } from '../../platform/db';

/** A stored channel, as the migrations define it (src/platform/db/schema.generated.ts). */
export type ChannelRow = Selectable<DB['channels']>;
