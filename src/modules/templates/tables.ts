import type { Selectable } from 'kysely';
import type { DB } from '../../platform/db';

/** A stored template, as the migrations define it (src/platform/db/schema.generated.ts). */
export type TemplateRow = Selectable<DB['templates']>;
