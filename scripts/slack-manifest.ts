/**
 * `npm run slack:manifest`: writes manifests/slack/manifest.yml from the Slack adapter's routes,
 * scopes and events and the engine's command list. `--check` exits 1 when the file is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildSlackManifest } from '../adapters/slack/manifest';
import { commands } from '../src/engine/commands';

const MANIFEST_PATH = path.resolve(__dirname, '../manifests/slack/manifest.yml');

function main(): void {
  const expected = buildSlackManifest(commands);
  if (process.argv.includes('--check')) {
    if (readFileSync(MANIFEST_PATH, 'utf8') !== expected) {
      console.error(`${MANIFEST_PATH} is out of date: run npm run slack:manifest`);
      process.exit(1);
    }
    console.log('manifests/slack/manifest.yml is up to date');
    return;
  }
  writeFileSync(MANIFEST_PATH, expected);
  console.log(`wrote ${MANIFEST_PATH}`);
}

if (require.main === module) main();
