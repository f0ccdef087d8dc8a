import { scenarioSchema, type Scenario } from "@/lib/sim/scenario-schema";
import { BASE } from "./base";

export type DeepPartial<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

export function deepMerge<T>(base: T, override: NoInfer<DeepPartial<T>> | undefined): T {
  if (override === undefined) return base;
  if (Array.isArray(base) || typeof base !== "object" || base === null) return override as T;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(override as Record<string, unknown>)) {
    out[key] = deepMerge((base as Record<string, unknown>)[key], value as never);
  }
  return out as T;
}

export type ScenarioOverrides = DeepPartial<Omit<Scenario, "id" | "title" | "summary" | "compare">> &
  Pick<Scenario, "id" | "title" | "summary" | "compare">;

/** A scenario: the base defaults with a province's own figures on top, validated. */
export function defineScenario(overrides: ScenarioOverrides): Scenario {
  return scenarioSchema.parse(deepMerge(BASE as Scenario, overrides as DeepPartial<Scenario>));
}
