/**
 * Google's JSON error envelope (google.rpc.Status as REST APIs render it):
 * {"error": {"code": 400, "message": "…", "status": "INVALID_ARGUMENT", "details": [...]}}.
 */
export interface GoogleErrorBody {
  error: { code: number; message: string; status: string; details?: Record<string, unknown>[] };
}

const errorInfo = (reason: string, method: string) => ({
  '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
  reason,
  domain: 'googleapis.com',
  metadata: { service: 'people.googleapis.com', method },
});

const LIST_CONNECTIONS = 'google.people.v1.PeopleService.ListConnections';

export const googleErrors = {
  invalidArgument: (message: string): GoogleErrorBody => ({
    error: { code: 400, message, status: 'INVALID_ARGUMENT', details: [{ '@type': 'type.googleapis.com/google.rpc.BadRequest', fieldViolations: [{ description: message }] }] },
  }),
  unauthenticated: (): GoogleErrorBody => ({
    error: {
      code: 401,
      message: 'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
      status: 'UNAUTHENTICATED',
      details: [errorInfo('ACCESS_TOKEN_TYPE_UNSUPPORTED', LIST_CONNECTIONS)],
    },
  }),
  insufficientScope: (): GoogleErrorBody => ({
    error: { code: 403, message: 'Request had insufficient authentication scopes.', status: 'PERMISSION_DENIED', details: [errorInfo('ACCESS_TOKEN_SCOPE_INSUFFICIENT', LIST_CONNECTIONS)] },
  }),
  notFound: (): GoogleErrorBody => ({ error: { code: 404, message: 'Requested entity was not found.', status: 'NOT_FOUND' } }),
};
