import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/.generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "@/.generated/prisma-pg/client";
import { databaseKind, databaseUrl, postgresPoolSize } from "@/lib/config";
import { tuneSqliteConnection } from "@/lib/database/sqlite-connection";
import { withReusedStatements } from "@/lib/database/statement-cache";

/**
 * A new Prisma client with its own connections, for `url`'s database. The app
 * keeps one per process (lib/db.ts); scripts (the load test) and tests that
 * play several instances make their own.
 */
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
  const adapter = withReusedStatements(new PrismaBetterSqlite3({ url, timeout: 5000 }), tuneSqliteConnection);
  return new PrismaClient({ adapter });
}
