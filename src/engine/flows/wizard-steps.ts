import { RESUME_MAX_BYTES } from '../../resume/errors';
import type { Ctx, Replies } from '../context';
import type { ActorRef } from '../../services/actor';

/**
 * What asking a question needs: also available to the resume job, which has no event (its `actor`
 * is a user id, read fresh).
 */
export type AskCtx = Pick<Ctx, 't' | 'services'> & { actor: ActorRef };
import { card, choices, fileRequest, text } from '../reply';
import type { Draft, WizardState, WizardStep } from '../state';

/** The first question still open, in the order the wizard asks them. */
export function nextStep(d: Draft): WizardStep {
  if (!d.firstName) return 'name';
  if (!d.lastName) return 'lastName';
  if (!d.phone) return 'phone';
  if (!d.email) return 'email';
  if (!d.campaignId) return 'campaign';
  if (!d.resume && !d.resumeSkipped) return 'resume';
  return 'confirm';
}

/** Moves to the next open question, remembering where we were for `back`. */
export function advance(wiz: WizardState): void {
  const next = nextStep(wiz.draft);
  if (next !== wiz.step) {
    if (wiz.step !== 'confirm') wiz.history.push(wiz.step);
    wiz.step = next;
  }
}

/** Forgets the answer to `step` so it is asked again (back, edit). */
export function clearStep(d: Draft, step: WizardStep): void {
  switch (step) {
    case 'name':
      delete d.firstName;
      delete d.lastName;
      return;
    case 'lastName':
      delete d.lastName;
      return;
    case 'phone':
      delete d.phone;
      return;
    case 'email':
      delete d.email;
      return;
    case 'campaign':
      delete d.campaignId;
      delete d.campaignName;
      return;
    case 'resume':
      delete d.resumeSkipped;
      return;
    case 'confirm':
      return;
  }
}

/** The question for the wizard's current step (a card for the summary). */
export async function prompt(ctx: AskCtx, wiz: WizardState): Promise<Replies> {
  const d = wiz.draft;
  switch (wiz.step) {
    case 'name':
      return [text(ctx.t('wizard.ask.name'))];
    case 'lastName':
      return [text(ctx.t('wizard.ask.lastName', { first: d.firstName ?? '' }))];
    case 'phone':
      return [text(ctx.t('wizard.ask.phone'))];
    case 'email':
      return [text(ctx.t('wizard.ask.email'))];
    case 'campaign': {
      const campaigns = await ctx.services.listCampaigns(ctx.actor);
      const open = campaigns.filter((c) => c.status === 'OPEN');
      if (open.length === 0) return [text(ctx.t('wizard.noCampaigns'))];
      return [
        choices(
          ctx.t('wizard.ask.campaign'),
          open.map((c) => ({ actionId: 'wiz:campaign', value: c.id, label: c.name })),
        ),
      ];
    }
    case 'resume':
      return [
        fileRequest(ctx.t('wizard.ask.resume'), RESUME_MAX_BYTES, [{ actionId: 'wiz:skip', label: ctx.t('wizard.button.skip') }]),
      ];
    case 'confirm':
      return [summaryCard(ctx, d)];
  }
}

export function resumeLabel(ctx: AskCtx, d: Draft): string {
  const r = d.resume;
  if (!r) return ctx.t('wizard.resume.none');
  if (r.status === 'reading') return ctx.t('wizard.resume.reading', { file: r.filename });
  if (r.status === 'failed') return ctx.t('wizard.resume.failed', { file: r.filename });
  return r.filename;
}

export function summaryCard(ctx: AskCtx, d: Draft) {
  return card({
    title: ctx.t('wizard.summary.title'),
    fields: [
      { label: ctx.t('field.firstName'), value: d.firstName ?? '' },
      { label: ctx.t('field.lastName'), value: d.lastName ?? '' },
      { label: ctx.t('field.phone'), value: d.phone ?? '' },
      { label: ctx.t('field.email'), value: d.email ?? '' },
      { label: ctx.t('field.campaign'), value: d.campaignName ?? '' },
      { label: ctx.t('field.resume'), value: resumeLabel(ctx, d) },
    ],
    text: ctx.t('wizard.summary.text'),
    choices: [
      { actionId: 'wiz:confirm', label: ctx.t('wizard.button.confirm'), style: 'primary' },
      { actionId: 'wiz:edit', label: ctx.t('wizard.button.edit') },
      { actionId: 'wiz:cancel', label: ctx.t('wizard.button.cancel'), style: 'danger' },
    ],
  });
}

/** Buttons naming each field, for Edit on the summary. */
export function editChoices(ctx: AskCtx) {
  const fields: [WizardStep, Parameters<Ctx['t']>[0]][] = [
    ['name', 'field.name'],
    ['phone', 'field.phone'],
    ['email', 'field.email'],
    ['campaign', 'field.campaign'],
    ['resume', 'field.resume'],
  ];
  return choices(
    ctx.t('wizard.edit.which'),
    fields.map(([step, label]) => ({ actionId: 'wiz:edit', value: step, label: ctx.t(label) })),
  );
}
