import "server-only";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/.generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "@/.generated/prisma-pg/client";
import { databaseKind, databaseUrl, postgresPoolSize } from "@/lib/config";

/** A new client with its own connections (one per process; tests make more to play several instances). */
export function createClient(url: string = databaseUrl()): PrismaClient {
  if (databaseKind(url) === "postgresql") {
    // The PostgreSQL client is generated from the same models (ADR 0013), so
    // its API is the SQLite client's: the app is written against one type.
    const adapter = new PrismaPg({
      connectionString: url,
      max: postgresPoolSize(),
      // Fail fast when the database is down, so requests answer "try again"
      // rather than hang until the browser gives up.
      connectionTimeoutMillis: 5000,
    });
    return new PostgresPrismaClient({ adapter }) as unknown as PrismaClient;
  }
  // `timeout`: wait up to 5 s for another writer instead of failing with SQLITE_BUSY.
  const adapter = new PrismaBetterSqlite3({ url, timeout: 5000 });
  return new PrismaClient({ adapter });
}

// One client per process: dev hot reloads would otherwise open a new
// connection on every edit.
const globalForPrisma = globalThis as unknown as { spravkaPrisma?: PrismaClient };

export const db: PrismaClient = globalForPrisma.spravkaPrisma ?? createClient();
globalForPrisma.spravkaPrisma = db;
