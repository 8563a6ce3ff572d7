import type { Role } from '../domain/permissions';
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
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Pure: the invitation email, text and HTML, both carrying the one link that matters. */
export function renderInvitationEmail(input: InvitationEmailInput): Mail {
  // The role and agency in the words the chat and the invitation page use (i18n/roles.ts).
  const as = roleAt('en', input.role, input.agencyName);
  const by = input.inviterName ? `${input.inviterName} invited you` : 'You are invited';
  const hello = input.name ? `Hi ${input.name},` : 'Hello,';
  const until = input.expiresAt.toUTCString();
  const text = [
    hello,
    '',
    `${by} to Endorse as ${as}.`,
    '',
    'Open this link to connect your chat app (Slack, Microsoft Teams, Telegram or the web chat):',
    input.url,
    '',
    `The link works once and until ${until}. If it has expired, ask for a new invitation.`,
    'If you did not expect this email, ignore it.',
  ].join('\n');
  const url = escapeHtml(input.url);
  const html = `<!doctype html><html><body style="font-family:sans-serif;line-height:1.5">
<p>${escapeHtml(hello)}</p>
<p>${escapeHtml(`${by} to Endorse as ${as}.`)}</p>
<p><a href="${url}" style="display:inline-block;padding:10px 16px;background:#1d4ed8;color:#fff;text-decoration:none;border-radius:6px">Accept the invitation</a></p>
<p>Or copy this link: <a href="${url}">${url}</a></p>
<p style="color:#555">${escapeHtml(`The link works once and until ${until}. If it has expired, ask for a new invitation.`)}</p>
</body></html>`;
  return { to: input.to, subject: 'Your invitation to Endorse', text, html };
}
