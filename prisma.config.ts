import path from "node:path";
import { defineConfig } from "prisma/config";
import { databaseUrl } from "./lib/config";

// The native schema engine cannot be downloaded offline. `prisma generate`
// only checks that *some* executable is there, so point it at /bin/true;
// migrations go through the WASM engine in lib/database/migrations.ts (ADR 0001).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= "/bin/true";

export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  datasource: {
    // Not `env("DATABASE_URL")`: that throws when the variable is unset (fresh clone, CI).
    url: databaseUrl(),
  },
});
