import { createHash } from "node:crypto";
import { Prisma } from "@/.generated/prisma/client";
import { db } from "@/lib/db";

/**
 * The rate limiters' own counters. A refused attempt is meant to be counted
 * there (that is how guessing is slowed), so only their successful rows are
 * part of the state a refused request must leave alone.
 */
const RATE_LIMIT_MODELS: ReadonlySet<Prisma.ModelName> = new Set(["JoinAttempt", "SignInAttempt"]);

type Delegate = { findMany(args?: { where?: Record<string, unknown> }): Promise<unknown[]> };

function delegate(model: Prisma.ModelName): Delegate {
  const name = model.charAt(0).toLowerCase() + model.slice(1);
  return (db as unknown as Record<string, Delegate>)[name]!;
}

function digest(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 16);
}

/**
 * Every row of every Prisma model, one hash per model (so a failure names
 * the table that changed). The models come from the generated client: a new
 * model is covered without touching this helper.
 */
export async function databaseState(): Promise<Record<string, string>> {
  const state: Record<string, string> = {};
  for (const model of Object.values(Prisma.ModelName)) {
    const where = RATE_LIMIT_MODELS.has(model) ? { succeeded: true } : undefined;
    const rows = await delegate(model).findMany(where ? { where } : undefined);
    // Row order is SQLite's: sort, so only contents count.
    const lines = rows.map((row) => JSON.stringify(row)).sort();
    state[model] = `${rows.length}:${digest(lines.join("\n"))}`;
  }
  return state;
}
