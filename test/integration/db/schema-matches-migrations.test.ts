import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { get_dmmf } from '@prisma/prisma-schema-wasm';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { openDatabase } from '../../../src/db/database';
import { migrate, MIGRATIONS_DIR, type MigrateResult } from '../../../src/db/migrate';
import type { SqlRunner } from '../../../src/db/sql-runner';

/**
 * DESIGN §5: `prisma migrate` cannot run here, so the SQL migrations are written by hand. This test
 * proves that a database migrated by our own runner is exactly what prisma/schema.prisma describes:
 * tables, columns (type, nullability, default), primary keys, unique and plain indexes, foreign
 * keys with their actions, and enum types. The expected side comes from Prisma's own schema parser
 * (the WASM build of the engine version in node_modules), the actual side from pg_catalog /
 * information_schema of (a) the run's PostgreSQL test database and (b) a fresh embedded PGlite.
 */
jest.setTimeout(120_000);

const execFileAsync = promisify(execFile);
const SCHEMA_PATH = path.resolve(__dirname, '..', '..', '..', 'prisma', 'schema.prisma');

// ---------------------------------------------------------------------------------------------
// The expected side: Prisma's DMMF.

interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: 'scalar' | 'enum' | 'object' | 'unsupported';
  isList: boolean;
  isRequired: boolean;
  isUpdatedAt: boolean;
  hasDefaultValue: boolean;
  type: string;
  nativeType?: unknown;
  default?: unknown;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
  relationOnUpdate?: string;
}
interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
}
interface DmmfIndex {
  model: string;
  type: 'id' | 'unique' | 'normal' | 'fulltext';
  name?: string | null;
  dbName?: string | null;
  /** An access method other than B-tree (`Gin`, `Gist`, ...). */
  algorithm?: string;
  fields: { name: string; operatorClass?: string }[];
}
interface DmmfEnum {
  name: string;
  dbName?: string | null;
  values: { name: string; dbName?: string | null }[];
}
interface Dmmf {
  datamodel: { models: DmmfModel[]; enums: DmmfEnum[]; indexes: DmmfIndex[] };
}

function readDmmf(): Dmmf {
  const schema = readFileSync(SCHEMA_PATH, 'utf8');
  return JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: [['schema.prisma', schema]], noColor: true }))) as Dmmf;
}

/** What we compare, each kind as a map from a stable key to a one-line description. */
interface Shape {
  tables: Map<string, string>;
  columns: Map<string, string>;
  indexes: Map<string, string>;
  foreignKeys: Map<string, string>;
  enums: Map<string, string>;
}

const SCALAR_TO_POSTGRES: Record<string, string> = {
  String: 'text',
  Int: 'integer',
  BigInt: 'bigint',
  Float: 'double precision',
  Decimal: 'numeric(65,30)',
  Boolean: 'boolean',
  DateTime: 'timestamp(3) without time zone',
  Json: 'jsonb',
  Bytes: 'bytea',
};

const REFERENTIAL_ACTION: Record<string, string> = {
  Cascade: 'CASCADE',
  Restrict: 'RESTRICT',
  NoAction: 'NO ACTION',
  SetNull: 'SET NULL',
  SetDefault: 'SET DEFAULT',
};

const quoteLiteral = (text: string) => `'${text.replace(/'/g, "''")}'`;

