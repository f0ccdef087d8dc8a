import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { deploy } from "../../scripts/db";

declare module "vitest" {
  export interface ProvidedContext {
    testDbDir: string;
    templateDb: string;
  }
}

/** Migrates one template database; each test file gets its own copy (lib/testing/setup-db.ts). */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(tmpdir(), "spravka-vitest-"));
  const templateDb = path.join(dir, "template.db");
  await deploy({ url: `file:${templateDb}` });
  project.provide("testDbDir", dir);
  project.provide("templateDb", templateDb);
  return () => rmSync(dir, { recursive: true, force: true });
}
