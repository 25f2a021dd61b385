import { createCipheriv, createDecipheriv, createHash, randomBytes, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** Enough of a file's beginning for every magic number sniff-media.ts looks at. */
const HEAD_BYTES = 8192;

/** The file went past the limit while it was being received. */
export class UploadTooLarge extends Error {
  constructor(readonly limitBytes: number) {
    super(`The file exceeds ${limitBytes} bytes`);
  }
}

/** A received file, on disk under a key that exists only in this object's memory. */
export interface SpooledFile {
  size: number;
  /** Base64 SHA-256 of the content. */
  sha256: string;
  /** The first bytes, to sniff the type from. */
  head: Buffer;
  /** The content again, streamed from disk; its integrity is checked when the last piece is read. */
  read(): AsyncIterable<Buffer>;
  discard(): Promise<void>;
}

/**
 * Receives an upload into a scratch file, one piece in memory at a time, and stops the moment it
 * passes `maxBytes`. The file on disk is sealed (AES-256-GCM) under a key held only by the returned
 * object, so a crash leaves nothing readable behind and no plaintext ever touches the disk.
 */
export async function spoolUpload(source: Readable, dir: string, maxBytes: number): Promise<SpooledFile> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${randomUUID()}.upload`);
  const key = randomBytes(32);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const hash = createHash('sha256');
  const head: Buffer[] = [];
  let headLength = 0;
  let size = 0;
  const seal = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > maxBytes) return done(new UploadTooLarge(maxBytes));
      hash.update(chunk);
      if (headLength < HEAD_BYTES) {
        head.push(chunk.subarray(0, HEAD_BYTES - headLength));
        headLength += Math.min(chunk.length, HEAD_BYTES - headLength);
      }
      done(null, cipher.update(chunk));
    },
    flush(done) {
      done(null, cipher.final());
    },
  });
  try {
    await pipeline(source, seal, createWriteStream(path, { flags: 'wx', mode: 0o600 }));
  } catch (error) {
    await rm(path, { force: true });
    throw error;
  }
  const tag = cipher.getAuthTag();
  return {
    size,
    sha256: hash.digest('base64'),
    head: Buffer.concat(head),
    async *read() {
      const decipher = createDecipheriv('aes-256-gcm', key, iv);
      decipher.setAuthTag(tag);
      for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) yield decipher.update(chunk);
      decipher.final();
    },
    discard: () => rm(path, { force: true }),
  };
}
