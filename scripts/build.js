#!/usr/bin/env node
// `npm run build`: compiles src/ and adapters/ (the Prisma client generated under src/generated
// included) to dist/ with tsc, and copies what the code reads from disk next to it, so production
// runs `node dist/src/main.js` with no TypeScript loader. `--if-stale` (what `npm start` runs)
// skips the work when dist/ is newer than every source, so a restart costs nothing.
const { spawnSync } = require('node:child_process');
const { cpSync, existsSync, readdirSync, rmSync, statSync, writeFileSync } = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
const DIST = path.join(ROOT, 'dist');
const STAMP = path.join(DIST, '.build-stamp');
/** Inputs of the build: a change to any of them makes dist/ stale. */
const SOURCES = ['src', 'adapters', 'prisma', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json', 'scripts/build.js'];
/** Files the compiled code reads at run time, relative to its own location (`__dirname`). */
const ASSETS = [
  ['adapters/web/public', 'dist/adapters/web/public'],
  ['prisma/migrations', 'dist/prisma/migrations'],
];

function newestMtime(target) {
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

function isFresh() {
  if (!existsSync(STAMP)) return false;
  const built = statSync(STAMP).mtimeMs;
  return SOURCES.every((source) => newestMtime(path.join(ROOT, source)) < built);
}

function build() {
  // Stale outputs of deleted sources would otherwise linger in dist/ and still load.
  rmSync(DIST, { recursive: true, force: true });
  const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', path.join(ROOT, 'tsconfig.build.json')], {
    stdio: 'inherit',
    cwd: ROOT,
  });
  if (result.status !== 0) {
    process.stderr.write('Build failed: fix the type errors above (`npm run typecheck` shows them too), then build again.\n');
    process.exit(result.status ?? 1);
  }
  for (const [from, to] of ASSETS) cpSync(path.join(ROOT, from), path.join(ROOT, to), { recursive: true });
  writeFileSync(STAMP, `${new Date().toISOString()}\n`);
}

if (process.argv.includes('--if-stale') && isFresh()) process.exit(0);
const started = Date.now();
build();
process.stdout.write(`Built dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
