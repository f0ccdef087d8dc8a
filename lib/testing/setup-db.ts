import { randomUUID } from "node:crypto";
import { copyFileSync } from "node:fs";
import path from "node:path";
import { inject } from "vitest";

// A real SQLite file per test file, copied from the migrated template before
// anything imports lib/db.ts, so files never see each other's rows.
const file = path.join(inject("testDbDir"), `test-${randomUUID()}.db`);
copyFileSync(inject("templateDb"), file);
process.env.DATABASE_URL = `file:${file}`;
process.env.AUTH_SECRET ??= "test-secret-not-for-production-000000000000";
