/**
 * `npm run teams:package`: builds the Teams app package, dist/teams/endorse-teams.zip — manifest.json
 * (with MICROSOFT_APP_ID as app and bot id, and PUBLIC_URL's host as valid domain), color.png and
 * outline.png — after validating the manifest against the vendored v1.17 JSON schema. Upload it in
 * Teams (Apps → Manage your apps → Upload an app) or the Teams admin center.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import { writeZip } from './teams-zip';
import {
  localizationFiles,
  MANIFEST_DIR,
  MANIFEST_PATH,
  manifestIsCurrent,
  PLACEHOLDER_APP_ID,
  SCHEMA_PATH,
} from './teams-manifest';

export const PACKAGE_PATH = path.resolve(__dirname, '../dist/teams/endorse-teams.zip');

/** The manifest as packaged: the checked-in one with this deployment's ids filled in. */
export function packagedManifest(env: { appId?: string; publicUrl?: string }): Record<string, unknown> {
  const manifest = JSON.parse(readFileSync(MANIFEST_PATH, 'utf8')) as Record<string, unknown>;
  const appId = env.appId ?? PLACEHOLDER_APP_ID;
  manifest.id = appId;
  for (const bot of (manifest.bots as { botId: string }[] | undefined) ?? []) bot.botId = appId;
  if (env.publicUrl) manifest.validDomains = [new URL(env.publicUrl).host];
  return manifest;
}

/** Schema errors of a manifest, as `path: message` lines (empty when valid). */
export function validateManifest(manifest: unknown): string[] {
  const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as Record<string, unknown>;
  // The schema's own $schema/id point at the network; ajv only needs the document.
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
  const validate = ajv.compile(schema);
  if (validate(manifest)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message ?? 'invalid'}`);
}

function main(): void {
  if (!manifestIsCurrent()) {
    console.error('manifests/teams/manifest.json is out of date with the engine commands: run npm run teams:manifest');
    process.exit(1);
  }
  const appId = process.env.MICROSOFT_APP_ID?.trim() || undefined;
  if (!appId) console.warn(`MICROSOFT_APP_ID is unset: the package carries the placeholder id ${PLACEHOLDER_APP_ID}`);
  const manifest = packagedManifest({ appId, publicUrl: process.env.PUBLIC_URL?.trim() || undefined });
  const errors = validateManifest(manifest);
  if (errors.length > 0) {
    console.error(`the manifest does not match the Teams schema v1.17:\n  ${errors.join('\n  ')}`);
    process.exit(1);
  }
  const zip = writeZip([
    { name: 'manifest.json', data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) },
    { name: 'color.png', data: readFileSync(path.join(MANIFEST_DIR, 'color.png')) },
    { name: 'outline.png', data: readFileSync(path.join(MANIFEST_DIR, 'outline.png')) },
    ...localizationFiles().map((f) => ({ name: f.name, data: Buffer.from(f.text) })),
  ]);
  mkdirSync(path.dirname(PACKAGE_PATH), { recursive: true });
  writeFileSync(PACKAGE_PATH, zip);
  console.log(`wrote ${path.relative(process.cwd(), PACKAGE_PATH)} (${zip.length} bytes)`);
}

if (require.main === module) main();
