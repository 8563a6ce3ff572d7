import {
  DISPUTE_REASON_MAX,
  DISPUTE_STATUSES,
  formatDisputeRef,
  isDisputable,
  parseDisputeRef,
  type DisputeDecision,
  type DisputeStatus,
} from '../../domain/disputes';
import type { MessageKey } from '../../i18n';
import { formatCandidateRef } from '../../services/candidate-ref';
import { FILTER_OUTCOMES, type FilterOutcome } from '../../services/dashboards';
import type { DisputeView } from '../../services/dispute-views';
import type { DisputeTargetSeen } from '../../services/disputes';
import { ServiceError } from '../../services/errors';
import type { SubmissionResult } from '../../services/submissions';
import { RESUME_MAX_BYTES } from '../../resume/errors';
import { sniffResumeType } from '../../resume/sniff';
import { ChannelError } from '../channel';
import { OUTCOME_FILTER_WORDS, outcomeFromWord, type CommandArgs } from '../commands';
import type { Ctx, Replies } from '../context';
import { campaignNamed } from './campaign-named';
import { countLabel, dayLabel, outcomeLabel } from '../labels';
import type { FileRef } from '../messages';
import { card, choices, list, text, type ChoiceInput } from '../reply';
import type { Dialog, ListQuery } from '../state';
import { formatSubmissionRef } from '../../domain/disputes';

/**
 * Disputes in chat (issue 19). An agency user presses Dispute on an outcome or a list row (or types
 * `dispute S-1a2b3c4d reason`), gives a reason and optionally a file, confirms, and is told what
 * happens next. Owners and the campaign's recruiters press Uphold / Transfer on the notification
 * (or type `decide D-3 transfer reason`), give the reason the agency will read, and list disputes.
 */

type DisputeDialog = Extract<Dialog, { kind: 'dispute' }>;
type DecideDialog = Extract<Dialog, { kind: 'decide' }>;
type DisputesQuery = Extract<ListQuery, { kind: 'disputes' }>;

export const DISPUTES_PAGE_SIZE = 5;

/** The outcome words `disputes outcome:…` takes: the dashboards' words of the disputable outcomes. */
const DISPUTE_OUTCOME_WORDS = OUTCOME_FILTER_WORDS.filter((w) => {
  const outcome = outcomeFromWord(w);
  return outcome !== null && isDisputable(outcome);
});

const EVIDENCE_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  jpeg: 'image/jpeg',
  png: 'image/png',
} as const;

const MB = Math.round(RESUME_MAX_BYTES / 1_000_000);

/** The Dispute button under an outcome the agency may contest; none under the others. */
export function disputeChoices(ctx: Ctx, result: SubmissionResult): ChoiceInput[] {
  if (!isDisputable(result.outcome)) return [];
  if (result.outcome === 'BLOCKED' && result.reason === 'same_agency') return [];
  // A recorded submission is disputed by its id; a block (nothing recorded) by its attempt's.
  const id = 'submissionId' in result ? result.submissionId : 'attemptId' in result ? result.attemptId : null;
  return id ? [{ actionId: 'dispute', value: formatSubmissionRef(id), label: ctx.t('dispute.button') }] : [];
}

function refuseLongReason(ctx: Ctx, reason: string): Replies | null {
  if (reason.length <= DISPUTE_REASON_MAX) return null;
  return [text(ctx.t('dispute.limit', { limit: countLabel(ctx, DISPUTE_REASON_MAX), length: countLabel(ctx, reason.length) }))];
}

/** `dispute S-1a2b3c4d [reason]` and the Dispute button: checked now, then the reason or the confirmation. */
export async function onDispute(ctx: Ctx, ref: string, reason?: string): Promise<Replies> {
  const target = await ctx.services.checkDisputable(ctx.user.userId, ref);
  await discardEvidence(ctx, ctx.state.dialog);
  const dialog: DisputeDialog = { kind: 'dispute', ref: target.submissionRef, step: 'reason' };
  ctx.state.dialog = dialog;
  const given = reason?.trim();
  if (!given) return [askReason(ctx, dialog)];
  const refused = refuseLongReason(ctx, given);
  if (refused) return refused;
  dialog.step = 'confirm';
  dialog.reason = given;
  return [confirmation(ctx, dialog, target)];
}

