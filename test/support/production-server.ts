import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');

/**
 * Builds dist/ unless it is newer than every source (`npm run build`'s `--if-stale`): the first
 * test that needs the production build pays for it, the others reuse it.
 */
export function ensureBuilt(): void {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.js'), '--if-stale'], {
    cwd: ROOT,
    encoding: 'utf8',
    // The caller's heap cap (the benches run under --max-old-space-size=256) is for the app: the
    // compiler needs more than that.
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  if (result.status !== 0) throw new Error(`npm run build failed:\n${result.stdout}\n${result.stderr}`);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface ProductionServer {
  /** The process a container runtime would signal: npm's with `npm start`, else node's. */
  child: ChildProcess;
  port: number;
  baseUrl: string;
  output(): string;
  /** Resolves with the exit code once the process is gone. */
  exited: Promise<number | null>;
}

export interface StartOptions {
  /** `npm start` (the README's command) instead of `node dist/src/main.js`. */
  viaNpm?: boolean;
  args?: string[];
  /** Resolves once this appears in the output; default the line main.ts prints when it listens. */
  readyText?: string;
}

/** The production build in a process of its own, with only the given environment (and PATH, HOME). */
export async function startProductionServer(env: Record<string, string>, options: StartOptions = {}): Promise<ProductionServer> {
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const fullEnv = { PATH: process.env.PATH, HOME: process.env.HOME, ...env, PORT: String(port) };
  const child = options.viaNpm
    ? spawn('npm', ['start', '--silent', '--', ...(options.args ?? [])], { cwd: ROOT, env: fullEnv })
    : spawn(process.execPath, ['dist/src/main.js', ...(options.args ?? [])], { cwd: ROOT, env: fullEnv });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const readyText = options.readyText ?? 'Endorse is running';
  await new Promise<void>((resolve, reject) => {
    const onData = () => output.includes(readyText) && resolve();
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((code) => reject(new Error(`the server exited with ${code} before it was ready:\n${output}`)));
  });
  return { child, port, baseUrl: `http://127.0.0.1:${port}`, output: () => output, exited };
}

/** `node dist/src/cli/<name>.js …` with only the given environment. */
export function runCompiledCli(name: 'admin' | 'migrate', args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, [`dist/src/cli/${name}.js`, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    encoding: 'utf8',
  });
}
