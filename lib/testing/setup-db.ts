import { randomUUID } from "node:crypto";
import { copyFileSync } from "node:fs";
import path from "node:path";
import { createDatabase, TEMPLATE_DATABASE } from "../database/local-postgres";
import { inject } from "vitest";

// A real database per test file, copied from the migrated template before
// anything imports lib/db.ts, so files never see each other's rows: a SQLite
// file, or (npm run test:postgres) a PostgreSQL database made from the template.
const postgresUrl = inject("postgresUrl");
if (postgresUrl) {
  const name = `test_${randomUUID().replaceAll("-", "")}`;
  process.env.DATABASE_URL = await createDatabase(postgresUrl, name, { template: TEMPLATE_DATABASE });
} else {
  const file = path.join(inject("testDbDir"), `test-${randomUUID()}.db`);
  copyFileSync(inject("templateDb"), file);
  process.env.DATABASE_URL = `file:${file}`;
}
process.env.AUTH_SECRET ??= "test-secret-not-for-production-000000000000";
