/** The body as JSON, or undefined when it is not JSON (an HTML error page, an empty body). */
export function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}
