/**
 * Checks that the SQLite driver loads in this Node.js (`npm install` runs it
 * as postinstall): exit 1 with an explanation when it does not. The check
 * itself is lib/database/sqlite-driver.ts.
 *
 *   tsx scripts/sqlite-driver.ts
 */
import { databaseUrl } from "../lib/config";
import { explainDatabaseFailure } from "../lib/database/failure";
import { ensureSqliteDriver } from "../lib/database/sqlite-driver";

try {
  ensureSqliteDriver();
} catch (error) {
  console.error(explainDatabaseFailure(error, databaseUrl(), "The SQLite driver does not load in this Node.js."));
  process.exit(1);
}
