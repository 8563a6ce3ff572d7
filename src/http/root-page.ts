import type { Mount } from './app';
import { escapeHtml, INVITE_PAGE_HEADERS } from './invite-page';

/**
 * GET /: a person who opens the bare address lands in the web chat when it is on; otherwise on a
 * small page that says what this server is and links to what it serves, instead of a JSON 404.
 */
export function mountRootPage(options: { webChat: boolean }): Mount {
  return (app) => {
    app.get('/', (_req, res) => {
      if (options.webChat) return void res.redirect(302, '/chat');
      res.set(INVITE_PAGE_HEADERS);
      res.type('html').send(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml('Endorse')}</title></head>
<body><main><h1>Endorse</h1>
<p>This server runs Endorse, the agency portal delivered as a chat bot. Agency users reach it from Slack, Microsoft Teams or Telegram, through the invitation link in their email.</p>
<ul><li><a href="/healthz">Health</a> and <a href="/readyz">readiness</a></li><li><a href="/api/v1/openapi.json">REST API (OpenAPI 3.1)</a></li></ul>
</main></body></html>`);
    });
  };
}
