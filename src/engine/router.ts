import {
  allowedFor,
  COMMAND_SPECS,
  isControl,
  parseArgs,
  parseCommandText,
  type CommandArgs,
  type CommandName,
  usageIn,
} from './commands';
import type { Ctx, Replies } from './context';
import { onHelp, onWelcome } from './flows/help';
import { onHome } from './flows/home';
import { onRedeem } from './flows/access';
import { onCampaigns } from './flows/campaigns';
import { candidatesView, onDashboard, onPage } from './flows/dashboard';
import { onCandidate, onComment, onCommentButton, onReplyTo, onStage, onStageButton } from './flows/profile';
import { onAgencies, onAgencyStatus, onDeliveries } from './flows/agencies';
import { onRetryDeliveries } from './flows/deliveries-retry';
import { onInvite } from './flows/invite';
import { onRule, onRules } from './flows/rules';
import { onDisable, onEnable, onRename, onRenameButton, onUser, onUserPage, onUsers } from './flows/users';
import { onBack, onCancel, onSubmit, onWizardAction } from './flows/wizard';
import { onLanguage } from './flows/language';
import { onDigest } from './flows/digest';
import { onDecide, onDispute, onDisputeFile, onDisputes, onDisputeSend, onDisputeShow, onDisputesPage } from './flows/disputes';
import { onConfirm, onDialogText } from './dialogs';
import { askWhichMeant, readCommandWord, runBesideDialog } from './command-words';
import { onForm } from './flows/wizard-form';
import { onFile } from './flows/wizard-resume';
import { splitAction, text } from './reply';
import { isAnswer } from '../i18n/answers';
import { shortQuote } from '../domain/limits';

type Handlers = { [K in CommandName]: (ctx: Ctx, args: CommandArgs<K>) => Promise<Replies> };

const handlers: Handlers = {
  help: (ctx) => onHelp(ctx),
  submit: (ctx, args) => onSubmit(ctx, args.details),
  cancel: (ctx) => onCancel(ctx),
  back: (ctx) => onBack(ctx),
  candidates: (ctx, args) => onDashboard(ctx, candidatesView(ctx), args),
  pool: (ctx, args) => onDashboard(ctx, 'pool', args),
  candidate: (ctx, args) => onCandidate(ctx, args.ref),
  comment: (ctx, args) => onComment(ctx, args.ref, args.text),
  stage: (ctx, args) => onStage(ctx, args.ref, args.stage),
  users: (ctx, args) => onUsers(ctx, args),
  user: (ctx, args) => onUser(ctx, args.who),
  rename: (ctx, args) => onRename(ctx, args.who, args.name),
  disable: (ctx, args) => onDisable(ctx, args.who),
  enable: (ctx, args) => onEnable(ctx, args.who),
  rules: (ctx) => onRules(ctx),
  rule: (ctx, args) => onRule(ctx, args),
  agencies: (ctx) => onAgencies(ctx),
  deliveries: (ctx, args) => (args.action === 'retry' ? onRetryDeliveries(ctx) : onDeliveries(ctx)),
  agency: (ctx, args) => onAgencyStatus(ctx, args.action, args.name),
  invite: (ctx, args) => onInvite(ctx, args),
  start: (ctx, args) => (args.token ? onRedeem(ctx, args.token) : onWelcome(ctx)),
  campaigns: (ctx) => onCampaigns(ctx),
  language: (ctx, args) => onLanguage(ctx, args.language),
  digest: (ctx, args) => onDigest(ctx, args.action),
  dispute: (ctx, args) => onDispute(ctx, args.ref, args.reason),
  disputes: (ctx, args) => onDisputes(ctx, args),
  decide: (ctx, args) => onDecide(ctx, args.ref, args.decision, args.reason),
};

async function runCommand<K extends CommandName>(ctx: Ctx, name: K, rawArgs: string): Promise<Replies> {
  if (!allowedFor(name, ctx.user.role)) return [text(ctx.t('command.notAllowed', { command: name }))];
  const args = parseArgs(name, rawArgs);
  if (args === null)
    return [
      text(
        ctx.t('command.usage', {
          usage: usageIn(ctx.event.locale, COMMAND_SPECS[name].usage),
          help: ctx.t(COMMAND_SPECS[name].help),
        }),
      ),
    ];
  return handlers[name](ctx, args);
}

