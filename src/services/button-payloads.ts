import type { ServiceDeps } from './deps';

/** A chat button's action, kept server-side when the platform limits what a button carries. */
export interface StoredButtonAction {
  key: string;
  actionId: string;
  value?: string;
}

/**
 * Keeps button payloads under their keys (issue 17: not in process memory, so a press on any
 * instance decodes). Keys are content hashes: storing the same one twice is a no-op.
 */
export async function saveButtonPayloads(deps: ServiceDeps, payloads: readonly StoredButtonAction[]): Promise<void> {
  if (payloads.length === 0) return;
  await deps.db.buttonPayload.createMany({
    data: payloads.map((p) => ({ key: p.key, actionId: p.actionId, value: p.value ?? null, createdAt: deps.now() })),
    skipDuplicates: true,
  });
}

/** The action stored under `key`, or null when it was never stored or has been pruned. */
export async function findButtonPayload(deps: ServiceDeps, key: string): Promise<StoredButtonAction | null> {
  const row = await deps.db.buttonPayload.findUnique({ where: { key }, select: { key: true, actionId: true, value: true } });
  return row ? { key: row.key, actionId: row.actionId, ...(row.value === null ? {} : { value: row.value }) } : null;
}

/** Drops payloads older than `maxAgeMs` (their buttons are long stale). */
export async function pruneButtonPayloads(deps: ServiceDeps, maxAgeMs: number): Promise<number> {
  const cut = new Date(deps.now().getTime() - maxAgeMs);
  return (await deps.db.buttonPayload.deleteMany({ where: { createdAt: { lt: cut } } })).count;
}
