/**
 * `npm run telegram:manifest`: writes manifests/telegram/commands.json from the engine's command
 * list. `--check` exits 1 when the file is out of date instead (CI).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { toBotCommands } from '../adapters/telegram/commands';
import { commands } from '../src/engine/commands';

export const MANIFEST_PATH = path.resolve(__dirname, '../manifests/telegram/commands.json');

export const manifestText = (): string => `${JSON.stringify(toBotCommands(commands), null, 2)}\n`;

function main(): void {
  const expected = manifestText();
  if (process.argv.includes('--check')) {
    const current = readFileSync(MANIFEST_PATH, 'utf8');
    if (current !== expected) {
      console.error(`${MANIFEST_PATH} is out of date: run npm run telegram:manifest`);
      process.exit(1);
    }
    console.log('manifests/telegram/commands.json is up to date');
    return;
  }
  writeFileSync(MANIFEST_PATH, expected);
  console.log(`wrote ${MANIFEST_PATH}`);
}

if (require.main === module) main();
