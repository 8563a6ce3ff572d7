import { readFileSync } from 'node:fs';
import { toBotCommands } from '../../../../adapters/telegram/commands';
import { commands } from '../../../../src/engine/commands';
import { MANIFEST_PATH, manifestText } from '../../../../scripts/telegram-manifest';

describe('manifests/telegram/commands.json', () => {
  it('matches the engine command list (run npm run telegram:manifest after changing commands)', () => {
    expect(readFileSync(MANIFEST_PATH, 'utf8')).toBe(manifestText());
  });

  it('follows Telegram rules and lists every command but /start', () => {
    const menu = toBotCommands(commands);
    for (const c of menu) {
      expect(c.command).toMatch(/^[a-z0-9_]{1,32}$/);
      expect(c.description.length).toBeGreaterThan(0);
      expect(c.description.length).toBeLessThanOrEqual(256);
    }
    expect(menu.map((c) => c.command)).toEqual(commands.map((c) => c.name).filter((n) => n !== 'start'));
  });
});
