/**
 * Whether an error means "the database cannot be reached right now" (down, restarting, refusing
 * connections, connection dropped), as opposed to a bad query or a bug. Such errors become
 * 503 database_unavailable instead of 500, and let recently verified callers keep reading Kafka
 * and Redis. Recognises Prisma's driver-adapter errors (adapter-pg), raw `pg` and socket errors
 * and PGlite's; nothing here copies the error's text, which may name the server.
 */

/** Prisma: P1001 can't reach, P1002 timed out, P1008 operation timeout, P1017 server closed the connection, P2024 pool timeout. */
const prismaUnavailableCodes = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
/** Prisma driver-adapter error kinds that mean the server is not there. */
const adapterUnavailableKinds = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
/** Socket errors of node and pg while connecting or mid-query. */
const socketErrorCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ENOENT']);
/** PostgreSQL SQLSTATEs: admin/crash shutdown, cannot connect now (starting or stopping), too many connections. */
const postgresUnavailableStates = new Set(['57P01', '57P02', '57P03', '53300']);
const unavailableMessages = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /can't reach database server/i,
  /server closed the connection/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
  /PGlite is closed/i,
  /Client has encountered a connection error/i,
];

type Inspectable = { code?: unknown; kind?: unknown; message?: unknown; meta?: unknown; cause?: unknown; errors?: unknown; driverAdapterError?: unknown };

function asInspectable(value: unknown): Inspectable | null {
  return typeof value === 'object' && value !== null ? (value as Inspectable) : null;
}

function isPostgresConnectionState(code: string): boolean {
  // Class 08: connection exception.
  return postgresUnavailableStates.has(code) || /^08[0-9A-Z]{3}$/.test(code);
}

function adapterCauseUnavailable(cause: Inspectable | null): boolean {
  if (!cause) return false;
  if (typeof cause.kind === 'string' && adapterUnavailableKinds.has(cause.kind)) return true;
  return cause.kind === 'postgres' && typeof cause.code === 'string' && isPostgresConnectionState(cause.code);
}

function matches(error: Inspectable, depth: number): boolean {
  const code = typeof error.code === 'string' ? error.code : null;
  if (code && (prismaUnavailableCodes.has(code) || socketErrorCodes.has(code) || isPostgresConnectionState(code))) return true;
  const meta = asInspectable(error.meta);
  const adapterError = asInspectable(meta?.driverAdapterError);
  if (adapterCauseUnavailable(asInspectable(adapterError?.cause))) return true;
  if (adapterCauseUnavailable(asInspectable(error.cause))) return true;
  if (typeof error.message === 'string' && unavailableMessages.some((pattern) => pattern.test(error.message as string))) return true;
  if (depth >= 3) return false;
  // An AggregateError (every address refused) or an error wrapping another.
  const inner = Array.isArray(error.errors) ? error.errors : [];
  return [error.cause, ...inner].some((candidate) => {
    const inspectable = asInspectable(candidate);
    return inspectable !== null && matches(inspectable, depth + 1);
  });
}

export function isDatabaseUnavailable(error: unknown): boolean {
  const inspectable = asInspectable(error);
  return inspectable !== null && matches(inspectable, 0);
}
