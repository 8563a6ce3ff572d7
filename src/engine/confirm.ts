import type { Ctx } from './context';
import { choices } from './reply';
import type { Dialog } from './state';

type ConfirmDialog = Extract<Dialog, { kind: 'confirm' }>;

/**
 * Opens a yes / no question for a destructive step: the dialog remembers what to do, and the
 * answer (a button or typed yes / no) reaches the dispatcher in dialogs.ts.
 */
export function askToConfirm(ctx: Ctx, op: ConfirmDialog['op'], target: { id: string; label: string }, question: string) {
  ctx.state.dialog = { kind: 'confirm', op, targetId: target.id, label: target.label };
  return confirmQuestion(ctx, question);
}

export function confirmQuestion(ctx: Ctx, question: string) {
  return choices(question, [
    { actionId: 'confirm', value: 'yes', label: ctx.t('confirm.yes'), style: 'danger' },
    { actionId: 'confirm', value: 'no', label: ctx.t('confirm.no') },
  ]);
}
