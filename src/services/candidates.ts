import { z } from 'zod';
import { canChangeStage, canComment, canViewCandidate } from '../domain/permissions';
import { assertAllowed, loadActor } from './actor';
import { writeAudit } from './audit';
import { STAGES, type OutcomeName, type StageName } from './dashboards';
import type { ServiceDeps } from './deps';
import { InvalidInputError, NotFoundError } from './errors';
import { recordOutboxEvent } from './outbox';
import { parseOrThrow } from './validate';

/** `C-1042` ↔ 1042: the short reference people read out and type. */
export const formatCandidateRef = (ref: number): string => `C-${ref}`;

export function parseCandidateRef(text: string): number | null {
  const match = /^\s*C?-?(\d{1,9})\s*$/i.exec(text);
  return match ? Number(match[1]) : null;
}

export interface CandidateProfile {
  id: string;
  ref: number;
  firstName: string;
  lastName: string;
  phone: string;
  email: string;
  outcome: OutcomeName;
  stage: StageName;
  source: string;
  channel: string;
  agency: string;
  addedBy: string;
  addedAt: Date;
  campaign: string;
  resumeSummary: string | null;
  educationSummary: string | null;
  resumeExperience: string | null;
  comments: { id: string; author: string; authorRole: string; body: string; createdAt: Date }[];
}

async function findCandidate(deps: ServiceDeps, ref: number) {
  const candidate = await deps.db.candidate.findUnique({
    where: { ref },
    select: {
      id: true,
      ref: true,
      firstName: true,
      lastName: true,
      phone: true,
      email: true,
      stage: true,
      source: true,
      channel: true,
      agencyId: true,
      submittedById: true,
      submittedAt: true,
      resumeSummary: true,
      educationSummary: true,
      resumeExperience: true,
      agency: { select: { name: true } },
      submittedBy: { select: { name: true, email: true } },
      campaign: { select: { name: true } },
    },
  });
  if (!candidate) throw new NotFoundError(`There is no candidate ${formatCandidateRef(ref)}. Check the reference in your list.`);
  return candidate;
}

export async function getCandidateProfile(deps: ServiceDeps, actorId: string, ref: number): Promise<CandidateProfile> {
  const actor = await loadActor(deps.sql, actorId);
  const c = await findCandidate(deps, ref);
  assertAllowed(canViewCandidate(actor, c));
  const comments = await deps.db.comment.findMany({
    where: { candidateId: c.id },
    orderBy: { createdAt: 'asc' },
    select: { id: true, body: true, createdAt: true, author: { select: { name: true, email: true, role: true } } },
  });
  return {
    id: c.id,
    ref: c.ref,
    firstName: c.firstName,
    lastName: c.lastName,
    phone: c.phone,
    email: c.email,
    outcome: 'ADDED',
    stage: c.stage,
    source: c.source,
    channel: c.channel,
    agency: c.agency.name,
    addedBy: c.submittedBy.name ?? c.submittedBy.email,
    addedAt: c.submittedAt,
    campaign: c.campaign.name,
    resumeSummary: c.resumeSummary,
    educationSummary: c.educationSummary,
    resumeExperience: c.resumeExperience,
    comments: comments.map((m) => ({
      id: m.id,
      author: m.author.name ?? m.author.email,
      authorRole: m.author.role,
      body: m.body,
      createdAt: m.createdAt,
    })),
  };
}

export const commentBody = z
  .string()
  .trim()
  .min(1, 'A comment cannot be empty.')
  .max(4000, 'A comment is at most 4,000 characters.');

export interface CommentAdded {
  commentId: string;
  candidateId: string;
  candidateRef: number;
  authorRole: string;
  /** The outbox event written with the comment; the notifier relays it (src/notify). */
  outboxEventId?: string;
}

export async function addComment(deps: ServiceDeps, actorId: string, ref: number, rawBody: string): Promise<CommentAdded> {
  const actor = await loadActor(deps.sql, actorId);
  const body = parseOrThrow(commentBody, rawBody);
  const c = await findCandidate(deps, ref);
  assertAllowed(canComment(actor, c));
  // The comment and its outbox event commit together: a crash after the commit still notifies.
  return deps.db.$transaction(async (tx) => {
    const comment = await tx.comment.create({
      data: { candidateId: c.id, authorId: actor.userId, body },
      select: { id: true },
    });
    const added = { commentId: comment.id, candidateId: c.id, candidateRef: c.ref, authorRole: actor.role };
    const outboxEventId = await recordOutboxEvent(tx, { kind: 'comment.added', data: added });
    return { ...added, outboxEventId };
  });
}

export const stageSchema = z.enum(STAGES, { message: `The stage is one of ${STAGES.join(', ')}.` });

export interface StageChanged {
  candidateId: string;
  candidateRef: number;
  from: StageName;
  to: StageName;
  /** The outbox event written with the change; the notifier relays it (src/notify). */
  outboxEventId?: string;
}

export async function changeStage(deps: ServiceDeps, actorId: string, ref: number, rawStage: string): Promise<StageChanged> {
  const actor = await loadActor(deps.sql, actorId);
  assertAllowed(canChangeStage(actor));
  const to = parseOrThrow(stageSchema, rawStage.trim().toUpperCase());
  const c = await findCandidate(deps, ref);
  if (c.stage === to) throw new InvalidInputError(`${formatCandidateRef(ref)} is already at ${to}.`, 'stage');
  const changed = { candidateId: c.id, candidateRef: c.ref, from: c.stage, to };
  return deps.db.$transaction(async (tx) => {
    await tx.candidate.update({ where: { id: c.id }, data: { stage: to } });
    await tx.stageChange.create({ data: { candidateId: c.id, fromStage: c.stage, toStage: to, changedById: actor.userId } });
    await writeAudit(tx, {
      actorId,
      action: 'candidate.stage',
      targetType: 'candidate',
      targetId: c.id,
      details: { from: c.stage, to },
    });
    return { ...changed, outboxEventId: await recordOutboxEvent(tx, { kind: 'stage.changed', data: changed }) };
  });
}