function askReason(ctx: Ctx, dialog: DisputeDialog) {
  return text(ctx.t('dispute.askReason', { ref: dialog.ref, limit: countLabel(ctx, DISPUTE_REASON_MAX) }));
}

function confirmation(ctx: Ctx, dialog: DisputeDialog, target: DisputeTargetSeen) {
  const what = target.personName ? `${target.submissionRef} ${target.personName}` : target.submissionRef;
  const params = {
    what,
    outcome: outcomeLabel(ctx, target.outcome),
    campaign: target.campaign,
    reason: dialog.reason ?? '',
    evidence: dialog.evidence?.filename ?? ctx.t('dispute.noEvidence'),
    mb: MB,
  };
  return choices(
    // The employer's own record held the person: the agency is told that, and no date of it.
    target.ownedUntil === null
      ? ctx.t('dispute.confirm.employer', params)
      : ctx.t('dispute.confirm', { ...params, date: dayLabel(ctx, target.ownedUntil) }),
    [
      { actionId: 'dispute-send', value: dialog.ref, label: ctx.t('dispute.send'), style: 'primary' },
      { actionId: 'cmd', value: 'cancel', label: ctx.t('dispute.cancel') },
    ],
  );
}

/** Free text in the dispute dialog: the reason (a new one replaces the last). */
export async function onDisputeText(ctx: Ctx, dialog: DisputeDialog, input: string): Promise<Replies> {
  const reason = input.trim();
  if (!reason) return [askReason(ctx, dialog)];
  const refused = refuseLongReason(ctx, reason);
  if (refused) return refused;
  const target = await ctx.services.checkDisputable(ctx.user.userId, dialog.ref);
  dialog.reason = reason;
  dialog.step = 'confirm';
  return [confirmation(ctx, dialog, target)];
}

/** A file while the dispute is open: stored as its evidence (the resume step's download path and limits). */
export async function onDisputeFile(ctx: Ctx, dialog: DisputeDialog, file: FileRef): Promise<Replies> {
  if (file.size !== undefined && file.size > RESUME_MAX_BYTES) return [text(ctx.t('dispute.evidenceTooLarge', { mb: MB }))];
  const adapter = ctx.runtime.channels.get(ctx.event.platform);
  if (!adapter) return [text(ctx.t('resume.noChannel'))];
  let bytes: Buffer;
  try {
    bytes = await adapter.downloadFile(file.ref, RESUME_MAX_BYTES);
  } catch (error) {
    if (error instanceof ChannelError && error.code === 'TOO_LARGE') return [text(ctx.t('dispute.evidenceTooLarge', { mb: MB }))];
    if (error instanceof ChannelError) return [text(ctx.t('dispute.downloadFailed'))];
    throw error;
  }
  if (bytes.length > RESUME_MAX_BYTES) return [text(ctx.t('dispute.evidenceTooLarge', { mb: MB }))];
  const sniffed = sniffResumeType(bytes);
  if (sniffed === 'unknown') return [text(ctx.t('dispute.evidenceType'))];
  const target = await ctx.services.checkDisputable(ctx.user.userId, dialog.ref);
  const stored = await ctx.services.storeFile({ filename: file.name, contentType: EVIDENCE_TYPES[sniffed], data: bytes });
  const previous = dialog.evidence?.fileId;
  dialog.evidence = { fileId: stored.id, filename: file.name };
  try {
    await ctx.claim();
  } catch (error) {
    await ctx.services.deleteUnusedFile(stored.id);
    throw error;
  }
  if (previous) await ctx.services.deleteUnusedFile(previous);
  const added = text(ctx.t('dispute.evidenceAdded', { file: file.name }));
  if (!dialog.reason) return [added, askReason(ctx, dialog)];
  dialog.step = 'confirm';
  return [added, confirmation(ctx, dialog, target)];
}

