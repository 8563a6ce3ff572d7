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
