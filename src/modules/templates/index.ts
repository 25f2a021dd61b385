export type { TemplatesDeps } from './deps';
export { registerTemplateRoutes } from './templates.routes';
export { syncTemplates } from './sync-templates';
export { findTemplateByName } from './template.repository';
export type { TemplateRow } from './tables';
export { expectedParameters, suppliedParameters, parameterMismatches } from './template-parameters';
export { resolveWorkspaceChannel, type WorkspaceChannel } from './workspace-channel';
export { lintTemplate, type LintIssue, type TemplateInput } from './lint-template';
export { createTemplate } from './create-template';
