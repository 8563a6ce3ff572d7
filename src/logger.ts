import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * Structured logs, one line per event. Personal data (phones, emails, resume text) and secrets
 * never reach a log line: the redact list is the safety net for anything passed by mistake.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: undefined,
      // An error's message can quote a URL or header with a live token in it (a bot token in an API
      // path, say): token-shaped runs in `err` are hidden like those in access-log paths.
      formatters: {
        log: (entry) => (typeof entry.err === 'string' ? { ...entry, err: redactTokens(entry.err) } : entry),
      },
      redact: {
        paths: [
          'phone',
          'email',
          '*.phone',
          '*.email',
          '*.*.phone',
          '*.*.email',
          'token',
          '*.token',
          'password',
          '*.password',
          'apiKey',
          '*.apiKey',
          'text',
          '*.text',
          'resumeText',
          'req.headers.authorization',
          'req.headers.cookie',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}

/** A run of URL-safe characters this long is a token, a session id or a key, unless it is a uuid. */
const TOKEN_RUN = /[A-Za-z0-9_-]{20,}/g;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Hides live tokens in a string meant for a log line (an access log's path, a mail's text):
 * `/invite/3q2…/web` becomes `/invite/[redacted]/web`. Record ids (uuids) stay readable.
 */
export function redactTokens(text: string): string {
  return text.replace(TOKEN_RUN, (run) => (UUID.test(run) ? run : '[redacted]'));
}
