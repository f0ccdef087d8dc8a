import type { Distribution } from "@/lib/sim/distributions";
import type { Scenario } from "@/lib/sim/scenario-schema";
import { SCENARIOS } from "@/lib/sim/scenarios";
import { deepMerge } from "@/lib/sim/scenarios/define";
import type { AmnestyScenario } from "@/lib/sim/amnesty/scenario";
import { AMNESTY_1945 } from "@/lib/sim/amnesty/scenarios";
import { ADDRESSEES, type SourceKey } from "@/machines/vocabulary";

/**
 * The what-if lab's controls: each reads its value from a
 * scenario and writes a changed one. Sources say which way each pushed;
 * where a control has no historical figure behind its range, it says so.
 */
export type LabParam<S = Scenario> = {
  key: string;
  label: string;
  /** the history behind the control, in a line; for a scenario, `hintFor` when the wording depends on it */
  hint: string;
  hintFor?: (s: S) => string;
  /** what moving this control changes in the model, in plain words */
  explain: string;
  /** the scenario field it sets: its provenance (source and note) is shown beside the scenario's value */
  field: string;
  min: number;
  max: number;
  step: number;
  source: SourceKey | "invented";
  /** whole numbers only */
  whole?: boolean;
  get: (s: S) => number;
  set: (s: S, v: number) => S;
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

/** Scenarios that play the whole country's review rather than one province's commission. */
const NATIONAL_SCENARIOS: ReadonlySet<string> = new Set(["national-1954"]);
const isNational = (s: Scenario) => NATIONAL_SCENARIOS.has(s.id);

export const LAB_PARAMS: readonly LabParam[] = [
  {
    key: "cases",
    field: "caseload.cases",
    explain:
      "How many prisoners' cases sit in the queue on the first day. Each case then waits its turn at every step: the camp's list, a clerk, a procurator's desk. More cases with the same staff means a longer queue for everyone.",
    label: "Cases under review",
    hint: "The province's caseload (the national review: 467,946 cases).",
    hintFor: (s) =>
      isNational(s)
        ? "The country's caseload: 467,946 counter-revolutionary prisoners in early 1954."
        : "The province's caseload (the national review: 467,946 cases).",
    min: 10,
    max: 500_000,
    step: 1,
    source: "adler-ch3",
    whole: true,
    get: (s) => s.caseload.cases,
    set: (s, v) => deepMerge(s, { caseload: { cases: v } }),
  },
  {
    key: "procurators",
    field: "desks.procurators",
    explain:
      "How many procurators read files and decide cases. Each works a fixed number of hours a day, so more procurators decide more files a day — but only once files are ready for them; a file still waiting for a list or a clerk is not sped up.",
    label: "Procurators reviewing files",
    hintFor: (s) =>
      `Desks in ${isNational(s) ? "the country" : "the province"} (in 1954 Procuracy staff were “reduced in size three times”: cut to a third, or cut three times — the words allow both). More desks decide more only where files wait for a desk.`,
    hint: "Desks in the province (in 1954 Procuracy staff were “reduced in size three times”: cut to a third, or cut three times — the words allow both). More desks decide more only where files wait for a desk.",
    min: 1,
    max: 500,
    step: 1,
    source: "adler-ch3",
    whole: true,
    get: (s) => s.desks.procurators,
    set: (s, v) => deepMerge(s, { desks: { procurators: v } }),
  },
  {
    key: "fileClerks",
    field: "institutions.fileClerks",
    explain:
      "How many clerks put a file together and check it against other cases before a procurator can read it. More clerks get files to the desks sooner, if files were piling up with the clerks.",
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
    field: "desks.hoursPerDay",
    explain:
      "How much of each procurator's day goes on the review (they had other work). More hours works like more procurators.",
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
    field: "institutions.listDelay",
    explain:
      "How many days a camp's list of prisoners usually took to reach the commission. A case nobody wrote about waits for its camp's list before anyone looks at it, so a shorter delay lets the commission start on those cases sooner.",
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
    field: "institutions.routing",
    explain:
      "How often a prisoner's complaint is sent on to the very officials it complains about, instead of being registered for review. 1 keeps the scenario's share, 2 doubles it, 0 stops it. A complaint sent on never starts a review.",
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
    field: "institutions.originalsDelay",
    explain:
      "How many days it usually took to get the original case file from Moscow or another province when the local file held only copies. A file cannot be decided until the originals arrive.",
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
    field: "policy.bias",
    explain:
      "How strongly procurators lean towards keeping the sentence. 1 is the scenario's own lean, 2 makes a refusal twice as likely to be confirmed, 0 removes the pressure. It changes how cases are decided, not how fast.",
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
    field: "institutions.courtBacklog",
    explain:
      "How many days a court usually took to rule once the commission protested a sentence. The case is decided by the commission, but the person waits for the court before the outcome is final.",
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
    field: "institutions.spravkaIssueShare",
    explain:
      "The chance that an office hands over the spravka (the certificate of rehabilitation) each time a rehabilitated person asks for it. Lower means more people cleared on paper who still have nothing to show for it.",
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

/**
 * The 1945 amnesty's controls (lib/sim/amnesty/scenarios.ts): the stages
 * people queued at. `prisoners` is a sample, not a change to history
 * (`population.sample`): the run plays that many of the 1,565,442 at the
 * same pace per prisoner, and the source's tallies are scaled to it.
 */
export const AMNESTY_LAB_PARAMS: readonly LabParam<AmnestyScenario>[] = [
  {
    key: "prisoners",
    field: "population.held",
    explain:
      "How many prisoners the run plays. It does not change history: a smaller number plays a sample at the same pace per prisoner, and the tallies are scaled to it.",
    label: "Prisoners held (a sample of them plays)",
    hint: "1,565,442 were held in July 1945; a smaller number plays one camp's worth at the same pace per prisoner.",
    min: 100,
    max: 1_565_442,
    step: 1,
    source: "alexopoulos-1945",
    whole: true,
    get: (s) => s.population.sample ?? s.population.held,
    set: (s, v) => ({ ...s, population: { ...s.population, sample: v } }),
  },
  {
    key: "fileChecks",
    field: "stages.fileChecksPer100k",
    explain:
      "How many files the records departments can check in a day. Every prisoner the decree covers waits for this check before anything else, so this sets how fast people leave the camp.",
    label: "Files the records departments check a day, per 100,000 held",
    hint: "They were “extremely overburdened”: every file checked for earlier convictions. Their pace is fitted to the August and October tallies.",
    min: 10,
    max: 5000,
    step: 1,
    source: "alexopoulos-1945",
    get: (s) => s.stages.fileChecksPer100k,
    set: (s, v) => ({ ...s, stages: { ...s.stages, fileChecksPer100k: v } }),
  },
  {
    key: "rampDays",
    field: "stages.rampDays",
    explain:
      "How many days the records departments take to reach their full pace after the decree. Longer means a slower start.",
    label: "Days before the records departments reach full pace",
    hint: "That their pace grew over the first weeks is the game's reading, fitted to the tallies.",
    min: 0,
    max: 178,
    step: 1,
    source: "invented",
    whole: true,
    get: (s) => s.stages.rampDays,
    set: (s, v) => ({ ...s, stages: { ...s.stages, rampDays: v } }),
  },
  {
    key: "railcars",
    field: "stages.railcarPlacesPer100k",
    explain:
      "How many places on trains home there are each day. It changes when freed people get home, not when they leave the camp.",
    label: "Places on railcars home a day, per 100,000 held",
    hint: "There were too few railcars (Alexopoulos); how few is the game's. Railcars decide when people get home, not when they leave the camp.",
    min: 10,
    max: 5000,
    step: 1,
    source: "invented",
    get: (s) => s.stages.railcarPlacesPer100k,
    set: (s, v) => ({ ...s, stages: { ...s.stages, railcarPlacesPer100k: v } }),
  },
  {
    key: "passports",
    field: "stages.passportsPer100k",
    explain:
      "How many passport rosters (each needing two photographs) can be done in a day. Everyone freed needs one before leaving, so too few holds people in the camp.",
    label: "Passport rosters (two photographs each) a day, per 100,000 held",
    hint: "Every person freed needed one; the pace is the game's.",
    min: 10,
    max: 5000,
    step: 1,
    source: "invented",
    get: (s) => s.stages.passportsPer100k,
    set: (s, v) => ({ ...s, stages: { ...s.stages, passportsPer100k: v } }),
  },
  {
    key: "hurried",
    field: "stages.hurriedCheckShare",
    explain:
      "How many file checks are rushed. A rushed check is quicker but can miss an earlier conviction, and then the person is released in error and brought back.",
    label: "Share of file checks hurried (they can miss an earlier conviction)",
    hint: "People released in error were hunted down (the source); how many checks were hurried is the game's.",
    min: 0,
    max: 1,
    step: 0.05,
    source: "invented",
    get: (s) => s.stages.hurriedCheckShare,
    set: (s, v) => ({ ...s, stages: { ...s.stages, hurriedCheckShare: v } }),
  },
  {
    key: "keptOn",
    field: "stages.keptOnShare",
    explain:
      "How many of the people freed the camp keeps on as paid “voluntary” workers instead of letting them go home.",
    label: "Share of those freed kept on as “voluntary” labour",
    hint: "The camps kept amnestied people on as wage labour (the source); how many is the game's.",
    min: 0,
    max: 1,
    step: 0.01,
    source: "invented",
    get: (s) => s.stages.keptOnShare,
    set: (s, v) => ({ ...s, stages: { ...s.stages, keptOnShare: v } }),
  },
  {
    key: "arrivals",
    field: "stages.arrivalsPer100kPerDay",
    explain:
      "How many new prisoners arrive each day while the amnesty runs. They do not slow the releases in the model, but they fill the camps again.",
    label: "New prisoners a day, per 100,000 held",
    hint: "194,074 came in between July 7 and October 1, 78% of them for “shirking”.",
    min: 0,
    max: 2000,
    step: 0.1,
    source: "alexopoulos-1945",
    get: (s) => s.stages.arrivalsPer100kPerDay,
    set: (s, v) => ({ ...s, stages: { ...s.stages, arrivalsPer100kPerDay: v } }),
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

/** A scenario of either kind: the 1954–55 review, or the 1945 amnesty. */
export type LabScenario = Scenario | AmnestyScenario;

export function isAmnestyScenario(s: LabScenario): s is AmnestyScenario {
  return "kind" in s && s.kind === "amnesty1945";
}

/** The provinces, then the national queue, then the 1945 amnesty (the contrast). */
export const LAB_SCENARIOS: readonly LabScenario[] = [
  ...SCENARIOS.filter((s) => s.id !== "national-1954"),
  ...SCENARIOS.filter((s) => s.id === "national-1954"),
  AMNESTY_1945,
];

/** "1,500 cases" or "1,565,442 prisoners": what a scenario's size counts. */
export function scenarioSize(s: LabScenario): string {
  return isAmnestyScenario(s)
    ? `${s.population.held.toLocaleString("en")} prisoners`
    : `${s.caseload.cases.toLocaleString("en")} cases`;
}

/** A control as the form shows it, whichever kind of scenario it belongs to. */
export type LabControl = Omit<LabParam, "get" | "set" | "hintFor"> & {
  read: (s: LabScenario) => number;
  /** the hint in this scenario's words ("the country's" for the national run) */
  hintFor: (s: LabScenario) => string;
  /** where this scenario's own value comes from (its provenance), if the scenario says */
  provenanceFor: (s: LabScenario) => Provenance | null;
};

/** A scenario value's provenance: a source key (or "invented") and a note. */
export type Provenance = { source: SourceKey | "invented"; note: string };

function provenanceOf(s: LabScenario, field: string): Provenance | null {
  const p = (s.provenance as Record<string, Provenance | undefined>)[field];
  return p ?? null;
}

/** A control's description, without its scenario-specific reader and writer. */
function described<S>(p: LabParam<S>): Omit<LabControl, "read" | "hintFor"> {
  return {
    key: p.key,
    label: p.label,
    hint: p.hint,
    explain: p.explain,
    field: p.field,
    provenanceFor: (s) => provenanceOf(s, p.field),
    min: p.min,
    max: p.max,
    step: p.step,
    source: p.source,
    ...(p.whole ? { whole: true } : {}),
  };
}
const REVIEW_CONTROLS: readonly LabControl[] = LAB_PARAMS.map((p) => ({
  ...described(p),
  read: (s: LabScenario) => (isAmnestyScenario(s) ? NaN : p.get(s)),
  hintFor: (s: LabScenario) => (p.hintFor && !isAmnestyScenario(s) ? p.hintFor(s) : p.hint),
}));
const AMNESTY_CONTROLS: readonly LabControl[] = AMNESTY_LAB_PARAMS.map((p) => ({
  ...described(p),
  read: (s: LabScenario) => (isAmnestyScenario(s) ? p.get(s) : NaN),
  hintFor: (s: LabScenario) => (p.hintFor && isAmnestyScenario(s) ? p.hintFor(s) : p.hint),
}));

/** The controls a scenario's kind has (the 1954–55 review's unless the id is a 1945 amnesty's). */
export function paramsFor(scenarioId: string): readonly LabControl[] {
  const s = LAB_SCENARIOS.find((x) => x.id === scenarioId);
  return s && isAmnestyScenario(s) ? AMNESTY_CONTROLS : REVIEW_CONTROLS;
}

function findLabScenario(id: string): LabScenario | undefined {
  return LAB_SCENARIOS.find((s) => s.id === id);
}

export function labScenario(config: LabConfig): LabScenario {
  const base = findLabScenario(config.scenarioId);
  if (!base) throw new Error(`Unknown scenario ${config.scenarioId}`);
  if (isAmnestyScenario(base)) {
    let s = base;
    for (const p of AMNESTY_LAB_PARAMS) {
      const v = config.values[p.key];
      if (v !== undefined) s = p.set(s, v);
    }
    return s;
  }
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
  if (!findLabScenario(config.scenarioId)) errors.scenarioId = "Choose a scenario from the list.";
  if (!Number.isInteger(config.seed) || config.seed < 1 || config.seed > 1_000_000) {
    errors.seed = "A seed is a whole number from 1 to 1,000,000.";
  }
  for (const p of paramsFor(config.scenarioId)) {
    const v = config.values[p.key];
    if (v === undefined) continue;
    if (!Number.isFinite(v) || v < p.min || v > p.max) errors[p.key] = `Between ${p.min} and ${p.max}.`;
    else if (p.whole && !Number.isInteger(v)) errors[p.key] = "A whole number.";
  }
  return errors;
}

/** The configuration as a URL query (what "share" copies), and back; unknown or bad values are dropped. */
export function configToQuery(config: LabConfig): string {
  const q = new URLSearchParams({ s: config.scenarioId, seed: String(config.seed) });
  if (!config.events) q.set("events", "off");
  for (const p of paramsFor(config.scenarioId)) {
    const v = config.values[p.key];
    if (v !== undefined) q.set(p.key, String(v));
  }
  return q.toString();
}

/**
 * A lesson preset: several configurations run one after the other and shown
 * side by side, with questions to discuss. "category-vs-case" sets release by
 * category in 1945 beside the review of one file at a time in 1954–56.
 */
export const LAB_PRESETS = {
  "category-vs-case": {
    title: "Release by category (1945) or review case by case (1954–56)",
    configs: [
      { scenarioId: "amnesty-1945", seed: 1, events: true, values: {} },
      { scenarioId: "national-1954", seed: 1, events: true, values: {} },
    ],
  },
} as const satisfies Record<string, { title: string; configs: readonly LabConfig[] }>;
export type LabPresetId = keyof typeof LAB_PRESETS;

function isPreset(id: string | null): id is LabPresetId {
  return id !== null && Object.hasOwn(LAB_PRESETS, id);
}

/** What the lab page makes of its address: a configuration to show, or a scenario name nobody recognises. */
export type LabQuery =
  | { ok: true; config: LabConfig; autorun: boolean; preset: LabPresetId | null }
  | { ok: false; unknownScenario: string };

/**
 * Reads the lab's address for the page. Links are typed, pasted and
 * shortened by hand, so nothing in them may break the page: an unknown
 * scenario is reported (with the list to choose from) rather than shown as a
 * form whose scenario does not exist; every other bad value reaches the form,
 * which names it beside its field and refuses to run it. A known preset runs
 * its configurations on arrival.
 */
export function readLabQuery(query: URLSearchParams): LabQuery {
  const presetId = query.get("preset");
  if (isPreset(presetId)) {
    const first = LAB_PRESETS[presetId].configs[0];
    return { ok: true, config: { ...first, values: { ...first.values } }, autorun: true, preset: presetId };
  }
  const config = configFromQuery(query);
  if (!findLabScenario(config.scenarioId)) return { ok: false, unknownScenario: config.scenarioId };
  return { ok: true, config, autorun: query.get("run") === "1", preset: null };
}

export function configFromQuery(query: URLSearchParams): LabConfig {
  // A blank name ("?s=") is a link cut short, not a name: the default scenario.
  const scenarioId = query.get("s")?.trim() || "rostov-1954";
  const values: Record<string, number> = {};
  for (const p of paramsFor(scenarioId)) {
    const raw = query.get(p.key);
    if (raw !== null && raw.trim() !== "" && Number.isFinite(Number(raw))) values[p.key] = Number(raw);
  }
  const seed = Number(query.get("seed") ?? "1");
  return {
    scenarioId,
    seed: Number.isFinite(seed) ? seed : 1,
    events: query.get("events") !== "off",
    values,
  };
}
