// A synchronous Graph API error, rendered as Meta's envelope:
// {"error":{"message":"(#code) title","type":"OAuthException","code","error_data":{"messaging_product":"whatsapp","details"},"fbtrace_id"}}
import { errorSpec } from './error-catalogue';

export class GraphError extends Error {
  httpStatus: number;
  readonly title: string;

  constructor(
    readonly code: number,
    readonly details?: string,
    readonly subcode?: number,
    readonly userTitle?: string,
  ) {
    const spec = errorSpec(code);
    super(`(#${code}) ${spec.title}`);
    this.httpStatus = spec.httpStatus;
    this.title = spec.title;
  }

  /** For the few answers whose HTTP status differs from the code's usual one (expired media URL → 404). */
  withStatus(status: number): this {
    this.httpStatus = status;
    return this;
  }

  toEnvelope(fbtraceId: string): Record<string, unknown> {
    const error: Record<string, unknown> = {
      message: this.message,
      type: 'OAuthException',
      code: this.code,
      error_data: { messaging_product: 'whatsapp', details: this.details ?? errorSpec(this.code).details },
    };
    if (this.subcode !== undefined) error.error_subcode = this.subcode;
    if (this.userTitle !== undefined) {
      error.is_transient = false;
      error.error_user_title = this.userTitle;
      error.error_user_msg = this.details;
    }
    error.fbtrace_id = fbtraceId;
    return { error };
  }
}

/** The answer Graph gives for ids that do not exist or that the token may not see. */
export function unknownObject(id: string, method: string): GraphError {
  return new GraphError(
    100,
    `Unsupported ${method.toLowerCase()} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
    33,
  );
}

export const invalidParam = (details: string): GraphError => new GraphError(100, details);
export const missingParam = (details: string): GraphError => new GraphError(131008, details);
export const invalidValue = (details: string): GraphError => new GraphError(131009, details);
