import { performance } from 'node:perf_hooks';
import type { SqlRunner } from '../../src/db/sql-runner';

/**
 * A realistic candidate base for benchmarks, seeded in SQL (INSERT … SELECT FROM generate_series):
 * agencies of uneven size (the first ones hold most candidates, as in a real pool), a few users
 * each, campaigns, and one ADDED submission per candidate with the same names, email and phone,
 * spread over the last 8 months. Names, emails and phones are drawn so that searches find a few,
 * many or no rows, as real ones do.
 */
export interface SeedSpec {
  candidates: number;
  agencies: number;
  usersPerAgency: number;
  campaigns: number;
  /** Prefix of every seeded name (agencies, campaigns, user emails), so runs never collide. */
  label: string;
}

export interface SeededBase {
  agencyIds: string[];
  /** usersByAgency[a]: the agency's AGENCY_USER ids; adminByAgency[a] its AGENCY_ADMIN. */
  usersByAgency: string[][];
  adminByAgency: string[];
  ownerId: string;
  recruiterId: string;
  campaignIds: string[];
  campaignNames: string[];
  ms: number;
}

export const FIRST_NAMES = [
  'Maria', 'Jose', 'Juan', 'Ana', 'Mark', 'Angelica', 'John Paul', 'Kristine', 'Michael', 'Princess',
  'Jerome', 'Mary Grace', 'Christian', 'Jasmine', 'Rodel', 'Lovely', 'Carlo', 'Rhea', 'Joshua', 'Camille',
  'Aileen', 'Benjie', 'Cherry', 'Dindo', 'Edna', 'Ferdie', 'Gemma', 'Hector', 'Imelda', 'Jun',
  'Ramon', 'Teresita', 'Rogelio', 'Marites', 'Danilo', 'Leonora', 'Arnel', 'Rosalinda', 'Noel', 'Jocelyn',
  'Emmanuel', 'Divina', 'Ricardo', 'Analyn', 'Wilfredo', 'Maricel', 'Ronaldo', 'Girlie', 'Alvin', 'Shiela',
  'Patricia', 'Daniel', 'Sofia', 'Gabriel', 'Isabel', 'Rafael', 'Andrea', 'Miguel', 'Nicole', 'Paolo',
]; // prettier-ignore
export const LAST_NAMES = [
  'Santos', 'Reyes', 'Cruz', 'Bautista', 'Ocampo', 'Garcia', 'Mendoza', 'Torres', 'Tomas', 'Andrada',
  'Castillo', 'Flores', 'Villanueva', 'Ramos', 'Castro', 'Rivera', 'Aquino', 'Navarro', 'Salazar', 'Mercado',
  'Dela Cruz', 'Pascual', 'Gonzales', 'Lim', 'Tan', 'Sy', 'Manalo', 'Dizon', 'Soriano', 'Valdez',
  'Fernandez', 'Lopez', 'Del Rosario', 'Gutierrez', 'Aguilar', 'Javier', 'Padilla', 'Domingo', 'Marquez', 'Santiago',
  'Dimaculangan', 'Macaraeg', 'Panganiban', 'Lacson', 'Yap', 'Go', 'Ong', 'Chua', 'Magbanua', 'Evangelista',
  'De Guzman', 'Sison', 'Tolentino', 'Buenaventura', 'Natividad', 'Alcantara', 'Espiritu', 'Quiambao', 'Cabrera', 'Salvador',
]; // prettier-ignore
/**
 * A second given name for some ("Maria Luisa"), and the syllables of rarer surnames: a real pool
 * holds a few very common names and a long tail of names held by a handful each (hundreds of
 * thousands of distinct full names in 1,000,000 people), not a few hundred names repeated.
 */
