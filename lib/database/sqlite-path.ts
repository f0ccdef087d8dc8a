import path from "node:path";

/** The filesystem path behind a `file:` URL (relative paths are relative to the working directory). */
export function sqliteFilePath(url: string): string {
  if (!url.startsWith("file:")) {
    throw new Error(`DATABASE_URL must be a SQLite "file:" URL, got "${url}".`);
  }
  const withoutScheme = url.slice("file:".length).split("?")[0] ?? "";
  if (withoutScheme === "") throw new Error("DATABASE_URL has no file path.");
  return path.resolve(withoutScheme);
}
