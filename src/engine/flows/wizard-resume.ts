import { normalizeEmail, readPhoneWithCountry } from '../../domain/contact';
import type { PhoneCountry } from '../../services/agencies';
import { RESUME_JOB_NAME, type ResumeJobData, type ResumeJobOutcome } from '../../jobs/resume-job';
import { RESUME_MAX_BYTES } from '../../resume/errors';
import { sniffResumeType } from '../../resume/sniff';
import { ChannelError } from '../channel';
import type { Ctx, EngineRuntime, Replies } from '../context';
import type { FileRef } from '../messages';
import { text } from '../reply';
import type { Draft, WizardState } from '../state';
import { parseState } from '../state';
import { splitName } from './wizard-input';
import { nextStep } from './wizard-steps';

const CONTENT_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  jpeg: 'image/jpeg',
  png: 'image/png',
} as const;

/** Deletes a draft's resume file when nothing else holds it: cancel leaves nothing half-made. */
export async function discardResume(ctx: Pick<Ctx, 'services'>, d: Draft): Promise<void> {
  if (d.resume?.fileId) await ctx.services.deleteUnusedFile(d.resume.fileId);
  delete d.resume;
}

/**
 * A file at any step (or before `submit`): checked, downloaded, stored, and read by the resume
 * job; the answer now is only "reading…", the result comes as a message of its own.
 */
export async function onFile(ctx: Ctx, files: FileRef[]): Promise<Replies> {
  const file = files[0];
  if (!file) return [];
  if (!['AGENCY_ADMIN', 'AGENCY_USER'].includes(ctx.user.role)) return [text(ctx.t('resume.notForRole'))];
  if (file.size !== undefined && file.size > RESUME_MAX_BYTES) return [text(ctx.t('resume.error.TOO_LARGE', { mb: 10 }))];
  const adapter = ctx.runtime.channels.get(ctx.event.platform);
  if (!adapter) return [text(ctx.t('resume.noChannel'))];
  let bytes: Buffer;
  try {
    bytes = await adapter.downloadFile(file.ref, RESUME_MAX_BYTES);
  } catch (error) {
    if (error instanceof ChannelError && error.code === 'TOO_LARGE') return [text(ctx.t('resume.error.TOO_LARGE', { mb: 10 }))];
    if (error instanceof ChannelError) return [text(ctx.t('resume.downloadFailed'))];
    throw error;
  }
  if (bytes.length > RESUME_MAX_BYTES) return [text(ctx.t('resume.error.TOO_LARGE', { mb: 10 }))];

  let wiz: WizardState;
  if (ctx.state.dialog?.kind === 'wizard') wiz = ctx.state.dialog;
  else wiz = { kind: 'wizard', step: 'name', history: [], draft: {} };
  await discardResume(ctx, wiz.draft);
  const sniffed = sniffResumeType(bytes);
  const stored = await ctx.services.storeFile({
    filename: file.name,
    contentType: sniffed === 'unknown' ? (file.contentType ?? 'application/octet-stream') : CONTENT_TYPES[sniffed],
    data: bytes,
  });
  wiz.draft.resume = { status: 'reading', filename: file.name, fileId: stored.id };
  if (wiz.step === 'resume') wiz.step = nextStep(wiz.draft);
  ctx.state.dialog = wiz;
  try {
    await ctx.claim();
  } catch (error) {
    await ctx.services.deleteUnusedFile(stored.id);
    throw error;
  }
  const data: ResumeJobData = {
    fileId: stored.id,
    filename: file.name,
    userId: ctx.user.userId,
    locale: ctx.event.locale,
    conversation: ctx.key,
    address: ctx.event.conversation.address,
  };
  const job = ctx.runtime.resumeJob;
  await ctx.runtime.queue.add(job, data, { jobId: `${RESUME_JOB_NAME}:${stored.id}` });
  return [text(ctx.t('resume.reading'))];
}

export type ResumeField = 'name' | 'email' | 'phone';

/** What the resume says, as the wizard would store it; null where it says nothing usable. */
export interface ResumeFound {
  name: string | null;
  email: string | null;
  phone: string | null;
  /** Set when the phone had no country code and was read as this country's number (to confirm). */
  phoneCountry?: PhoneCountry;
  /** The phone as printed when it could not be read (no country code and no country known). */
  phoneAsPrinted?: string;
  /** Where the resume disagrees with what the user typed; the typed value is kept. */
  conflicts: { field: ResumeField; typed: string; read: string }[];
}

