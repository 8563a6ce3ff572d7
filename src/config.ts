import { z } from 'zod';

/**
 * The only reader of `process.env` (STYLE.md §6). Parsed once at start-up; a bad value stops the
 * process with a message naming the variable and the fix.
 */
const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalString = z.preprocess(emptyToUndefined, z.string().optional());
const optionalUrl = (hint: string) =>
  z.preprocess(emptyToUndefined, z.url({ message: `must be a URL, e.g. ${hint}` }).optional());

export const configSchema = z
  .object({
    NODE_ENV: z.preprocess(emptyToUndefined, z.enum(['development', 'test', 'production']).default('development')),
    PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(65535).default(3000)),
    PUBLIC_URL: optionalUrl('https://endorse.example.com'),
    DATABASE_URL: optionalUrl('postgresql://user@127.0.0.1:5432/endorse'),
    /** Folder of the embedded database used when DATABASE_URL is unset. */
    DATA_DIR: z.preprocess(emptyToUndefined, z.string().default('.data')),
    REDIS_URL: optionalUrl('redis://127.0.0.1:6379'),
    LOG_LEVEL: z.preprocess(
      emptyToUndefined,
      z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    ),
    /** Days an invitation link stays valid. */
    INVITE_TTL_DAYS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(90).default(7)),
    /** Seed demo data on an empty embedded database. */
    DEMO_SEED: z.preprocess(emptyToUndefined, z.enum(['auto', 'on', 'off']).default('auto')),
    /** Secret that signs web chat session cookies; generated per process when unset (dev only). */
    SESSION_SECRET: optionalString,
    /** Run HTTP only, jobs only, or both in one process. */
    PROCESS_ROLE: z.preprocess(emptyToUndefined, z.enum(['all', 'web', 'worker']).default('all')),
  })
  .transform((env) => ({
    nodeEnv: env.NODE_ENV,
    port: env.PORT,
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ''),
    databaseUrl: env.DATABASE_URL,
    dataDir: env.DATA_DIR,
    redisUrl: env.REDIS_URL,
    logLevel: env.LOG_LEVEL,
    inviteTtlDays: env.INVITE_TTL_DAYS,
    demoSeed: env.DEMO_SEED,
    sessionSecret: env.SESSION_SECRET,
    processRole: env.PROCESS_ROLE,
  }));

export type Config = Readonly<z.infer<typeof configSchema>>;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Parses an environment (default: `process.env`) into a frozen config, or throws ConfigError. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.') || '(env)'}: ${issue.message}`);
    throw new ConfigError(
      `Invalid configuration:\n${lines.join('\n')}\nFix these environment variables (see .env.example) and start again.`,
    );
  }
  return Object.freeze(parsed.data);
}
