import { z } from 'zod';
import { defineJob, PermanentJobError, type JobDefinition } from '../jobs';
import type { Logger } from '../logger';
import { maskEmail, PermanentMailError, type Mailer } from './mailer';

export const MAIL_JOB_NAME = 'mail.send';
export const mailJobSchema = z.object({
  to: z.string().min(3),
  subject: z.string(),
  text: z.string(),
  html: z.string().optional(),
});

/** Sends an email off the request path, retried on temporary SMTP failures (4xx, network). */
export function createMailJob(mailer: Mailer, logger: Logger): JobDefinition<typeof mailJobSchema> {
  return defineJob({
    name: MAIL_JOB_NAME,
    schema: mailJobSchema,
    attempts: 6,
    backoffMs: 5000,
    async handler(mail) {
      try {
        const sent = await mailer.send(mail);
        logger.info({ job: MAIL_JOB_NAME, to: maskEmail(mail.to), messageId: sent.messageId }, 'email sent');
      } catch (error) {
        if (error instanceof PermanentMailError) throw new PermanentJobError(error.message);
        throw error;
      }
    },
    async onFailed(mail, error) {
      logger.error({ job: MAIL_JOB_NAME, to: maskEmail(mail.to), err: error.message }, 'email not sent after the last try');
    },
  });
}
