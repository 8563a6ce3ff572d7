import { RESUME_MAX_BYTES } from '../../resume/errors';
import type { Ctx, Replies } from '../context';
import type { InboundPayload, OutboundMessage } from '../messages';
import { message, text } from '../reply';
import type { Draft, WizardState } from '../state';
import { applyText } from './wizard-input';
import { advance, prompt } from './wizard-steps';
import { onFile } from './wizard-resume';

export const SUBMISSION_FORM_ID = 'submission';

/** The whole submission as one form, for channels that render forms (Slack modal, Adaptive Card, web). */
export async function submissionForm(ctx: Ctx, d: Draft): Promise<OutboundMessage> {
  const campaigns = (await ctx.services.listCampaigns(ctx.actor)).filter((c) => c.status === 'OPEN');
  return message({
    type: 'form',
    formId: SUBMISSION_FORM_ID,
    title: ctx.t('form.title'),
    text: ctx.t('form.text'),
    fields: [
      { name: 'firstName', label: ctx.t('field.firstName'), kind: 'text', required: false, value: d.firstName },
      { name: 'lastName', label: ctx.t('field.lastName'), kind: 'text', required: false, value: d.lastName },
      {
        name: 'phone',
        label: ctx.t('field.phone'),
        kind: 'phone',
        required: false,
        value: d.phone,
        placeholder: '+63 917 123 4567',
      },
      {
        name: 'email',
        label: ctx.t('field.email'),
        kind: 'email',
        required: false,
        value: d.email,
        placeholder: 'jane@example.com',
      },
      {
        name: 'campaign',
        label: ctx.t('field.campaign'),
        kind: 'select',
        required: false,
        value: d.campaignId,
        options: campaigns.map((c) => ({ value: c.id, label: c.name })),
      },
      {
        name: 'resume',
        label: ctx.t('field.resume'),
        kind: 'file',
        required: false,
        hint: ctx.t('form.resumeHint', { mb: RESUME_MAX_BYTES / 1048576 }),
      },
    ],
    submitLabel: ctx.t('form.submit'),
    fallbackText: ctx.t('wizard.ask.name'),
  });
}

type FormPayload = Extract<InboundPayload, { type: 'form' }>;

/**
 * A submitted form fills every field at once; what is wrong is asked again one by one, and a
 * complete form goes straight to the summary.
 */
export async function onForm(ctx: Ctx, payload: FormPayload): Promise<Replies> {
  if (payload.formId !== SUBMISSION_FORM_ID) return [text(ctx.t('action.stale'))];
  if (!['AGENCY_ADMIN', 'AGENCY_USER'].includes(ctx.user.role)) return [text(ctx.t('command.notAllowed', { command: 'submit' }))];
  const existing = ctx.state.dialog?.kind === 'wizard' ? ctx.state.dialog : null;
  const wiz: WizardState = existing ?? { kind: 'wizard', step: 'name', history: [], draft: {} };
  ctx.state.dialog = wiz;
  const v = payload.values;
  const d = wiz.draft;
  const problems: string[] = [];
  const first = v.firstName?.trim();
  const last = v.lastName?.trim();
  if (first) d.firstName = first;
  if (last) d.lastName = last;
  for (const [field, step] of [
    ['phone', 'phone'],
    ['email', 'email'],
  ] as const) {
    const value = v[field]?.trim();
    if (!value) continue;
    for (const p of applyText(d, step, value)) {
      const said = p.key ? ctx.t(p.key, p.params) : p.message;
      if (said) problems.push(said);
    }
  }
  const campaignId = v.campaign?.trim();
  if (campaignId) {
    const open = (await ctx.services.listCampaigns(ctx.actor)).filter((c) => c.status === 'OPEN');
    const found = open.find((c) => c.id === campaignId);
    if (found) {
      d.campaignId = found.id;
      d.campaignName = found.name;
    } else problems.push(ctx.t('wizard.bad.campaign'));
  }
  const fileReplies = payload.files.length > 0 ? await onFile(ctx, payload.files) : [];
  // The form had its chance to carry a resume: not asking for it again one by one.
  if (!d.resume) d.resumeSkipped = true;
  wiz.step = 'name';
  advance(wiz);
  wiz.history = [];
  const lead = problems.length > 0 ? [text(problems.join('\n'))] : [];
  // While the resume is read, the fields it may fill are not asked: its result shows what it
  // found and asks what is still missing (or shows the summary).
  if (d.resume?.status === 'reading') return [...lead, ...fileReplies];
  return [...lead, ...fileReplies, ...(await prompt(ctx, wiz))];
}
