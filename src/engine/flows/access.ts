import { languageOf, t } from '../../i18n';
import { ServiceError } from '../../services/errors';
import { parseCommandText } from '../commands';
import type { Ctx, EngineRuntime, Replies } from '../context';
import type { InboundEvent } from '../messages';
import { text } from '../reply';
import { helpLines } from './help';
import { languageConfirmation } from './language';

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
  if (!token) return [text(t(event.locale, 'access.unknown'))];
  return redeem(runtime, event, token);
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
    const language = kept ?? (await runtime.services.setUserLanguage(user.userId, languageOf(event.locale)));
    const welcome = t(language, 'access.welcome', { name: user.name ?? user.email });
    const greeting = `${welcome}\n\n${helpLines(language, user.role)}`;
    return [kept === null ? languageConfirmation(language, greeting) : text(greeting)];
  } catch (error) {
    if (error instanceof ServiceError) return [text(error.message)];
    throw error;
  }
}
