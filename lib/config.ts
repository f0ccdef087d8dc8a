/**
 * Every environment variable the app reads, with its default. README.md
 * ("Configuration") documents the same list.
 */
export const DEFAULT_DATABASE_URL = "file:./prisma/data/spravka.db";

export function databaseUrl(): string {
  return process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
}
