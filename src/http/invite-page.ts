import type { InviteChannel } from '../domain/invite-channels';
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
}

const TOKEN = /^[A-Za-z0-9_-]{16,200}$/;

export const isTokenShaped = (token: string): boolean => TOKEN.test(token);

function renderChannel(channel: InviteChannel): string {
  const label = escapeHtml(channel.label);
  const instructions = `<p class="hint">${escapeHtml(channel.instructions)}</p>`;
  if (channel.url && channel.method === 'POST') {
    return `<section><h2>${label}</h2><form method="post" action="${escapeHtml(new URL(channel.url).pathname)}">
      <button type="submit" class="primary">Open the ${label.toLowerCase()}</button></form>${instructions}</section>`;
  }
  if (channel.url) {
    return `<section><h2>${label}</h2><p><a class="button" href="${escapeHtml(channel.url)}">Open in ${label}</a></p>${instructions}</section>`;
  }
  return `<section><h2>${label}</h2>${instructions}<p><code class="token">${escapeHtml(channel.command ?? '')}</code></p></section>`;
}

/** Pure: returns the HTML. Every interpolated value goes through `escapeHtml`. */
export function renderInvitePage(options: InvitePageOptions): string {
  const channels =
    options.channels.length > 0
      ? options.channels.map(renderChannel).join('\n')
      : '<p>No chat channel is configured yet. Ask your admin how to reach Endorse.</p>';
  const inv = options.invitation;
  const welcome = inv?.name ? `Welcome to Endorse, ${inv.name}` : 'Welcome to Endorse';
  // The role and agency in the same words as the invitation email (i18n/roles.ts).
  const invited = inv
    ? `You are invited as ${roleAt('en', inv.role, inv.agencyName)}. Pick the chat app where you want to use Endorse:`
    : 'You have been invited to submit and follow candidates from your chat app. Pick where you want to use it:';
  return page(
    'Your Endorse invitation',
    `<h1>${escapeHtml(welcome)}</h1>
     <p>${escapeHtml(invited)}</p>
     ${channels}
     <p class="hint">The link works once and expires; if it has, ask your admin to invite you again.</p>`,
  );
}

export function renderBadInvitePage(): string {
  return page(
    'Invitation link incomplete',
    `<h1>That link is not complete</h1><p>Copy the whole link from your invitation email, or ask your admin for a new one.</p>`,
  );
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
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
      res.set(INVITE_PAGE_HEADERS);
      if (!isTokenShaped(token)) return void res.status(400).type('html').send(renderBadInvitePage());
      describe(token).then(
        (invitation) => res.type('html').send(renderInvitePage({ token, channels: channels(token), invitation })),
        next,
      );
    });
  };
}
