// An error of the simulator's own control surface (not a Graph error): the HTTP status
// and a snake_case code for `{"error": {"code", "message", "details"}}`.

export class SimError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const numberNotFound = (id: string): SimError => new SimError(404, 'number_not_found', `No number ${id} is registered with the simulator.`);
