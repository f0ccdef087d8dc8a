/**
 * Every environment variable the app reads, with its default. README.md
 * ("Configuration") documents the same list.
 */
export const DEFAULT_DATABASE_URL = "file:./prisma/data/spravka.db";

export function databaseUrl(): string {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

export type DatabaseKind = "sqlite" | "postgresql";

/** `file:` is SQLite (the default); `postgres://` or `postgresql://` is PostgreSQL (ADR 0013). */
export function databaseKind(url: string = databaseUrl()): DatabaseKind {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  throw new Error(
    `DATABASE_URL must start with "file:" (SQLite) or "postgres://" (PostgreSQL); it starts with "${url.split(":")[0]}:".`,
  );
}

/** Connections each app instance keeps open to PostgreSQL (SPRAVKA_PG_POOL_SIZE, default 10). */
export function postgresPoolSize(): number {
  const n = Number(process.env.SPRAVKA_PG_POOL_SIZE ?? "10");
  return Number.isInteger(n) && n > 0 ? n : 10;
}

/** Days an archived class run is kept before it is deleted with everything in it (SPRAVKA_RETENTION_DAYS, default 365). */
export function retentionDays(): number {
  const n = Number(process.env.SPRAVKA_RETENTION_DAYS ?? "365");
  return Number.isFinite(n) && n > 0 ? n : 365;
}

/** Days a self-guided run is kept after it was last played (SPRAVKA_SOLO_RETENTION_DAYS, default 90). */
export function soloRetentionDays(): number {
  const n = Number(process.env.SPRAVKA_SOLO_RETENTION_DAYS ?? "90");
  return Number.isFinite(n) && n > 0 ? n : 90;
}