/** Send dispute: the dialog is closed and claimed first, so a second press or instance sends nothing. */
export async function onDisputeSend(ctx: Ctx, ref: string): Promise<Replies> {
  const dialog = ctx.state.dialog;
  if (dialog?.kind !== 'dispute' || dialog.ref !== ref || !dialog.reason) return [text(ctx.t('action.stale'))];
  ctx.state.dialog = null;
  await ctx.claim();
  try {
    const opened = await ctx.services.openDispute(ctx.user.userId, {
      submissionRef: dialog.ref,
      reason: dialog.reason,
      evidenceFileId: dialog.evidence?.fileId,
    });
    return [text(ctx.t('dispute.sent', { dispute: formatDisputeRef(opened.ref) }))];
  } catch (error) {
    if (dialog.evidence) await ctx.services.deleteUnusedFile(dialog.evidence.fileId);
    throw error;
  }
}

/** A dropped dispute leaves no file behind (cancel, another dialog, a disabled user). */
export async function discardEvidence(ctx: Pick<Ctx, 'services'>, dialog: Dialog | null | undefined): Promise<void> {
  if (dialog?.kind === 'dispute' && dialog.evidence) await ctx.services.deleteUnusedFile(dialog.evidence.fileId);
}

const DECISION_ASK: Record<DisputeDecision, MessageKey> = {
  uphold: 'dispute.askDecisionReason.uphold',
  transfer: 'dispute.askDecisionReason.transfer',
};

/** Uphold / Transfer (buttons) and `decide D-3 uphold|transfer [reason]`: the reason is asked when missing. */
export async function onDecide(ctx: Ctx, rawRef: string, decision: DisputeDecision, reason?: string): Promise<Replies> {
  const ref = parseDisputeRef(rawRef);
  if (ref === null) return [text(ctx.t('action.stale'))];
  const view = await ctx.services.getDispute(ctx.user.userId, formatDisputeRef(ref));
  if (view.status !== 'OPEN') return [text(decidedAlready(ctx, view))];
  const given = reason?.trim();
  if (given) {
    const refused = refuseLongReason(ctx, given);
    if (refused) return refused;
    return decide(ctx, view, decision, given);
  }
  await discardEvidence(ctx, ctx.state.dialog);
  ctx.state.dialog = { kind: 'decide', ref, decision };
  return [text(ctx.t(DECISION_ASK[decision], { dispute: formatDisputeRef(ref), agency: view.agency.name }))];
}

/** Free text in the decide dialog: the decision's reason. */
export async function onDecideText(ctx: Ctx, dialog: DecideDialog, input: string): Promise<Replies> {
  const reason = input.trim();
  const refused = refuseLongReason(ctx, reason);
  if (refused) return refused;
  const view = await ctx.services.getDispute(ctx.user.userId, formatDisputeRef(dialog.ref));
  ctx.state.dialog = null;
  if (view.status !== 'OPEN') return [text(decidedAlready(ctx, view))];
  await ctx.claim();
  try {
    return await decide(ctx, view, dialog.decision, reason);
  } catch (error) {
    // An empty reason: ask again instead of dropping the decision.
    if (error instanceof ServiceError && error.code === 'INVALID') ctx.state.dialog = dialog;
    throw error;
  }
}

async function decide(ctx: Ctx, view: DisputeView, decision: DisputeDecision, reason: string): Promise<Replies> {
  const decided = await ctx.services.decideDispute(ctx.user.userId, { dispute: view.id, decision, reason });
  const params = {
    dispute: formatDisputeRef(view.ref),
    who: decided.candidateRef === null ? disputedWho(view) : `${formatCandidateRef(decided.candidateRef)} ${view.person}`,
    agency: view.agency.name,
    owner: holderName(ctx, view),
    date: decided.ownershipUntil ? dayLabel(ctx, decided.ownershipUntil) : '',
  };
  if (decision === 'uphold' && view.employerRecord) return [text(ctx.t('dispute.decided.upholdEmployer', params))];
  return [text(ctx.t(decision === 'transfer' ? 'dispute.decided.transfer' : 'dispute.decided.uphold', params))];
}

