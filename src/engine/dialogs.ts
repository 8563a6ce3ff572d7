import type { ConversationKey } from '../services/conversations';
import type { Ctx, EngineRuntime, Replies } from './context';
import { confirmQuestion } from './confirm';
import { disableAgency } from './flows/agencies';
import { onOwnNameText } from './flows/access';
import { onCommentText } from './flows/profile';
import { disableUser, onRenameText } from './flows/users';
import { onWizardText } from './flows/wizard';
import { discardEvidence, onDecideText, onDisputeText } from './flows/disputes';
import { discardResume } from './flows/wizard-resume';
import { isAnswer } from '../i18n/answers';
import { text } from './reply';
import { parseState, type Dialog } from './state';

/**
 * Dialog plumbing: an open dialog (the wizard, a comment being written, a rename, a yes / no
 * question) owns the user's next free text. Flows open dialogs; this module routes their answers
 * and drops them, so no flow has to import another to finish what it asked.
 */

type ConfirmOp = Extract<Dialog, { kind: 'confirm' }>['op'];

/** What a confirmed question does, by the op it was opened with (see confirm.ts). */
const CONFIRMED: Record<ConfirmOp, (ctx: Ctx, targetId: string, label: string) => Promise<Replies>> = {
  disableUser: (ctx, targetId) => disableUser(ctx, targetId),
  disableAgency: (ctx, targetId, label) => disableAgency(ctx, targetId, label),
};

/** Free text while a dialog is open: the answer to its question. */
export async function onDialogText(ctx: Ctx, input: string): Promise<Replies> {
  const dialog = ctx.state.dialog;
  if (!dialog) return [text(ctx.t('command.pointer'))];
  switch (dialog.kind) {
    case 'comment':
      return onCommentText(ctx, dialog.ref, input);
    case 'rename':
      return onRenameText(ctx, dialog.userId, input);
    case 'ownName':
      return onOwnNameText(ctx, input);
    case 'confirm':
      return onConfirm(ctx, input);
    case 'wizard':
      return onWizardText(ctx, dialog, input);
    case 'dispute':
      return onDisputeText(ctx, dialog, input);
    case 'decide':
      return onDecideText(ctx, dialog, input);
  }
}

/** The answer to a confirmation question, by button or typed yes / no. */
export async function onConfirm(ctx: Ctx, answer: string): Promise<Replies> {
  const dialog = ctx.state.dialog;
  if (dialog?.kind !== 'confirm') return [text(ctx.t('action.stale'))];
  if (isAnswer(ctx.event.locale, 'no', answer)) {
    ctx.state.dialog = null;
    return [text(ctx.t('confirm.kept'))];
  }
  if (!isAnswer(ctx.event.locale, 'yes', answer))
    return [confirmQuestion(ctx, ctx.t('confirm.expected', { what: dialog.label }))];
  ctx.state.dialog = null;
  // Saved before acting, so a repeat on another instance finds nothing to confirm.
  await ctx.claim();
  return CONFIRMED[dialog.op](ctx, dialog.targetId, dialog.label);
}

/** A disabled user's open dialog is dropped on their next event (DESIGN §1). */
export async function dropDialog(runtime: EngineRuntime, key: ConversationKey, userId: string): Promise<void> {
  const loaded = await runtime.services.loadConversation(key);
  const state = parseState(loaded.state);
  if (!state.dialog) return;
  if (state.dialog.kind === 'wizard') await discardResume(runtime, state.dialog.draft);
  await discardEvidence(runtime, state.dialog);
  state.dialog = null;
  await runtime.services.saveConversation(key, loaded.version, userId, state);
}
