import type { SqlDriverAdapter, SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { ColumnDefinition, Database, Statement } from "better-sqlite3";
import { LRUCache } from "lru-cache";

/**
 * Distinct SQL texts kept prepared per connection. Prisma writes the same few
 * dozen statements over and over; lists of ids (`IN (?, ?, …)`) make a new
 * text for each length, so the cache is bounded rather than unlimited.
 */
export const STATEMENT_CACHE_SIZE = 500;

/**
 * What the Prisma better-sqlite3 adapter does with a statement
 * (@prisma/adapter-better-sqlite3 7.10: `client.prepare(sql).bind(args)`,
 * then `reader`, `run()`, `columns()` and `raw().all()`).
 */
type BoundStatement = Pick<Statement, "reader" | "columns"> & {
  run: () => ReturnType<Statement["run"]>;
  raw: () => { all: () => unknown[] };
};
type Prepared = { statement: Statement; columns: ColumnDefinition[] | null };
type ReusableStatement = { reader: boolean; bind: (params: unknown[]) => BoundStatement; run: () => unknown };

/**
 * The adapter prepares every statement afresh, which cost a busy class more
 * CPU than running them (SQLite parses and plans the SQL each time). This
 * keeps the connection's statements prepared and reuses them: each use binds
 * its own parameters for that one run, where better-sqlite3's `bind` would fix
 * them to the statement for good. Returns the number of statements prepared
 * so far, for tests.
 */
export function reusePreparedStatements(client: Database, size: number = STATEMENT_CACHE_SIZE): () => number {
  const prepare = client.prepare.bind(client);
  const statements = new LRUCache<string, Prepared>({ max: size });
  let prepared = 0;
  const reusable = (sql: string): ReusableStatement => {
    let entry = statements.get(sql);
    if (!entry) {
      entry = { statement: prepare(sql), columns: null };
      prepared++;
      statements.set(sql, entry);
    }
    const cached = entry;
    const s = cached.statement;
    return {
      reader: s.reader,
      run: () => s.run(),
      bind: (params) => ({
        reader: s.reader,
        // A statement's columns are fixed once it is prepared; better-sqlite3 builds the list anew on each call.
        columns: () => (cached.columns ??= s.columns()),
        run: () => s.run(params),
        // Raw mode (rows as arrays) is set on each read: the statement is shared.
        raw: () => ({ all: () => s.raw(true).all(params) }),
      }),
    };
  };
  Object.assign(client, { prepare: reusable });
  return () => prepared;
}

/**
 * A Prisma better-sqlite3 adapter factory whose connections reuse prepared
 * statements (see reusePreparedStatements). `onConnect` sees each new
 * connection's better-sqlite3 handle, e.g. for tests.
 */
export function withReusedStatements(
  factory: SqlDriverAdapterFactory,
  onConnect?: (client: Database, prepared: () => number) => void,
): SqlDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect(): Promise<SqlDriverAdapter> {
      const adapter = await factory.connect();
      // The adapter keeps its better-sqlite3 handle as `client` (and hands it to each transaction).
      const { client } = adapter as unknown as { client: Database };
      const prepared = reusePreparedStatements(client);
      onConnect?.(client, prepared);
      return adapter;
    },
  };
}
