import { scenarioSchema, type Scenario } from "./scenario-schema";
import { findScenario, SCENARIO_IDS } from "./scenarios";
import { amnestyScenarioSchema, type AmnestyScenario } from "./amnesty/scenario";
import { AMNESTY_SCENARIOS } from "./amnesty/scenarios";

/** A problem with the command line: the CLI prints `message` and exits 2. */
export class UsageError extends Error {}

export type SimCommand =
  | { kind: "list" }
  | { kind: "help" }
  | { kind: "run"; scenario: Scenario; seed: number; json: boolean }
  /** a 1945 amnesty scenario; `cases` samples that many prisoners (a camp) with the same pace per prisoner */
  | { kind: "runAmnesty"; scenario: AmnestyScenario; seed: number; json: boolean; cases?: number };

/** Every scenario id the CLI knows, of both kinds. */
const KNOWN_IDS = [...SCENARIO_IDS, ...AMNESTY_SCENARIOS.map((s) => s.id)];

export type ReadFile = (path: string) => string;

/**
 * Parses `npm run sim` arguments into a validated scenario (README "Simulation
 * CLI"). Every bad input becomes a one-line UsageError naming the problem.
 */
export function parseSimArgs(argv: readonly string[], readFile: ReadFile): SimCommand {
  let scenarioId: string | undefined;
  let scenarioFile: string | undefined;
  let seedText: string | undefined;
  let casesText: string | undefined;
  let json = false;
  const sets: string[] = [];
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k]!;
    const value = () => {
      const v = argv[++k];
      if (v === undefined || v.startsWith("--")) throw new UsageError(`${arg} needs a value`);
      return v;
    };
    switch (arg) {
      case "--list":
        return { kind: "list" };
      case "--help":
      case "-h":
        return { kind: "help" };
      case "--json":
        json = true;
        break;
      case "--scenario":
        scenarioId = value();
        break;
      case "--scenario-file":
        scenarioFile = value();
        break;
      case "--seed":
        seedText = value();
        break;
      case "--cases":
        casesText = value();
        break;
      case "--set":
        sets.push(value());
        break;
      default:
        throw new UsageError(`unknown option "${arg}" (try --help)`);
    }
  }

  let scenario: unknown;
  if (scenarioFile !== undefined) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFile(scenarioFile));
    } catch (error) {
      throw new UsageError(
        `cannot read scenario file "${scenarioFile}": ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    scenario = isAmnesty(raw)
      ? validateAmnesty(raw, `scenario file "${scenarioFile}"`)
      : validate(raw, `scenario file "${scenarioFile}"`);
  } else if (scenarioId !== undefined) {
    const found = findScenario(scenarioId) ?? AMNESTY_SCENARIOS.find((s) => s.id === scenarioId);
    if (!found) throw new UsageError(`unknown scenario "${scenarioId}" (known: ${KNOWN_IDS.join(", ")})`);
    scenario = found;
  } else {
    throw new UsageError("give --scenario <id> or --scenario-file <file.json> (or --list)");
  }

  if (seedText === undefined) throw new UsageError("give --seed <n>");
  const seed = Number(seedText);
  if (!/^\d+$/.test(seedText) || !Number.isSafeInteger(seed)) {
    throw new UsageError(`bad seed "${seedText}": use a whole number ≥ 0`);
  }

  let working: unknown = structuredClone(scenario);
  let cases: number | undefined;
  if (casesText !== undefined) {
    cases = Number(casesText);
    if (!/^\d+$/.test(casesText) || cases < 1)
      throw new UsageError(`bad --cases "${casesText}": use a whole number ≥ 1`);
    if (!isAmnesty(working)) working = setAtPath(working, "caseload.cases", cases, "--cases");
    else if (cases > amnestyScenarioSchema.shape.population.shape.held.maxValue!)
      throw new UsageError(
        `bad --cases "${casesText}": at most ${amnestyScenarioSchema.shape.population.shape.held.maxValue}`,
      );
  }
  for (const assignment of sets) {
    const eq = assignment.indexOf("=");
    if (eq <= 0) throw new UsageError(`bad --set "${assignment}": use <path>=<value>, e.g. desks.procurators=8`);
    const path = assignment.slice(0, eq);
    const text = assignment.slice(eq + 1);
    working = setAtPath(working, path, parseValue(text), `--set ${path}`);
  }
  if (isAmnesty(working)) {
    const amnesty = validateAmnesty(working, "scenario after --set");
    return { kind: "runAmnesty", scenario: amnesty, seed, json, ...(cases !== undefined ? { cases } : {}) };
  }
  return { kind: "run", scenario: validate(working, "scenario after --set"), seed, json };
}

/** A 1945 amnesty scenario says so in its `kind`; a 1954–55 one has none. */
function isAmnesty(raw: unknown): boolean {
  return raw !== null && typeof raw === "object" && (raw as { kind?: unknown }).kind === "amnesty1945";
}

function validateAmnesty(raw: unknown, what: string): AmnestyScenario {
  return parsedOrUsageError(amnestyScenarioSchema.safeParse(raw), what);
}

function parseValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Sets a value at a dot path that must already exist (arrays by index), so typos are caught. */
function setAtPath(root: unknown, path: string, value: unknown, what: string): unknown {
  const keys = path.split(".");
  let node: unknown = root;
  for (const [k, key] of keys.entries()) {
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, key)) {
      throw new UsageError(`${what}: unknown scenario path "${keys.slice(0, k + 1).join(".")}"`);
    }
    if (k === keys.length - 1) {
      const current = (node as Record<string, unknown>)[key];
      if (current !== null && typeof current === "object" && (value === null || typeof value !== "object")) {
        throw new UsageError(`${what}: "${path}" is a group of settings, not a single value`);
      }
      (node as Record<string, unknown>)[key] = value;
    } else {
      node = (node as Record<string, unknown>)[key];
    }
  }
  return root;
}

function validate(raw: unknown, what: string): Scenario {
  return parsedOrUsageError(scenarioSchema.safeParse(raw), what);
}

/** A schema's verdict: the data, or a one-line UsageError naming where the first problem is. */
function parsedOrUsageError<T>(
  parsed:
    | { success: true; data: T }
    | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } },
  what: string,
): T {
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const at = issue.path.length ? issue.path.map(String).join(".") : "(top level)";
  throw new UsageError(`invalid ${what} at ${at}: ${issue.message}`);
}
