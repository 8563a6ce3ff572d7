import type { Transporter } from 'nodemailer';
import type { Logger } from '../logger';

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
}

/** The SMTP server refused for good (5xx): retrying the same mail cannot help. */
export class PermanentMailError extends Error {
  override readonly name = 'PermanentMailError';
}

export function createMailer(options: MailerOptions): Mailer {
  const smtpUrl = options.smtpUrl;
  if (!smtpUrl) return createLogMailer(options.logger);
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
 * The embedded default: the mail is logged so a developer can follow the link. The address is
 * masked (DESIGN §7); the text is logged under `mail` on purpose, since it is the only way to read it.
 */
export function createLogMailer(logger: Logger): Mailer {
  let count = 0;
  return {
    kind: 'log',
    async send(mail) {
      const messageId = `log-${Date.now()}-${++count}`;
      logger.info(
        { mail: { to: maskEmail(mail.to), subject: mail.subject, body: mail.text }, messageId },
        'email (no SMTP_URL set)',
      );
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