const SECOND_NAMES = [
  'Luisa', 'Cristina', 'Theresa', 'Jose', 'Antonio', 'Isabel', 'Carmela', 'Angelo', 'Victoria', 'Manuel',
  'Rose', 'Joy', 'Grace', 'Mae', 'Ann', 'Jane', 'Paul', 'James', 'Anne', 'Lyn',
]; // prettier-ignore
const SURNAME_HEADS = ['Ma', 'Ba', 'Ca', 'Da', 'La', 'Pa', 'Sa', 'Ta', 'Vi', 'Qui', 'Ma', 'Ga', 'Na', 'Re', 'Bu'];
const SURNAME_MIDS = ['lan', 'ra', 'ba', 'ca', 'ga', 'li', 'ma', 'na', 'ta', 'yo', 'ri', 'lo', 'ni', 'gu', 'do'];
const SURNAME_TAILS = ['ng', 'is', 'an', 'on', 'o', 'ez', 'es', 'ino', 'ado', 'ar', 'ay', 'ag', 'ao', 'oc', 'ite'];
const DOMAINS = ['gmail.com', 'yahoo.com', 'outlook.com', 'hotmail.com', 'icloud.com', 'ymail.com'];
const CAMPAIGN_WORDS = ['Customer Service', 'Technical Support', 'Collections', 'Sales', 'Back Office', 'Night Shift'];

const lit = (text: string): string => `'${text.replace(/'/g, "''")}'`;
const sqlArray = (values: readonly string[]): string => `(ARRAY[${values.map(lit).join(', ')}])`;

