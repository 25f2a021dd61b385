import { FormData } from 'undici';
import { z } from 'zod';
import type { GraphHttp } from './graph-http';

export interface MediaUpload {
  data: Uint8Array | Blob;
  /** Must be the file's real type: a mismatch fails later with 131053. */
  mimeType: string;
  filename: string;
}

export interface MediaInfo {
  id: string;
  /** Valid for 5 minutes; download it with the same token. */
  url: string;
  mimeType: string;
  /** As Meta gives it: hex in older answers, base64 in newer ones. */
  sha256: string;
  fileSize: number;
}

const uploadResponse = z.object({ id: z.string().min(1) });

const mediaResponse = z.object({
  id: z.string().min(1),
  url: z.url(),
  mime_type: z.string(),
  sha256: z.string(),
  // Documented as a string of digits; accept a number too.
  file_size: z.union([z.number(), z.string().regex(/^\d+$/)]).transform(Number),
});

const successResponse = z.object({ success: z.literal(true) });

/**
 * Uploads a file for sending (multipart, reference §4). The id lasts 30 days and works only
 * for sends from the same phone number. Large files may need a longer `timeoutMs`.
 */
export async function uploadMedia(
  http: GraphHttp,
  phoneNumberId: string,
  upload: MediaUpload,
  options: { timeoutMs?: number } = {},
): Promise<{ id: string }> {
  const form = new FormData();
  form.append('messaging_product', 'whatsapp');
  form.append('file', upload.data instanceof Blob ? upload.data : new Blob([upload.data], { type: upload.mimeType }), upload.filename);
  form.append('type', upload.mimeType);
  const { id } = await http.call({ method: 'POST', path: `/${phoneNumberId}/media`, form, schema: uploadResponse, ...options });
  return { id };
}

/** Looks up a media id (ours or an inbound one) for its short-lived download URL. */
export async function getMedia(http: GraphHttp, mediaId: string): Promise<MediaInfo> {
  const media = await http.call({ method: 'GET', path: `/${encodeURIComponent(mediaId)}`, schema: mediaResponse });
  return { id: media.id, url: media.url, mimeType: media.mime_type, sha256: media.sha256, fileSize: media.file_size };
}

export async function deleteMedia(http: GraphHttp, mediaId: string): Promise<void> {
  await http.call({ method: 'DELETE', path: `/${encodeURIComponent(mediaId)}`, schema: successResponse });
}
