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
    // lib/ never imports scripts/, tests included.
    ["lib/testing/global-setup.ts", 'import { deploy } from "../../scripts/db";\nexport const x = deploy;\n'],
    ["lib/config.ts", 'import { main } from "../scripts/start";\nexport const x = main;\n'],
    ["lib/runs/store/multi-instance.test.ts", 'import { deploy } from "@/scripts/db";\nexport const x = deploy;\n'],
    ["lib/sim/engine.ts", 'import { main } from "../../scripts/sim";\nexport const x = main;\n'],
    ["lib/sim/engine.test.ts", 'import { main } from "@/scripts/sim";\nexport const x = main;\n'],
    // The engine is imported from lib/sim/engine, never from its inside (lib/sim/world/).
    ["lib/runs/store.ts", 'import { WorldCore } from "@/lib/sim/world/core";\nexport const x = WorldCore;\n'],
    ["lib/desk/commands.ts", 'import { enter } from "../sim/world/institutions";\nexport const x = enter;\n'],
    ["app/lab/lab.worker.ts", 'import { World } from "@/lib/sim/world/world";\nexport const x = World;\n'],
    ["scripts/bench.ts", 'import { WorldCore } from "../lib/sim/world/core";\nexport const x = WorldCore;\n'],
    // Pages, route handlers and actions never reach the database client.
    ["app/runs/[id]/debrief/page.tsx", 'import { db } from "@/lib/db";\nexport const x = db;\n'],
    [
      "app/api/runs/[id]/events/route.ts",
      'import { createClient } from "@/lib/db-client";\nexport const x = createClient;\n',
    ],
    ["app/runs/actions.ts", 'import { db } from "../../lib/db";\nexport const x = db;\n'],
    ["app/runs/actions.ts", 'import { createClient } from "../../lib/db-client";\nexport const x = createClient;\n'],
    ["app/runs/page.tsx", 'import { Prisma } from "@/.generated/prisma/client";\nexport const x = Prisma;\n'],
    [
      "app/_components/run-card.tsx",
      'import type { Run } from "@/.generated/prisma-pg/client";\nexport type X = Run;\n',
    ],
    [
      "app/_components/run-card.tsx",
      'import { Prisma } from "../../.generated/prisma/client";\nexport const x = Prisma;\n',
    ],
    // Links come from app/_components/link (prefetch when reached for), never next/link directly.
    ["app/page.tsx", 'import Link from "next/link";\nexport const x = Link;\n'],
    ["app/_components/site-header.tsx", 'import NextLink from "next/link";\nexport const x = NextLink;\n'],
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
        "lib/testing/global-setup.ts",
        'import { deploy } from "../database/migrations";\nexport const x = deploy;\n',
      ),
    ).toEqual([]);
  });

  test.each([
    ["scripts/db.ts", 'import { deploy } from "../lib/database/migrations";\nexport const x = deploy;\n'],
    ["scripts/loadtest.ts", 'import { createClient } from "@/lib/db-client";\nexport const x = createClient;\n'],
    [
      "app/runs/[id]/debrief/page.tsx",
      'import { getRunLogForOwner } from "@/lib/runs/debrief/get-run-log-for-owner";\nexport const x = getRunLogForOwner;\n',
    ],
    [
      "app/api/runs/[id]/events/route.ts",
      'import { withDatabaseErrors } from "@/lib/http";\nexport const x = withDatabaseErrors;\n',
    ],
    ["app/_testing/fixture.ts", 'import { db } from "@/lib/db";\nexport const x = db;\n'],
    ["app/_testing/db-state.ts", 'import { Prisma } from "@/.generated/prisma/client";\nexport const x = Prisma;\n'],
    ["app/account/actions.test.ts", 'import { db } from "@/lib/db";\nexport const x = db;\n'],
    ["scripts/bench.ts", 'import { World } from "@/lib/sim/engine";\nexport const x = World;\n'],
    ["lib/sim/engine.ts", 'export { World } from "./world/world";\n'],
    ["app/_components/link.tsx", 'import NextLink from "next/link";\nexport const x = NextLink;\n'],
    ["app/page.tsx", 'import { Link } from "@/app/_components/link";\nexport const x = Link;\n'],
    [
      "lib/sim/world/world.ts",
      'import { WorldCore } from "./core";\nimport { seedOf } from "@/lib/sim/rng";\nexport const x = [WorldCore, seedOf];\n',
    ],
  ])("%s may contain: %s", async (file, code) => {
    expect(await ruleIds(file, code)).toEqual([]);
    expect(
      await ruleIds(
        "lib/sim/engine.ts",
        'import { z } from "zod";\nimport { rng } from "./rng";\nimport { caseMachine } from "@/machines/case.machine";\nexport const x = [z, rng, caseMachine];\n',
      ),
    ).toEqual([]);
  });
});
