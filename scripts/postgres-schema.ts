/**
 * Rewrites prisma/postgres/schema.prisma from prisma/schema.prisma (ADR 0013;
 * the generator is lib/database/postgres-schema.ts).
 *
 *   npx tsx scripts/postgres-schema.ts
 */
import { writePostgresSchema } from "../lib/database/postgres-schema";

const { changed } = writePostgresSchema();
console.log(changed ? "Wrote prisma/postgres/schema.prisma." : "prisma/postgres/schema.prisma is up to date.");
