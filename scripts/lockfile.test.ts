import { readFileSync } from "node:fs";
import path from "node:path";
import semver from "semver";
import { describe, expect, test } from "vitest";

// `npm ci` (what CI and careful schools run) refuses a lock that disagrees
// with package.json, and a lock written on one platform without the others'
// optional packages breaks installs elsewhere. These checks fail first, with
// the package named, so a change to package.json lands only with its lock.

const ROOT = path.resolve(import.meta.dirname, "..");
type Deps = Record<string, string>;
interface Manifest {
  dependencies?: Deps;
  devDependencies?: Deps;
  optionalDependencies?: Deps;
  engines?: Deps;
}
interface LockEntry extends Manifest {
  version?: string;
  link?: boolean;
}
const manifest = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as Manifest;
const lock = JSON.parse(readFileSync(path.join(ROOT, "package-lock.json"), "utf8")) as {
  lockfileVersion: number;
  packages: Record<string, LockEntry>;
};
const root = lock.packages[""]!;

/** Where npm would find `name` for the package at `from`: its own node_modules, then each parent's. */
function resolveInLock(name: string, from: string): LockEntry | undefined {
  let base = from;
  for (;;) {
    const entry = lock.packages[`${base ? `${base}/` : ""}node_modules/${name}`];
    if (entry) return entry;
    if (base === "") return undefined;
    const cut = base.lastIndexOf("/node_modules/");
    base = cut === -1 ? "" : base.slice(0, cut);
  }
}

describe("package-lock.json", () => {
  test("is a version 3 lock", () => {
    expect(lock.lockfileVersion).toBe(3);
  });

  test.each(["dependencies", "devDependencies", "optionalDependencies", "engines"] as const)(
    "records the same %s as package.json",
    (field) => {
      expect(root[field] ?? {}).toEqual(manifest[field] ?? {});
    },
  );

  test("holds an installed version of every direct dependency that satisfies package.json", () => {
    const wrong: string[] = [];
    for (const [name, range] of Object.entries({ ...manifest.dependencies, ...manifest.devDependencies })) {
      const version = lock.packages[`node_modules/${name}`]?.version;
      if (!version || !semver.satisfies(version, range)) wrong.push(`${name}@${range} (lock: ${version ?? "none"})`);
    }
    expect(wrong).toEqual([]);
  });

  test("holds every platform's optional packages, so it installs on Linux, macOS and Windows alike", () => {
    const missing: string[] = [];
    let optionalSeen = 0;
    for (const [at, entry] of Object.entries(lock.packages)) {
      for (const name of Object.keys(entry.optionalDependencies ?? {})) {
        optionalSeen++;
        if (!resolveInLock(name, at)) missing.push(`${name} (for ${at || "the project"})`);
      }
    }
    expect(optionalSeen).toBeGreaterThan(0);
    expect(missing).toEqual([]);
  });
});
