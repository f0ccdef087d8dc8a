import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { classifyDatabaseFailure, describeDatabaseLocation, explainDatabaseFailure } from "./failure";
import { deploy } from "./migrations";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "spravka-failure-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The error a real `deploy` throws for this URL. */
async function deployError(url: string): Promise<unknown> {
  try {
    await deploy({ url });
  } catch (error) {
    return error;
  }
  throw new Error(`deploy(${url}) succeeded`);
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("a failure to prepare the database says what failed, where, and what to do", () => {
  test("a file that is not a SQLite database is named, and left as it was", async () => {
    const file = path.join(dir, "spravka.db");
    writeFileSync(file, "minutes of the commission, not a database\n");
    const error = await deployError(`file:${file}`);
    const failure = classifyDatabaseFailure(error, `file:${file}`);
    expect(failure.whatFailed).toBe(`${file} is not a SQLite database, or it is damaged.`);
    expect(failure.database).toBe(`${file} (SQLite)`);
    expect(failure.whatToDo).toMatch(/db:restore/);
    expect(readFileSync(file, "utf8")).toBe("minutes of the commission, not a database\n");
  });

  test("the driver's own error replaces the engine's 'External error id#N'", async () => {
    // A folder where the database file should be: the driver throws while connecting.
    const error = await deployError(`file:${dir}`);
    expect(String((error as Error).message)).not.toMatch(/External error/);
    expect((error as Error).message).toMatch(/unable to open database file/);
    expect(classifyDatabaseFailure(error, `file:${dir}`).whatFailed).toMatch(
      new RegExp(`could not create or write ${dir}`),
    );
  });

  test("a database whose folder cannot be created says so", async () => {
    const blocker = path.join(dir, "a-file");
    writeFileSync(blocker, "");
    const url = `file:${path.join(blocker, "spravka.db")}`;
    const failure = classifyDatabaseFailure(await deployError(url), url);
    expect(failure.whatFailed).toMatch(/could not create or write/);
    expect(failure.whatToDo).toMatch(/DATABASE_URL=file:/);
  });

  test("a PostgreSQL server that does not answer is named without its password", async () => {
    const port = await closedPort();
    const url = `postgresql://teacher:s3cret@127.0.0.1:${port}/spravka`;
    const explained = explainDatabaseFailure(await deployError(url), url);
    expect(explained).toMatch(/The PostgreSQL server cannot be reached/);
    expect(explained).toContain(`127.0.0.1:${port}/spravka (PostgreSQL)`);
    expect(explained).not.toContain("s3cret");
  });

  test("a driver built for another Node.js is explained with the command that fixes it", () => {
    // What Node's loader throws, word for word, for an addon of another release line.
    const loaderError = Object.assign(
      new Error(
        "The module '/srv/spravka/node_modules/better-sqlite3/build/Release/better_sqlite3.node'\n" +
          "was compiled against a different Node.js version using\nNODE_MODULE_VERSION 115. This version of Node.js requires\n" +
          "NODE_MODULE_VERSION 137. Please try re-compiling or re-installing\nthe module (for instance, using `npm rebuild` or `npm install`).",
      ),
      { code: "ERR_DLOPEN_FAILED" },
    );
    const wrapped = new Error("External error id#0", { cause: loaderError });
    const failure = classifyDatabaseFailure(wrapped, "file:./prisma/data/spravka.db");
    expect(failure.whatFailed).toContain("built for another Node.js (module version 115)");
    expect(failure.whatFailed).toContain(`this is Node.js ${process.versions.node}`);
    expect(failure.whatToDo).toContain("Delete the node_modules folder and run `npm install` again");
  });

  test("a migration that cannot be applied points to the backup and the status command", () => {
    const error = new Error("P3018\n\nA migration failed to apply. Migration name: 20261123010806_add_runs");
    const failure = classifyDatabaseFailure(error, "file:/srv/spravka.db");
    expect(failure.whatFailed).toMatch(/A database migration could not be applied/);
    expect(failure.whatToDo).toMatch(/db:restore/);
    expect(failure.whatToDo).toMatch(/db:status/);
  });

  test("an unusable DATABASE_URL is reported as such, not as a crash", () => {
    expect(describeDatabaseLocation("mysql://x")).toBe("DATABASE_URL (not a usable address)");
    expect(describeDatabaseLocation("postgres://u:p@db.school.example/spravka")).toBe(
      "db.school.example:5432/spravka (PostgreSQL)",
    );
  });
});
