import { z } from 'zod';
import type { UploadUsage } from '../domain/upload-quota';
import type { Prisma } from '../generated/prisma/client';
import type { ServiceDeps } from './deps';
import { storeFile } from './files';
import { parseOrThrow } from './validate';

/**
 * The web chat's state that every instance must see (issue 17): the transcript of each session
 * and the files attached to it. The entries are opaque JSON here: the web adapter renders them,
 * this module only keeps them in order.
 */

/** A rendered transcript entry: its `id` is what an edit names. */
export type WebChatEntryValue = { id: string } & Record<string, unknown>;

const entryInput = z.object({
  sessionId: z.string().min(1).max(100),
  entry: z.object({ id: z.string().min(1).max(100) }).passthrough(),
});

/** Stores an entry, or replaces the session's entry with the same id in place (an edit). */
export async function putWebEntry(deps: ServiceDeps, raw: { sessionId: string; entry: WebChatEntryValue }): Promise<void> {
  const { sessionId, entry } = parseOrThrow(entryInput, raw);
  const json = entry as Prisma.InputJsonObject;
  await deps.db.webChatEntry.upsert({
    where: { sessionId_entryId: { sessionId, entryId: entry.id } },
    create: { sessionId, entryId: entry.id, entry: json, createdAt: deps.now() },
    update: { entry: json },
    select: { seq: true },
  });
}

/** Replaces an entry the session already holds; false when it holds none with that id. */
export async function replaceWebEntry(deps: ServiceDeps, raw: { sessionId: string; entry: WebChatEntryValue }): Promise<boolean> {
  const { sessionId, entry } = parseOrThrow(entryInput, raw);
  const updated = await deps.db.webChatEntry.updateMany({
    where: { sessionId, entryId: entry.id },
    data: { entry: entry as Prisma.InputJsonObject },
  });
  return updated.count > 0;
}

/** The session's last `limit` entries, oldest first. */
export async function webHistory(deps: ServiceDeps, sessionId: string, limit: number): Promise<WebChatEntryValue[]> {
  const rows = await deps.db.webChatEntry.findMany({
    where: { sessionId },
    orderBy: { seq: 'desc' },
    take: limit,
    select: { entry: true },
  });
  return rows.reverse().map((r) => r.entry as WebChatEntryValue);
}

export interface WebUploadInfo {
  /** What the page sends back to use the file. */
  ref: string;
  name: string;
  contentType: string;
  size: number;
}

const uploadInput = z.object({
  sessionId: z.string().min(1).max(100),
  filename: z.string().min(1).max(255),
  contentType: z.string().min(1).max(255),
  ttlMs: z.number().int().positive(),
});

/** Keeps an attached file in the shared file store for `ttlMs`, usable by its session only. */
export async function createWebUpload(
  deps: ServiceDeps,
  raw: z.input<typeof uploadInput> & { data: Buffer },
): Promise<WebUploadInfo> {
  const input = parseOrThrow(uploadInput, raw);
  const file = await storeFile(deps, { filename: input.filename, contentType: input.contentType, data: raw.data });
  const now = deps.now();
  await deps.db.webUpload.create({
    data: { fileId: file.id, sessionId: input.sessionId, expiresAt: new Date(now.getTime() + input.ttlMs), createdAt: now },
  });
  return { ref: file.id, name: file.filename, contentType: file.contentType, size: file.size };
}

/** A live upload's description, only for the session that attached it. */
export async function findWebUpload(deps: ServiceDeps, sessionId: string, ref: string): Promise<WebUploadInfo | null> {
  const row = await deps.db.webUpload.findFirst({
    where: { fileId: ref, sessionId, expiresAt: { gt: deps.now() } },
    select: { fileId: true },
  });
  if (!row) return null;
  const file = await deps.db.storedFile.findUnique({
    where: { id: row.fileId },
    select: { id: true, filename: true, contentType: true, size: true },
  });
  return file ? { ref: file.id, name: file.filename, contentType: file.contentType, size: file.size } : null;
}

/** How long an upload stays once the engine has read it: a replayed event may read it again. */
const KEEP_AFTER_READ_MS = 5 * 60_000;

/**
 * A live upload's bytes (the engine fetching a file the user attached), or null once expired. A
 * read upload goes a few minutes later, freeing its place in the session's quota.
 */
export async function readWebUpload(deps: ServiceDeps, ref: string): Promise<Buffer | null> {
  const now = deps.now();
  const live = await deps.db.webUpload.findFirst({ where: { fileId: ref, expiresAt: { gt: now } }, select: { expiresAt: true } });
  if (!live) return null;
  const soon = new Date(now.getTime() + KEEP_AFTER_READ_MS);
  if (live.expiresAt > soon) await deps.db.webUpload.update({ where: { fileId: ref }, data: { expiresAt: soon } });
  const file = await deps.db.storedFile.findUnique({ where: { id: ref }, select: { data: true } });
  return file ? Buffer.from(file.data) : null;
}

/**
 * What a session's uploads hold in the shared store now (for its quota, src/domain/upload-quota.ts):
 * files and bytes still waiting, and when it sent the uploads of the last `windowMs`.
 */
export async function webUploadUsage(deps: ServiceDeps, sessionId: string, windowMs: number): Promise<UploadUsage> {
  const now = deps.now();
  const since = new Date(now.getTime() - windowMs);
  const rows = await deps.db.webUpload.findMany({
    where: { sessionId, OR: [{ expiresAt: { gt: now } }, { createdAt: { gt: since } }] },
    select: { fileId: true, expiresAt: true, createdAt: true },
    orderBy: { createdAt: 'asc' },
  });
  const waiting = rows.filter((r) => r.expiresAt > now).map((r) => r.fileId);
  const sizes =
    waiting.length === 0
      ? { _sum: { size: 0 } }
      : await deps.db.storedFile.aggregate({ where: { id: { in: waiting } }, _sum: { size: true } });
  return {
    waitingFiles: waiting.length,
    waitingBytes: sizes._sum.size ?? 0,
    sentAt: rows.filter((r) => r.createdAt > since).map((r) => r.createdAt),
  };
}

/**
 * Forgets expired uploads (and their bytes unless a candidate or submission kept them) and
 * transcript entries older than `entryMaxAgeMs`. Returns how many of each went.
 */
export async function pruneWebChat(deps: ServiceDeps, entryMaxAgeMs: number): Promise<{ uploads: number; entries: number }> {
  const now = deps.now();
  const expired = await deps.db.webUpload.findMany({ where: { expiresAt: { lte: now } }, select: { fileId: true }, take: 1000 });
  for (const { fileId } of expired) {
    await deps.db.webUpload.delete({ where: { fileId } });
    await deps.db.storedFile.deleteMany({ where: { id: fileId, candidates: { none: {} }, submissions: { none: {} } } });
  }
  const entries = await deps.db.webChatEntry.deleteMany({
    where: { createdAt: { lt: new Date(now.getTime() - entryMaxAgeMs) } },
  });
  return { uploads: expired.length, entries: entries.count };
}
