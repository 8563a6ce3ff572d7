import { formatCandidateRef } from '../../services/candidates';
import { InvalidInputError, NotFoundError, ServiceError } from '../../services/errors';
import type { SubmissionResult } from '../../services/submissions';
import type { MessageKey } from '../../i18n';
import type { BlockReason } from '../../domain/duplicates';
import type { Ctx, Replies } from '../context';
import { choices, text } from '../reply';
import { disputeChoices } from './disputes';
import type { WizardState, WizardStep } from '../state';
import { ownershipLine } from './ownership';
import { clearStep, nextStep, prompt } from './wizard-steps';

const FIELD_STEP: Record<string, WizardStep> = {
  firstName: 'name',
  lastName: 'lastName',
  phone: 'phone',
  email: 'email',
  campaignId: 'campaign',
};

/**
 * Submits the confirmed draft. The dialog is closed and saved first (a claim), so a second
 * instance that got the same conversation cannot submit it again.
 */
export async function submitDraft(ctx: Ctx, wiz: WizardState): Promise<Replies> {
  const d = wiz.draft;
  if (nextStep(d) !== 'confirm') {
    wiz.step = nextStep(d);
    return prompt(ctx, wiz);
  }
  if (d.resume?.status === 'reading') return [text(ctx.t('wizard.resume.stillReading'))];
  ctx.state.dialog = null;
  await ctx.claim();
  const resume = d.resume?.status === 'done' ? d.resume : undefined;
  let result: SubmissionResult;
  try {
    result = await ctx.services.submitCandidate(ctx.user.userId, {
      firstName: d.firstName ?? '',
      lastName: d.lastName ?? '',
      phone: d.phone ?? '',
      email: d.email ?? '',
      campaignId: d.campaignId ?? '',
      channel: ctx.event.platform,
      resumeFileId: resume?.fileId,
      resume: resume
        ? {
            resumeSummary: resume.resumeSummary,
            educationSummary: resume.educationSummary,
            resumeExperience: resume.resumeExperience,
          }
        : undefined,
    });
  } catch (error) {
    if (!(error instanceof InvalidInputError || error instanceof NotFoundError)) throw error;
    // Back to the question the service refused, with its words; the rest of the draft stays.
    const step = error instanceof NotFoundError ? 'campaign' : (FIELD_STEP[error.field ?? ''] ?? 'confirm');
    clearStep(d, step);
    ctx.state.dialog = { ...wiz, step, history: [...wiz.history, 'confirm'] };
    return [text((error as ServiceError).messageIn(ctx.event.locale)), ...(await prompt(ctx, ctx.state.dialog))];
  }
  if (result.outcome === 'BLOCKED' && resume?.fileId) await ctx.services.deleteUnusedFile(resume.fileId);
  // A duplicate or a block can be contested right here (issue 19).
  return [choices(outcomeText(ctx, result), disputeChoices(ctx, result))];
}

export function outcomeText(ctx: Ctx, result: SubmissionResult): string {
  // ALREADY_IN_SYSTEM: no agency owns the person, and the employer's record is not the agency's to see.
  if (!result.ownership) return verdictText(ctx, result);
  return `${verdictText(ctx, result)}\n${ownershipLine(ctx, result.ownership)}`;
}

const BLOCK_REASON_KEY: Record<BlockReason, MessageKey> = {
  same_agency: 'outcome.blocked.same',
  cross_agency: 'outcome.blocked.cross',
  already_in_system: 'outcome.blocked.alreadyInSystem',
};

function verdictText(ctx: Ctx, result: SubmissionResult): string {
  switch (result.outcome) {
    case 'ADDED':
      return `${ctx.t('outcome.added')}\n${ctx.t('outcome.added.means', { ref: formatCandidateRef(result.candidateRef) })}`;
    case 'PREVIOUSLY_SUBMITTED':
      return `${ctx.t('outcome.previous')}\n${ctx.t('outcome.previous.means', { ref: formatCandidateRef(result.candidateRef) })}`;
    case 'DUPLICATE':
      return `${ctx.t('outcome.duplicate')}\n${ctx.t('outcome.duplicate.means')}`;
    case 'ALREADY_IN_SYSTEM':
      return `${ctx.t('outcome.alreadyInSystem')}\n${ctx.t('outcome.alreadyInSystem.means')}`;
    case 'BLOCKED':
      return `${ctx.t('outcome.blocked')}\n${ctx.t(BLOCK_REASON_KEY[result.reason])}`;
  }
}
