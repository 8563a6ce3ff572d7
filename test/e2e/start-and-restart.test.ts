import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Must-show 1 of the foundation: `npm start` on a bare machine (no environment: embedded database,
 * in-process queue) serves /healthz, and what it wrote survives a restart.
 */
const ROOT = path.resolve(__dirname, '..', '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
let dataDir: string;

beforeAll(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'endorse-start-'));
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function bareEnv(port: number): NodeJS.ProcessEnv {
  // Only what a bare machine has: no DATABASE_URL, no REDIS_URL.
  return { PATH: process.env.PATH, HOME: process.env.HOME, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

async function startServer(): Promise<{ child: ChildProcess; port: number; output: () => string }> {
  const port = await freePort();
  const child = spawn(TSX, ['src/main.ts'], { cwd: ROOT, env: bareEnv(port) });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  // Resolves on the line main.ts prints once it listens.
  await new Promise<void>((resolve, reject) => {
    const onData = () => output.includes('Endorse is running') && resolve();
    child.stdout?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  return { child, port, output: () => output };
}

async function stopServer(child: ChildProcess): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  return exited;
}

function admin(...args: string[]) {
  return spawnSync(TSX, ['src/cli/admin.ts', ...args], { cwd: ROOT, env: bareEnv(0), encoding: 'utf8' });
}

test('a bare start serves /healthz, refuses a second process on the embedded database, and keeps data across restarts', async () => {
  const first = await startServer();
  const health = await fetch(`http://127.0.0.1:${first.port}/healthz`);
  expect(health.status).toBe(200);
  expect(await health.json()).toMatchObject({ ok: true, database: { kind: 'embedded' }, queue: { backend: 'inline' } });
  expect(first.output()).toContain(`/chat`);

  const busy = admin('agency', 'list');
  expect(busy.status).toBe(1);
  expect(busy.stderr).toContain('is in use by another process');

  expect(await stopServer(first.child)).toBe(0);
  const created = admin('agency', 'create', 'Persistent Partners', '--country', 'PH');
  expect(created.stdout).toContain('Created agency Persistent Partners');

  const second = await startServer();
  expect((await fetch(`http://127.0.0.1:${second.port}/healthz`)).status).toBe(200);
  expect(await stopServer(second.child)).toBe(0);

  const listed = admin('agency', 'list');
  expect(listed.stdout).toContain('Persistent Partners');
  expect(listed.stdout).toContain('Bright Staffing'); // the demo seed of the first start, not seeded twice
  expect(listed.stdout.match(/Bright Staffing/g)).toHaveLength(1);
}, 120_000);
