import type { InviteChannel } from '../domain/invite-channels';
import { t, type Language } from '../i18n';
import { languageFromAcceptLanguage } from '../i18n/accept-language';
import { roleAt } from '../i18n/roles';
import type { InvitationDetails } from '../services/invitations';
import type { Mount } from './app';

/** The page behind an invitation link (DESIGN §2): it offers each configured channel. */
export interface InvitePageOptions {
  token: string;
  /** From `inviteChannels`, the same list the invitation email is built from. */
  channels: readonly InviteChannel[];
  /** Whom the invitation is for, as what and where; absent when the link is used up or unknown. */
  invitation?: InvitationDetails | null;
  /** The visitor's language (their browser's Accept-Language): the invitee has chosen none yet. */
  language?: Language;
}

const TOKEN = /^[A-Za-z0-9_-]{16,200}$/;

export const isTokenShaped = (token: string): boolean => TOKEN.test(token);

/** A channel's name and how to link it, in `language`; the product names stay as they are. */
function renderChannel(channel: InviteChannel, language: Language): string {
  const name = channel.platform === 'WEB' ? t(language, 'invitePage.web') : channel.label;
  const label = escapeHtml(name);
  const how = t(language, `invitePage.how.${channel.platform}`, { bot: channel.bot ?? '' });
  const instructions = `<p class="hint">${escapeHtml(how)}</p>`;
  if (channel.url && channel.method === 'POST') {
    return `<section><h2>${label}</h2><form method="post" action="${escapeHtml(new URL(channel.url).pathname)}">
      <button type="submit" class="primary">${escapeHtml(t(language, 'invitePage.openWeb'))}</button></form>${instructions}</section>`;
  }
  if (channel.url) {
    const open = escapeHtml(t(language, 'invitePage.openIn', { app: name }));
    return `<section><h2>${label}</h2><p><a class="button" href="${escapeHtml(channel.url)}">${open}</a></p>${instructions}</section>`;
  }
  return `<section><h2>${label}</h2>${instructions}<p><code class="token">${escapeHtml(channel.command ?? '')}</code></p></section>`;
}

/** Pure: returns the HTML, in the visitor's language (English when absent). Every interpolated value goes through `escapeHtml`. */
export function renderInvitePage(options: InvitePageOptions): string {
  const language = options.language ?? 'en';
  const channels =
    options.channels.length > 0
      ? options.channels.map((c) => renderChannel(c, language)).join('\n')
      : `<p>${escapeHtml(t(language, 'invitePage.none'))}</p>`;
  const inv = options.invitation;
  const welcome = inv?.name ? t(language, 'invitePage.welcomeName', { name: inv.name }) : t(language, 'invitePage.welcome');
  // The role and agency in the same words as the invitation email (i18n/roles.ts).
  const invited = inv
    ? t(language, 'invitePage.invitedAs', { role: roleAt(language, inv.role, inv.agencyName) })
    : t(language, 'invitePage.invited');
  return page(
    language,
    t(language, 'invitePage.title'),
    `<h1>${escapeHtml(welcome)}</h1>
     <p>${escapeHtml(invited)}</p>
     ${channels}
     <p class="hint">${escapeHtml(t(language, 'invitePage.once'))}</p>`,
  );
}

export function renderBadInvitePage(language: Language = 'en'): string {
  return page(
    language,
    t(language, 'invitePage.bad.title'),
    `<h1>${escapeHtml(t(language, 'invitePage.bad.heading'))}</h1><p>${escapeHtml(t(language, 'invitePage.bad.text'))}</p>`,
  );
}

function page(language: Language, title: string, body: string): string {
  return `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><link rel="stylesheet" href="/chat/assets/chat.css"></head>
<body class="invite"><main class="invite-card">${body}</main></body></html>`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Headers of every invitation page: no referrer (the token is in the URL), no framing, no script. */
export const INVITE_PAGE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy':
    "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  // The token is in the URL: it never leaves the site, yet our own form's post keeps its Origin.
  'Referrer-Policy': 'same-origin',
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
};

/**
 * GET /invite/:token: the invitation link's landing page, offering every configured channel. It is
 * served whether or not the web chat is on; pressing the web chat's button posts to the web chat
 * adapter's `/invite/:token/web`.
 */
export function mountInvitePage(
  channels: (token: string) => InviteChannel[],
  describe: (token: string) => Promise<InvitationDetails | null> = async () => null,
): Mount {
  return (app) => {
    app.get('/invite/:token', (req, res, next) => {
      const token = req.params.token;
      const language = languageFromAcceptLanguage(req.headers['accept-language']);
      res.set(INVITE_PAGE_HEADERS);
      res.set('Vary', 'Accept-Language');
      if (!isTokenShaped(token)) return void res.status(400).type('html').send(renderBadInvitePage(language));
      describe(token).then(
        (invitation) => res.type('html').send(renderInvitePage({ token, channels: channels(token), invitation, language })),
        next,
      );
    });
  };
}
