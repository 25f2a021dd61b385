import type { FastifyRequest } from 'fastify';
import { outboundError } from './errors';
import { MEDIA_MAX_BYTES } from './media-kinds';

/**
 * The multipart body of an upload, as Meta's own upload takes it: a `file` part, its type from
 * an optional `type` field (any order) or else the part's Content-Type. Parser limits become
 * the API's error codes.
 */
export async function readMediaForm(request: FastifyRequest): Promise<{ bytes: Buffer; declaredType: string }> {
  let file: { bytes: Buffer; contentType: string } | undefined;
  let type: string | undefined;
  try {
    for await (const part of request.parts({ limits: { files: 1, fields: 5, fieldSize: 1024, fileSize: MEDIA_MAX_BYTES } })) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        if (part.fieldname === 'file') file = { bytes, contentType: part.mimetype };
      } else if (part.fieldname === 'type' && typeof part.value === 'string') {
        type = part.value;
      }
    }
  } catch (error) {
    throw formError(error);
  }
  if (!file) throw outboundError(422, 'media_file_required', 'The form has no file part named "file".');
  return { bytes: file.bytes, declaredType: type?.trim() || file.contentType };
}

function formError(error: unknown): Error {
  switch ((error as { code?: unknown } | null)?.code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return outboundError(413, 'media_too_large', `No WhatsApp medium may exceed ${MEDIA_MAX_BYTES} bytes.`, { limitBytes: MEDIA_MAX_BYTES });
    case 'FST_FILES_LIMIT':
    case 'FST_FIELDS_LIMIT':
    case 'FST_PARTS_LIMIT':
      return outboundError(422, 'validation_failed', 'Send one file ("file") and at most a "type" field.', { issues: [{ path: 'body', message: 'too many parts' }] });
    default:
      // Everything else in the loop is parsing: a truncated or malformed body, a forbidden field name.
      return outboundError(400, 'invalid_multipart', 'The multipart/form-data body is malformed or incomplete.');
  }
}
