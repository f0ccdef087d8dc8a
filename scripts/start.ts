/**
 * `npm start`: prepare (secret, database), build if the sources changed
 * since the last build, then serve on $PORT (default 3000) through
 * scripts/serve.ts, which puts Next.js behind Spravka's own reading of who is
 * asking (lib/forwarding.ts).
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { addCompileHints } from "./compile-hints";
import { prepare } from "./prepare";
import { serveUntilStopped } from "./serve";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const NEXT_BIN = path.join(ROOT, "node_modules", ".bin", "next");
const STAMP = path.join(ROOT, ".next", "spravka-source-hash");
const BUILD_INPUTS = [
  "app",
  "lib",
  "machines",
  "public",
  "prisma/schema.prisma",
  "prisma/postgres/schema.prisma",
  "instrumentation.ts",
  "next.config.ts",
  "postcss.config.mjs",
  "tsconfig.json",
  "package.json",
  "package-lock.json",
];
const SKIP = new Set(["node_modules", ".next"]);

function* files(entry: string): Generator<string> {
  const full = path.join(ROOT, entry);
  if (!existsSync(full)) return;
  if (statSync(full).isFile()) {
    yield entry;
    return;
  }
  for (const child of readdirSync(full).sort()) {
    if (SKIP.has(child) || child.endsWith(".test.ts") || child.endsWith(".test.tsx")) continue;
    yield* files(path.join(entry, child));
  }
}

/** A hash of everything that goes into `next build`. */
export function sourceHash(): string {
  const hash = createHash("sha256");
  for (const input of BUILD_INPUTS) {
    for (const file of files(input)) {
      hash
        .update(file)
        .update("\0")
        .update(readFileSync(path.join(ROOT, file)))
        .update("\0");
    }
  }
  return hash.digest("hex");
}

function buildIfNeeded(): void {
  const wanted = sourceHash();
  const built =
    existsSync(path.join(ROOT, ".next", "BUILD_ID")) && existsSync(STAMP) ? readFileSync(STAMP, "utf8") : "";
  if (built === wanted) {
    console.log("Build is up to date.");
    return;
  }
  console.log("Building Spravka (first start or changed sources; this takes a minute)…");
  const result = spawnSync(NEXT_BIN, ["build"], { cwd: ROOT, stdio: "inherit", env: process.env });
  if (result.status !== 0) {
    console.error("The build failed; see the messages above.");
    process.exit(result.status ?? 1);
  }
  addCompileHints(path.join(ROOT, ".next"));
  writeFileSync(STAMP, wanted);
}

export async function main(): Promise<void> {
  await prepare();
  buildIfNeeded();
  await serveUntilStopped(Number(process.env.PORT ?? "3000"));
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(`Could not start Spravka.\n${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
