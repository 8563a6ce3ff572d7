import { z } from 'zod';
import type { Prisma } from '../generated/prisma/client';
import type { DbOrTx } from './audit';
import { STAGES } from './dashboards';

/**
 * The events the outbox carries, each with what the notifier needs to fan it out. Written by the
 * service inside the transaction of the change itself; read back (and checked again) by the relay.
 */
export const outboxEventSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('comment.added'),
    data: z.object({ commentId: z.string(), candidateId: z.string(), candidateRef: z.number().int(), authorRole: z.string() }),
  }),
  z.object({
    kind: z.literal('stage.changed'),
    data: z.object({ candidateId: z.string(), candidateRef: z.number().int(), from: z.enum(STAGES), to: z.enum(STAGES) }),
  }),
  z.object({
    kind: z.literal('candidate.submitted'),
    data: z.discriminatedUnion('outcome', [
      z.object({
        outcome: z.literal('ADDED'),
        submissionId: z.string(),
        candidateId: z.string(),
        candidateRef: z.number().int(),
      }),
      // A direct applicant's record submitted by an agency: only the ATS is told (the webhook).
      z.object({ outcome: z.literal('ALREADY_IN_SYSTEM'), submissionId: z.string() }),
    ]),
  }),
  // Disputes (issue 19): the notifier reads the dispute itself, so the event carries only its id.
  z.object({ kind: z.literal('dispute.opened'), data: z.object({ disputeId: z.string() }) }),
  z.object({ kind: z.literal('dispute.decided'), data: z.object({ disputeId: z.string() }) }),
]);
export type OutboxEventBody = z.infer<typeof outboxEventSchema>;

/** Adds the event to the outbox; pass the transaction of the change it reports. Returns its id. */
export async function recordOutboxEvent(tx: DbOrTx, event: OutboxEventBody): Promise<string> {
  const row = await tx.outboxEvent.create({
    data: { kind: event.kind, payload: event.data as Prisma.InputJsonValue },
    select: { id: true },
  });
  return row.id;
}