function expectedShape(dmmf: Dmmf): Shape {
  const shape: Shape = { tables: new Map(), columns: new Map(), indexes: new Map(), foreignKeys: new Map(), enums: new Map() };
  const enumDbName = new Map(dmmf.datamodel.enums.map((e) => [e.name, e.dbName ?? e.name]));
  const modelByName = new Map(dmmf.datamodel.models.map((m) => [m.name, m]));
  const tableOf = (model: string) => {
    const m = modelByName.get(model);
    if (!m) throw new Error(`Unknown model ${model}`);
    return m.dbName ?? m.name;
  };
  const columnOf = (model: string, field: string) => {
    const f = modelByName.get(model)?.fields.find((x) => x.name === field);
    if (!f) throw new Error(`Unknown field ${model}.${field}`);
    return f.dbName ?? f.name;
  };

  for (const e of dmmf.datamodel.enums) {
    shape.enums.set(e.dbName ?? e.name, e.values.map((v) => v.dbName ?? v.name).join(', '));
  }

  for (const model of dmmf.datamodel.models) {
    const table = model.dbName ?? model.name;
    shape.tables.set(table, 'table');
    for (const field of model.fields) {
      if (field.kind === 'object') {
        if (field.relationFromFields && field.relationFromFields.length > 0) {
          const from = field.relationFromFields.map((f) => columnOf(model.name, f));
          const to = (field.relationToFields ?? []).map((f) => columnOf(field.type, f));
          // Prisma's defaults: an optional relation sets null on delete, a required one restricts.
          const onDelete = field.relationOnDelete ?? (field.isRequired ? 'Restrict' : 'SetNull');
          const onUpdate = field.relationOnUpdate ?? 'Cascade';
          shape.foreignKeys.set(
            `${table}_${from.join('_')}_fkey`,
            `${table}(${from.join(', ')}) → ${tableOf(field.type)}(${to.join(', ')}) ON DELETE ${REFERENTIAL_ACTION[onDelete]} ON UPDATE ${REFERENTIAL_ACTION[onUpdate]}`,
          );
        }
        continue;
      }
      if (field.kind === 'unsupported') throw new Error(`${model.name}.${field.name}: Unsupported types are not compared`);
      if (field.nativeType) throw new Error(`${model.name}.${field.name}: map its native type in this test first`);
      if (field.isList) throw new Error(`${model.name}.${field.name}: list columns are not compared yet`);
      const column = field.dbName ?? field.name;
      const type =
        field.kind === 'enum' ? `USER-DEFINED "${enumDbName.get(field.type) ?? field.type}"` : SCALAR_TO_POSTGRES[field.type];
      if (!type) throw new Error(`${model.name}.${field.name}: no PostgreSQL type known for ${field.type}`);
      const nullability = field.isRequired ? 'NOT NULL' : 'NULL';
      shape.columns.set(
        `${table}.${column}`,
        `${type} ${nullability} DEFAULT ${expectedDefault(table, column, field, enumDbName)}`,
      );
    }
  }

  for (const index of dmmf.datamodel.indexes) {
    const table = tableOf(index.model);
    const columns = index.fields.map((f) => columnOf(index.model, f.name));
    const described = index.fields.map((f) => `${columnOf(index.model, f.name)}${f.operatorClass ? ` ${f.operatorClass}` : ''}`);
    const method = index.algorithm && index.algorithm !== 'BTree' ? ` USING ${index.algorithm.toLowerCase()}` : '';
    const suffix = { id: 'pkey', unique: 'key', normal: 'idx', fulltext: 'idx' }[index.type];
    const name = index.dbName ?? (index.type === 'id' ? `${table}_pkey` : `${table}_${columns.join('_')}_${suffix}`);
    const kind = index.type === 'id' ? 'PRIMARY KEY' : index.type === 'unique' ? 'UNIQUE INDEX' : 'INDEX';
    shape.indexes.set(name, `${kind}${method} ON ${table}(${described.join(', ')})`);
  }
  for (const [name, table] of Object.entries(CHECK_CONSTRAINTS)) shape.indexes.set(name, `CONSTRAINT c ON ${table}`);
  return shape;
}

/**
 * CHECK constraints the Prisma schema cannot express, written by hand in a migration and named in
 * a comment on the model: constraint name → table. One listed here and missing from the database,
 * or the other way round, fails the comparison like any other difference.
 */
const CHECK_CONSTRAINTS: Record<string, string> = {
  // 20261201100000_dispute_already_in_system: another agency or the employer's record holds the person, one of them.
  Dispute_one_holder: 'Dispute',
};

