// Files uploaded from the data page: each written, as it streams in, to a folder of its own under the
// workspace's uploads/ folder (never held in memory), imported from there, then deleted; the rejects file
// stays beside it for download.
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fail } from '../../core/errors.ts';

export const UPLOADS = 'uploads';
const UPLOAD_ID = /^[0-9a-f]{16}$/;

export interface StoredUpload {
  id: string;
  file: string;
  rejectsFile: string;
}

/** The name a file is kept under: its own name without folders, characters a file system may refuse replaced. */
export function safeFileName(name: string): string {
  const base = basename(name.replaceAll('\\', '/'))
    .replace(/[^A-Za-z0-9._ -]/g, '_')
    .slice(0, 120);
  return base && !/^\.+$/.test(base) ? base : 'upload';
}

/** Streams body to uploads/<id>/<name>. */
export async function storeUpload(workspaceDir: string, name: string, body: Readable): Promise<StoredUpload> {
  const id = randomBytes(8).toString('hex');
  const dir = join(workspaceDir, UPLOADS, id);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, safeFileName(name));
  try {
    await pipeline(body, createWriteStream(file, { mode: 0o600 }));
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return { id, file, rejectsFile: join(dir, 'rejects.csv') };
}

/** The rejects file of an upload, or FP_DATASET_NO_REJECTS. */
export function uploadRejects(workspaceDir: string, id: string): string {
  const file = join(workspaceDir, UPLOADS, id, 'rejects.csv');
  if (!UPLOAD_ID.test(id) || !existsSync(file)) {
    fail('FP_DATASET_NO_REJECTS', 'That upload has no rejected rows to download.', {
      where: { parameter: 'id' },
      received: id,
    });
  }
  return file;
}

/** Deletes the uploaded file, keeping its rejects; the whole folder when there are none. */
export function discardUpload(upload: StoredUpload): void {
  rmSync(upload.file, { force: true });
  if (!existsSync(upload.rejectsFile)) rmSync(join(upload.file, '..'), { recursive: true, force: true });
}
