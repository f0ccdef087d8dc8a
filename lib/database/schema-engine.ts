/**
 * Prisma's official schema engine, compiled to WebAssembly (ADR 0001): the
 * native engine the Prisma CLI downloads cannot be fetched offline. Loads the
 * engine, connects it to the database through a driver adapter, and turns
 * its errors into ones that say what happened. Dev and start-up tooling
 * only: the app's requests never load it.
 */
import { mkdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import * as engineGlue from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { ResolvedDbOptions } from "./options";
import { sqliteFilePath } from "./sqlite-path";

export type { SchemaEngine };
export const NO_FILTERS = { externalTables: [], externalEnums: [] };

let wasmReady: Promise<void> | undefined;

/** Not every supported Node.js can `import` a .wasm file, so instantiate it by path and hand it to the wasm-bindgen glue. */
function loadWasm(): Promise<void> {
  wasmReady ??= (async () => {
    const require = createRequire(import.meta.url);
    const entry = require.resolve("@prisma/schema-engine-wasm");
    const bytes = await readFile(path.join(path.dirname(entry), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, {
      "./schema_engine_bg.js": engineGlue as unknown as WebAssembly.ModuleImports,
    });
    engineGlue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
  })();
  return wasmReady;
}

/** Runs `work` with an engine connected to the options' database and schema, then closes every connection. */
export async function withEngine<T>(
  options: ResolvedDbOptions,
  work: (engine: SchemaEngine, schema: string) => Promise<T>,
): Promise<T> {
  await loadWasm();
  let factory: SqlMigrationAwareDriverAdapterFactory;
  if (options.kind === "postgresql") {
    factory = new PrismaPg({ connectionString: options.url, connectionTimeoutMillis: 10_000 });
  } else {
    const file = sqliteFilePath(options.url);
    await mkdir(path.dirname(file), { recursive: true });
    factory = new PrismaBetterSqlite3({ url: `file:${file}` });
  }
  const schema = options.schema ?? (await readFile(options.schemaPath, "utf8"));
  // The engine connects through the adapter but never closes the connection:
  // track what it opens and dispose of it, or the file stays locked.
  const opened: SqlDriverAdapter[] = [];
  const tracked: SqlMigrationAwareDriverAdapterFactory = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      const connection = await factory.connect();
      opened.push(connection);
      return connection;
    },
    connectToShadowDb: async () => {
      const connection = await factory.connectToShadowDb();
      opened.push(connection);
      return connection;
    },
  };
  const adapter = bindMigrationAwareSqlAdapterFactory(tracked);
  const logs: string[] = [];
  let engine: SchemaEngine | undefined;
  try {
    engine = await engineGlue.SchemaEngine.new(
      { datamodels: [[options.schemaPath, schema]] },
      (log: string) => logs.push(log),
      adapter,
    );
    return await work(engine, schema);
  } catch (error) {
    // When the driver itself throws (it cannot load, cannot open the file),
    // the engine only says "External error id#N"; the thrown error waits in
    // the adapter's registry under that number.
    const cause = driverErrorBehind(error, adapter) ?? error;
    throw new Error(`${describeEngineError(cause)}${logs.length ? `\n${logs.join("\n")}` : ""}`, { cause });
  } finally {
    engine?.free();
    await Promise.all(opened.map((connection) => connection.dispose()));
  }
}

/** The JavaScript error the engine reported only by number, if it was one. */
function driverErrorBehind(error: unknown, adapter: ReturnType<typeof bindMigrationAwareSqlAdapterFactory>): unknown {
  const id = /External error id#(\d+)/.exec(describeEngineError(error))?.[1];
  return id === undefined ? undefined : adapter.errorRegistry.consumeError(Number(id))?.error;
}

export function describeEngineError(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === "object" && error !== null && "message" in error) {
    return String((error as { message: unknown }).message);
  }
  return String(error);
}

export type DiffTarget = Parameters<SchemaEngine["diff"]>[0]["from"];

/** The SQL script that takes `from` to `to` (the engine's `migrate diff --script`). */
export async function sqlBetween(engine: SchemaEngine, from: DiffTarget, to: DiffTarget): Promise<string> {
  const diff = await engine.diff({ from, to, script: true, exitCode: null, filters: NO_FILTERS });
  return diff.stdout ?? "";
}
