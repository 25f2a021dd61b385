// The simulator parses its own bodies, whatever parsers the host application installed:
// JSON (malformed → the error handler's 400), multipart for media uploads, form-encoded
// Graph calls, and anything else as raw bytes.
import type { FastifyInstance } from 'fastify';
import { boundaryOf, parseMultipart } from '../graph/media/multipart';
import type { MultipartBody } from '../graph/graph-request';

export class MalformedBodyError extends Error {
  readonly statusCode = 400;
}

export const JSON_BODY_LIMIT = 16 * 1024 * 1024;
export const UPLOAD_BODY_LIMIT = 101 * 1024 * 1024;

export function installBodyParsers(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: JSON_BODY_LIMIT }, (_req, body, done) => {
    if (body === '') return done(null, undefined);
    try {
      done(null, JSON.parse(body as string));
    } catch {
      done(new MalformedBodyError('The request body is not valid JSON.'), undefined);
    }
  });
  app.addContentTypeParser('multipart/form-data', { parseAs: 'buffer', bodyLimit: UPLOAD_BODY_LIMIT }, (req, body, done) => {
    const boundary = boundaryOf(req.headers['content-type']);
    if (!boundary) return done(new MalformedBodyError('The multipart boundary is missing.'), undefined);
    const parsed: MultipartBody = { multipart: parseMultipart(body as Buffer, boundary) };
    done(null, parsed);
  });
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: JSON_BODY_LIMIT }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: JSON_BODY_LIMIT }, (_req, body, done) => done(null, body));
}

export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const m = /^Bearer\s+(.+)$/i.exec(header.trim());
  return m ? m[1]!.trim() : null;
}
