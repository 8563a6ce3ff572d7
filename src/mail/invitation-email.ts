import type { Role } from '../domain/permissions';
import { t } from '../i18n';
import { formatDateTime } from '../i18n/format';
import { roleAt } from '../i18n/roles';
import type { Mail } from './mailer';

export interface InvitationEmailInput {
  to: string;
  /** The invitation link (`<PUBLIC_URL>/invite/<token>`). */
  url: string;
  role: Role;
  agencyName?: string | null;
  inviterName?: string | null;
  /** The invitee's name as the inviter gave it, for the greeting. */
  name?: string | null;
  expiresAt: Date;
  /** BCP 47; the email's language (default English). */
  locale?: string;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Pure: the invitation email, text and HTML, both carrying the one link that matters. Written in
 * `input.locale`: the inviter's language, since the invitee has not chosen one yet.
 */
export function renderInvitationEmail(input: InvitationEmailInput): Mail {
  const locale = input.locale ?? 'en';
  // The role and agency in the words the chat and the invitation page use (i18n/roles.ts).
  const role = roleAt(locale, input.role, input.agencyName);
  const hello = input.name ? t(locale, 'email.invite.helloName', { name: input.name }) : t(locale, 'email.invite.hello');
  const intro = input.inviterName
    ? t(locale, 'email.invite.byYou', { inviter: input.inviterName, role })
    : t(locale, 'email.invite.you', { role });
  const until = t(locale, 'email.invite.until', { until: formatDateTime(locale, input.expiresAt) });
  const text = [hello, '', intro, '', t(locale, 'email.invite.open'), input.url, '', until, t(locale, 'email.invite.ignore')].join(
    '\n',
  );
  const url = escapeHtml(input.url);
  const html = `<!doctype html><html lang="${escapeHtml(locale)}"><body style="font-family:sans-serif;line-height:1.5">
<p>${escapeHtml(hello)}</p>
<p>${escapeHtml(intro)}</p>
<p><a href="${url}" style="display:inline-block;padding:10px 16px;background:#1d4ed8;color:#fff;text-decoration:none;border-radius:6px">${escapeHtml(t(locale, 'email.invite.accept'))}</a></p>
<p>${escapeHtml(t(locale, 'email.invite.copy'))} <a href="${url}">${url}</a></p>
<p style="color:#555">${escapeHtml(until)}</p>
</body></html>`;
  return { to: input.to, subject: t(locale, 'email.invite.subject'), text, html };
}
