import { CloudApiError } from './errors';

/** The message failed our schema of Meta's message objects; it was not sent. */
export class InvalidMessageError extends CloudApiError {
  constructor(readonly issues: { path: string; message: string }[], method: string, path: string) {
    super(`Invalid message: ${issues.map((issue) => `${issue.path || '(message)'}: ${issue.message}`).join('; ')}`, {
      class: 'terminal',
      hint: 'The message does not match Meta\'s message format: fix the fields listed in the issues',
      outcome: 'not_sent',
      method,
      path,
    });
  }
}
