import { formatCandidateRef, parseCandidateRef, type CandidateProfile } from '../../services/candidates';
import { STAGES } from '../../services/dashboards';
import { ServiceError } from '../../services/errors';
import type { Ctx, Replies } from '../context';
import { countLabel, dayLabel, platformLabel, stageLabel } from '../labels';
import { card, choices, text } from '../reply';
import { overLimit, TEXT_LIMITS } from '../../domain/limits';
import { profileOwnershipLine } from './ownership';

const COMMENTS_SHOWN = 10;
const canSetStage = (ctx: Ctx) => ctx.user.role === 'OWNER' || ctx.user.role === 'RECRUITER';

export async function onCandidate(ctx: Ctx, ref: number): Promise<Replies> {
  const p = await ctx.services.getCandidateProfile(ctx.actor, ref);
  return [profileCard(ctx, p)];
}

function profileCard(ctx: Ctx, p: CandidateProfile) {
  const comments = p.comments.slice(-COMMENTS_SHOWN);
  const thread =
    comments.length === 0
      ? ctx.t('profile.noComments')
      : comments.map((c) => `${c.author} (${dayLabel(ctx, c.createdAt)}): ${c.body}`).join('\n');
  const ref = formatCandidateRef(p.ref);
  const buttons = [{ actionId: 'comment', value: String(p.ref), label: ctx.t('profile.button.comment') }];
  if (canSetStage(ctx)) buttons.push({ actionId: 'stage', value: String(p.ref), label: ctx.t('profile.button.stage') });
  // The service fills possible duplicates for owners and recruiters only; agencies never see the flag.
  const flagged =
    p.possibleDuplicates.length > 0
      ? [
          {
            label: ctx.t('profile.possibleDuplicate'),
            value: ctx.t('profile.possibleDuplicate.value', { refs: p.possibleDuplicates.map(formatCandidateRef).join(', ') }),
          },
        ]
      : [];
  return card({
    title: `${ref} ${p.firstName} ${p.lastName}`,
    subtitle: `${ctx.t('outcome.added')} · ${stageLabel(ctx, p.stage)}`,
    fields: [
      { label: ctx.t('profile.stage'), value: stageLabel(ctx, p.stage) },
      { label: ctx.t('profile.addedBy'), value: `${p.addedBy}, ${p.agency}` },
      { label: ctx.t('profile.addedOn'), value: dayLabel(ctx, p.addedAt) },
      { label: ctx.t('profile.ownership'), value: profileOwnershipLine(ctx, p.ownership) },
      ...flagged,
      { label: ctx.t('field.campaign'), value: p.campaign },
      { label: ctx.t('profile.source'), value: `${p.source} (${platformLabel(ctx, p.channel)})` },
      { label: ctx.t('field.phone'), value: p.phone },
      { label: ctx.t('field.email'), value: p.email },
      { label: ctx.t('profile.resumeSummary'), value: p.resumeSummary ?? '' },
      { label: ctx.t('profile.education'), value: p.educationSummary ?? '' },
      { label: ctx.t('profile.experience'), value: p.resumeExperience ?? '' },
    ],
    text: `${ctx.t('profile.comments', { count: p.comments.length })}\n${thread}`,
    choices: buttons,
  });
}

/** A comment past its limit is refused before the service sees it, saying by how much. */
function refuseLongComment(ctx: Ctx, body: string): Replies | null {
  const over = overLimit('comment', body);
  if (!over) return null;
  return [text(ctx.t('limit.comment', { limit: countLabel(ctx, over.limit), length: countLabel(ctx, over.length) }))];
}

export async function onComment(ctx: Ctx, ref: number, body: string): Promise<Replies> {
  const refused = refuseLongComment(ctx, body);
  if (refused) return refused;
  const added = await ctx.services.addComment(ctx.actor, ref, body);
  return [text(ctx.t('comment.added', { ref: formatCandidateRef(added.candidateRef) }))];
}

/** The Comment button: the next text is the comment. */
export async function onCommentButton(ctx: Ctx, arg: string): Promise<Replies> {
  const ref = parseCandidateRef(arg);
  if (ref === null) return [text(ctx.t('action.stale'))];
  // Checks the right to see (and so comment on) the candidate before asking for text.
  await ctx.services.getCandidateProfile(ctx.actor, ref);
  ctx.state.dialog = { kind: 'comment', ref };
  return [text(ctx.t('comment.ask', { ref: formatCandidateRef(ref), limit: countLabel(ctx, TEXT_LIMITS.comment) }))];
}

export async function onCommentText(ctx: Ctx, ref: number, body: string): Promise<Replies> {
  // Too long: the question stays open, so the shortened text is still taken as the comment.
  const refused = refuseLongComment(ctx, body);
  if (refused) return refused;
  ctx.state.dialog = null;
  await ctx.claim();
  try {
    return await onComment(ctx, ref, body);
  } catch (error) {
    // An empty or too long comment: ask again instead of dropping what they meant to say.
    if (error instanceof ServiceError && error.code === 'INVALID') ctx.state.dialog = { kind: 'comment', ref };
    throw error;
  }
}

/** A reply to a relayed comment becomes a comment on that candidate; null when it is not one. */
export async function onReplyTo(ctx: Ctx, replyTo: string, body: string): Promise<Replies | null> {
  const ref = await ctx.services.findCandidateRefByMessage(replyTo);
  if (ref === null) return null;
  const refused = refuseLongComment(ctx, body);
  if (refused) return refused;
  const added = await ctx.services.addComment(ctx.actor, ref, body);
  return [text(ctx.t('comment.replyAdded', { ref: formatCandidateRef(added.candidateRef) }))];
}

export async function onStage(ctx: Ctx, ref: number, stage: string): Promise<Replies> {
  const changed = await ctx.services.changeStage(ctx.user.userId, ref, stage);
  return [
    text(
      ctx.t('stage.changed', {
        ref: formatCandidateRef(changed.candidateRef),
        from: stageLabel(ctx, changed.from),
        to: stageLabel(ctx, changed.to),
      }),
    ),
  ];
}

/** The Change stage button: the stages as choices. */
export async function onStageButton(ctx: Ctx, arg: string): Promise<Replies> {
  const ref = parseCandidateRef(arg);
  if (ref === null) return [text(ctx.t('action.stale'))];
  if (!canSetStage(ctx)) return [text(ctx.t('command.notAllowed', { command: 'stage' }))];
  return [
    choices(
      ctx.t('stage.ask', { ref: formatCandidateRef(ref) }),
      STAGES.map((s) => ({ actionId: 'setstage', value: `${ref}:${s}`, label: stageLabel(ctx, s) })),
    ),
  ];
}
