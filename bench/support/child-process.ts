import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

/**
 * A benchmark target in its own process (bare echo bot, our app, a fake platform API), so the
 * targets never share an event loop with each other or with the load generator. A child says it is
 * ready with one `READY <json>` line on stdout.
 */
export interface Child {
  process: ChildProcess;
  info: Record<string, unknown>;
}

export interface StartChildOptions {
  /** Extra Node flags (e.g. --cpu-prof) before the script. */
  nodeArgs?: string[];
  /** Every other line the child prints on stdout. */
  onLine?: (line: string) => void;
}

export function startChild(script: string, args: string[], options: StartChildOptions = {}): Promise<Child> {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), ...process.execArgv, script, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.on('line', (line) => {
      if (line.startsWith('READY ')) resolve({ process: child, info: JSON.parse(line.slice(6)) as Record<string, unknown> });
      else options.onLine?.(line);
    });
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code} before it was ready`)));
  });
}

/**
 * SIGTERM, then SIGKILL after `graceMs` (10 s): a bench must end by itself. A process writing a
 * CPU profile at exit needs longer: minutes of samples take seconds to write on a busy machine.
 */
export function stopChild(child: Child | { process: ChildProcess }, graceMs = 10_000): Promise<void> {
  return new Promise((resolve) => {
    if (child.process.exitCode !== null) return resolve();
    child.process.once('exit', () => resolve());
    child.process.kill('SIGTERM');
    setTimeout(() => child.process.kill('SIGKILL'), graceMs).unref();
  });
}

/** The child's side: says it is ready, with what the parent needs (a port, a URL). */
export function reportReady(info: Record<string, unknown>): void {
  console.log(`READY ${JSON.stringify(info)}`);
}

/** The child's side: reports the port a listening server got. */
export function reportListening(server: { address(): string | { port: number } | null }): void {
  const address = server.address();
  reportReady({ port: typeof address === 'object' && address ? address.port : 0 });
}
