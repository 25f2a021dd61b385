import type { FastifyRequest } from 'fastify';
import { uploadErrors } from '../errors';
import { MEDIA_MAX_BYTES } from './media-kinds';
import { spoolUpload, UploadTooLarge, type SpooledFile } from './spool-upload';

/** What a form may carry besides the file: a few short fields and the multipart framing. */
const FORM_OVERHEAD_BYTES = 64 * 1024;

const tooLarge = () => uploadErrors.formTooLarge(MEDIA_MAX_BYTES);

/**
 * The multipart body of an upload, as Meta's own upload takes it: a `file` part, its type from
 * an optional `type` field (any order) or else the part's Content-Type. The file streams into a
 * scratch file in `scratchDir`, never whole into memory; a body announced larger than any medium
 * is refused before a byte is read, and one that grows past it as it arrives. Parser limits
 * become the API's error codes. The caller discards the file when done with it.
 */
export async function readMediaForm(request: FastifyRequest, scratchDir: string): Promise<{ file: SpooledFile; declaredType: string }> {
  if (Number(request.headers['content-length']) > MEDIA_MAX_BYTES + FORM_OVERHEAD_BYTES) throw tooLarge();
  let file: { spooled: SpooledFile; contentType: string } | undefined;
  let type: string | undefined;
  try {
    // The parser's own file limit sits one byte above ours, so spoolUpload is the one that stops.
    for await (const part of request.parts({ limits: { files: 1, fields: 5, fieldSize: 1024, fileSize: MEDIA_MAX_BYTES + 1 } })) {
      if (part.type === 'file') {
        if (part.fieldname === 'file') file = { spooled: await spoolUpload(part.file, scratchDir, MEDIA_MAX_BYTES), contentType: part.mimetype };
        else part.file.resume();
      } else if (part.fieldname === 'type' && typeof part.value === 'string') {
        type = part.value;
      }
    }
  } catch (error) {
    await file?.spooled.discard();
    throw error instanceof UploadTooLarge ? tooLarge() : formError(error);
  }
  if (!file) throw uploadErrors.fileRequired();
  return { file: file.spooled, declaredType: type?.trim() || file.contentType };
}

function formError(error: unknown): Error {
  switch ((error as { code?: unknown } | null)?.code) {
    case 'FST_FILES_LIMIT':
    case 'FST_FIELDS_LIMIT':
    case 'FST_PARTS_LIMIT':
      return uploadErrors.tooManyParts();
    default:
      // Everything else in the loop is parsing: a truncated or malformed body, a forbidden field name.
      return uploadErrors.invalidMultipart();
  }
}
