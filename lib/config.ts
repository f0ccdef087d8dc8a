/**
 * Every environment variable the app reads, with its default. README.md
 * ("Configuration") documents the same list.
 */
export const DEFAULT_DATABASE_URL = "file:./prisma/data/spravka.db";

export function databaseUrl(): string {
  return process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
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
