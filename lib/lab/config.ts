import type { Distribution } from "@/lib/sim/distributions";
import type { Scenario } from "@/lib/sim/scenario-schema";
import { SCENARIOS } from "@/lib/sim/scenarios";
import { deepMerge } from "@/lib/sim/scenarios/define";
import { ADDRESSEES, type SourceKey } from "@/machines/vocabulary";

/**
 * The what-if lab's controls: each reads its value from a
 * scenario and writes a changed one. Sources say which way each pushed;
 * where a control has no historical figure behind its range, it says so.
 */
export type LabParam = {
  key: string;
  label: string;
  hint: string;
  min: number;
  max: number;
  step: number;
  source: SourceKey | "invented";
  get: (s: Scenario) => number;
  set: (s: Scenario, v: number) => Scenario;
};

/** The median of a delay (the "typical" wait a control shows). */
function typical(d: Distribution): number {
  return d.kind === "fixed" ? d.days : d.kind === "uniform" ? (d.min + d.max) / 2 : d.median;
}

/** The same delay with its typical wait moved to `v`, keeping its spread. */
function withTypical(d: Distribution, v: number): Distribution {
  if (d.kind === "fixed") return { kind: "fixed", days: v };
  if (d.kind === "uniform") {
    const half = (d.max - d.min) / 2;
    return { kind: "uniform", min: Math.max(0, v - half), max: v + half };
  }
  return { kind: "lognormal", median: Math.max(0.01, v), p90: Math.max(0.01, v) * (d.p90 / d.median) };
}

/** x to the nearest step, without binary leftovers (0.30000000000000004). */
const round = (x: number, step: number) => {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  return Number((Math.round(x / step) * step).toFixed(decimals));
};

export const LAB_PARAMS: readonly LabParam[] = [
  {
    key: "cases",
    label: "Cases under review",
    hint: "The province's caseload (the national review: 467,946 cases).",
    min: 10,
    max: 500_000,
    step: 1,
    source: "adler-ch3",
    get: (s) => s.caseload.cases,
    set: (s, v) => deepMerge(s, { caseload: { cases: v } }),
  },
  {
    key: "procurators",
    label: "Procurators reviewing files",
    hint: "Desks in the province (in 1954 Procuracy staff were “reduced in size three times”: cut to a third, or cut three times — the words allow both). More desks decide more only where files wait for a desk.",
    min: 1,
    max: 500,
    step: 1,
    source: "adler-ch3",
    get: (s) => s.desks.procurators,
    set: (s, v) => deepMerge(s, { desks: { procurators: v } }),
  },
  {
    key: "fileClerks",
    label: "Clerks assembling and checking files",
    hint: "Tomsk: six staff for 35 cases, each needing other cases to check testimony. Files wait for a clerk before any procurator reads them; more clerks help only where they were the bottleneck.",
    min: 1,
    max: 5000,
    step: 1,
    source: "adler-ch3",
    get: (s) => s.institutions.fileClerks,
    set: (s, v) => deepMerge(s, { institutions: { fileClerks: v } }),
  },
  {
    key: "hoursPerDay",
    label: "Hours a day each procurator gives the review",
    hint: "The sources give no figure.",
    min: 1,
    max: 12,
    step: 0.5,
    source: "invented",
    get: (s) => s.desks.hoursPerDay,
    set: (s, v) => deepMerge(s, { desks: { hoursPerDay: v } }),
  },
  {
    key: "listDelay",
    label: "Camp lists: typical delay (days)",
    hint: "Camps were slow to send lists; some never did.",
    min: 0,
    max: 720,
    step: 1,
    source: "adler-ch3",
    get: (s) => round(typical(s.institutions.listDelay), 1),
    set: (s, v) => deepMerge(s, { institutions: { listDelay: withTypical(s.institutions.listDelay, v) } }),
  },
  {
    key: "forwarded",
    label: "Complaints sent to the accused (× the scenario's share)",
    hint: "Mordovia: 24% of complaints went to the camp chiefs they accused.",
    min: 0,
    max: 4,
    step: 0.1,
    source: "adler-ch3",
    get: () => 1,
    set: (s, v) =>
      deepMerge(s, {
        institutions: {
          routing: Object.fromEntries(
            ADDRESSEES.map((a) => [a, { forwardToAccused: s.institutions.routing[a].forwardToAccused * v }]),
          ),
        },
      } as never),
  },
  {
    key: "originalsDelay",
    label: "Originals from Moscow: typical delay (days)",
    hint: "Files were often copies; originals sat in Moscow or other provinces.",
    min: 0,
    max: 720,
    step: 1,
    source: "adler-ch3",
    get: (s) => round(typical(s.institutions.originalsDelay), 1),
    set: (s, v) => deepMerge(s, { institutions: { originalsDelay: withTypical(s.institutions.originalsDelay, v) } }),
  },
  {
    key: "bias",
    label: "Pressure against acquittals (× how often refusals are confirmed)",
    hint: "Procurators were told not to weaken the struggle against “real enemies of the Soviet state”.",
    min: 0,
    max: 4,
    step: 0.1,
    source: "adler-ch3",
    get: (s) => s.policy.bias,
    set: (s, v) => deepMerge(s, { policy: { bias: v } }),
  },
  {
    key: "courtBacklog",
    label: "Court backlog: typical wait for a ruling (days)",
    hint: "The sources give no figure.",
    min: 0,
    max: 720,
    step: 1,
    source: "invented",
    get: (s) => round(typical(s.institutions.courtBacklog), 1),
    set: (s, v) => deepMerge(s, { institutions: { courtBacklog: withTypical(s.institutions.courtBacklog, v) } }),
  },
  {
    key: "spravka",
    label: "Chance an office issues the spravka when asked",
    hint: "Late 1955: courts suspended cases but issued no spravki.",
    min: 0,
    max: 1,
    step: 0.05,
    source: "adler-ch3",
    get: (s) => round(s.institutions.spravkaIssueShare[0] ?? 0, 0.05),
    set: (s, v) => deepMerge(s, { institutions: { spravkaIssueShare: [v, v, v, v] } }),
  },
];

