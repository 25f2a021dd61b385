// The media endpoints (reference §4): upload to a number, media info with a 5-minute URL,
// delete, and the token-protected download.
import { GraphError, invalidParam, unknownObject } from '../graph-error';
import { isMultipartBody, ok, type GraphReply, type GraphRequest } from '../graph-request';
import type { BusinessNumber } from '../../engine/numbers';
import type { StoredMedia } from './media-store';
import { baseMime, sizeLimitOf, SUPPORTED_MIME_TYPES } from './media-types';

export function uploadMedia(req: GraphRequest, number: BusinessNumber): GraphReply {
  if (!isMultipartBody(req.body)) throw invalidParam('Media uploads must be multipart/form-data.');
  const parts = req.body.multipart;
  const field = (name: string) => parts.find((p) => p.name === name);
  const product = field('messaging_product')?.data.toString('utf8');
  if (product === undefined) throw invalidParam('The parameter messaging_product is required.');
  if (product !== 'whatsapp') throw invalidParam(`Param messaging_product must be one of {WHATSAPP} - got "${product}".`);
  const file = field('file');
  if (!file || file.filename === null) throw invalidParam('The parameter file is required.');
  const mime = field('type')?.data.toString('utf8') || file.contentType;
  if (!mime) throw invalidParam('The parameter type is required.');
  const limit = sizeLimitOf(mime);
  if (limit === undefined) {
    throw new GraphError(131053, `Param file must be a file with one of the following types: ${SUPPORTED_MIME_TYPES.join(', ')}. Received file of type '${baseMime(mime)}'.`);
  }
  if (file.data.length > limit) throw new GraphError(131053, `The file is ${file.data.length} bytes; ${baseMime(mime)} files may be at most ${limit} bytes.`);
  if (file.data.length === 0) throw new GraphError(131053, 'The uploaded file is empty.');
  const stored = req.engine.media.put(number.id, file.data, mime, 'upload', file.filename);
  return ok({ id: stored.id });
}

export function mediaInfo(req: GraphRequest, media: StoredMedia): GraphReply {
  checkPhoneNumberId(req, media);
  return ok({
    messaging_product: 'whatsapp',
    url: req.engine.media.downloadUrl(req.baseUrl, media),
    mime_type: media.mimeType,
    sha256: media.sha256.toString('hex'),
    file_size: media.data.length,
    id: media.id,
  });
}

export function deleteMedia(req: GraphRequest, media: StoredMedia): GraphReply {
  checkPhoneNumberId(req, media);
  req.engine.media.delete(media.id);
  return ok({ success: true });
}

/** GET <media url>: needs the owning number's token (401), and a live URL (404). */
export function downloadMedia(req: GraphRequest): GraphReply {
  const { mid = '', ext = '', hash = '' } = req.query;
  const media = req.engine.media.resolveDownload(mid, ext, hash);
  const owner = typeof media === 'object' ? req.engine.numbers.get(media.ownerPhoneNumberId) : undefined;
  if (!req.token || (owner && owner.config.accessToken !== req.token) || (!owner && !req.engine.numbers.isKnownToken(req.token))) {
    throw new GraphError(190, 'Downloading media requires the access token of the number it belongs to.');
  }
  if (typeof media !== 'object') throw new GraphError(100, `The media URL is ${media === 'expired' ? 'expired' : 'not valid'}; request a new one from GET /<MEDIA_ID>.`).withStatus(404);
  return { status: 200, file: { contentType: media.mimeType, data: media.data } };
}

function checkPhoneNumberId(req: GraphRequest, media: StoredMedia): void {
  const pnid = req.query.phone_number_id;
  if (pnid !== undefined && pnid !== media.ownerPhoneNumberId) throw unknownObject(media.id, req.method);
}
