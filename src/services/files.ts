import { createHash } from 'node:crypto';
import type { ServiceDeps } from './deps';
import { NotFoundError } from './errors';

export interface StoredFileInfo {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
}

export interface StoredFileData extends StoredFileInfo {
  data: Buffer;
}

const infoSelect = { id: true, filename: true, contentType: true, size: true, sha256: true } as const;

/** Keeps an uploaded file (a resume) so a recruiter can fetch the original later. */
export async function storeFile(
  deps: ServiceDeps,
  input: { filename: string; contentType: string; data: Buffer },
): Promise<StoredFileInfo> {
  return deps.db.storedFile.create({
    data: {
      filename: input.filename.slice(0, 255),
      contentType: input.contentType,
      size: input.data.length,
      sha256: createHash('sha256').update(input.data).digest('hex'),
      data: new Uint8Array(input.data),
      createdAt: deps.now(),
    },
    select: infoSelect,
  });
}

export async function readFile(deps: ServiceDeps, fileId: string): Promise<StoredFileData> {
  const row = await deps.db.storedFile.findUnique({ where: { id: fileId }, select: { ...infoSelect, data: true } });
  if (!row) throw new NotFoundError({ key: 'svc.fileGone' });
  return { ...row, data: Buffer.from(row.data) };
}

/**
 * Deletes a file nothing refers to (a resume from a cancelled submission). A file a candidate or
 * submission already holds is kept. Returns whether it was deleted.
 */
export async function deleteUnusedFile(deps: ServiceDeps, fileId: string): Promise<boolean> {
  const deleted = await deps.db.storedFile.deleteMany({
    where: { id: fileId, candidates: { none: {} }, submissions: { none: {} }, disputes: { none: {} } },
  });
  return deleted.count === 1;
}
