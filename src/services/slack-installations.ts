import type { Prisma } from '../generated/prisma/client';
import { isSealed, type SecretBox } from '../secrets/secret-box';
import type { ServiceDeps } from './deps';

/**
 * Slack OAuth installations kept in PostgreSQL (issue 6). This service knows nothing of Bolt: the
 * Slack adapter turns Bolt's Installation objects into this shape and back (STYLE.md §2).
 */
export interface SlackInstallationRecord {
  teamId: string | null;
  enterpriseId: string | null;
  isEnterpriseInstall: boolean;
  botUserId: string | null;
  /** The platform's whole installation object (it carries the bot token), returned as stored. */
  data: SlackInstallationData;
}

/** A JSON object as the platform gave it (plain data: no dates, no class instances). */
export type SlackInstallationData = Prisma.InputJsonObject;

export interface SlackInstallationQuery {
  teamId?: string | null;
  enterpriseId?: string | null;
  isEnterpriseInstall?: boolean;
}

/** One row per workspace, or per Enterprise Grid org for an org-wide install. */
export function installationKey(q: SlackInstallationQuery): string | null {
  if (q.isEnterpriseInstall && q.enterpriseId) return `E:${q.enterpriseId}`;
  if (q.teamId) return `T:${q.teamId}`;
  return null;
}

export interface SlackInstallations {
  /** Inserts or replaces (a re-install brings a new token and scopes). */
  save(record: SlackInstallationRecord): Promise<void>;
  /** The stored installation object, or null. A workspace of an org-wide install falls back to the org's row. */
  find(q: SlackInstallationQuery): Promise<Prisma.JsonValue | null>;
  remove(q: SlackInstallationQuery): Promise<void>;
  count(): Promise<number>;
  /**
   * Re-seals every installation under the current key (after a key rotation, or to seal rows
   * stored in clear before SECRET_KEYS was set). Returns how many rows were rewritten.
   */
  reseal(): Promise<{ resealed: number; total: number }>;
}

/**
 * The stored `data` column: the installation object sealed (`{ sealed }`, the key id inside) when
 * a secret box is configured, else as given (development without SECRET_KEYS).
 */
const toStored = (data: SlackInstallationData, secrets: SecretBox | undefined): Prisma.InputJsonObject =>
  secrets ? { sealed: secrets.seal(JSON.stringify(data)) } : data;

function fromStored(stored: Prisma.JsonValue, secrets: SecretBox | undefined): Prisma.JsonValue {
  const sealed = (stored as { sealed?: unknown } | null)?.sealed;
  if (!isSealed(sealed)) return stored;
  if (!secrets) throw new Error('This Slack installation is sealed; set SECRET_KEYS (with its key) to read it.');
  return JSON.parse(secrets.open(sealed)) as Prisma.JsonValue;
}

export function createSlackInstallations(deps: Pick<ServiceDeps, 'db' | 'secrets'>): SlackInstallations {
  const { db, secrets } = deps;
  return {
    async save(record) {
      const key = installationKey(record);
      if (!key) throw new Error('A Slack installation needs a team id or an enterprise id');
      const fields = {
        teamId: record.teamId,
        enterpriseId: record.enterpriseId,
        isEnterpriseInstall: record.isEnterpriseInstall,
        botUserId: record.botUserId,
        data: toStored(record.data, secrets),
      };
      await db.slackInstallation.upsert({
        where: { installationKey: key },
        create: { installationKey: key, ...fields },
        update: fields,
      });
    },
    async find(q) {
      const keys = [installationKey(q), q.enterpriseId ? `E:${q.enterpriseId}` : null].filter((k): k is string => k !== null);
      if (keys.length === 0) return null;
      const rows = await db.slackInstallation.findMany({
        where: { installationKey: { in: keys } },
        select: { installationKey: true, data: true },
      });
      // The workspace's own row wins over its org's.
      const byKey = new Map(rows.map((r) => [r.installationKey, r.data]));
      for (const key of keys) {
        const data = byKey.get(key);
        if (data !== undefined) return fromStored(data, secrets);
      }
      return null;
    },
    async remove(q) {
      const key = installationKey(q);
      if (key) await db.slackInstallation.deleteMany({ where: { installationKey: key } });
    },
    count: () => db.slackInstallation.count(),
    async reseal() {
      if (!secrets) throw new Error('Set SECRET_KEYS (the new key first) to re-seal the Slack installations.');
      const rows = await db.slackInstallation.findMany({ select: { id: true, data: true } });
      let resealed = 0;
      for (const row of rows) {
        const sealed = (row.data as { sealed?: unknown } | null)?.sealed;
        if (isSealed(sealed) && sealed.kid === secrets.currentKeyId) continue;
        const plain = fromStored(row.data, secrets) as SlackInstallationData;
        await db.slackInstallation.update({ where: { id: row.id }, data: { data: toStored(plain, secrets) } });
        resealed++;
      }
      return { resealed, total: rows.length };
    },
  };
}
