import type { CommandText } from './commands';
import type { Ctx, Replies } from './context';
import { discardResume } from './flows/wizard-resume';
import { splitLine } from './flows/wizard-input';
import { prompt } from './flows/wizard-steps';
import { WIZARD_YES } from './flows/wizard';
import { formatCandidateRef } from '../services/candidates';
import { choices, text } from './reply';
import type { Dialog } from './state';
import { shortQuote } from '../domain/limits';
import { formatDisputeRef } from '../domain/disputes';
import { discardEvidence } from './flows/disputes';

/**
 * A command word typed while a dialog owns the user's free text (`submit please` while the wizard
 * asks for a name). Command words are commands where the answer cannot be data, data where the
 * text plainly is an answer, and otherwise the bot asks with one tap which was meant. Whatever
 * runs beside a dialog, the user is told whether the dialog was kept or dropped.
 */
export type Reading = 'command' | 'data' | 'ask';

/** How a command word in an open dialog is read (the router runs, answers or asks). */
export function readCommandWord(dialog: Dialog, command: CommandText, input: string): Reading {
  switch (dialog.kind) {
    // A yes / no question: anything but yes / no that is a command is a command. Nor is a
    // command word anyone's own name: the question waits while the command runs.
    case 'confirm':
    case 'ownName':
      return 'command';
    // Prose: only a bare command word could be a command; a sentence that starts with one is text.
    case 'comment':
    case 'rename':
    case 'dispute':
    case 'decide':
      return command.args.trim() === '' ? 'ask' : 'data';
    case 'wizard':
      if (dialog.step === 'confirm') return WIZARD_YES.test(input.trim()) ? 'data' : 'command';
      // `submit` with a phone or an email is a new submission, never a name.
      if (command.name === 'submit' && hasContact(command.args)) return 'command';
      if (dialog.step === 'name' || dialog.step === 'lastName' || dialog.step === 'campaign') return 'ask';
      // A phone, email or resume step cannot take a command word as its answer.
      return 'command';
  }
}

const hasContact = (args: string) => {
  const line = splitLine(args);
  return Boolean(line.email ?? line.phone);
};

/** Button labels quote this much of the text (Telegram shows about 48 characters a button). */
const LABEL_QUOTE_CHARS = 20;

/** Asks whether the text was the command or the answer; the text waits in `state.pending`. */
export function askWhichMeant(ctx: Ctx, dialog: Dialog, command: CommandText, input: string): Replies {
  ctx.state.pending = input;
  const short = shortQuote(input, LABEL_QUOTE_CHARS);
  const asData =
    dialog.kind === 'comment'
      ? ctx.t('which.asComment', { text: short })
      : dialog.kind === 'dispute' || dialog.kind === 'decide'
        ? ctx.t('which.asReason', { text: short })
        : dialog.kind === 'wizard' && dialog.step === 'campaign'
          ? ctx.t('which.asCampaign', { text: short })
          : ctx.t('which.asName', { text: short });
  return [
    choices(ctx.t('which.question', { text: short, command: command.name }), [
      { actionId: 'which', value: 'command', label: ctx.t('which.asCommand', { command: command.name }) },
      { actionId: 'which', value: 'data', label: asData },
    ]),
  ];
}

/**
 * Runs a command beside the open dialog. A yes / no question is dropped first (it was about
 * something the user moved away from); a wizard, comment or rename is kept when the command left it
 * alone, and the user is reminded of its question; a dialog the command replaced is said to be dropped.
 */
export async function runBesideDialog(ctx: Ctx, run: () => Promise<Replies>): Promise<Replies> {
  const before = ctx.state.dialog;
  if (!before) return run();
  if (before.kind === 'confirm') {
    ctx.state.dialog = null;
    const replies = await run();
    return [text(ctx.t('which.confirmDropped', { what: before.label })), ...replies];
  }
  const replies = await run();
  const after = ctx.state.dialog;
  if (after === before) return [...replies, ...(await keptNote(ctx, before))];
  // A new submission says itself that it replaced the old one.
  if (before.kind === 'wizard' && after?.kind === 'wizard') return replies;
  if (before.kind === 'wizard') await discardResume(ctx, before.draft);
  await discardEvidence(ctx, before);
  return [...replies, text(droppedNote(ctx, before))];
}

async function keptNote(ctx: Ctx, dialog: Exclude<Dialog, { kind: 'confirm' }>): Promise<Replies> {
  switch (dialog.kind) {
    case 'wizard':
      return [text(ctx.t('which.wizardKept')), ...(await prompt(ctx, dialog))];
    case 'comment':
      return [text(ctx.t('which.commentKept', { ref: formatCandidateRef(dialog.ref) }))];
    case 'rename':
      return [text(ctx.t('which.renameKept', { user: dialog.label }))];
    case 'ownName':
      return [text(ctx.t('invite.askName'))];
    case 'dispute':
      return [text(ctx.t('which.disputeKept', { ref: dialog.ref }))];
    case 'decide':
      return [text(ctx.t('which.decideKept', { dispute: formatDisputeRef(dialog.ref) }))];
  }
}

function droppedNote(ctx: Ctx, dialog: Exclude<Dialog, { kind: 'confirm' }>): string {
  switch (dialog.kind) {
    case 'wizard':
      return ctx.t('which.wizardDropped');
    case 'comment':
      return ctx.t('which.commentDropped', { ref: formatCandidateRef(dialog.ref) });
    case 'rename':
      return ctx.t('which.renameDropped', { user: dialog.label });
    case 'ownName':
      return ctx.t('invite.askName');
    case 'dispute':
      return ctx.t('which.disputeDropped', { ref: dialog.ref });
    case 'decide':
      return ctx.t('which.decideDropped', { dispute: formatDisputeRef(dialog.ref) });
  }
}