const sameName = (a: string, b: string) => a.toLowerCase().replace(/\s+/g, ' ') === b.toLowerCase().replace(/\s+/g, ' ');

/**
 * Fills only what is still empty: what the user typed wins over what the resume says, and where
 * the two disagree the result lists it, so the person hears of it before confirming.
 */
function prefill(
  d: Draft,
  read: { name: string | null; email: string | null; phone: string | null },
  country: PhoneCountry | null,
): ResumeFound {
  const conflicts: ResumeFound['conflicts'] = [];
  const name = read.name ? splitName(read.name) : null;
  const fullName = name ? [name.first, name.last].filter(Boolean).join(' ') : null;
  if (name?.last && !d.firstName && !d.lastName) {
    d.firstName = name.first;
    d.lastName = name.last;
  } else if (fullName && d.firstName && d.lastName) {
    const typed = `${d.firstName} ${d.lastName}`;
    if (!sameName(typed, fullName)) conflicts.push({ field: 'name', typed, read: fullName });
  }
  const email = read.email ? normalizeEmail(read.email) : null;
  if (email?.ok && !d.email) d.email = email.value;
  else if (email?.ok && d.email && d.email !== email.value) conflicts.push({ field: 'email', typed: d.email, read: email.value });
  const phone = read.phone ? readPhoneWithCountry(read.phone, country?.country ?? null) : null;
  if (phone?.ok && !d.phone) d.phone = phone.value.value;
  else if (phone?.ok && d.phone && d.phone !== phone.value.value)
    conflicts.push({ field: 'phone', typed: d.phone, read: phone.value.value });
  return {
    name: fullName,
    email: email?.ok ? email.value : null,
    phone: phone?.ok ? phone.value.value : null,
    ...(phone?.ok && phone.value.assumedCountry && country ? { phoneCountry: country } : {}),
    ...(read.phone && !phone?.ok ? { phoneAsPrinted: read.phone } : {}),
    conflicts,
  };
}

export type ResumeDelivery =
  | { kind: 'gone' }
  | { kind: 'read'; wizard: WizardState; found: ResumeFound; ocr: boolean }
  | { kind: 'failed'; wizard: WizardState; code: string };

/**
 * Puts the job's result into the conversation's wizard (versioned, re-tried on a race). A wizard
 * that was cancelled or moved on to another file takes nothing, and the file is deleted.
 */
export async function applyResumeResult(
  runtime: EngineRuntime,
  data: ResumeJobData,
  outcome: ResumeJobOutcome,
): Promise<ResumeDelivery> {
  // A number printed without its country code is read as the agency's country (then confirmed).
  const country = outcome.ok && outcome.resume.phone ? await runtime.services.phoneCountryFor(data.userId) : null;
  for (let attempt = 0; attempt < 5; attempt++) {
    const loaded = await runtime.services.loadConversation(data.conversation);
    const state = parseState(loaded.state);
    const wiz = state.dialog?.kind === 'wizard' ? state.dialog : null;
    if (!wiz || wiz.draft.resume?.fileId !== data.fileId) {
      await runtime.services.deleteUnusedFile(data.fileId);
      return { kind: 'gone' };
    }
    const d = wiz.draft;
    let result: ResumeDelivery;
    if (outcome.ok) {
      const r = outcome.resume;
      const found = prefill(d, r, country);
      d.resume = {
        status: 'done',
        filename: data.filename,
        fileId: data.fileId,
        resumeSummary: r.resumeSummary,
        educationSummary: r.educationSummary,
        resumeExperience: r.resumeExperience,
      };
      result = { kind: 'read', wizard: wiz, found, ocr: outcome.ocr };
    } else {
      const code = typeof outcome.error === 'string' ? 'FAILED' : outcome.error.code;
      d.resume = { status: 'failed', filename: data.filename, errorCode: code };
      result = { kind: 'failed', wizard: wiz, code };
    }
    // A question the resume answered is not asked; the summary stays the summary.
    if (wiz.step !== 'confirm') wiz.step = nextStep(d);
    const saved = await runtime.services.saveConversation(data.conversation, loaded.version, data.userId, state);
    if (saved !== null) {
      if (!outcome.ok) await runtime.services.deleteUnusedFile(data.fileId);
      return result;
    }
  }
  throw new Error('conversation kept changing while saving the resume result');
}
