import { t, type MessageKey } from '../i18n';
import { formatDateTime } from '../i18n/format';
import type { Mail } from './mailer';

export interface InvitationEmailInput {
  to: string;
  /** The invitation link (`<PUBLIC_URL>/invite/<token>`). */
  url: string;
  role: string;
  agencyName?: string | null;
  inviterName?: string | null;
  expiresAt: Date;
  /** BCP 47; the email's language (default English). */
  locale?: string;
}

const ROLE_KEYS: Record<string, MessageKey> = {
  OWNER: 'email.role.OWNER',
  AGENCY_ADMIN: 'email.role.AGENCY_ADMIN',
  AGENCY_USER: 'email.role.AGENCY_USER',
  RECRUITER: 'email.role.RECRUITER',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Pure: the invitation email, text and HTML, both carrying the one link that matters. Written in
 * `input.locale`: the inviter's language, since the invitee has not chosen one yet.
 */
export function renderInvitationEmail(input: InvitationEmailInput): Mail {
  const locale = input.locale ?? 'en';
  const roleKey = ROLE_KEYS[input.role];
  const role = roleKey ? t(locale, roleKey) : input.role.toLowerCase();
  const params = { role, agency: input.agencyName ?? '', inviter: input.inviterName ?? '' };
  const key: MessageKey = input.inviterName
    ? input.agencyName
      ? 'email.invite.byYouFor'
      : 'email.invite.byYou'
    : input.agencyName
      ? 'email.invite.youFor'
      : 'email.invite.you';
  const intro = t(locale, key, params);
  const until = t(locale, 'email.invite.until', { until: formatDateTime(locale, input.expiresAt) });
  const text = [intro, '', t(locale, 'email.invite.open'), input.url, '', until, t(locale, 'email.invite.ignore')].join('\n');
  const url = escapeHtml(input.url);
  const html = `<!doctype html><html lang="${escapeHtml(locale)}"><body style="font-family:sans-serif;line-height:1.5">
<p>${escapeHtml(intro)}</p>
<p><a href="${url}" style="display:inline-block;padding:10px 16px;background:#1d4ed8;color:#fff;text-decoration:none;border-radius:6px">${escapeHtml(t(locale, 'email.invite.accept'))}</a></p>
<p>${escapeHtml(t(locale, 'email.invite.copy'))} <a href="${url}">${url}</a></p>
<p style="color:#555">${escapeHtml(until)}</p>
</body></html>`;
  return { to: input.to, subject: t(locale, 'email.invite.subject'), text, html };
}
