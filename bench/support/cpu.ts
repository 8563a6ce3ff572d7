import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time of processes, from /proc (Linux; 0 elsewhere). A benchmark's targets and PostgreSQL
 * share the machine's cores, so CPU per message is the figure that explains a throughput ratio.
 */

/** CPU time (user + system) in ms a process used so far. */
export function processCpuMs(pid: number | string | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    // utime and stime are fields 14 and 15 of stat, in clock ticks (100 per second on Linux).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

/** A snapshot of every PostgreSQL server process's CPU time on this machine. */
export function postgresCpu(): Map<string, number> {
  const out = new Map<string, number>();
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return out;
  }
  for (const pid of pids) {
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres') out.set(pid, processCpuMs(pid));
    } catch {
      // The process ended while we looked.
    }
  }
  return out;
}

/** CPU ms the PostgreSQL processes used since `before` (a process that ended meanwhile is not counted). */
export function postgresCpuSince(before: Map<string, number>): number {
  let total = 0;
  for (const [pid, ms] of postgresCpu()) total += ms - (before.get(pid) ?? 0);
  return total;
}

/** Resident memory in MB now (VmRSS) and at its peak so far (VmHWM), from /proc (0 elsewhere). */
export function processMemoryMb(pid: number | string | undefined): { rss: number; peak: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
    return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
  } catch {
    return { rss: 0, peak: 0 };
  }
}
