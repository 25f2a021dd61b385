import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** Where encrypted media bytes live: a directory today, an S3-compatible bucket later. */
export interface MediaStorage {
  put(key: string, bytes: Buffer): Promise<void>;
  /** Moves a finished file of `scratchDir` (already sealed) into storage under `key`. */
  putFile(key: string, path: string): Promise<void>;
  get(key: string): Promise<Buffer | null>;
  delete(key: string): Promise<void>;
  /**
   * A private local directory for files being received or sealed, on the same filesystem as the
   * media, so a finished file moves in by rename. Nothing in it is ever plaintext.
   */
  readonly scratchDir: string;
}

/** Files under DATA_DIR/media, written atomically (temporary file, then rename). */
export function localMediaStorage(root: string): MediaStorage {
  const pathOf = (key: string) => {
    if (!/^[a-zA-Z0-9/_-]+$/.test(key) || key.includes('..')) throw new Error('invalid media key');
    return join(root, key);
  };
  return {
    // Keys cannot contain dots, so no medium can be stored inside it.
    scratchDir: join(root, '.scratch'),
    async put(key, bytes) {
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true });
      const tmp = `${path}.${process.pid}.tmp`;
      await writeFile(tmp, bytes);
      await rename(tmp, path);
    },
    async putFile(key, file) {
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true });
      await rename(file, path);
    },
    async get(key) {
      try {
        return await readFile(pathOf(key));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}
