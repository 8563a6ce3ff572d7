import type { EngineRuntime } from './context';
import type { InboundEvent } from './messages';

/**
 * The platform's locale for the person behind `event`: asked of the channel when it keeps the
 * locale on the user rather than on each event (Slack), else the event's own. Only for a person
 * without a kept language, so the question costs one platform call per person, once. A platform
 * that does not answer is no reason to fail the event: its locale is then the event's.
 */
export async function platformLocale(runtime: EngineRuntime, event: InboundEvent): Promise<string> {
  const channel = runtime.channels.get(event.platform);
  if (!channel?.userLocale) return event.locale;
  try {
    const locale = await channel.userLocale({
      workspaceId: event.identity.workspaceId,
      platformUserId: event.identity.platformUserId,
    });
    return locale ?? event.locale;
  } catch (error) {
    runtime.logger.warn(
      { platform: event.platform, eventId: event.eventId, err: (error as Error).message },
      'engine: the platform did not tell the user’s locale; the event’s is used',
    );
    return event.locale;
  }
}
