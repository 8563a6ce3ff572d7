import { z } from 'zod';
import { canonicalEmail, normalizeEmail, normalizePhone } from '../domain/contact';
import { agencyHolding, DEFAULT_DUPLICATE_RULE, type HeldCandidate, type MatchOn } from '../domain/duplicates';
import { TEXT_LIMITS } from '../domain/limits';
import { canRegisterExternalCandidate } from '../domain/permissions';
import { assertAllowed, loadActor, SYSTEM_ACTOR } from './actor';
import type { ServiceDeps } from './deps';
import { ConflictError, InvalidInputError } from './errors';
import { parseOrThrow } from './validate';

/** Where a person the employer's ATS registers came from: any source but this portal's agencies. */
export const EXTERNAL_SOURCES = ['DIRECT', 'REFERRAL', 'VENDOR', 'OTHER'] as const;
export type ExternalSource = (typeof EXTERNAL_SOURCES)[number];

export const registerExternalCandidateInput = z
  .object({
    /** The ATS's own id of the person: registering it again is idempotent. */
    externalId: z.string().trim().min(1, 'Give the ATS’s id of the candidate.').max(200),
    source: z.enum(EXTERNAL_SOURCES),
    firstName: z.string().trim().min(1, 'First name is required.').max(TEXT_LIMITS.personName),
    lastName: z.string().trim().min(1, 'Last name is required.').max(TEXT_LIMITS.personName),
    phone: z.string().optional(),
    email: z.string().optional(),
  })
  .refine((c) => Boolean(c.phone?.trim() || c.email?.trim()), {
    message: 'Give the phone (with its country code), the email, or both: the duplicate check matches on them.',
    path: ['email'],
  });
export type RegisterExternalCandidateInput = z.input<typeof registerExternalCandidateInput>;

/**
 * An agency that held the person when the ATS registered them: the employer may see which one,
 * so a direct application of an agency's candidate is known before it becomes a fee dispute.
 */
export interface AgencyOwnershipReport {
  ownedByAgency: true;
  agencyId: string;
  agency: string;
  until: Date;
}

export interface ExternalCandidateRecord {
  id: string;
  externalId: string;
  source: ExternalSource;
  firstName: string;
  lastName: string;
  /** E.164, or null when the ATS gave none. */
  phone: string | null;
  /** Lower-cased, or null when the ATS gave none. */
  email: string | null;
  registeredAt: Date;
  /** Null when no agency held the person at registration. */
  ownership: AgencyOwnershipReport | null;
}

/** `created` is false when the same externalId was registered before with the same details. */
export interface RegisterExternalCandidateResult {
  created: boolean;
  candidate: ExternalCandidateRecord;
}

/**
 * The same advisory locks per normalized key as a submission takes (src/services/submissions.ts),
 * plus one on the external id: an agency submission and a registration of the same person are
 * serialized, and so are two registrations under one external id.
 */
const LOCK_KEYS = `SELECT count(pg_advisory_xact_lock(hashtextextended(k, 0))) AS n
  FROM (SELECT k FROM unnest($1::text[]) AS k ORDER BY k) AS keys`;

const COLUMNS = `e."id", e."externalId", e."source"::text AS "source", e."firstName", e."lastName", e."phone", e."email",
  e."registeredAt" AT TIME ZONE 'UTC' AS "registeredAt", e."ownedByAgencyId", e."ownedUntil" AT TIME ZONE 'UTC' AS "ownedUntil",
  a."name" AS "ownedByAgency"`;

const FIND_BY_EXTERNAL_ID = `SELECT ${COLUMNS} FROM "ExternalCandidate" e LEFT JOIN "Agency" a ON a."id" = e."ownedByAgencyId"
  WHERE e."externalId" = $1`;

/**
 * Agencies' candidates matching either key within the longest window any rule has, each with the
 * rule of its campaign (else the global one, else the built-in default); the domain decides which
 * of them still holds the person. Range scans on the (phone, submittedAt) / (email, submittedAt) indexes.
 */
const HELD_CANDIDATES = `
  WITH longest AS (SELECT greatest($4::int, coalesce(max("windowMonths"), 0)) AS months FROM "DuplicateRule")
  SELECT c."agencyId", c."phone", c."emailKey" AS "email", c."submittedAt" AT TIME ZONE 'UTC' AS "submittedAt",
         coalesce(r."windowMonths", g."windowMonths", $4::int) AS "windowMonths",
         coalesce(r."matchOn"::text, g."matchOn"::text, $5) AS "matchOn"
  FROM "Candidate" c
  CROSS JOIN longest
  LEFT JOIN "DuplicateRule" r ON r."scope" = c."campaignId"
  LEFT JOIN "DuplicateRule" g ON g."scope" = 'global'
  WHERE (c."phone" = $1 OR c."emailKey" = $2)
    AND c."submittedAt" >= $3::timestamp - make_interval(months => longest.months)
  ORDER BY c."submittedAt"
  LIMIT 50`;

const INSERT = `
  WITH e AS (
    INSERT INTO "ExternalCandidate" ("id", "externalId", "source", "firstName", "lastName", "phone", "email", "registeredAt",
                                     "ownedByAgencyId", "ownedUntil")
    VALUES (gen_random_uuid()::text, $1, $2::"ExternalSource", $3, $4, $5, $6, $7::timestamp, $8, $9::timestamp)
    RETURNING *
  )
  SELECT ${COLUMNS} FROM e LEFT JOIN "Agency" a ON a."id" = e."ownedByAgencyId"`;

