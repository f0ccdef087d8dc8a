import path from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, test } from "vitest";

// The layering rules live in eslint.config.mjs; these tests make sure they bite.
const ROOT = path.resolve(import.meta.dirname, "..");
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

async function ruleIds(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? "parse-error");
}

describe("layer boundaries", () => {
  test.each([
    ["machines/case.machine.ts", 'import { db } from "@/lib/db";\nexport const x = db;\n'],
    ["machines/case.machine.ts", 'import { x } from "../lib/sim/engine";\nexport const y = x;\n'],
    ["machines/case.machine.ts", 'import Page from "@/app/page";\nexport const y = Page;\n'],
    ["lib/sim/engine.ts", 'import { db } from "@/lib/db";\nexport const x = db;\n'],
    ["lib/sim/engine.ts", 'import { db } from "../db";\nexport const x = db;\n'],
    [
      "lib/sim/engine.ts",
      'import { PrismaClient } from "@/.generated/prisma/client";\nexport const x = PrismaClient;\n',
    ],
    ["lib/runs/list.ts", 'import Page from "@/app/page";\nexport const x = Page;\n'],
    ["lib/runs/list.ts", 'import Page from "../../app/page";\nexport const x = Page;\n'],
    [
      "lib/sim/engine.ts",
      'import { createInstructor } from "@/lib/users/create-instructor";\nexport const x = createInstructor;\n',
    ],
    ["lib/sim/engine.ts", 'import Database from "better-sqlite3";\nexport const x = Database;\n'],
    ["lib/sim/engine.ts", 'import { headers } from "next/headers";\nexport const x = headers;\n'],
    ["machines/case.machine.ts", 'import Database from "better-sqlite3";\nexport const x = Database;\n'],
    ["machines/case.machine.ts", 'import { x } from "../lib/sim/rng";\nexport const y = x;\n'],
  ])("%s may not contain: %s", async (file, code) => {
    expect(await ruleIds(file, code)).toContain("no-restricted-imports");
  });

  test.each(["lib/sim/engine.ts", "machines/case.machine.ts"])(
    "%s may not use Math.random, Date.now, new Date() or a dynamic import",
    async (file) => {
      const code =
        'export const a = Math.random();\nexport const b = Date.now();\nexport const c = new Date();\nexport const d = import("@/lib/db");\n';
      const ids = await ruleIds(file, code);
      expect(ids.filter((id) => id === "no-restricted-syntax")).toHaveLength(4);
    },
  );

  test("machine tests may use test tools but not lib/", async () => {
    expect(
      await ruleIds("machines/case.machine.test.ts", 'import { test } from "vitest";\nexport const t = test;\n'),
    ).toEqual([]);
    expect(
      await ruleIds("machines/case.machine.test.ts", 'import { db } from "@/lib/db";\nexport const x = db;\n'),
    ).toContain("no-restricted-imports");
  });

  test("the allowed directions pass", async () => {
    expect(
      await ruleIds("machines/case.machine.ts", 'import { setup } from "xstate";\nexport const s = setup;\n'),
    ).toEqual([]);
    expect(await ruleIds("lib/runs/list.ts", 'import { db } from "@/lib/db";\nexport const x = db;\n')).toEqual([]);
    expect(
      await ruleIds(
        "lib/sim/engine.ts",
        'import { z } from "zod";\nimport { rng } from "./rng";\nimport { caseMachine } from "@/machines/case.machine";\nexport const x = [z, rng, caseMachine];\n',
      ),
    ).toEqual([]);
  });
});
