import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";
import { RULES } from "./rules";
import { SOURCE_KEYS } from "./vocabulary";

test("every rule cites a known source key", () => {
  for (const rule of Object.values(RULES)) expect(SOURCE_KEYS).toContain(rule.source);
});

test("every RULES.x named in a machine's comments exists", () => {
  const dir = import.meta.dirname;
  const files = [
    "case-setup.ts",
    "decision-menu.ts",
    "case.machine.ts",
    "complaint.machine.ts",
    "prisoner-lists.machine.ts",
    "commission.machine.ts",
    "court.machine.ts",
    "spravka.machine.ts",
    "amnesty-1945.machine.ts",
  ];
  for (const file of files) {
    const text = readFileSync(path.join(dir, file), "utf8");
    for (const [, id] of text.matchAll(/RULES\.(\w+)/g))
      expect(Object.keys(RULES), `${file}: RULES.${id}`).toContain(id);
  }
});

test("every state of every machine says what it meant historically, and names only known rules", async () => {
  const machines = await Promise.all([
    import("./case.machine").then((m) => m.caseMachine),
    import("./complaint.machine").then((m) => m.complaintMachine),
    import("./prisoner-lists.machine").then((m) => m.prisonerListsMachine),
    import("./commission.machine").then((m) => m.commissionMachine),
    import("./court.machine").then((m) => m.courtMachine),
    import("./spravka.machine").then((m) => m.spravkaMachine),
    import("./run.machine").then((m) => m.runMachine),
    import("./amnesty-1945.machine").then((m) => m.amnestyPrisonerMachine),
  ]);
  type Node = { id: string; description?: string; meta?: { rule?: string }; states: Record<string, Node> };
  const visit = (node: Node, isRoot: boolean): void => {
    if (!isRoot) {
      expect(node.description, node.id).toMatch(/^[A-Z].{10,}/);
      if (node.meta?.rule !== undefined) expect(Object.keys(RULES), node.id).toContain(node.meta.rule);
    }
    for (const child of Object.values(node.states)) visit(child, false);
  };
  for (const machine of machines) visit(machine.root as unknown as Node, true);
});
