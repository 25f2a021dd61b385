// Files a simulated customer "sends" when the caller gives no bytes: small but real enough
// for a browser or a MIME sniffer (a 1×1 JPEG, a one-page PDF, ...).

const TINY_JPEG_BASE64 =
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=';

const TINY_PDF = '%PDF-1.1\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n';

export const DEFAULT_MIME: Record<string, string> = {
  image: 'image/jpeg',
  audio: 'audio/ogg; codecs=opus',
  video: 'video/mp4',
  document: 'application/pdf',
  sticker: 'image/webp',
};

export function placeholderBytes(mimeType: string): Buffer {
  if (mimeType.startsWith('image/jpeg')) return Buffer.from(TINY_JPEG_BASE64, 'base64');
  if (mimeType === 'application/pdf') return Buffer.from(TINY_PDF, 'latin1');
  if (mimeType.startsWith('text/')) return Buffer.from('Simulated file from a WhatsApp customer.\n');
  // Recognizable header bytes; the rest does not matter to a simulator.
  if (mimeType === 'image/webp') return Buffer.concat([Buffer.from('RIFF\x1a\x00\x00\x00WEBPVP8 ', 'latin1'), Buffer.alloc(18)]);
  if (mimeType.startsWith('audio/ogg')) return Buffer.concat([Buffer.from('OggS', 'latin1'), Buffer.alloc(60)]);
  return Buffer.concat([Buffer.from('\x00\x00\x00\x18ftypmp42', 'latin1'), Buffer.alloc(64)]);
}