/** The default as PostgreSQL prints it in information_schema.columns.column_default. */
function expectedDefault(table: string, column: string, field: DmmfField, enumDbName: Map<string, string>): string {
  if (!field.hasDefaultValue) return 'none';
  const d = field.default;
  if (d !== null && typeof d === 'object' && 'name' in d) {
    const fn = d as { name: string; args: unknown[] };
    switch (fn.name) {
      case 'now':
        return 'CURRENT_TIMESTAMP';
      case 'autoincrement':
        return `nextval('"${table}_${column}_seq"'::regclass)`;
      case 'uuid':
      case 'cuid':
      case 'nanoid':
      case 'ulid':
        return 'none'; // generated by Prisma Client, not by the database
      case 'dbgenerated':
        return String(fn.args[0] ?? 'none');
      default:
        throw new Error(`${table}.${column}: default function ${fn.name} is not mapped in this test`);
    }
  }
  if (field.kind === 'enum') return `${quoteLiteral(String(d))}::"${enumDbName.get(field.type) ?? field.type}"`;
  if (typeof d === 'string') return `${quoteLiteral(d)}::text`;
  return String(d);
}

// ---------------------------------------------------------------------------------------------
// The actual side: the catalog of a migrated database.

/** The catalog queries, by name; run here on PostgreSQL and in a child process on PGlite. */
const CATALOG_QUERIES = {
  tables: `SELECT table_name FROM information_schema.tables
            WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'`,
  columns: `SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default, datetime_precision
              FROM information_schema.columns
             WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
  indexes: `SELECT t.relname AS table_name, i.relname AS index_name, ix.indisunique AS is_unique, ix.indisprimary AS is_primary,
                   am.amname AS method,
                   array_to_string(ARRAY(
                     -- A GIN index names every operator class: Prisma only accepts a plain
                     -- column there (btree_gin's default text_ops) with its class spelled out.
                     SELECT a.attname || CASE WHEN oc.opcdefault AND am.amname <> 'gin' THEN '' ELSE ' ' || oc.opcname END
                       FROM unnest(ix.indkey::int2[], ix.indclass::oid[]) WITH ORDINALITY AS k(attnum, opclass, ord)
                       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
                       JOIN pg_opclass oc ON oc.oid = k.opclass
                      ORDER BY k.ord), ', ') AS columns
              FROM pg_index ix
              JOIN pg_class t ON t.oid = ix.indrelid
              JOIN pg_class i ON i.oid = ix.indexrelid
              JOIN pg_am am ON am.oid = i.relam
              JOIN pg_namespace n ON n.oid = t.relnamespace
             WHERE n.nspname = 'public' AND t.relname <> '_prisma_migrations'`,
  foreignKeys: `SELECT c.conname AS name, t.relname AS table_name, r.relname AS ref_table,
                       array_to_string(ARRAY(SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord)
                         JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum ORDER BY k.ord), ', ') AS columns,
                       array_to_string(ARRAY(SELECT a.attname FROM unnest(c.confkey) WITH ORDINALITY AS k(attnum, ord)
                         JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum ORDER BY k.ord), ', ') AS ref_columns,
                       c.confdeltype::text AS on_delete, c.confupdtype::text AS on_update
                  FROM pg_constraint c
                  JOIN pg_class t ON t.oid = c.conrelid
                  JOIN pg_class r ON r.oid = c.confrelid
                  JOIN pg_namespace n ON n.oid = t.relnamespace
                 WHERE c.contype = 'f' AND n.nspname = 'public'`,
  // Unique or check constraints that are not indexes would be invisible above: list them too.
  otherConstraints: `SELECT c.conname AS name, t.relname AS table_name, c.contype::text AS kind
                       FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
                      WHERE n.nspname = 'public' AND t.relname <> '_prisma_migrations' AND c.contype NOT IN ('p', 'f', 'u')`,
  enums: `SELECT t.typname AS name, string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder) AS values
            FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
           WHERE n.nspname = 'public' GROUP BY t.typname`,
};
type Catalog = Record<keyof typeof CATALOG_QUERIES, Record<string, unknown>[]>;

async function readCatalog(sql: SqlRunner): Promise<Catalog> {
  const out: Partial<Catalog> = {};
  for (const [name, text] of Object.entries(CATALOG_QUERIES)) out[name as keyof Catalog] = await sql.query(text);
  return out as Catalog;
}

const HISTORY_QUERY = `SELECT migration_name, checksum, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back,
                              applied_steps_count
                         FROM "_prisma_migrations" ORDER BY migration_name`;

function actualShape(catalog: Catalog): Shape {
  const shape: Shape = { tables: new Map(), columns: new Map(), indexes: new Map(), foreignKeys: new Map(), enums: new Map() };
  for (const t of catalog.tables as { table_name: string }[]) shape.tables.set(t.table_name, 'table');

  const columns = catalog.columns as {
    table_name: string;
    column_name: string;
    data_type: string;
    udt_name: string;
    is_nullable: string;
    column_default: string | null;
    datetime_precision: number | null;
  }[];
  for (const c of columns) {
    let type = c.data_type;
    if (type === 'USER-DEFINED') type = `USER-DEFINED "${c.udt_name}"`;
    if (type.startsWith('timestamp')) type = type.replace('timestamp', `timestamp(${c.datetime_precision})`);
    const nullability = c.is_nullable === 'YES' ? 'NULL' : 'NOT NULL';
    shape.columns.set(`${c.table_name}.${c.column_name}`, `${type} ${nullability} DEFAULT ${c.column_default ?? 'none'}`);
  }

  const indexes = catalog.indexes as {
    table_name: string;
    index_name: string;
    is_unique: boolean;
    is_primary: boolean;
    method: string;
    columns: string;
  }[];
  for (const ix of indexes) {
    const kind = ix.is_primary ? 'PRIMARY KEY' : ix.is_unique ? 'UNIQUE INDEX' : 'INDEX';
    const method = ix.method === 'btree' ? '' : ` USING ${ix.method}`;
    shape.indexes.set(ix.index_name, `${kind}${method} ON ${ix.table_name}(${ix.columns})`);
  }

  const action: Record<string, string> = { a: 'NO ACTION', r: 'RESTRICT', c: 'CASCADE', n: 'SET NULL', d: 'SET DEFAULT' };
  const foreignKeys = catalog.foreignKeys as {
    name: string;
    table_name: string;
    columns: string;
    ref_table: string;
    ref_columns: string;
    on_delete: string;
    on_update: string;
  }[];
  for (const fk of foreignKeys) {
    shape.foreignKeys.set(
      fk.name,
      `${fk.table_name}(${fk.columns}) → ${fk.ref_table}(${fk.ref_columns}) ON DELETE ${action[fk.on_delete]} ON UPDATE ${action[fk.on_update]}`,
    );
  }
  for (const c of catalog.otherConstraints as { name: string; table_name: string; kind: string }[]) {
    shape.indexes.set(c.name, `CONSTRAINT ${c.kind} ON ${c.table_name}`);
  }
  for (const e of catalog.enums as { name: string; values: string }[]) shape.enums.set(e.name, e.values);
  return shape;
}

/** Every difference, one line each, so a failure says exactly what to fix. */
function mismatches(kind: string, expected: Map<string, string>, actual: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [key, want] of [...expected].sort()) {
    const got = actual.get(key);
    if (got === undefined) out.push(`${kind} ${key}: in the schema (${want}) but not in the database`);
    else if (got !== want) out.push(`${kind} ${key}: schema says ${want}; database has ${got}`);
  }
  for (const [key, got] of [...actual].sort()) {
    if (!expected.has(key)) out.push(`${kind} ${key}: in the database (${got}) but not in the schema`);
  }
  return out;
}

const KINDS = ['tables', 'columns', 'indexes', 'foreignKeys', 'enums'] as const;
function allMismatches(expected: Shape, actual: Shape): string[] {
  return KINDS.flatMap((k) => mismatches(k, expected[k], actual[k]));
}

function migrationFolders(): { name: string; checksum: string }[] {
  return readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
    .map((name) => ({
      name,
      checksum: createHash('sha256')
        .update(readFileSync(path.join(MIGRATIONS_DIR, name, 'migration.sql')))
        .digest('hex'),
    }));
}

// ---------------------------------------------------------------------------------------------

const expected = expectedShape(readDmmf());

test('the schema parser sees the whole data model (sanity check of the expected side)', () => {
  expect(expected.tables.size).toBeGreaterThanOrEqual(18);
  expect(expected.columns.get('Candidate.ref')).toBe(`integer NOT NULL DEFAULT nextval('"Candidate_ref_seq"'::regclass)`);
  expect(expected.columns.get('Candidate.stage')).toBe(`USER-DEFINED "Stage" NOT NULL DEFAULT 'NEW'::"Stage"`);
  expect(expected.columns.get('User.updatedAt')).toBe('timestamp(3) without time zone NOT NULL DEFAULT none');
  expect(expected.indexes.get('Candidate_phone_submittedAt_idx')).toBe('INDEX ON Candidate(phone, submittedAt)');
  // The dashboards' walks newest first, holding what a search tests (migration 20261202100000).
  expect(expected.indexes.get('Submission_agencyId_submittedAt_id_outcome_searchName_email_idx')).toBe(
    'INDEX ON Submission(agencyId, submittedAt, id, outcome, searchName, email)',
  );
  // Every agency's also holds the campaign, and a campaign's the outcome (migration 20261202300200).
  expect(expected.indexes.get('Submission_submittedAt_id_outcome_search_campaign_idx')).toBe(
    'INDEX ON Submission(submittedAt, id, outcome, searchName, email, campaignId)',
  );
  expect(expected.indexes.get('Submission_campaignId_submittedAt_outcome_idx')).toBe(
    'INDEX ON Submission(campaignId, submittedAt, outcome)',
  );
  // A full-name search: the names by trigram, then each name's submissions (migration 20261202100100).
  expect(expected.indexes.get('SearchName_name_idx')).toBe('INDEX USING gin ON SearchName(name gin_trgm_ops)');
  expect(expected.indexes.get('Submission_searchName_agencyId_submittedAt_id_outcome_idx')).toBe(
    'INDEX ON Submission(searchName, agencyId, submittedAt, id, outcome)',
  );
  expect(expected.foreignKeys.get('ChatIdentity_userId_fkey')).toBe(
    'ChatIdentity(userId) → User(id) ON DELETE CASCADE ON UPDATE CASCADE',
  );
});

/** What the tests below need of a migrated database. */
interface Probe {
  firstRun: MigrateResult | null;
  /** The migrations applied while a new embedded folder was created (absent on PostgreSQL). */
  createdWith?: string[];
  catalog: Catalog;
  secondRun: MigrateResult;
  history: Record<string, unknown>[];
}

const ROOT = path.resolve(__dirname, '..', '..', '..');

/**
 * PGlite loads its WebAssembly with a dynamic import(), which jest's module sandbox refuses
 * without --experimental-vm-modules. So the embedded database is opened, migrated (twice) and read
 * in a plain Node child process running the project's own openDatabase and migrate; the catalog it
 * returns is checked here exactly like PostgreSQL's. It also applies `drift` and reads the catalog
 * again, to prove the comparison reports what it should.
 */
const PGLITE_PROBE = `
const { openDatabase } = require('./src/db/database');
const { migrate } = require('./src/db/migrate');
(async () => {
  const input = JSON.parse(process.env.ENDORSE_SCHEMA_PROBE);
  const db = await openDatabase({ databaseUrl: undefined, dataDir: input.dir });
  const catalog = async () => {
    const out = {};
    for (const [name, text] of Object.entries(input.queries)) out[name] = await db.sql.query(text);
    return out;
  };
  try {
    // A new folder is created and migrated by a process of its own (embedded-create.ts): that was
    // the first run, and the migrate after it must find every migration applied.
    const result = { createdWith: db.appliedAtCreation ?? [], firstRun: await migrate(db.sql) };
    result.catalog = await catalog();
    result.secondRun = await migrate(db.sql);
    result.history = await db.sql.query(input.history);
    await db.sql.exec(input.drift);
    result.drifted = await catalog();
    process.stdout.write(JSON.stringify(result));
  } finally {
    await db.close();
  }
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
`;

const DRIFT = `
  DROP INDEX "Candidate_phone_submittedAt_idx";
  ALTER TABLE "User" ALTER COLUMN "name" SET NOT NULL;
  ALTER TABLE "Agency" ADD COLUMN "stray" INTEGER;`;

async function probePostgres(): Promise<Probe> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is unset: run this test through jest (globalSetup creates the database).');
  const database = await openDatabase({ databaseUrl: url, dataDir: '' });
  try {
    // globalSetup migrated the run's database; migrating once more first makes the test hold even
    // when a migration folder was added since, and the run after that must apply nothing.
    await migrate(database.sql);
    const secondRun = await migrate(database.sql);
    const catalog = await readCatalog(database.sql);
    return { firstRun: null, catalog, secondRun, history: await database.sql.query(HISTORY_QUERY) };
  } finally {
    await database.close();
  }
}

let pgliteDrifted: Catalog;
async function probePglite(): Promise<Probe> {
  const dir = mkdtempSync(path.join(tmpdir(), 'endorse-schema-'));
  try {
    const { stdout } = await execFileAsync(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['-e', PGLITE_PROBE], {
      cwd: ROOT,
      env: {
        ...process.env,
        ENDORSE_SCHEMA_PROBE: JSON.stringify({ dir, queries: CATALOG_QUERIES, history: HISTORY_QUERY, drift: DRIFT }),
      },
      maxBuffer: 64 * 1024 * 1024,
    });
    const result = JSON.parse(stdout) as Probe & { drifted: Catalog };
    pgliteDrifted = result.drifted;
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.each([
  { name: 'PostgreSQL (the run’s test database)', probe: probePostgres, fresh: false },
  { name: 'embedded PGlite (fresh, in a temp folder, migrated by src/db/migrate.ts)', probe: probePglite, fresh: true },
])('$name', ({ probe, fresh }) => {
  let result: Probe;
  beforeAll(async () => {
    result = await probe();
  });

  if (fresh) {
    test('a fresh database is created with every migration, and the first migrate after finds them applied', () => {
      const all = migrationFolders().map((m) => m.name);
      expect(result.createdWith).toEqual(all);
      expect(result.firstRun).toEqual({ applied: [], alreadyApplied: all });
    });
  }

  test.each(KINDS)('%s match prisma/schema.prisma', (kind) => {
    expect(mismatches(kind, expected[kind], actualShape(result.catalog)[kind])).toEqual([]);
  });

  test('running migrate again applies nothing', () => {
    expect(result.secondRun).toEqual({ applied: [], alreadyApplied: migrationFolders().map((m) => m.name) });
  });

  test('_prisma_migrations has one finished row per migration folder with the sha256 of its file', () => {
    expect(result.history).toEqual(
      migrationFolders().map((m) => ({
        migration_name: m.name,
        checksum: m.checksum,
        finished: true,
        rolled_back: false,
        applied_steps_count: 1,
      })),
    );
  });

  if (fresh) {
    test('a drift is reported, one line per mismatch', () => {
      expect(allMismatches(expected, actualShape(pgliteDrifted))).toEqual([
        'columns User.name: schema says text NULL DEFAULT none; database has text NOT NULL DEFAULT none',
        'columns Agency.stray: in the database (integer NULL DEFAULT none) but not in the schema',
        'indexes Candidate_phone_submittedAt_idx: in the schema (INDEX ON Candidate(phone, submittedAt)) but not in the database',
      ]);
    });
  }
});
