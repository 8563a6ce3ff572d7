#!/usr/bin/env node
// Runs `prisma generate` offline. Prisma 7's generator is WASM, but the CLI insists on locating a
// schema-engine binary it cannot download here (DESIGN §5); any existing file satisfies the check
// because `generate` never executes it.
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const env = { ...process.env };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) env.PRISMA_SCHEMA_ENGINE_BINARY = __filename;
env.PRISMA_HIDE_UPDATE_MESSAGE = '1';
const cli = path.join(__dirname, '..', 'node_modules', 'prisma', 'build', 'index.js');
const result = spawnSync(process.execPath, [cli, 'generate'], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
