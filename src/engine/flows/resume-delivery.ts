import { formatPhone } from '../../domain/contact';
import { withRendererLabels } from '../labels';
import { t } from '../../i18n';
import type { ResumeJobData, ResumeJobOutcome } from '../../jobs/resume-job';
import type { EngineRuntime, Replies } from '../context';
import { identityOfConversation } from '../engine';
import { text } from '../reply';
import { applyResumeResult, type ResumeFound } from './wizard-resume';
import { prompt, type AskCtx } from './wizard-steps';

const FIELD_LABEL = { name: 'field.name', email: 'field.email', phone: 'field.phone' } as const;

/** `PH` → `Philippines` (ICU's English names; the code itself where ICU has none). */
function countryName(code: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** The phone as read, saying which country a code-less number was read as (or that it could not be). */
function phoneLine(ask: AskCtx, found: ResumeFound): string | null {
  if (found.phone && found.phoneCountry) {
    const key = found.phoneCountry.source === 'agency' ? 'resume.phoneAgencyCountry' : 'resume.phoneDefaultCountry';
    return ask.t(key, { phone: formatPhone(found.phone), country: countryName(found.phoneCountry.country) });
  }
  if (found.phoneAsPrinted) return ask.t('resume.phoneUnread', { printed: found.phoneAsPrinted });
  return found.phone === null ? null : formatPhone(found.phone);
}

/**
 * A picture (a scan, a photo) is read by OCR, seconds per page: the user hears so at once rather
 * than wondering why "a moment" is taking long.
 */
export async function tellReadingPicture(runtime: EngineRuntime, data: ResumeJobData): Promise<void> {
  if (data.address === undefined || data.address === null) return;
  const target = {
    platform: data.conversation.platform,
    address: data.address,
    identity: identityOfConversation(data.conversation),
  };
  await runtime.sendLater(target, [text(t(data.locale, 'resume.readingImage'))]);
}

/**
 * The resume job's last step: the result goes into the wizard, then a message of its own to the
 * conversation shows what was read and asks only what is still missing.
 */
export async function deliverResume(runtime: EngineRuntime, data: ResumeJobData, outcome: ResumeJobOutcome): Promise<void> {
  const applied = await applyResumeResult(runtime, data, outcome);
  if (applied.kind === 'gone') return;
  const ask: AskCtx = {
    t: (key, params) => t(data.locale, key, params),
    services: runtime.services,
    actor: data.userId,
  };
  const replies: Replies = [];
  if (applied.kind === 'read') {
    const none = ask.t('resume.notFound');
    const found = applied.found;
    const lines = [
      applied.ocr ? ask.t('resume.readFromImage', { file: data.filename }) : ask.t('resume.read', { file: data.filename }),
      `${ask.t('field.name')}: ${found.name ?? none}`,
      `${ask.t('field.email')}: ${found.email ?? none}`,
      `${ask.t('field.phone')}: ${phoneLine(ask, found) ?? none}`,
      ...found.conflicts.map((c) =>
        ask.t('resume.conflict', {
          field: ask.t(FIELD_LABEL[c.field]).toLowerCase(),
          read: c.field === 'phone' ? formatPhone(c.read) : c.read,
          typed: c.field === 'phone' ? formatPhone(c.typed) : c.typed,
        }),
      ),
      ask.t('resume.correct'),
    ];
    replies.push(text(lines.join('\n')));
  } else {
    replies.push(text(ask.t(`resume.error.${applied.code}` as Parameters<typeof ask.t>[0], { mb: 10 })));
  }
  replies.push(...(await prompt(ask, applied.wizard)));
  if (data.address === undefined || data.address === null) {
    runtime.logger.warn({ fileId: data.fileId, platform: data.conversation.platform }, 'resume: no address to tell the user');
    return;
  }
  const target = {
    platform: data.conversation.platform,
    address: data.address,
    identity: identityOfConversation(data.conversation),
  };
  await runtime.sendLater(
    target,
    replies.map((reply) => withRendererLabels(data.locale, reply)),
  );
}
