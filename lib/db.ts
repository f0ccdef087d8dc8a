import "server-only";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/.generated/prisma/client";
import { databaseUrl } from "@/lib/config";

function createClient(): PrismaClient {
  // `timeout`: wait up to 5 s for another writer instead of failing with SQLITE_BUSY.
  const adapter = new PrismaBetterSqlite3({ url: databaseUrl(), timeout: 5000 });
  return new PrismaClient({ adapter });
}

// One client per process: dev hot reloads would otherwise open a new
// connection on every edit.
const globalForPrisma = globalThis as unknown as { spravkaPrisma?: PrismaClient };

export const db: PrismaClient = globalForPrisma.spravkaPrisma ?? createClient();
globalForPrisma.spravkaPrisma = db;
