import multipart from '@fastify/multipart';
import { z } from 'zod';
import { idempotencyHeaders, idempotent, type AppInstance } from '../../../platform/http';
import { actorOf, requirePrincipal } from '../../auth';
import { checkMediaFile } from './check-media-file';
import type { MessagesDeps } from '../deps';
import { uploadErrors } from '../errors';
import { MEDIA_MAX_BYTES, SUPPORTED_MEDIA_TYPES } from './media-kinds';
import { readMediaForm } from './read-media-form';
import { uploadMedia, type UploadedMedia } from './upload-media';

const UPLOAD_ROUTE = 'POST /api/v1/media';

/**
 * The upload form in the OpenAPI document. The multipart parser leaves the body to the handler
 * (readMediaForm streams it to a scratch file, checking the size as it arrives) and preValidation refuses any other media type, so there
 * is nothing left for the schema to validate.
 */
const uploadForm = z.custom<unknown>(() => true).meta({
  type: 'object',
  properties: {
    file: { type: 'string', format: 'binary', description: `The file (at most ${MEDIA_MAX_BYTES} bytes); its part's Content-Type is its type unless "type" says otherwise.` },
    type: { type: 'string', enum: SUPPORTED_MEDIA_TYPES, description: "The file's MIME type, as in Meta's upload." },
  },
  required: ['file'],
});

const uploadedMedia = z.object({
  id: z.string().describe('Our media id: send it as `{"id"}` of an image, video, audio, document or sticker.'),
  type: z.enum(['image', 'video', 'audio', 'document', 'sticker']).describe('The message type that carries this file.'),
  mimeType: z.string(),
  size: z.number().int().describe('Bytes.'),
});

export function registerMediaRoutes(app: AppInstance, deps: MessagesDeps): void {
  void app.register(async (scope: AppInstance) => {
    // Scoped to this route: the rest of the API takes JSON only.
    await scope.register(multipart);
    scope.post('/api/v1/media', {
      config: { access: 'inbox.write' },
      // JSON or another media type is the wrong kind of request, not a bad form: 415 before the body schema.
      preValidation: async (request) => {
        if (!request.isMultipart()) throw uploadErrors.multipartRequired();
      },
      schema: {
        tags: ['messages'],
        description:
          'Uploads a file to send: multipart/form-data with `file` (and optionally `type`). Checked against WhatsApp\'s rules: image jpeg/png ≤ 5 MB, ' +
          'video mp4/3gpp ≤ 16 MB, audio aac/amr/mpeg/mp4/ogg (OPUS) ≤ 16 MB, document pdf/txt/Office ≤ 100 MB, sticker webp ≤ 100 KB (animated ≤ 500 KB), ' +
          'and the bytes must be of the declared type: `media_type_unsupported` (415), `media_too_large` (413), `media_type_mismatch`, `media_empty`, ' +
          '`media_file_required` (422). Stored encrypted; readable at GET /api/v1/media/{id}. Meta receives it when a send names it, once per phone number. ' +
          'Honors `Idempotency-Key`.',
        consumes: ['multipart/form-data'],
        headers: idempotencyHeaders,
        body: uploadForm,
        response: { 201: uploadedMedia },
      },
    }, async (request, reply) => {
      const p = requirePrincipal(request);
      const { file: spooled, declaredType } = await readMediaForm(request, deps.storage.scratchDir);
      let uploaded: UploadedMedia;
      try {
        const file = { spooled, ...checkMediaFile(spooled.head, spooled.size, declaredType) };
        // A replay is the same file of the same type; the hash stands for the bytes.
        uploaded = (await idempotent({ ...deps, statuses: request.server.errorStatuses }, p.workspaceId, UPLOAD_ROUTE, request.headers['idempotency-key'], { sha256: spooled.sha256, mimeType: file.mimeType }, async (tx) => ({ status: 201, body: await uploadMedia(deps, tx, p.workspaceId, actorOf(p), file) }))).body;
      } finally {
        await spooled.discard();
      }
      // Answered once the scratch file is gone.
      return reply.status(201).send(uploaded);
    });
  });
}
