import type { Message } from './types';

type Obj = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);
// Our media ids are UUIDs; Meta's are digits.
const isOurId = (v: unknown) => typeof v === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);

// Media streams from the authorized media route (the session's cookie), never from Meta's URLs.
export function MediaView({ message, body }: { message: Message; body: Obj }) {
  // A file we sent from an upload of ours is shown from that upload.
  const stored = message.media?.[0] ?? (message.direction === 'outbound' && isOurId(body.id) ? { id: body.id as string, status: 'stored' } : undefined);
  const caption = str(body.caption);
  const filename = str(body.filename);
  const kind = message.type;
  const name = `${kind[0]!.toUpperCase()}${kind.slice(1)}`;
  // What we sent by Meta's media id or a link: no copy of ours to show.
  if (!stored && message.direction === 'outbound') {
    return <p><span className="message-kind">{`${name} `}</span>{caption ?? filename}</p>;
  }
  if (!stored || stored.status !== 'stored') {
    const state = stored?.status === 'failed' ? 'could not be downloaded' : 'is being downloaded';
    return <p className="message-media-pending">{`${name} ${state}.`}{caption && <span className="message-caption">{caption}</span>}</p>;
  }
  const src = `/api/v1/media/${encodeURIComponent(stored.id)}`;
  return (
    <figure className="message-media">
      {kind === 'image' && <img src={src} alt={caption ?? 'Image'} loading="lazy" />}
      {kind === 'sticker' && <img src={src} alt="Sticker" className="message-sticker" loading="lazy" />}
      {kind === 'audio' && <audio controls src={src} aria-label={body.voice ? 'Voice message' : 'Audio'} preload="none" />}
      {kind === 'video' && <video controls src={src} aria-label={caption ?? 'Video'} preload="none" />}
      {kind === 'document' && <a href={src} download={filename ?? 'document'}>{filename ?? 'Download the document'}</a>}
      {caption && <figcaption className="message-caption">{caption}</figcaption>}
    </figure>
  );
}
