import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import express from 'express';
import { createSlackAdapter } from '../../../../adapters/slack';
import { mountChannel } from '../../../../src/http/webhook';
import { BOT_SCOPES, EVENTS_PATH, INSTALL_PATH, REDIRECT_PATH, SLASH_COMMAND } from '../../../../adapters/slack/config';
import { buildSlackManifest, MANIFEST_PUBLIC_URL } from '../../../../adapters/slack/manifest';
import { commands } from '../../../../src/engine/commands';
import { createLogger } from '../../../../src/logger';
import type { SlackInstallations } from '../../../../src/services/slack-installations';

const MANIFEST = readFileSync(path.resolve(__dirname, '../../../../manifests/slack/manifest.yml'), 'utf8');
/** `key: value` lines of the manifest (it is flat enough to read without a YAML parser). */
const valuesOf = (key: string) =>
  [...MANIFEST.matchAll(new RegExp(`^\\s*-?\\s*${key}: (.+)$`, 'gm'))].map((m) => (m[1] ?? '').replace(/^['"]|['"]$/g, ''));

describe('manifests/slack/manifest.yml', () => {
  it('is exactly what `npm run slack:manifest` writes', () => {
    expect(MANIFEST).toBe(buildSlackManifest(commands));
  });

  it('offers every engine command through the one slash command', () => {
    expect(valuesOf('command')).toEqual([SLASH_COMMAND]);
    const hint = valuesOf('usage_hint')[0] ?? '';
    for (const c of commands.filter((c) => c.name !== 'start')) expect(hint.split(' | ')).toContain(c.name);
    expect(hint).toContain('link <code>');
  });

  it('asks for exactly the scopes the adapter uses', () => {
    const scopes = MANIFEST.split('bot:\n')[1]
      ?.split('settings:')[0]
      ?.match(/- (\S+)/g)
      ?.map((s) => s.slice(2));
    expect(scopes).toEqual([...BOT_SCOPES]);
  });

  it('names only routes the adapter really mounts', async () => {
    const urls = [
      ...valuesOf('url'),
      ...valuesOf('request_url'),
      ...MANIFEST.split('redirect_urls:\n')[1]!
        .split('\n')
        .slice(0, 1)
        .map((l) => l.replace(/^\s*- /, '')),
    ];
    const paths = new Set(urls.map((u) => u.replace(MANIFEST_PUBLIC_URL, '')));
    expect([...paths].sort()).toEqual([EVENTS_PATH, REDIRECT_PATH].sort());

    const installations: SlackInstallations = {
      save: async () => undefined,
      find: async () => null,
      remove: async () => undefined,
      count: async () => 0,
      reseal: async () => ({ resealed: 0, total: 0 }),
    };
    const adapter = createSlackAdapter(
      {
        signingSecret: 'unit',
        oauth: { clientId: '1.2', clientSecret: 's', stateSecret: 'state-secret' },
        apiUrl: 'http://127.0.0.1:9/api/',
        publicUrl: MANIFEST_PUBLIC_URL,
      },
      { logger: createLogger('silent'), installations },
    );
    const app = express();
    mountChannel(adapter, {
      engine: { handle: async () => [] },
      logger: createLogger('silent'),
      markUnreachable: async () => undefined,
      sendLater: async () => undefined,
    })(app);
    const server = app.listen(0);
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      // Unsigned: refused by the verifier, which proves the route is there.
      expect((await fetch(`${base}${EVENTS_PATH}`, { method: 'POST', body: '{}' })).status).toBe(401);
      const install = await fetch(`${base}${INSTALL_PATH}`, { redirect: 'manual' });
      expect(install.status).toBe(302);
      expect(install.headers.get('location')).toContain(encodeURIComponent(`${MANIFEST_PUBLIC_URL}${REDIRECT_PATH}`));
      // Without code and state Bolt's callback answers with its failure page, not a 404.
      expect((await fetch(`${base}${REDIRECT_PATH}`)).status).not.toBe(404);
    } finally {
      server.close();
    }
  });
});
