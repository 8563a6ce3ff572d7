import type { Transporter } from 'nodemailer';
import { redactTokens, type Logger } from '../logger';

/** One email: always a text part; HTML when the message has one. */
export interface Mail {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface Mailer {
  /** `smtp` sends for real; `log` only writes the mail to the log (no SMTP_URL, DESIGN §4). */
  readonly kind: 'smtp' | 'log';
  send(mail: Mail): Promise<{ messageId: string }>;
  close(): void;
}

export interface MailerOptions {
  /** `smtp://user:pass@host:587`, `smtps://…`; unset → emails go to the log. */
  smtpUrl?: string | undefined;
  /** The From header, e.g. `Endorse <no-reply@example.com>`. */
  from: string;
  logger: Logger;
  /**
   * Without SMTP: shows the whole mail (its live link included) where only the developer sees it,
   * the embedded demo's console. Never set in production: the log itself gets no link or token.
   */
  showMail?: (mail: Mail) => void;
}

/** The SMTP server refused for good (5xx): retrying the same mail cannot help. */
export class PermanentMailError extends Error {
  override readonly name = 'PermanentMailError';
}

export function createMailer(options: MailerOptions): Mailer {
  const smtpUrl = options.smtpUrl;
  if (!smtpUrl) return createLogMailer(options.logger, options.showMail);
  // nodemailer is loaded with the first mail: most processes (web instances) never send one.
  let transport: Promise<Transporter> | null = null;
  const connect = (): Promise<Transporter> =>
    (transport ??= import('nodemailer').then((nodemailer) => nodemailer.createTransport(smtpUrl)));
  return {
    kind: 'smtp',
    async send(mail) {
      try {
        const info = await (await connect()).sendMail({ from: options.from, ...mail });
        return { messageId: String(info.messageId) };
      } catch (error) {
        const code = (error as { responseCode?: number }).responseCode;
        if (code !== undefined && code >= 500) throw new PermanentMailError(`SMTP ${code}`, { cause: error });
        throw error;
      }
    },
    close: () => void transport?.then((t) => t.close()),
  };
}

/**
 * Without SMTP: the mail is logged with its address masked (DESIGN §7) and its links' tokens
 * redacted (issue 17: a live invitation token in a log is a key to someone's account); on the
 * embedded demo `showMail` prints it whole to the console so the developer can follow the link.
 */
export function createLogMailer(logger: Logger, showMail?: (mail: Mail) => void): Mailer {
  let count = 0;
  return {
    kind: 'log',
    async send(mail) {
      const messageId = `log-${Date.now()}-${++count}`;
      logger.info(
        { mail: { to: maskEmail(mail.to), subject: mail.subject, body: redactTokens(mail.text) }, messageId },
        'email (no SMTP_URL set)',
      );
      showMail?.(mail);
      return { messageId };
    },
    close: () => undefined,
  };
}

/** `jane.doe@example.com` → `j***@example.com`. */
export function maskEmail(email: string): string {
  const at = email.indexOf('@');
  return at <= 0 ? '***' : `${email[0]}***${email.slice(at)}`;
}
