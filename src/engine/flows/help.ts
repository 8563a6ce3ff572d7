import type { Role } from '../../domain/permissions';
import { t, type MessageKey } from '../../i18n';
import { commands, usageIn } from '../commands';
import type { Ctx, Replies } from '../context';
import { text } from '../reply';
import { confirmQuestion } from '../confirm';
import { prompt } from './wizard-steps';

const HIDDEN = new Set(['start']);

/** The closing line names a command that role really has. */
const FOOTER: Record<Role, MessageKey> = {
  OWNER: 'help.footer.owner',
  AGENCY_ADMIN: 'help.footer',
  AGENCY_USER: 'help.footer',
  RECRUITER: 'help.footer.recruiter',
};

/** The menu of what this role may use, from the one command list. */
export function helpLines(locale: string, role: Role): string {
  const lines = commands
    .filter((c) => c.roles.includes(role) && !HIDDEN.has(c.name))
    .map((c) => `• ${usageIn(locale, c.usage)} — ${t(locale, c.helpFor[role] ?? c.helpKey)}`);
  return `${t(locale, 'help.title')}\n${lines.join('\n')}\n${t(locale, FOOTER[role])}`;
}

/** The menu; inside the wizard or a yes / no question, followed by the question still open. */
export async function onHelp(ctx: Ctx): Promise<Replies> {
  const menu = text(helpLines(ctx.event.locale, ctx.user.role));
  const dialog = ctx.state.dialog;
  if (dialog?.kind === 'confirm') return [menu, confirmQuestion(ctx, ctx.t('confirm.expected', { what: dialog.label }))];
  return dialog?.kind === 'wizard' ? [menu, ...(await prompt(ctx, dialog))] : [menu];
}

export async function onWelcome(ctx: Ctx): Promise<Replies> {
  const hello = ctx.t('help.hello', { name: ctx.user.name ?? ctx.user.email });
  return [text(`${hello}\n\n${helpLines(ctx.event.locale, ctx.user.role)}`)];
}
