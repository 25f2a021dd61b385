import { permissionMatrix, permissions, roles, type Permission } from './permissions';
import type { RouteAccess } from './auth-hook';

/** The permission matrix as a Markdown table, for the OpenAPI document. */
export function permissionMatrixMarkdown(): string {
  const header = `| permission | ${roles.join(' | ')} |\n| --- | ${roles.map(() => '---').join(' | ')} |`;
  const rows = permissions.map((p) => `| ${p} | ${roles.map((r) => (permissionMatrix[r].has(p) ? '✓' : '')).join(' | ')} |`);
  return `### Roles and permissions\n\n${header}\n${rows.join('\n')}`;
}

/** One line per route saying who may call it. */
export function accessDescription(access: RouteAccess): string {
  if (access === 'public') return 'Public: no credentials needed.';
  if (access === 'authenticated') return 'Any signed-in person or API key.';
  const allowed = roles.filter((r) => permissionMatrix[r].has(access as Permission));
  return `Requires permission \`${access}\` (roles: ${allowed.join(', ')}).`;
}