/** The disputed person as owners read it: their candidate reference, else the disputed submission's. */
const disputedWho = (d: DisputeView): string =>
  `${d.candidate ? formatCandidateRef(d.candidate.ref) : d.submissionRef} ${d.person}`.trim();

/** Where the employer's record came from, in the reader's words; one this build has no words for, as stored. */
const SOURCE_KEY: Record<string, MessageKey> = {
  DIRECT: 'disputes.source.DIRECT',
  REFERRAL: 'disputes.source.REFERRAL',
  VENDOR: 'disputes.source.VENDOR',
  OTHER: 'disputes.source.OTHER',
};

/** Who held the person: the other agency, or (ALREADY_IN_SYSTEM) the employer's own record. */
function holderName(ctx: Ctx, d: DisputeView, detail = false): string {
  if (d.ownerAgency) return d.ownerAgency.name;
  const record = d.employerRecord;
  if (!detail || !record) return ctx.t('disputes.employerRecord');
  const key = Object.hasOwn(SOURCE_KEY, record.source) ? SOURCE_KEY[record.source] : undefined;
  return ctx.t('disputes.employerRecordDetail', { source: key ? ctx.t(key) : record.source, id: record.externalId });
}

/** The contested outcome in the reader's words; one this build has no label for, as stored. */
const disputedOutcome = (ctx: Ctx, outcome: string): string =>
  (FILTER_OUTCOMES as readonly string[]).includes(outcome) ? outcomeLabel(ctx, outcome as FilterOutcome) : outcome;

const STATUS_KEY: Record<DisputeStatus, MessageKey> = {
  OPEN: 'disputes.status.OPEN',
  UPHELD: 'disputes.status.UPHELD',
  TRANSFERRED: 'disputes.status.TRANSFERRED',
};

function decidedAlready(ctx: Ctx, view: DisputeView): string {
  const d = view.decision;
  return ctx.t('dispute.alreadyDecided', {
    dispute: formatDisputeRef(view.ref),
    status: ctx.t(STATUS_KEY[view.status]),
    actor: d?.by ?? '',
    date: d ? dayLabel(ctx, d.at) : '',
  });
}

/** `disputes [status:…] [outcome:…] [campaign:"…"] [agency:"…"]`: the list, newest first, paged. */
export async function onDisputes(ctx: Ctx, args: CommandArgs<'disputes'>): Promise<Replies> {
  const query: DisputesQuery = { kind: 'disputes', status: 'OPEN' };
  if (args.status) {
    const word = args.status.trim().toUpperCase();
    if (word === 'ALL') delete query.status;
    else if ((DISPUTE_STATUSES as readonly string[]).includes(word)) query.status = word as DisputeStatus;
    else return [text(ctx.t('disputes.badStatus', { word: args.status }))];
  }
  if (args.outcome) {
    // The dashboards' outcome words (insystem, duplicate, blocked), those a dispute can have.
    const outcome = outcomeFromWord(args.outcome);
    if (!outcome || !isDisputable(outcome))
      return [text(ctx.t('dash.badOutcome', { word: args.outcome, words: DISPUTE_OUTCOME_WORDS.join(', ') }))];
    query.outcome = outcome;
  }
  if (args.campaign) {
    const found = await campaignNamed(ctx, args.campaign);
    if ('refusal' in found) return found.refusal;
    query.campaignId = found.id;
    query.campaignLabel = found.name;
  }
  if (args.agency) {
    query.agencyId = await ctx.services.findAgencyId(args.agency);
    query.agencyLabel = args.agency;
  }
  ctx.state.list = query;
  return [await renderDisputes(ctx, query, 1)];
}

/** Prev / Next under the dispute list. */
export async function onDisputesPage(ctx: Ctx, page: number): Promise<Replies> {
  const query = ctx.state.list;
  if (query?.kind !== 'disputes' || !Number.isInteger(page) || page < 1) return [text(ctx.t('action.stale'))];
  const edit = ctx.caps.editInPlace ? ctx.event.sourceMessageRef : undefined;
  return [await renderDisputes(ctx, query, page, edit)];
}

