import { languageOf, t } from '../../i18n';
import { ServiceError } from '../../services/errors';
import { parseCommandText } from '../commands';
import type { Ctx, EngineRuntime, Replies } from '../context';
import type { InboundEvent } from '../messages';
import { text } from '../reply';
import { helpLines } from './help';
import { languageConfirmation } from './language';
import { conversationKey } from '../conversation-key';
import { parseState } from '../state';
import { platformLocale } from '../platform-locale';

/** The token of `start <token>` / `link <token>` / `/start <token>`, if the event is one. */
function redemptionToken(event: InboundEvent): string | null {
  const p = event.payload;
  const command =
    p.type === 'command'
      ? { name: p.name.replace(/^\//, '').toLowerCase(), args: p.args }
      : p.type === 'text'
        ? parseCommandText(p.text)
        : null;
  if (!command || (command.name !== 'start' && command.name !== 'link')) return null;
  const token = command.args.trim().split(/\s+/)[0];
  return token ? token : null;
}

/** Someone the bot does not know: an invitation code binds them; anything else gets one polite line. */
export async function onStranger(runtime: EngineRuntime, event: InboundEvent): Promise<Replies> {
  const token = redemptionToken(event);
  // In the platform's language (Slack is asked for it): the refusal is all a stranger reads.
  if (!token) return [text(t(await platformLocale(runtime, event), 'access.unknown'))];
  return redeem(runtime, event, token);
}

/** Opens the "what is your name" question in the conversation the invitation was redeemed in. */
async function askOwnName(runtime: EngineRuntime, event: InboundEvent, userId: string): Promise<void> {
  const key = conversationKey(event);
  const loaded = await runtime.services.loadConversation(key);
  const state = parseState(loaded.state);
  state.dialog = { kind: 'ownName' };
  await runtime.services.saveConversation(key, loaded.version, userId, state);
}

/** The invitee's answer: their name as colleagues see it. A refused name is asked again. */
export async function onOwnNameText(ctx: Ctx, input: string): Promise<Replies> {
  const { name } = await ctx.services.setOwnName(ctx.user.userId, input);
  ctx.state.dialog = null;
  return [text(ctx.t('invite.nameSet', { name }))];
}

export async function onRedeem(ctx: Ctx, token: string): Promise<Replies> {
  return redeem(ctx.runtime, ctx.event, token);
}

async function redeem(runtime: EngineRuntime, event: InboundEvent, token: string): Promise<Replies> {
  try {
    const user = await runtime.services.redeemInvitation(token, {
      platform: event.platform,
      workspaceId: event.identity.workspaceId,
      platformUserId: event.identity.platformUserId,
      address: event.conversation.address,
    });
    // A first chat speaks the platform's language and offers the others; a second one (another
    // platform linked later) keeps the language the user already has.
    const kept = await runtime.services.getUserLanguage(user.userId);
    const language =
      kept ?? (await runtime.services.setUserLanguage(user.userId, languageOf(await platformLocale(runtime, event))));
    const welcome = user.name ? t(language, 'access.welcome', { name: user.name }) : t(language, 'access.welcomeNoName');
    const greeting = `${welcome}\n\n${helpLines(language, user.role)}`;
    // Invited without a name: people would see the email, so the invitee is asked for one (last,
    // in the same message, where the answer goes).
    let askName: string | undefined;
    if (user.name === null) {
      await askOwnName(runtime, event, user.userId);
      askName = t(language, 'invite.askName');
    }
    if (kept === null) return [languageConfirmation(language, greeting, askName)];
    return [text(askName ? `${greeting}\n\n${askName}` : greeting)];
  } catch (error) {
    if (error instanceof ServiceError) return [text(error.messageIn(await platformLocale(runtime, event)))];
    throw error;
  }
}
