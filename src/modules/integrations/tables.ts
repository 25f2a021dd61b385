import type { Selectable, Updateable } from 'kysely';
import type { DB } from '../../platform/db';

// Stored rows, as the migrations define them (src/platform/db/schema.generated.ts).
export type SubscriptionRow = Selectable<DB['webhook_subscriptions']>;
export type SubscriptionChanges = Updateable<DB['webhook_subscriptions']>;
export type DeliveryRow = Selectable<DB['webhook_deliveries']>;
