import { z } from 'zod';
import { isTimeZone } from './domain/digest';
import { parseSecretKeys } from './secrets/secret-box';

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
    /**
     * The country a phone without a country code is read as (on a resume) when the user's agency
     * has none set: an ISO 3166 two-letter code, e.g. PH. Unset: such a number is asked again.
     */
    DEFAULT_PHONE_COUNTRY: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(/^[A-Za-z]{2}$/, { message: 'must be a two-letter country code, e.g. PH' })
        .transform((v) => v.toUpperCase())
        .optional(),
    ),
    /**
     * The local hour (0–23) the daily digest is sent at, in each user's time zone: their country's,
     * else their agency's country's, else DEFAULT_TIME_ZONE (users have no zone of their own).
     */
    DIGEST_HOUR: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(23).default(8)),
    /** The IANA time zone of a user whose country and agency's country say none, e.g. Asia/Manila. */
    DEFAULT_TIME_ZONE: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .refine((zone) => isTimeZone(zone), { message: 'must be an IANA time zone, e.g. Asia/Manila or UTC' })
        .default('UTC'),
    ),
    /** Seed demo data on an empty embedded database. */
    DEMO_SEED: z.preprocess(emptyToUndefined, z.enum(['auto', 'on', 'off']).default('auto')),
    /** Secret that signs web chat session cookies; generated per process when unset (dev only). */
    SESSION_SECRET: optionalString,
    /**
     * On shutdown, how long a kept-alive connection that sits idle may stay open for its client's
     * next request (answered with Connection: close) before it is closed. 0 closes them at once.
     */
    SHUTDOWN_IDLE_GRACE_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(10_000).default(1500)),
    /** Run HTTP only, jobs only, or both in one process. */
    PROCESS_ROLE: z.preprocess(emptyToUndefined, z.enum(['all', 'web', 'worker']).default('all')),
    /** Serve the built-in web chat at /chat; set false to turn it off in production. */
    WEB_CHAT_ENABLED: z.preprocess(
      emptyToUndefined,
      z.enum(['true', 'false'], { message: 'must be true or false' }).default('true'),
    ),
    /** BotFather's token; the Telegram adapter is mounted only when it is set. */
    TELEGRAM_BOT_TOKEN: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(/^\d+:[\w-]+$/, { message: 'must look like 123456789:AA… (from BotFather)' })
        .optional(),
    ),
    /** Secret Telegram echoes in X-Telegram-Bot-Api-Secret-Token (1–256 of A–Z a–z 0–9 _ -). */
    TELEGRAM_WEBHOOK_SECRET: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(/^[\w-]{16,256}$/, { message: 'must be 16–256 characters of A-Z a-z 0-9 _ -' })
        .optional(),
    ),
    /** Bot API base URL; tests point it at a local fake. */
    TELEGRAM_API_ROOT: z.preprocess(emptyToUndefined, z.url({ message: 'must be a URL' }).default('https://api.telegram.org')),
    /** The bot's @username (without @), for t.me deep links and `/cmd@bot`. */
    TELEGRAM_BOT_USERNAME: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(/^@?\w{5,32}$/, { message: 'must be the bot username, e.g. EndorseBot' })
        .optional(),
    ),
    /** Slack app's Signing Secret (Basic Information); the Slack adapter is mounted only when it is set. */
    SLACK_SIGNING_SECRET: optionalString,
    /** Single-workspace bot token (xoxb-…), for development; production installs through OAuth instead. */
    SLACK_BOT_TOKEN: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(/^xox[bp]-/, { message: 'must be a bot token starting with xoxb-' })
        .optional(),
    ),
    /** OAuth distribution: the app's Client ID, Client Secret and a random secret that signs the install state. */
    SLACK_CLIENT_ID: optionalString,
    SLACK_CLIENT_SECRET: optionalString,
    SLACK_STATE_SECRET: optionalString,
    /**
     * Keys that seal platform tokens at rest (AES-256-GCM): `id:base64key[,id:base64key…]`, the
     * first seals, the others only open (rotation). Required in production with Slack OAuth.
     */
    SECRET_KEYS: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .transform((raw, ctx) => {
          const parsed = parseSecretKeys(raw);
          if (typeof parsed === 'string') {
            ctx.addIssue({ code: 'custom', message: `${parsed}; the form is id:base64key[,id:base64key…]` });
            return z.NEVER;
          }
          return parsed;
        })
        .optional(),
    ),
    /** When set, GET /metrics asks for `Authorization: Bearer <METRICS_TOKEN>`. */
    METRICS_TOKEN: optionalString,
    /** Slack Web API base URL (with the trailing /api/); tests point it at a local fake. */
    SLACK_API_URL: z.preprocess(emptyToUndefined, z.url({ message: 'must be a URL' }).default('https://slack.com/api/')),
    /** Azure Bot's Microsoft App ID; with it, Bot Framework JWTs are checked on /api/messages. */
    MICROSOFT_APP_ID: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(/^[0-9a-f-]{36}$/i, { message: 'must be the Azure Bot app id (a GUID)' })
        .optional(),
    ),
    /** The app registration's client secret (not needed for UserAssignedMSI). */
    MICROSOFT_APP_PASSWORD: optionalString,
    /** The app's home tenant; required for SingleTenant and UserAssignedMSI apps. */
    MICROSOFT_APP_TENANT_ID: optionalString,
    MICROSOFT_APP_TYPE: z.preprocess(
      emptyToUndefined,
      z
        .enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI'], {
          message: 'must be MultiTenant, SingleTenant or UserAssignedMSI',
        })
        .default('MultiTenant'),
    ),
    /** Where inbound JWT signing keys are published; default Bot Framework's (sovereign clouds, tests). */
    MICROSOFT_OPENID_METADATA_URL: optionalUrl('https://login.botframework.com/v1/.well-known/openidconfiguration'),
    /** Mount /api/messages without an app id: the Bot Framework Emulator's unauthenticated local mode. */
    TEAMS_ENABLED: z.preprocess(emptyToUndefined, z.enum(['true', 'false'], { message: 'must be true or false' }).optional()),
    /** SMTP server for emails (invitations, notifications of users without a chat), e.g. smtp://user:pass@host:587; unset → emails are logged. */
    SMTP_URL: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(/^smtps?:\/\//, { message: 'must be an smtp:// or smtps:// URL, e.g. smtp://user:pass@mail.example.com:587' })
        .optional(),
    ),
    /** The From header of emails. */
    MAIL_FROM: z.preprocess(emptyToUndefined, z.string().default('Endorse <no-reply@localhost>')),
    /** The employer's ATS endpoint for agency comments and new candidates (HMAC-SHA256 signed POSTs). */
    ATS_WEBHOOK_URL: optionalUrl('https://ats.example.com/hooks/endorse'),
    /** The shared secret that signs ATS webhook bodies. */
    ATS_WEBHOOK_SECRET: optionalString,
    /** Basic auth for the queue dashboard at /admin/queues (mounted only with REDIS_URL and both set). */
    BULL_BOARD_USER: optionalString,
    BULL_BOARD_PASSWORD: optionalString,
  })
  .refine((env) => !env.TELEGRAM_BOT_TOKEN || env.TELEGRAM_WEBHOOK_SECRET, {
    message: 'is required when TELEGRAM_BOT_TOKEN is set (generate one: openssl rand -hex 32)',
    path: ['TELEGRAM_WEBHOOK_SECRET'],
  })
  .refine(
    (env) =>
      !env.SLACK_SIGNING_SECRET ||
      env.SLACK_BOT_TOKEN ||
      (env.SLACK_CLIENT_ID && env.SLACK_CLIENT_SECRET && env.SLACK_STATE_SECRET),
    {
      message:
        'Slack needs SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET (OAuth)',
      path: ['SLACK_SIGNING_SECRET'],
    },
  )
  .refine((env) => !(env.NODE_ENV === 'production' && env.TEAMS_ENABLED === 'true' && !env.MICROSOFT_APP_ID), {
    message: 'is required in production when TEAMS_ENABLED=true: the unauthenticated local (Emulator) mode is refused there',
    path: ['MICROSOFT_APP_ID'],
  })
  .refine((env) => !env.MICROSOFT_APP_ID || env.MICROSOFT_APP_TYPE === 'UserAssignedMSI' || env.MICROSOFT_APP_PASSWORD, {
    message: 'is required when MICROSOFT_APP_ID is set (the client secret of the Azure Bot app registration)',
    path: ['MICROSOFT_APP_PASSWORD'],
  })
  .refine((env) => !env.MICROSOFT_APP_ID || env.MICROSOFT_APP_TYPE === 'MultiTenant' || env.MICROSOFT_APP_TENANT_ID, {
    message: 'is required when MICROSOFT_APP_TYPE is SingleTenant or UserAssignedMSI',
    path: ['MICROSOFT_APP_TENANT_ID'],
  })
  .refine((env) => !(env.NODE_ENV === 'production' && env.SLACK_CLIENT_ID && !env.SECRET_KEYS), {
    message:
      'is required in production when Slack OAuth is configured: installations hold bot tokens, sealed at rest with it (generate one: echo "k1:$(openssl rand -base64 32)")',
    path: ['SECRET_KEYS'],
  })
  .refine((env) => !env.ATS_WEBHOOK_URL || (env.ATS_WEBHOOK_SECRET && env.ATS_WEBHOOK_SECRET.length >= 16), {
    message: 'is required (16+ characters) when ATS_WEBHOOK_URL is set (generate one: openssl rand -hex 32)',
    path: ['ATS_WEBHOOK_SECRET'],
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
    defaultPhoneCountry: env.DEFAULT_PHONE_COUNTRY,
    demoSeed: env.DEMO_SEED,
    digest: { hour: env.DIGEST_HOUR, defaultTimeZone: env.DEFAULT_TIME_ZONE },
    sessionSecret: env.SESSION_SECRET,
    processRole: env.PROCESS_ROLE,
    shutdownIdleGraceMs: env.SHUTDOWN_IDLE_GRACE_MS,
    webChatEnabled: env.WEB_CHAT_ENABLED === 'true',
    /** Undefined unless SECRET_KEYS is set: platform tokens are then stored in clear (development only). */
    secretKeys: env.SECRET_KEYS,
    /** Undefined: /metrics is open (keep it on an internal network then). */
    metricsToken: env.METRICS_TOKEN,
    mail: { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM },
    /** Null unless ATS_WEBHOOK_URL is set. */
    atsWebhook:
      env.ATS_WEBHOOK_URL && env.ATS_WEBHOOK_SECRET ? { url: env.ATS_WEBHOOK_URL, secret: env.ATS_WEBHOOK_SECRET } : null,
    /** Null unless both BULL_BOARD_USER and BULL_BOARD_PASSWORD are set. */
    queueBoard:
      env.BULL_BOARD_USER && env.BULL_BOARD_PASSWORD ? { user: env.BULL_BOARD_USER, password: env.BULL_BOARD_PASSWORD } : null,
    /** Null unless TELEGRAM_BOT_TOKEN is set. */
    telegram:
      env.TELEGRAM_BOT_TOKEN && env.TELEGRAM_WEBHOOK_SECRET
        ? {
            token: env.TELEGRAM_BOT_TOKEN,
            webhookSecret: env.TELEGRAM_WEBHOOK_SECRET,
            apiRoot: env.TELEGRAM_API_ROOT.replace(/\/+$/, ''),
            botUsername: env.TELEGRAM_BOT_USERNAME?.replace(/^@/, '') ?? null,
          }
        : null,
    /** Null unless SLACK_SIGNING_SECRET is set. */
    slack: env.SLACK_SIGNING_SECRET
      ? {
          signingSecret: env.SLACK_SIGNING_SECRET,
          botToken: env.SLACK_BOT_TOKEN,
          oauth:
            env.SLACK_CLIENT_ID && env.SLACK_CLIENT_SECRET && env.SLACK_STATE_SECRET
              ? { clientId: env.SLACK_CLIENT_ID, clientSecret: env.SLACK_CLIENT_SECRET, stateSecret: env.SLACK_STATE_SECRET }
              : null,
          apiUrl: env.SLACK_API_URL.endsWith('/') ? env.SLACK_API_URL : `${env.SLACK_API_URL}/`,
        }
      : null,
    /** Null unless MICROSOFT_APP_ID is set or TEAMS_ENABLED=true; appId null = local (Emulator) mode. */
    teams:
      env.MICROSOFT_APP_ID || env.TEAMS_ENABLED === 'true'
        ? {
            appId: env.MICROSOFT_APP_ID ?? null,
            appPassword: env.MICROSOFT_APP_PASSWORD ?? null,
            appTenantId: env.MICROSOFT_APP_TENANT_ID ?? null,
            appType: env.MICROSOFT_APP_TYPE,
            openIdMetadataUrl: env.MICROSOFT_OPENID_METADATA_URL ?? null,
          }
        : null,
  }));

export type Config = Readonly<z.infer<typeof configSchema>>;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * Parses an environment (default: `process.env`) into a frozen config, or throws ConfigError.
 * `--worker` among `argv` means PROCESS_ROLE=worker (`npm run worker`).
 */
export function loadConfig(env: Record<string, string | undefined> = process.env, argv: readonly string[] = []): Config {
  const parsed = configSchema.safeParse(argv.includes('--worker') ? { ...env, PROCESS_ROLE: 'worker' } : env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.') || '(env)'}: ${issue.message}`);
    throw new ConfigError(
      `Invalid configuration:\n${lines.join('\n')}\nFix these environment variables (see .env.example) and start again.`,
    );
  }
  return Object.freeze(parsed.data);
}