export type LabConfig = {
  scenarioId: string;
  seed: number;
  /** scheduled historical events on (the scenario's own) or off */
  events: boolean;
  /** only the controls moved away from the scenario's own value */
  values: Record<string, number>;
};

export const LAB_SCENARIOS = SCENARIOS.filter((s) => s.id !== "national-1954").concat(
  SCENARIOS.filter((s) => s.id === "national-1954"),
);

export function labScenario(config: LabConfig): Scenario {
  const base = SCENARIOS.find((s) => s.id === config.scenarioId);
  if (!base) throw new Error(`Unknown scenario ${config.scenarioId}`);
  let s = config.events ? base : { ...base, events: [] };
  for (const p of LAB_PARAMS) {
    const v = config.values[p.key];
    if (v !== undefined) s = p.set(s, v);
  }
  return s;
}

/** Why a control's value cannot be used, by key (empty when all are fine). */
export function labErrors(config: LabConfig): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!SCENARIOS.some((s) => s.id === config.scenarioId)) errors.scenarioId = "Choose a scenario from the list.";
  if (!Number.isInteger(config.seed) || config.seed < 1 || config.seed > 1_000_000) {
    errors.seed = "A seed is a whole number from 1 to 1,000,000.";
  }
  for (const p of LAB_PARAMS) {
    const v = config.values[p.key];
    if (v === undefined) continue;
    if (!Number.isFinite(v) || v < p.min || v > p.max) errors[p.key] = `Between ${p.min} and ${p.max}.`;
    else if ((p.key === "procurators" || p.key === "cases") && !Number.isInteger(v)) errors[p.key] = "A whole number.";
  }
  return errors;
}

/** The configuration as a URL query (what "share" copies), and back; unknown or bad values are dropped. */
export function configToQuery(config: LabConfig): string {
  const q = new URLSearchParams({ s: config.scenarioId, seed: String(config.seed) });
  if (!config.events) q.set("events", "off");
  for (const p of LAB_PARAMS) {
    const v = config.values[p.key];
    if (v !== undefined) q.set(p.key, String(v));
  }
  return q.toString();
}

/** What the lab page makes of its address: a configuration to show, or a scenario name nobody recognises. */
export type LabQuery = { ok: true; config: LabConfig; autorun: boolean } | { ok: false; unknownScenario: string };

/**
 * Reads the lab's address for the page. Links are typed, pasted and
 * shortened by hand, so nothing in them may break the page: an unknown
 * scenario is reported (with the list to choose from) rather than shown as a
 * form whose scenario does not exist; every other bad value reaches the form,
 * which names it beside its field and refuses to run it.
 */
export function readLabQuery(query: URLSearchParams): LabQuery {
  const config = configFromQuery(query);
  if (!LAB_SCENARIOS.some((s) => s.id === config.scenarioId)) return { ok: false, unknownScenario: config.scenarioId };
  return { ok: true, config, autorun: query.get("run") === "1" };
}

export function configFromQuery(query: URLSearchParams): LabConfig {
  const values: Record<string, number> = {};
  for (const p of LAB_PARAMS) {
    const raw = query.get(p.key);
    if (raw !== null && raw.trim() !== "" && Number.isFinite(Number(raw))) values[p.key] = Number(raw);
  }
  const seed = Number(query.get("seed") ?? "1");
  return {
    // A blank name ("?s=") is a link cut short, not a name: the default scenario.
    scenarioId: query.get("s")?.trim() || "rostov-1954",
    seed: Number.isFinite(seed) ? seed : 1,
    events: query.get("events") !== "off",
    values,
  };
}