/** Seeds the base on an empty, migrated database; returns the ids and how long it took. */
export async function seedCandidates(sql: SqlRunner, spec: SeedSpec): Promise<SeededBase> {
  const started = performance.now();
  const L = spec.label;
  await sql.exec(`
    INSERT INTO "Agency" ("id", "name", "country", "status", "createdAt", "updatedAt")
    SELECT 'agency-' || a, ${lit(L)} || ' Agency ' || a, 'PH', 'ACTIVE', now(), now() FROM generate_series(1, ${spec.agencies}) a;
    INSERT INTO "User" ("id", "email", "name", "role", "status", "agencyId", "createdAt", "updatedAt")
    SELECT 'user-' || a || '-' || u, lower(${lit(L)}) || '.user' || u || '.agency' || a || '@bench.example', 'User ' || u || ' of agency ' || a,
           CASE WHEN u = 0 THEN 'AGENCY_ADMIN' ELSE 'AGENCY_USER' END::"Role", 'ACTIVE', 'agency-' || a, now(), now()
    FROM generate_series(1, ${spec.agencies}) a, generate_series(0, ${spec.usersPerAgency}) u;
    INSERT INTO "User" ("id", "email", "name", "role", "status", "createdAt", "updatedAt") VALUES
      ('owner', lower(${lit(L)}) || '.owner@bench.example', 'Bench Owner', 'OWNER', 'ACTIVE', now(), now()),
      ('recruiter', lower(${lit(L)}) || '.recruiter@bench.example', 'Bench Recruiter', 'RECRUITER', 'ACTIVE', now(), now());
    INSERT INTO "Campaign" ("id", "name", "status", "openToAll", "createdAt", "updatedAt")
    SELECT 'campaign-' || c, ${sqlArray(CAMPAIGN_WORDS)}[1 + (c - 1) % ${CAMPAIGN_WORDS.length}] || ' ' || c || ' — ' || ${lit(L)},
           'OPEN', true, now(), now() FROM generate_series(1, ${spec.campaigns}) c;
    INSERT INTO "CampaignRecruiter" ("campaignId", "userId") SELECT 'campaign-' || c, 'recruiter' FROM generate_series(1, ${spec.campaigns}) c;
  `);
  // Agency a gets a share ∝ 1/a (a few large agencies, many small ones); users and campaigns round-robin.
  const chunk = 250_000;
  for (let from = 1; from <= spec.candidates; from += chunk) {
    const to = Math.min(spec.candidates, from + chunk - 1);
    console.error(`  seeding candidates ${from.toLocaleString('en-US')}–${to.toLocaleString('en-US')}…`);
    await sql.exec(`
      WITH g AS (
        SELECT i,
               1 + floor(${spec.agencies} * power(random(), 2.2))::int AS a,
               1 + (i * 7) % ${spec.usersPerAgency} AS u,
               1 + (i * 13) % ${spec.campaigns} AS c,
               -- The lists' first names are the commonest (a skewed draw); a third have a second given
               -- name, a third a rarer surname made of syllables (3,375 of them).
               ${sqlArray(FIRST_NAMES)}[1 + floor(${FIRST_NAMES.length} * power(random(), 1.6))::int]
                 || CASE WHEN random() < 0.33 THEN ' ' || ${sqlArray(SECOND_NAMES)}[1 + floor(random() * ${SECOND_NAMES.length})::int] ELSE '' END AS first,
               CASE WHEN random() < 0.33
                 THEN ${sqlArray(SURNAME_HEADS)}[1 + floor(random() * ${SURNAME_HEADS.length})::int]
                   || ${sqlArray(SURNAME_MIDS)}[1 + floor(random() * ${SURNAME_MIDS.length})::int]
                   || ${sqlArray(SURNAME_TAILS)}[1 + floor(random() * ${SURNAME_TAILS.length})::int]
                 ELSE ${sqlArray(LAST_NAMES)}[1 + floor(${LAST_NAMES.length} * power(random(), 1.6))::int] END AS last,
               now() AT TIME ZONE 'UTC' - (random() * interval '240 days') AS at
        FROM generate_series(${from}, ${to}) i
      ), c AS (
        INSERT INTO "Candidate" ("id", "firstName", "lastName", "phone", "email", "channel", "agencyId", "submittedById",
                                 "campaignId", "submittedAt", "createdAt", "updatedAt")
        SELECT 'cand-' || i, first, last, '+63917' || lpad(i::text, 7, '0'),
               lower(replace(first, ' ', '')) || '.' || lower(replace(last, ' ', '')) || i || '@' || ${sqlArray(DOMAINS)}[1 + i % ${DOMAINS.length}],
               'TELEGRAM', 'agency-' || a, 'user-' || a || '-' || u, 'campaign-' || c, at, at, at
        FROM g
        RETURNING "id", "firstName", "lastName", "phone", "email", "agencyId", "submittedById", "campaignId", "submittedAt"
      )
      INSERT INTO "Submission" ("id", "candidateId", "agencyId", "submittedById", "campaignId", "firstName", "lastName",
                                "phone", "email", "outcome", "channel", "submittedAt")
      SELECT 'sub-' || "id", "id", "agencyId", "submittedById", "campaignId", "firstName", "lastName", "phone", "email",
             'ADDED', 'TELEGRAM', "submittedAt" FROM c;
    `);
  }
  // VACUUM as well as ANALYZE: autovacuum would otherwise start on the fresh rows mid-measurement.
  await sql.exec('VACUUM (ANALYZE) "Candidate", "Submission", "Agency", "User", "Campaign";');
  const range = (n: number, from = 1) => Array.from({ length: n }, (_, i) => i + from);
  return {
    agencyIds: range(spec.agencies).map((a) => `agency-${a}`),
    usersByAgency: range(spec.agencies).map((a) => range(spec.usersPerAgency).map((u) => `user-${a}-${u}`)),
    adminByAgency: range(spec.agencies).map((a) => `user-${a}-0`),
    ownerId: 'owner',
    recruiterId: 'recruiter',
    campaignIds: range(spec.campaigns).map((c) => `campaign-${c}`),
    campaignNames: range(spec.campaigns).map((c) => `${CAMPAIGN_WORDS[(c - 1) % CAMPAIGN_WORDS.length]} ${c} — ${L}`),
    ms: performance.now() - started,
  };
}