async function renderDisputes(ctx: Ctx, q: DisputesQuery, page: number, edit?: string) {
  const result = await ctx.services.listDisputes(ctx.user.userId, {
    status: q.status,
    outcome: q.outcome,
    campaignId: q.campaignId,
    agencyId: q.agencyId,
    page,
    pageSize: DISPUTES_PAGE_SIZE,
  });
  const filters = [
    q.status ? ctx.t(STATUS_KEY[q.status]) : ctx.t('disputes.allStatuses'),
    q.outcome && outcomeLabel(ctx, q.outcome),
    q.campaignLabel,
    q.agencyLabel,
  ]
    .filter(Boolean)
    .join(' · ');
  const buttons: ChoiceInput[] = [];
  if (result.page > 1) buttons.push({ actionId: 'dpage', value: String(result.page - 1), label: ctx.t('list.prev') });
  if (result.page < result.pageCount)
    buttons.push({ actionId: 'dpage', value: String(result.page + 1), label: ctx.t('list.next') });
  return list(
    {
      title: `${ctx.t('disputes.title')} — ${filters}`,
      summary: ctx.tp('disputes.summary', result.total),
      items: result.rows.map((d) => ({
        title: `${formatDisputeRef(d.ref)} · ${disputedWho(d)}`,
        subtitle: [
          ctx.t(STATUS_KEY[d.status]),
          disputedOutcome(ctx, d.outcome),
          ctx.t('disputes.versus', { agency: d.agency.name, owner: holderName(ctx, d) }),
          d.campaign.name,
          dayLabel(ctx, d.createdAt),
        ].join(' · '),
        actionId: `dispute-show:${formatDisputeRef(d.ref)}`,
      })),
      page: result.page,
      pageCount: result.pageCount,
      emptyText: ctx.t('disputes.empty'),
      choices: buttons,
    },
    edit,
  );
}

/** A dispute's card (a list row pressed): the whole dispute, with Uphold / Transfer while open. */
export async function onDisputeShow(ctx: Ctx, rawRef: string): Promise<Replies> {
  const ref = parseDisputeRef(rawRef);
  if (ref === null) return [text(ctx.t('action.stale'))];
  const d = await ctx.services.getDispute(ctx.user.userId, formatDisputeRef(ref));
  const value = String(d.ref);
  const fields = [
    { label: ctx.t('dispute.field.status'), value: ctx.t(STATUS_KEY[d.status]) },
    { label: ctx.t('dispute.field.agency'), value: `${d.agency.name} (${d.openedBy})` },
    { label: ctx.t('dispute.field.owner'), value: holderName(ctx, d, true) },
    { label: ctx.t('field.campaign'), value: d.campaign.name },
    { label: ctx.t('dispute.field.opened'), value: dayLabel(ctx, d.createdAt) },
    { label: ctx.t('dispute.field.reason'), value: d.reason },
    { label: ctx.t('dispute.field.evidence'), value: d.evidence?.filename ?? '' },
  ];
  if (d.decision) {
    fields.push({
      label: ctx.t('dispute.field.decision'),
      value: ctx.t('dispute.decisionLine', {
        status: ctx.t(STATUS_KEY[d.status]),
        actor: d.decision.by,
        date: dayLabel(ctx, d.decision.at),
        reason: d.decision.reason,
      }),
    });
  }
  return [
    card({
      title: `${formatDisputeRef(d.ref)} · ${disputedWho(d)}`,
      subtitle: disputedOutcome(ctx, d.outcome),
      fields,
      choices:
        d.status === 'OPEN'
          ? [
              { actionId: 'dispute-uphold', value, label: ctx.t('dispute.uphold') },
              { actionId: 'dispute-transfer', value, label: ctx.t('dispute.transfer'), style: 'primary' },
            ]
          : [],
    }),
  ];
}
