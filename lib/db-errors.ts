import { Prisma } from "@/.generated/prisma/client";

/** What a request answers when the database is unreachable (restarting, failing over, overloaded). */
export const DATABASE_UNAVAILABLE =
  "The class's records cannot be reached for a moment. Nothing was saved: try again shortly.";

/** Prisma's codes for a database it cannot reach or whose connection dropped (P1xxx), and a full pool (P2024). */
const UNAVAILABLE_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
/** The driver adapters' kinds of the same failures. */
const UNAVAILABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
/** PostgreSQL's own: shutting down, starting up, terminated connection, too many connections. */
const POSTGRES_CODES = new Set(["57P01", "57P02", "57P03", "53300", "08000", "08003", "08006"]);
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND"]);
const MESSAGES = [
  /Connection terminated/i,
  /Can't reach database server/i,
  /server closed the connection/i,
  /connection (is )?closed/i,
  /timeout exceeded when trying to connect/i,
  /the database system is (shutting down|starting up)/i,
  /terminating connection/i,
];

/**
 * Whether an error means "the database is not answering" rather than a bug:
 * such a request answers 503 with DATABASE_UNAVAILABLE, and live streams say
 * they are reconnecting (lib/runs/live/hub.ts) until it answers again.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  return anyCause(error, (e) => {
    if (e instanceof Prisma.PrismaClientInitializationError) return true;
    if (typeof e.code === "string" && (UNAVAILABLE_CODES.has(e.code) || SOCKET_CODES.has(e.code))) return true;
    if (typeof e.originalCode === "string" && POSTGRES_CODES.has(e.originalCode)) return true;
    if (typeof e.kind === "string" && UNAVAILABLE_KINDS.has(e.kind)) return true;
    if (e.kind === "postgres" && typeof e.code === "string" && POSTGRES_CODES.has(e.code)) return true;
    return typeof e.message === "string" && MESSAGES.some((m) => m.test(e.message as string));
  });
}

type ErrorLike = { code?: unknown; kind?: unknown; message?: unknown; cause?: unknown; originalCode?: unknown };

/** Whether `test` holds for the error or any error it was caused by (Prisma wraps the driver's). */
function anyCause(error: unknown, test: (e: ErrorLike) => boolean): boolean {
  for (let e = error, depth = 0; depth < 6 && typeof e === "object" && e !== null; depth++) {
    if (test(e as ErrorLike)) return true;
    e = (e as ErrorLike).cause;
  }
  return false;
}

/** PostgreSQL refusing text it cannot store (22021: a NUL byte), reached from input nothing else rejected. */
export function isUnstorableText(error: unknown): boolean {
  return anyCause(
    error,
    (e) =>
      e.code === "22021" ||
      e.originalCode === "22021" ||
      (typeof e.message === "string" && /Code: `22021`|invalid byte sequence for encoding/.test(e.message)),
  );
}
