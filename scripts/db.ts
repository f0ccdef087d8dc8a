/**
 * The database commands (the work itself is in lib/database/), for SQLite
 * (the default) and PostgreSQL (DATABASE_URL=postgres://…, ADR 0013).
 *
 *   npm run db:deploy              apply every pending migration (creates a SQLite file; a
 *                                  PostgreSQL database must exist, empty or migrated)
 *   npm run db:migrate -- <name>   write a migration for the schema's changes (SQLite, and the
 *                                  same change for PostgreSQL), then apply it to the SQLite database
 *   npm run db:status              list applied and pending migrations
 *   npm run db:backup / db:restore SQLite only; PostgreSQL uses pg_dump (README)
 */
import path from "node:path";
import { databaseUrl } from "../lib/config";
import { backup, restore } from "../lib/database/backup";
import { explainDatabaseFailure } from "../lib/database/failure";
import { deploy, migrate, status } from "../lib/database/migrations";

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case "deploy": {
      const { applied } = await deploy();
      console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Database is up to date.");
      return 0;
    }
    case "migrate": {
      const name = rest.join(" ");
      const { created } = await migrate(name);
      console.log(created ? `Created and applied prisma/migrations/${created}` : "No schema changes.");
      return 0;
    }
    case "status": {
      const { pending, total } = await status();
      console.log(`${total - pending.length} of ${total} migrations applied.`);
      if (pending.length) console.log(`Pending: ${pending.join(", ")}`);
      return 0;
    }
    case "backup": {
      console.log(`Backed up to ${await backup(rest[0])}`);
      return 0;
    }
    case "restore": {
      if (!rest[0]) {
        console.error("Usage: npm run db:restore -- <backup file>   (stop the app first)");
        return 64;
      }
      const { applied } = await restore(rest[0]);
      console.log(`Restored from ${path.resolve(rest[0])}.${applied.length ? ` Applied: ${applied.join(", ")}` : ""}`);
      return 0;
    }
    default:
      console.error("Usage: tsx scripts/db.ts deploy | migrate <name> | status | backup [file] | restore <file>");
      return 64;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(
      explainDatabaseFailure(error, databaseUrl(), `The database command "${process.argv[2] ?? ""}" failed.`),
    );
    process.exit(1);
  },
);
