import { platformErrors } from '../../platform/http';

/** Lists sorted by a unique name (labels, shortcuts) page by that name: the cursor is the last one seen. */
export const nameCursor = {
  encode: (name: string) => Buffer.from(name, 'utf8').toString('base64url'),
  decode(cursor: string | undefined): string | undefined {
    if (cursor === undefined) return undefined;
    const name = Buffer.from(cursor, 'base64url').toString('utf8');
    if (!name || nameCursor.encode(name) !== cursor) throw platformErrors.invalidCursor();
    return name;
  },
  page<T>(rows: T[], limit: number, nameOf: (row: T) => string): { data: T[]; nextCursor: string | null } {
    const data = rows.slice(0, limit);
    return { data, nextCursor: rows.length > limit ? nameCursor.encode(nameOf(data[data.length - 1]!)) : null };
  },
};