/** Button presses: the action id names what to do, the value (or the id's tail) says on what. */
const actions: Record<string, (ctx: Ctx, arg: string) => Promise<Replies>> = {
  page: (ctx, arg) => onPage(ctx, Number(arg)),
  upage: (ctx, arg) => onUserPage(ctx, Number(arg)),
  open: (ctx, arg) => runCommand(ctx, 'candidate', arg),
  comment: (ctx, arg) => onCommentButton(ctx, arg),
  stage: (ctx, arg) => onStageButton(ctx, arg),
  setstage: (ctx, arg) => runCommand(ctx, 'stage', arg.replace(':', ' ')),
  user: (ctx, arg) => runCommand(ctx, 'user', arg),
  rename: (ctx, arg) => onRenameButton(ctx, arg),
  disable: (ctx, arg) => runCommand(ctx, 'disable', arg),
  enable: (ctx, arg) => runCommand(ctx, 'enable', arg),
  confirm: (ctx, arg) => onConfirm(ctx, arg),
  wiz: (ctx, arg) => onWizardAction(ctx, arg),
  cmd: (ctx, arg) => route(ctx, arg),
  submit: (ctx) => runCommand(ctx, 'submit', ''),
  lang: (ctx, arg) => onLanguage(ctx, arg),
  dispute: (ctx, arg) => runCommand(ctx, 'dispute', arg),
  'dispute-send': (ctx, arg) => onDisputeSend(ctx, arg),
  'dispute-uphold': (ctx, arg) =>
    allowedFor('decide', ctx.user.role) ? onDecide(ctx, arg, 'uphold') : notAllowed(ctx, 'decide'),
  'dispute-transfer': (ctx, arg) =>
    allowedFor('decide', ctx.user.role) ? onDecide(ctx, arg, 'transfer') : notAllowed(ctx, 'decide'),
  'dispute-show': (ctx, arg) => (allowedFor('disputes', ctx.user.role) ? onDisputeShow(ctx, arg) : notAllowed(ctx, 'disputes')),
  dpage: (ctx, arg) => onDisputesPage(ctx, Number(arg)),
};

async function notAllowed(ctx: Ctx, command: CommandName): Promise<Replies> {
  return [text(ctx.t('command.notAllowed', { command }))];
}

/**
 * Buttons that browse (paging, Open on a list row, a menu's commands) leave their message live;
 * any other press answers the question its message asked.
 */
const BROWSING_ACTIONS = new Set(['page', 'upage', 'open', 'user', 'cmd', 'submit', 'dpage', 'dispute-show', 'dispute']);

/** Marks the pressed message as answered, unless it browses or the answer edits it in place. */
function retirePressed(ctx: Ctx, kind: string, replies: Replies): Replies {
  const pressed = ctx.event.sourceMessageRef;
  const [first, ...rest] = replies;
  if (!pressed || !first || BROWSING_ACTIONS.has(kind) || replies.some((r) => r.edit === pressed)) return replies;
  return [{ ...first, retire: pressed }, ...rest];
}

/** Routes one event of a known, active user to its flow. */
export async function route(ctx: Ctx, textOverride?: string): Promise<Replies> {
  const payload = textOverride === undefined ? ctx.event.payload : { type: 'text' as const, text: textOverride };
  // A pending "which did you mean" lives for the next event only: any other answer forgets it.
  const pending = ctx.state.pending;
  if (pending !== undefined) delete ctx.state.pending;
  switch (payload.type) {
    case 'installed':
      return onWelcome(ctx);
    case 'home':
      return onHome(ctx);
    case 'file':
      // A file while a dispute is being written is its evidence; anywhere else, a resume.
      if (ctx.state.dialog?.kind === 'dispute') return onDisputeFile(ctx, ctx.state.dialog, payload.file);
      return onFile(ctx, [payload.file]);
    case 'form':
      return onForm(ctx, payload);
    case 'command': {
      // The same reading as typed text, so `/endorse submit` (the product's name first) is `submit`.
      const command = parseCommandText(`/${payload.name} ${payload.args}`);
      if (!command) return [text(ctx.t('command.unknown', { command: shortQuote(payload.name) }))];
      return runCommand(ctx, command.name, command.args);
    }
    case 'action': {
      const { kind, arg } = splitAction(payload.actionId, payload.value);
      if (kind === 'which') return onWhich(ctx, arg, pending);
      const handler = actions[kind];
      const replies = handler ? await handler(ctx, arg) : [text(ctx.t('action.stale'))];
      return textOverride === undefined ? retirePressed(ctx, kind, replies) : replies;
    }
    case 'text': {
      const reply =
        textOverride === undefined && ctx.event.replyTo ? await onReplyTo(ctx, ctx.event.replyTo, payload.text) : null;
      if (reply) return reply;
      const command = parseCommandText(payload.text);
      const dialog = ctx.state.dialog;
      if (dialog) {
        if (command && (command.explicit || isControl(command.name))) return runCommand(ctx, command.name, command.args);
        // “cancelar”, “voltar”, “bumalik”…: the control words in the user's language too.
        if (isAnswer(ctx.event.locale, 'cancel', payload.text)) return runCommand(ctx, 'cancel', '');
        if (isAnswer(ctx.event.locale, 'back', payload.text)) return runCommand(ctx, 'back', '');
        if (command && allowedFor(command.name, ctx.user.role)) {
          const reading = readCommandWord(dialog, command, payload.text);
          if (reading === 'ask') return askWhichMeant(ctx, dialog, command, payload.text);
          if (reading === 'command') return runBesideDialog(ctx, () => runCommand(ctx, command.name, command.args));
        }
        return onDialogText(ctx, payload.text);
      }
      if (command) return runCommand(ctx, command.name, command.args);
      return [text(ctx.t(allowedFor('submit', ctx.user.role) ? 'command.pointer' : 'command.pointer.employer'))];
    }
  }
}

/** The answer to "command or answer?" (command-words.ts): the pending text runs or answers. */
async function onWhich(ctx: Ctx, meant: string, pending: string | undefined): Promise<Replies> {
  const command = pending === undefined ? null : parseCommandText(pending);
  if (!command || pending === undefined || !ctx.state.dialog) return [text(ctx.t('action.stale'))];
  if (meant === 'data') return onDialogText(ctx, pending);
  return runBesideDialog(ctx, () => runCommand(ctx, command.name, command.args));
}
