/**
 * Turns a failure to open or migrate the database into what a teacher or a
 * school's IT can act on: what failed, which database, what to do. The raw
 * errors come from three layers (Node's loader, the SQLite or PostgreSQL
 * driver, Prisma's schema engine) and often only the innermost one says what
 * happened, so the whole `cause` chain is read.
 */
import { databaseKind } from "../config";
import { compiledModuleVersion } from "./sqlite-driver";
import { sqliteFilePath } from "./sqlite-path";

export interface DatabaseFailure {
  whatFailed: string;
  database: string;
  whatToDo: string;
}

/** Where the database is, without a password. */
export function describeDatabaseLocation(url: string): string {
  try {
    if (databaseKind(url) === "sqlite") return `${sqliteFilePath(url)} (SQLite)`;
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || "5432"}${parsed.pathname} (PostgreSQL)`;
  } catch {
    return "DATABASE_URL (not a usable address)";
  }
}

/** Every message and code along the error's `cause` chain, outermost first. */
function chain(error: unknown): { messages: string[]; codes: string[]; names: string[] } {
  const messages: string[] = [];
  const codes: string[] = [];
  const names: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 10; depth++) {
    if (typeof current === "object") {
      const { message, code, cause, name } = current as {
        message?: unknown;
        code?: unknown;
        cause?: unknown;
        name?: unknown;
      };
      if (typeof message === "string") messages.push(message);
      if (typeof name === "string") names.push(name);
      if (typeof code === "string" || typeof code === "number") codes.push(String(code));
      current = cause;
    } else {
      messages.push(String(current));
      current = undefined;
    }
  }
  return { messages, codes, names };
}

/** The first line of the innermost message that says something (engines append backtraces and logs). */
function innermostLine(messages: string[]): string {
  for (const message of [...messages].reverse()) {
    const line = message.split("\n")[0]?.trim();
    if (line && !/^External error id#\d+$/.test(line)) return line;
  }
  return "no message";
}

export function classifyDatabaseFailure(error: unknown, url: string): DatabaseFailure {
  const { messages, codes, names } = chain(error);
  const text = messages.join("\n");
  const has = (...wanted: string[]) => wanted.some((code) => codes.includes(code));
  const detail = innermostLine(messages);
  const database = describeDatabaseLocation(url);
  const sqliteFile = database.endsWith("(SQLite)") ? database.slice(0, -" (SQLite)".length) : "the database file";

  const builtFor = compiledModuleVersion(text);
  if (builtFor !== null) {
    return {
      whatFailed: `The SQLite driver (better-sqlite3) was built for another Node.js (module version ${builtFor}); this is Node.js ${process.versions.node} (module version ${process.versions.modules}).`,
      database,
      whatToDo:
        "This node_modules comes from an older install. Delete the node_modules folder and run `npm install` again (the driver now comes prebuilt for every supported Node.js).",
    };
  }
  if (
    names.includes("SqliteDriverError") ||
    has("ERR_DLOPEN_FAILED", "MODULE_NOT_FOUND") ||
    /better-sqlite3|bindings file/i.test(text)
  ) {
    return {
      whatFailed: `The SQLite driver (better-sqlite3) could not be loaded: ${detail}`,
      database,
      whatToDo:
        'Use Node.js 22.12 or newer (24 LTS recommended) on Linux, macOS or Windows (x64 or arm64), where the driver comes prebuilt, and run `npm install` again. Elsewhere, use PostgreSQL (README, "Deploying for many classes").',
    };
  }
  if (has("SQLITE_NOTADB", "SQLITE_CORRUPT") || /file is not a database|database disk image is malformed/i.test(text)) {
    return {
      whatFailed: `${sqliteFile} is not a SQLite database, or it is damaged.`,
      database,
      whatToDo:
        "Move that file away and start again (a new, empty database is created), or put a backup in its place with `npm run db:restore -- <backup file>`. To use another file, set DATABASE_URL=file:/path/to/spravka.db.",
    };
  }
  if (has("SQLITE_BUSY", "SQLITE_LOCKED") || /database is locked/i.test(text)) {
    return {
      whatFailed: `${sqliteFile} is locked by another program.`,
      database,
      whatToDo: "Is Spravka already running (another `npm start`)? Stop it, or wait a moment and start again.",
    };
  }
  if (has("ENOSPC", "SQLITE_FULL") || /database or disk is full/i.test(text)) {
    return {
      whatFailed: "The disk is full.",
      database,
      whatToDo: "Free some space on the disk that holds the database, then start again.",
    };
  }
  if (
    has("EACCES", "EPERM", "EROFS", "ENOTDIR", "EEXIST", "ENOENT", "EISDIR", "SQLITE_CANTOPEN", "SQLITE_READONLY") ||
    /unable to open database file|readonly database/i.test(text)
  ) {
    return {
      whatFailed: `Spravka could not create or write ${sqliteFile}: ${detail}`,
      database,
      whatToDo:
        "Make sure its folder can be created and written by the user running Spravka, or set DATABASE_URL=file:/a/writable/folder/spravka.db.",
    };
  }
  if (has("28P01", "28000") || /password authentication failed|Authentication failed/i.test(text)) {
    return {
      whatFailed: "PostgreSQL refused the user name or password.",
      database,
      whatToDo: "Check the user and password in DATABASE_URL (postgresql://user:password@host:5432/database).",
    };
  }
  if (has("3D000") || /database .* does not exist/i.test(text)) {
    return {
      whatFailed: "The PostgreSQL server has no database of that name.",
      database,
      whatToDo: "Create it (e.g. `createdb spravka`), empty, and start again: Spravka creates its tables itself.",
    };
  }
  if (
    has("ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ETIMEDOUT", "EHOSTUNREACH") ||
    /Can't reach database server|timeout expired|Connection terminated/i.test(text)
  ) {
    return {
      whatFailed: "The PostgreSQL server cannot be reached.",
      database,
      whatToDo: "Start the server, or correct the host and port in DATABASE_URL.",
    };
  }
  if (/P3009|P3018|failed migrations|migration .*failed|failed to apply/i.test(text)) {
    return {
      whatFailed: `A database migration could not be applied: ${detail}`,
      database,
      whatToDo:
        "The database was changed outside Spravka, or an earlier update stopped half-way. Restore the last backup (`npm run db:restore -- <file>`; PostgreSQL: pg_restore) and start again; `npm run db:status` lists what is applied.",
    };
  }
  return {
    whatFailed: detail,
    database,
    whatToDo: "Check DATABASE_URL; `npm run db:status` lists which migrations are applied.",
  };
}

/** The failure as lines to print. */
export function explainDatabaseFailure(
  error: unknown,
  url: string,
  heading = "Could not prepare Spravka's database.",
): string {
  const failure = classifyDatabaseFailure(error, url);
  return [
    heading,
    `  What failed: ${failure.whatFailed}`,
    `  Database:    ${failure.database}`,
    `  What to do:  ${failure.whatToDo}`,
  ].join("\n");
}
