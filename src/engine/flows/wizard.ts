import type { Ctx, Replies } from '../context';
import { isAnswer } from '../../i18n/answers';
import { text } from '../reply';
import type { WizardState } from '../state';
import { applyText, splitLine } from './wizard-input';
import { discardResume } from './wizard-resume';
import { discardEvidence } from './disputes';
import { advance, clearStep, editChoices, nextStep, prompt } from './wizard-steps';
import { submitDraft } from './wizard-submit';
import { submissionForm } from './wizard-form';

export function currentWizard(ctx: Ctx): WizardState | null {
  const dialog = ctx.state.dialog;
  return dialog?.kind === 'wizard' ? dialog : null;
}

/**
 * Starts (or restarts) the submission wizard. `details` (what followed the word `submit`) pre-fills
 * the draft with the name, phone and email it contains, and only what is missing is asked.
 */
export async function onSubmit(ctx: Ctx, details?: string): Promise<Replies> {
  const old = currentWizard(ctx);
  if (old) await discardResume(ctx, old.draft);
  const wiz: WizardState = { kind: 'wizard', step: 'name', history: [], draft: {} };
  ctx.state.dialog = wiz;
  const lead: Replies = [];
  if (old && Object.keys(old.draft).length > 0) lead.push(text(ctx.t('wizard.restarted')));
  const prefill = details && isPrefill(details) ? applyText(wiz.draft, 'name', details) : null;
  if (prefill) {
    advance(wiz);
    wiz.history = [];
    const problems = prefill.map((p) => (p.key ? ctx.t(p.key, p.params) : (p.message ?? ctx.t('wizard.bad.name'))));
    if (problems.length > 0) lead.push(text(problems.join('\n')));
  }
  if (ctx.caps.forms) return [...lead, await submissionForm(ctx, wiz.draft)];
  const start = text(ctx.t(prefill ? 'wizard.startPrefilled' : 'wizard.start'));
  return [start, ...lead, ...(await prompt(ctx, wiz))];
}

/**
 * Whether the words after `submit` are candidate details: a phone or an email, or a name of at
 * least two words. A lone word is taken as talk (`submit please`, `submit again`), not as a name.
 */
export function isPrefill(details: string): boolean {
  const line = splitLine(details);
  return Boolean(line.email ?? line.phone) || line.words.split(' ').length >= 2;
}

export async function onCancel(ctx: Ctx): Promise<Replies> {
  const dialog = ctx.state.dialog;
  if (!dialog) return [text(ctx.t('cancel.nothing'))];
  ctx.state.dialog = null;
  if (dialog.kind === 'wizard') {
    await discardResume(ctx, dialog.draft);
    return [text(ctx.t('cancel.wizard'))];
  }
  if (dialog.kind === 'dispute') {
    await discardEvidence(ctx, dialog);
    return [text(ctx.t('dispute.cancelled'))];
  }
  return [text(ctx.t('cancel.done'))];
}

export async function onBack(ctx: Ctx): Promise<Replies> {
  const wiz = currentWizard(ctx);
  if (!wiz) return [text(ctx.t(ctx.state.dialog ? 'back.notHere' : 'back.nothing'))];
  const previous = wiz.history.pop();
  if (!previous) return [text(ctx.t('back.first')), ...(await prompt(ctx, wiz))];
  if (previous === 'resume') await discardResume(ctx, wiz.draft);
  clearStep(wiz.draft, previous);
  wiz.step = previous;
  return prompt(ctx, wiz);
}

/** Typed answers that confirm the summary (`submit` among them: at the summary it means send). */
export const WIZARD_YES = /^(y|yes|ok|confirm|submit|send)$/i;

/** Free text while the wizard is open: the answer to its current step. */
export async function onWizardText(ctx: Ctx, wiz: WizardState, input: string): Promise<Replies> {
  const answer = input.trim();
  switch (wiz.step) {
    case 'campaign':
      return pickCampaign(ctx, wiz, answer);
    case 'resume':
      if (isAnswer(ctx.event.locale, 'skip', answer) || isAnswer(ctx.event.locale, 'no', answer)) return skipResume(ctx, wiz);
      return [text(ctx.t('wizard.resume.expected')), ...(await prompt(ctx, wiz))];
    case 'confirm':
      if (isAnswer(ctx.event.locale, 'yes', answer) || WIZARD_YES.test(answer)) return submitDraft(ctx, wiz);
      if (isAnswer(ctx.event.locale, 'edit', answer)) return [editChoices(ctx)];
      return [text(ctx.t('wizard.confirm.expected')), ...(await prompt(ctx, wiz))];
    default: {
      const problems = applyText(wiz.draft, wiz.step, answer);
      const before = wiz.step;
      advance(wiz);
      const lines = problems.map((p) => (p.key ? ctx.t(p.key, p.params) : (p.message ?? ctx.t('wizard.bad.name'))));
      if (lines.length === 0 && wiz.step === before) lines.push(ctx.t('wizard.bad.unclear'));
      // Say what was wrong first, then ask the question still open (the same one if it failed).
      const lead = lines.length > 0 ? [text(lines.join('\n'))] : [];
      return [...lead, ...(await prompt(ctx, wiz))];
    }
  }
}

async function pickCampaign(ctx: Ctx, wiz: WizardState, answer: string, byId = false): Promise<Replies> {
  const open = (await ctx.services.listCampaigns(ctx.actor)).filter((c) => c.status === 'OPEN');
  const wanted = answer.toLowerCase();
  const found = byId
    ? open.find((c) => c.id === answer)
    : (open.find((c) => c.name.toLowerCase() === wanted) ??
      open[Number(answer) - 1] ??
      (open.filter((c) => c.name.toLowerCase().includes(wanted)).length === 1
        ? open.find((c) => c.name.toLowerCase().includes(wanted))
        : undefined));
  if (!found) return [text(ctx.t('wizard.bad.campaign')), ...(await prompt(ctx, wiz))];
  wiz.draft.campaignId = found.id;
  wiz.draft.campaignName = found.name;
  advance(wiz);
  return prompt(ctx, wiz);
}

async function skipResume(ctx: Ctx, wiz: WizardState): Promise<Replies> {
  wiz.draft.resumeSkipped = true;
  advance(wiz);
  return prompt(ctx, wiz);
}

/** Buttons of the wizard: campaign, skip, confirm, edit, cancel. */
export async function onWizardAction(ctx: Ctx, arg: string): Promise<Replies> {
  const wiz = currentWizard(ctx);
  if (!wiz) return [text(ctx.t('wizard.gone'))];
  const payload = ctx.event.payload;
  const value = payload.type === 'action' ? (payload.value ?? '') : '';
  switch (arg) {
    case 'campaign':
      return pickCampaign(ctx, wiz, value, true);
    case 'skip':
      return skipResume(ctx, wiz);
    case 'confirm':
      return submitDraft(ctx, wiz);
    case 'cancel':
      return onCancel(ctx);
    case 'edit':
      return value ? editField(ctx, wiz, value) : [editChoices(ctx)];
    default:
      return [text(ctx.t('action.stale'))];
  }
}

async function editField(ctx: Ctx, wiz: WizardState, field: string): Promise<Replies> {
  const step = (['name', 'phone', 'email', 'campaign', 'resume'] as const).find((s) => s === field);
  if (!step) return [text(ctx.t('action.stale'))];
  if (step === 'resume') await discardResume(ctx, wiz.draft);
  clearStep(wiz.draft, step);
  wiz.history.push('confirm');
  wiz.step = nextStep(wiz.draft);
  return prompt(ctx, wiz);
}
