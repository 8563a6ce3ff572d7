import type { Role } from '../domain/permissions';
import { t, type MessageKey } from '../i18n';
import type { OutboundMessage } from './messages';
import type { FilterOutcome, StageName } from '../services/dashboards';
import type { Ctx } from './context';
import { formatDate, formatNumber } from '../i18n/format';

/**
 * The words people read for the product's enum values: a user sees "Agency user" and "Screening",
 * never `AGENCY_USER` or `SCREENING`.
 */
type T = Pick<Ctx, 't'>;

const OUTCOME_KEY: Record<FilterOutcome, MessageKey> = {
  ADDED: 'outcome.added',
  PREVIOUSLY_SUBMITTED: 'outcome.previous',
  DUPLICATE: 'outcome.duplicate',
  ALREADY_IN_SYSTEM: 'outcome.alreadyInSystem',
  BLOCKED: 'outcome.blocked',
};

const STAGE_KEY: Record<StageName, MessageKey> = {
  NEW: 'stageName.NEW',
  SCREENING: 'stageName.SCREENING',
  INTERVIEW: 'stageName.INTERVIEW',
  OFFER: 'stageName.OFFER',
  HIRED: 'stageName.HIRED',
  REJECTED: 'stageName.REJECTED',
  WITHDRAWN: 'stageName.WITHDRAWN',
};

const ROLE_KEY: Record<Role, MessageKey> = {
  OWNER: 'roleName.OWNER',
  AGENCY_ADMIN: 'roleName.AGENCY_ADMIN',
  AGENCY_USER: 'roleName.AGENCY_USER',
  RECRUITER: 'roleName.RECRUITER',
};

const STATUS_KEY: Record<string, MessageKey> = {
  INVITED: 'statusName.INVITED',
  ACTIVE: 'statusName.ACTIVE',
  DISABLED: 'statusName.DISABLED',
};

const PLATFORM_KEY: Record<string, MessageKey> = {
  WEB: 'platformName.WEB',
  SLACK: 'platformName.SLACK',
  TEAMS: 'platformName.TEAMS',
  TELEGRAM: 'platformName.TELEGRAM',
};

export const outcomeLabel = (ctx: T, outcome: FilterOutcome): string => ctx.t(OUTCOME_KEY[outcome]);
export const stageLabel = (ctx: T, stage: StageName): string => ctx.t(STAGE_KEY[stage]);
export const roleLabel = (ctx: T, role: Role): string => ctx.t(ROLE_KEY[role]);
export const platformLabel = (ctx: T, platform: string): string => {
  const key = PLATFORM_KEY[platform];
  return key ? ctx.t(key) : platform;
};
/** A user's or an agency's status; an unknown value is shown as it is rather than hidden. */
export const statusLabel = (ctx: T, status: string): string => {
  const key = STATUS_KEY[status];
  return key ? ctx.t(key) : status;
};

/** A day in the reader's locale (Intl), e.g. `29 nov 2026`; the server does not know the reader's zone, so UTC. */
export const dayLabel = (ctx: Pick<Ctx, 'event'>, date: Date): string => formatDate(ctx.event.locale, date);

/** A count in the reader's locale: `2,000` (en), `2.000` (es, pt-BR). */
export const countLabel = (ctx: Pick<Ctx, 'event'>, n: number): string => formatNumber(ctx.event.locale, n);

/**
 * `message` with the words its renderer adds around the content (see `OutboundMessage.labels`) in
 * `locale`, for the bodies that get any; others pass unchanged.
 */
export function withRendererLabels(locale: string, message: OutboundMessage): OutboundMessage {
  const body = message.body;
  if (body.type === 'list') return { ...message, labels: { open: t(locale, 'render.open') } };
  if (body.type === 'form')
    return { ...message, labels: { choose: t(locale, 'render.choose'), cancel: t(locale, 'render.cancel') } };
  if (body.type === 'file_request')
    return { ...message, labels: { fileHint: t(locale, 'render.fileHint', { mb: Math.round(body.maxBytes / 1048576) }) } };
  if ((body.type === 'choices' || body.type === 'card') && body.choices.length > 0)
    return { ...message, labels: { choose: t(locale, 'render.choose') } };
  return message;
}
