import "server-only";
import type { PrismaClient } from "@/.generated/prisma/client";
import { createClient } from "@/lib/db-client";

export { createClient };

// One client per process: dev hot reloads would otherwise open a new
// connection on every edit.
const globalForPrisma = globalThis as unknown as { spravkaPrisma?: PrismaClient };

export const db: PrismaClient = globalForPrisma.spravkaPrisma ?? createClient();
globalForPrisma.spravkaPrisma = db;
