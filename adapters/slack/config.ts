import type { Config } from '../../src/config';

/** What the Slack adapter needs from the process config (STYLE.md §3: pure, no I/O). */
export interface SlackConfig {
  /** Basic Information → Signing Secret: every request to /slack/events is checked against it. */
  signingSecret: string;
  /** A single workspace's bot token (development). Used only when OAuth is not configured. */
  botToken?: string;
  /** OAuth distribution: many workspaces, installations kept in PostgreSQL. */
  oauth: { clientId: string; clientSecret: string; stateSecret: string } | null;
  /** Web API base URL with the trailing slash, e.g. `https://slack.com/api/`; tests use a local fake. */
  apiUrl: string;
  /** Public base URL of this app, for the OAuth redirect URL. */
  publicUrl: string;
}

/** Routes this adapter serves; manifests/slack/manifest.yml names the same ones (a test checks). */
export const EVENTS_PATH = '/slack/events';
export const INSTALL_PATH = '/slack/install';
export const REDIRECT_PATH = '/slack/oauth_redirect';
/** The one slash command: `/endorse <command> [args]`. */
export const SLASH_COMMAND = '/endorse';

/**
 * Bot scopes, no more than used: mentions (app_mentions:read), replies (chat:write), the slash
 * command (commands), files shared in the DM (files:read), DMs in (im:history), and opening the
 * DM for anything said elsewhere (im:write).
 */
export const BOT_SCOPES = [
  'app_mentions:read',
  'chat:write',
  'commands',
  'files:read',
  'im:history',
  'im:write',
  'users:read',
] as const;

/** Bot events subscribed to (message.im carries DMs, file shares and thread replies). */
export const BOT_EVENTS = ['app_home_opened', 'app_mention', 'message.im'] as const;

/** Slack's own limit for files we accept from users: the engine refuses anything larger. */
export const SLACK_FILE_MAX_BYTES = 10 * 1024 * 1024;

/** The adapter's config, or null when SLACK_SIGNING_SECRET is unset (the adapter is not mounted). */
export function toSlackConfig(config: Config): SlackConfig | null {
  const s = config.slack;
  if (!s) return null;
  return {
    signingSecret: s.signingSecret,
    ...(s.botToken ? { botToken: s.botToken } : {}),
    oauth: s.oauth,
    apiUrl: s.apiUrl,
    publicUrl: config.publicUrl,
  };
}

/** How long a Web API call may take, answer included, before it fails as UNREACHABLE. */
export const SLACK_API_TIMEOUT_MS = 10_000;

/**
 * Options for Bolt's WebClient; Bolt also hands them to the OAuth installer and uses their `fetch`
 * for `respond()`, which we do not call. Rate limits are thrown instead of waited out inside the
 * client (its default waits up to 30 minutes), so our retry policy decides: a short wait inline for
 * a direct reply, RATE_LIMITED{retryAfterMs} to the job queue otherwise. 5xx are retried by us too.
 * Calls go through `apiFetch` (adapters/shared/api-fetch.ts), which keeps the deadline itself:
 * the client's own `timeout` would leave an uncancellable timer per call.
 */
export function toClientOptions(config: Pick<SlackConfig, 'apiUrl'>, apiFetch: typeof fetch) {
  return {
    slackApiUrl: config.apiUrl,
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    fetch: apiFetch,
  };
}
