import { ApiError } from '../app/api';

// Spreads a 422's issues over the form's fields (an issue path may be "email", "/email" or "body.email");
// whatever names no field, and any other refusal, becomes a message for the whole form.
export function fieldIssues<F extends string>(error: unknown, fields: readonly F[]): { fields: Partial<Record<F, string>>; form: string[] } {
  const result: { fields: Partial<Record<F, string>>; form: string[] } = { fields: {}, form: [] };
  if (!(error instanceof ApiError)) {
    result.form.push('Something went wrong. Please try again.');
    return result;
  }
  if (error.code !== 'validation_failed' || !error.details?.issues?.length) {
    result.form.push(error.message);
    return result;
  }
  for (const issue of error.details.issues) {
    const last = String(issue.path).split(/[./]/).pop();
    const field = fields.find((candidate) => candidate === last);
    if (field) result.fields[field] ??= issue.message;
    else result.form.push(issue.message);
  }
  return result;
}
