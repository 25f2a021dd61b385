export type { TemplatesDeps } from './deps';
export { registerTemplateRoutes } from './templates.routes';
export { findTemplateByName } from './template.repository';
export { expectedParameters, suppliedParameters, parameterMismatches } from './template-parameters';
export { templateItemHandler } from './apply-template-items';
export { renderTemplate } from './render-template';