const INSERT_AUDIT = `
  INSERT INTO "AuditLog" ("id", "actorId", "action", "targetType", "targetId", "details", "at")
  VALUES (gen_random_uuid()::text, $1, 'external_candidate.registered', 'external_candidate', $2, $3::jsonb, $4::timestamp)`;

interface RecordRow extends Record<string, unknown> {
  id: string;
  externalId: string;
  source: ExternalSource;
  firstName: string;
  lastName: string;
  phone: string | null;
  email: string | null;
  registeredAt: Date;
  ownedByAgencyId: string | null;
  ownedUntil: Date | null;
  ownedByAgency: string | null;
}

interface HeldRow extends Record<string, unknown> {
  agencyId: string;
  phone: string;
  email: string;
  submittedAt: Date;
  windowMonths: number;
  matchOn: MatchOn;
}

function toRecord(row: RecordRow): ExternalCandidateRecord {
  return {
    id: row.id,
    externalId: row.externalId,
    source: row.source,
    firstName: row.firstName,
    lastName: row.lastName,
    phone: row.phone,
    email: row.email,
    registeredAt: row.registeredAt,
    ownership:
      row.ownedByAgencyId && row.ownedUntil
        ? { ownedByAgency: true, agencyId: row.ownedByAgencyId, agency: row.ownedByAgency ?? '', until: row.ownedUntil }
        : null,
  };
}

/**
 * Registers a person the employer's ATS has from another source (a direct applicant, a referral,
 * another vendor). An agency submission of them within the rule's window is then ALREADY_IN_SYSTEM.
 * Idempotent on `externalId`: the same details again return the same record (`created: false`);
 * other details under that id are a conflict. The answer says whether an agency held the person
 * at registration, and until when.
 */
export async function registerExternalCandidate(
  deps: ServiceDeps,
  actorId: string,
  raw: RegisterExternalCandidateInput,
): Promise<RegisterExternalCandidateResult> {
  assertAllowed(canRegisterExternalCandidate(await loadActor(deps.sql, actorId)));
  const input = parseOrThrow(registerExternalCandidateInput, raw);
  let phone: string | null = null;
  if (input.phone?.trim()) {
    const normalized = normalizePhone(input.phone);
    if (!normalized.ok) throw new InvalidInputError(normalized.error.message, 'phone');
    phone = normalized.value;
  }
  let email: string | null = null;
  if (input.email?.trim()) {
    const normalized = normalizeEmail(input.email);
    if (!normalized.ok) throw new InvalidInputError(normalized.error.message, 'email');
    email = normalized.value;
  }
  const wanted = { source: input.source, firstName: input.firstName, lastName: input.lastName, phone, email };

  // Locked and matched on the canonical email, as agency submissions are (see submitCandidate).
  const emailKey = email === null ? null : canonicalEmail(email);
  return deps.sql.transaction(async (tx) => {
    const keys = [`external:${input.externalId}`];
    if (phone) keys.push(`phone:${phone}`);
    if (emailKey) keys.push(`email:${emailKey}`);
    await tx.query(LOCK_KEYS, [keys]);
    const [existing] = await tx.query<RecordRow>(FIND_BY_EXTERNAL_ID, [input.externalId]);
    if (existing) {
      const same = (Object.keys(wanted) as (keyof typeof wanted)[]).every((k) => existing[k] === wanted[k]);
      if (!same) {
        throw new ConflictError(
          `The candidate ${input.externalId} is already registered with other details. Send the same details again, or register the other person under their own id.`,
        );
      }
      return { created: false, candidate: toRecord(existing) };
    }
    const now = deps.now();
    const held = await tx.query<HeldRow>(HELD_CANDIDATES, [
      phone,
      emailKey,
      now.toISOString(),
      DEFAULT_DUPLICATE_RULE.windowMonths,
      DEFAULT_DUPLICATE_RULE.matchOn,
    ]);
    const holding = agencyHolding({
      key: { phone, email: emailKey },
      now,
      candidates: held.map((h): HeldCandidate => ({
        agencyId: h.agencyId,
        phone: h.phone,
        email: h.email,
        submittedAt: h.submittedAt,
        rule: { windowMonths: h.windowMonths, matchOn: h.matchOn },
      })),
    });
    const [row] = await tx.query<RecordRow>(INSERT, [
      input.externalId,
      input.source,
      input.firstName,
      input.lastName,
      phone,
      email,
      now.toISOString(),
      holding?.agencyId ?? null,
      holding?.until.toISOString() ?? null,
    ]);
    if (!row) throw new Error('the external candidate insert returned no row');
    // No personal data in the audit: the ATS's id and what was reported.
    await tx.query(INSERT_AUDIT, [
      actorId === SYSTEM_ACTOR ? null : actorId,
      row.id,
      JSON.stringify({ externalId: input.externalId, source: input.source, ownedByAgencyId: holding?.agencyId ?? null }),
      now.toISOString(),
    ]);
    return { created: true, candidate: toRecord(row) };
  });
}
