import { createHash } from 'node:crypto';
import { languageOf, matchLanguage, t, tp } from '../i18n';
import type { Services } from '../services';
import type { LoadedConversation } from '../services/conversations';
import type { ResolvedIdentity } from '../services/identities';
import { PLAIN_CAPABILITIES, ConversationConflict, type Ctx, type EngineRuntime, type Replies } from './context';
import { inboundEventSchema, type InboundEvent } from './messages';
import { onStranger } from './flows/access';
import { languageConfirmation } from './flows/language';
import { dropDialog } from './dialogs';
import { route } from './router';
import { parseState } from './state';
import { describeError, EventDeferred } from './errors';
import { isDatabaseUnreachable } from '../services/unavailable';
import { text } from './reply';
import { conversationKey } from './conversation-key';
import { platformLocale } from './platform-locale';
import { withRendererLabels } from './labels';

export { conversationKey, identityOfConversation } from './conversation-key';

/** How an event is handled. */
export interface HandleOptions {
  /**
   * The event was deferred before (EventDeferred) and is handled again: its id may already be
   * recorded by the attempt that failed, so a recorded id does not make it a repeat.
   */
  replay?: boolean;
}

/**
 * The pipeline of one event: validate, drop a repeat, resolve the identity fresh, refuse the
 * disabled, load the conversation, route, save with the loaded version. User errors become
 * messages; the database out of reach throws EventDeferred (the event is to be handled again
 * later, not apologised for); anything else is logged with ids only and answered politely.
 */
export async function handleEvent(runtime: EngineRuntime, input: unknown, options: HandleOptions = {}): Promise<Replies> {
  const started = performance.now();
  const parsed = inboundEventSchema.safeParse(input);
  if (!parsed.success) {
    runtime.logger.warn({ issues: parsed.error.issues.length }, 'engine: malformed inbound event');
    return [];
  }
  const event = parsed.data;
  const ids = { platform: event.platform, eventId: event.eventId, kind: event.payload.type };
  let userId: string | undefined;
  try {
    const { services } = runtime;
    const { fresh, user, conversation } = await services.openEvent(
      event.eventId,
      { platform: event.platform, workspaceId: event.identity.workspaceId, platformUserId: event.identity.platformUserId },
      conversationKey(event).conversationId,
    );
    if (!fresh && !options.replay) {
      runtime.logger.info({ ...ids, repeat: true }, 'engine: repeated event dropped');
      return [];
    }
    if (!user) return await onStranger(runtime, event);
    userId = user.userId;
    if (!user.active) {
      await dropDialog(runtime, conversationKey(event), user.userId);
      // A disabled agency's admins are disabled too: its people are sent to the employer instead.
      return [text(t(user.language ?? event.locale, user.agencyDisabled ? 'access.agencyDisabled' : 'access.disabled'))];
    }
    return await runInConversation(runtime, event, user, conversation);
  } catch (error) {
    const err = error as Error;
    if (isDatabaseUnreachable(error)) {
      runtime.logger.warn({ ...ids, userId, err: scrub(String(err?.message)) }, 'engine: database out of reach; event deferred');
      throw new EventDeferred('the database could not be reached', { cause: error });
    }
    runtime.logger.error({ ...ids, userId, err: { name: err.name, message: scrub(err.message) } }, 'engine: event failed');
    return [text(t(event.locale, 'error.internal'))];
  } finally {
    runtime.logger.info({ ...ids, userId, ms: Math.round(performance.now() - started) }, 'engine: event handled');
  }
}

async function runInConversation(
  runtime: EngineRuntime,
  platformEvent: InboundEvent,
  user: ResolvedIdentity,
  preloaded: LoadedConversation,
): Promise<Replies> {
  const { services } = runtime;
  // The user's kept language wins over the platform's locale; on first contact the platform's
  // locale becomes theirs, and they are asked once to confirm it (a one-tap choice).
  const stored = matchLanguage(user.language);
  const language = stored ?? languageOf(await platformLocale(runtime, platformEvent));
  if (stored === null) await services.setUserLanguage(user.userId, language);
  const event: InboundEvent = { ...platformEvent, locale: language };
  const key = conversationKey(event);
  const caps = runtime.channels.get(event.platform)?.capabilities ?? PLAIN_CAPABILITIES;
  const actor = { userId: user.userId, role: user.role, agencyId: user.agencyId, active: user.active };
  for (let attempt = 0; ; attempt++) {
    const loaded = attempt === 0 ? preloaded : await services.loadConversation(key);
    let version = loaded.version;
    let claimed = false;
    const state = parseState(loaded.state);
    let saved = JSON.stringify(state);
    const ctx: Ctx = {
      runtime,
      services,
      event,
      user,
      actor,
      key,
      caps,
      state,
      t: (k, params) => t(event.locale, k, params),
      tp: (k, count, params) => tp(event.locale, k, count, params),
      async claim() {
        const next = await services.saveConversation(key, version, user.userId, ctx.state);
        if (next === null) throw new ConversationConflict('conversation advanced elsewhere');
        version = next;
        claimed = true;
        saved = JSON.stringify(ctx.state);
      },
    };
    let replies: Replies;
    try {
      await keepAddressFresh(ctx);
      replies = await route(ctx);
      // First, so the answer stays the last thing shown; not when this very event chose a language
      // (`language es` as the first message).
      if (stored === null && (await services.getUserLanguage(user.userId)) === language)
        replies = [languageConfirmation(language), ...replies];
    } catch (error) {
      if (error instanceof ConversationConflict) {
        if (attempt === 0) continue;
        return [text(t(event.locale, 'error.busy'))];
      }
      const known = describeError(ctx, error);
      if (known === null) throw error;
      replies = [text(known)];
    }
    if (JSON.stringify(ctx.state) !== saved) {
      const next = await services.saveConversation(key, version, user.userId, ctx.state);
      if (next === null) {
        // Flows claim before anything that must not happen twice, so re-running unclaimed work is safe.
        if (!claimed && attempt === 0) continue;
        if (!claimed) return [text(t(event.locale, 'error.busy'))];
        runtime.logger.warn(
          { platform: event.platform, eventId: event.eventId, userId: user.userId },
          'engine: state lost a race after a claim',
        );
      }
    }
    return replies.map((reply) => withRendererLabels(event.locale, reply));
  }
}

async function keepAddressFresh(ctx: Ctx): Promise<void> {
  const address = ctx.event.conversation.address;
  if (address === undefined || address === null) return;
  const hash = createHash('sha1').update(ctx.user.identityId).update(JSON.stringify(address)).digest('base64url').slice(0, 16);
  if (ctx.state.addr === hash) return;
  await ctx.services.updateAddress(ctx.user.identityId, address as Parameters<Services['updateAddress']>[1]);
  ctx.state.addr = hash;
}

/** Error messages can quote what a user typed; logs must not (DESIGN §7). */
export function scrub(message: string): string {
  return message
    .replace(/[^\s@"'“”]+@[^\s@"'“”]+/g, '[email]')
    .replace(/\+?\d[\d\s().-]{5,}\d/g, '[number]')
    .slice(0, 300);
}
