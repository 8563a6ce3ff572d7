import type { Logger } from '../logger';
import type { Services } from '../services';
import type { InvitationCreated } from '../services/invitations';
import type { Notifier } from './notifier';

/**
 * The services with the domain-event step attached: after addComment, changeStage or
 * submitCandidate succeeds (and createInvitation, whose email is queued), the notifier fans the event out. Callers (the REST API, the engine)
 * take this object instead of the bare services and need not know about notifications.
 * A notification failure is logged, never turned into a failure of the action that already happened.
 */
export function withNotifications(
  services: Services,
  notifier: Notifier,
  logger: Logger,
  /** Sends the invitation email (queued); the chat still shows the link to the inviter. */
  onInvited: (invitation: InvitationCreated, inviterId: string) => Promise<void> = async () => undefined,
): Services {
  const after = async (what: string, publish: () => Promise<number>) => {
    await publish().catch((error: Error) => logger.error({ event: what, err: error.message }, 'notify: event not fanned out'));
  };
  // The event is in the outbox already (written with the change): relaying it here is the fast
  // path; if this fails or the process dies, the relay loop of any worker picks it up.
  const relayOr = (outboxEventId: string | undefined, direct: () => Promise<number>) => () =>
    outboxEventId
      ? notifier.relay(outboxEventId).then(
          (done) => Number(done),
          (error: Error) => {
            throw new Error(`${error.message} (outbox event ${outboxEventId} stays for the relay)`);
          },
        )
      : direct();
  return {
    ...services,
    async addComment(...args) {
      const result = await services.addComment(...args);
      await after(
        'comment',
        relayOr(result.outboxEventId, () => notifier.onCommentAdded(result)),
      );
      return result;
    },
    async changeStage(...args) {
      const result = await services.changeStage(...args);
      await after(
        'stage',
        relayOr(result.outboxEventId, () => notifier.onStageChange(result)),
      );
      return result;
    },
    async createInvitation(...args) {
      const result = await services.createInvitation(...args);
      await after('invitation', () => onInvited(result, args[0]).then(() => 1));
      return result;
    },
    async openDispute(...args) {
      const result = await services.openDispute(...args);
      await after(
        'dispute opened',
        relayOr(result.outboxEventId, () => notifier.onDisputeOpened(result)),
      );
      return result;
    },
    async decideDispute(...args) {
      const result = await services.decideDispute(...args);
      await after(
        'dispute decided',
        relayOr(result.outboxEventId, () => notifier.onDisputeDecided(result)),
      );
      return result;
    },
    async retryDeliveries(...args) {
      const result = await services.retryDeliveries(...args);
      await after('deliveries retry', () => notifier.resend(result.retried));
      return result;
    },
    async submitCandidate(...args) {
      const result = await services.submitCandidate(...args);
      const outboxEventId = result.outcome === 'ADDED' || result.outcome === 'ALREADY_IN_SYSTEM' ? result.outboxEventId : undefined;
      await after(
        'submission',
        relayOr(outboxEventId, () => notifier.onCandidateSubmitted(result)),
      );
      return result;
    },
  };
}
