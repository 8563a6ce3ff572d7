/**
 * Whether an error says the database could not be reached (refused, reset, cut mid-statement, no
 * connection in time, the server shutting down) rather than that a statement was wrong. The first
 * kind passes when the database is back, so work that failed on it is worth doing again; the second
 * fails the same way every time.
 *
 * Errors come from pg directly (the driver's statements) or wrapped by Prisma's driver adapter
 * (`cause` chains, `DriverAdapterError` kinds, `P1xxx` codes), so the whole chain is read.
 */
export function isDatabaseUnreachable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 6; depth++) {
    const fields = e as { code?: unknown; kind?: unknown; message?: unknown; cause?: unknown; originalCode?: unknown };
    if (typeof fields.code === 'string' && (NETWORK_CODES.has(fields.code) || unreachableSqlState(fields.code))) return true;
    if (typeof fields.originalCode === 'string' && unreachableSqlState(fields.originalCode)) return true;
    if (typeof fields.kind === 'string' && ADAPTER_KINDS.has(fields.kind)) return true;
    if (typeof fields.message === 'string' && MESSAGES.test(fields.message)) return true;
    e = fields.cause;
  }
  return false;
}

/** Socket errors of a link that is down, and Prisma's "can't reach" / "closed" / "pool timeout" codes. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'P1001',
  'P1002',
  'P1008',
  'P1017',
  'P2024',
]);

/** SQLSTATE class 08 (connection exception), and the server going away or refusing new sessions. */
function unreachableSqlState(code: string): boolean {
  return /^08[0-9A-Z]{3}$/.test(code) || code === '57P01' || code === '57P02' || code === '57P03' || code === '53300';
}

/** @prisma/driver-adapter-utils error kinds that mean the link, not the statement. */
const ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);

/** pg's own wording when a connection ends or cannot be had (it sets no code on these). */
const MESSAGES =
  /Connection terminated|connection error and is not queryable|timeout exceeded when trying to connect|Client was closed and is not queryable|Cannot use a pool after calling end/i;
