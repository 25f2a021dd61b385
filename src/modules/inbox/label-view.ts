import { z } from 'zod';
import type { LabelRow } from './tables';

export const labelView = z.object({ id: z.string(), name: z.string(), color: z.string(), createdAt: z.string() });
export type LabelView = z.infer<typeof labelView>;

export const toLabelView = (r: LabelRow): LabelView => ({ id: r.id, name: r.name, color: r.color, createdAt: new Date(r.created_at).toISOString() });
