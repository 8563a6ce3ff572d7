import type { AllMiddlewareArgs, AnyMiddlewareArgs } from '@slack/bolt';
import { ZodError } from 'zod';
import type { InboundEventInput, OutboundMessage } from '../../src/engine/messages';
import type { Logger } from '../../src/logger';
import type { SlackAdapter } from './index';
import { parseSlackBody, type ParsedSlack } from './parse';
import { renderHome, type HomeMetrics } from './render';

/** The engine as the webhook sees it: events in, direct replies out. */
export interface EngineHandler {
  handle(event: InboundEventInput): Promise<OutboundMessage[]>;
}

/** The Home tab's figures for a Slack user, or null for someone without access. */
export interface HomeSource {
  metricsFor(teamId: string, userId: string): Promise<HomeMetrics | null>;
}

export interface HandlerDeps {
  adapter: SlackAdapter;
  engine: EngineHandler;
  logger: Logger;
  home?: HomeSource;
}

type Ack = (response?: unknown) => Promise<void>;

/**
 * One verified Slack request, run as Bolt's global middleware: acknowledge first (events are
 * acknowledged by Bolt before this runs), then the engine, then the replies. A failure of ours is
 * logged with the ids and never retried by Slack: it was already acknowledged.
 */
export async function handleSlackRequest(deps: HandlerDeps, args: AnyMiddlewareArgs & AllMiddlewareArgs): Promise<void> {
  const { logger } = deps;
  const ack = (args as { ack?: Ack }).ack;
  let parsed: ParsedSlack;
  try {
    parsed = parseSlackBody(args.body);
  } catch (error) {
    await ack?.();
    if (!(error instanceof ZodError)) throw error;
    logger.warn({ issues: error.issues.length }, 'slack: body not understood, acknowledged and dropped');
    return;
  }
  const isSlash = parsed.event?.payload.type === 'command' && parsed.event.eventId.startsWith('cmd:');
  // A command typed in a channel is answered in the DM; the channel only sees this, and only its author.
  await ack?.(isSlash && parsed.needsDm ? { response_type: 'ephemeral', text: 'I answered in our direct messages.' } : undefined);

  const token = args.context.botToken;
  const ids = { eventId: parsed.event?.eventId, teamId: args.context.teamId, retryNum: args.context.retryNum };
  try {
    if (parsed.home) return await publishHome(deps, parsed.home, token);
    if (parsed.event) await runEvent(deps, parsed, parsed.event, token);
  } catch (error) {
    logger.error({ ...ids, err: (error as Error)?.message }, 'slack: event failed after the ack');
  }
}

async function runEvent(deps: HandlerDeps, parsed: ParsedSlack, input: InboundEventInput, token?: string): Promise<void> {
  const { adapter, engine } = deps;
  const teamId = input.identity.workspaceId ?? '';
  const userId = input.identity.platformUserId;
  let event = input;
  if (parsed.needsDm) {
    const dm = await adapter.openDm(teamId, userId, token);
    event = { ...input, conversation: { id: dm, address: { teamId, channel: dm, userId } } };
  }
  const replies = await engine.handle(event);
  const address = { teamId, channel: event.conversation.id, userId };
  let triggerId = parsed.triggerId;
  for (const reply of replies) {
    const isForm = reply.body.type === 'form';
    // Later replies would read out of order without this one: a failure stops the rest.
    await adapter.deliver(address, reply, { ...(token ? { token } : {}), ...(isForm && triggerId ? { triggerId } : {}) });
    if (isForm) triggerId = undefined;
  }
}

async function publishHome(deps: HandlerDeps, home: { teamId: string; userId: string }, token?: string): Promise<void> {
  if (!deps.home) return;
  const metrics = await deps.home.metricsFor(home.teamId, home.userId);
  await deps.adapter.publishHome(home.teamId, home.userId, renderHome(metrics), token);
}
