import { isHistoricalDate, withinHistoricalDate } from "@/lib/sim/historical-date";
import { z } from "zod";
import { ADDRESSEES, ARTICLES, COURT_RULINGS, DECISIONS, SENTENCING_ORGANS, SOURCE_KEYS } from "@/machines/vocabulary";
import { AMNESTY_READINGS } from "@/machines/rules";
import { distributionSchema } from "./distributions";

export const SCENARIO_SCHEMA_VERSION = 1;

const share = z.number().min(0).max(1);
const weight = z.number().min(0);
const SOME_WEIGHT = { message: "at least one weight must be above zero" };
const weights = z
  .array(weight)
  .min(1)
  .refine((w) => w.some((x) => x > 0), SOME_WEIGHT);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "use YYYY-MM-DD");
const recordOf = <K extends readonly [string, ...string[]], V extends z.ZodTypeAny>(keys: K, value: V) =>
  z.object(Object.fromEntries(keys.map((k) => [k, value])) as { [P in K[number]]: V }).strict();
/** A record of weights of which at least one is above zero. */
const weightsOf = <K extends readonly [string, ...string[]]>(keys: K) =>
  recordOf(keys, weight).refine((w) => Object.values(w).some((x) => (x as number) > 0), SOME_WEIGHT);

/** Where a parameter comes from: a source key, a calibration against a source's figure, or an admitted invention. */
export const provenanceSchema = z.object({
  source: z.enum([...SOURCE_KEYS, "invented"]),
  note: z.string().min(1),
});

const routingSchema = z
  .object({ register: weight, forwardToAccused: weight, lose: weight, formReply: weight })
  .strict();

export const effectSchema = z.union([
  z.object({ set: z.string().min(1), value: z.union([z.number(), z.boolean()]) }).strict(),
  /** Multiplies a number, so a historical event shifts each province's own calibrated figure. */
  z.object({ scale: z.string().min(1), by: z.number().min(0) }).strict(),
  z.object({ action: z.literal("sendAllLists") }).strict(),
]);

/** What a `compare` entry measures in a run (lib/sim/metrics.ts). */
const compareMetricSchema = z.enum([
  "upheldShare",
  "rehabilitatedShare",
  "reducedShare",
  "amnestiedShare",
  "exileEndedShare",
  "rehabilitatedPersonsShare",
  "decidedCases",
  "decidedPersons",
  "upheldCases",
  "notUpheldCases",
  "rehabilitatedCases",
  "rehabilitatedPersons",
  "reducedCases",
  "amnestiedCases",
  "exileEndedCases",
  "stalledAtListsCases",
  "releasedCases",
  "decidedShare",
  "pardonedCases",
  "forwardedToAccusedShare",
  "spravkaIssuedShare",
  "medianDaysToDecision",
]);

const scenarioShape = z
  .object({
    schemaVersion: z.literal(SCENARIO_SCHEMA_VERSION),
    id: z.string().regex(/^[a-z0-9-]+$/),
    title: z.string().min(1),
    summary: z.string().min(1),
    startDate: isoDate,
    horizonDays: z.number().int().positive().max(3650),
    caseload: z
      .object({
        cases: z.number().int().positive().max(2_000_000),
        /** weights for 1, 2, 3 … persons per case */
        personsPerCase: weights,
        organs: weightsOf(SENTENCING_ORGANS),
        articles: weightsOf(ARTICLES),
        termYears: z
          .array(z.object({ years: z.number().positive().max(25), weight }))
          .min(1)
          .refine((t) => t.some((x) => x.weight > 0), SOME_WEIGHT),
        exileShare: share,
        /** of the cases in a camp, the share whose sentence adds exile after the camp term (RULES.exileAfterCamp) */
        exileAfterTermShare: share.default(0),
        originalsElsewhereShare: share,
        /** weights for 0, 1, 2 … other cases to cross-check */
        crossChecks: weights,
        complaintShare: share,
        firstComplaint: distributionSchema,
        /** weights for 1, 2, 3 … letters before giving up */
        maxComplaints: weights,
        addressees: weightsOf(ADDRESSEES),
        camps: z.number().int().positive(),
        /**
         * New Article 59 arrests a year entering the province's camps during
         * 1955, each a new case whose complaint joins the same queue
         * (RULES.newArrests; ADR 0025). 0: none.
         */
        newArrestsPerYear: z.number().min(0).max(1_000_000).default(0),
      })
      .strict(),
    institutions: z
      .object({
        complaintTransit: distributionSchema,
        routing: recordOf(ADDRESSEES, routingSchema),
        rewrite: distributionSchema,
        presidiumPardonShare: share,
        presidiumDays: distributionSchema,
        listsWithheldShare: share,
        listDelay: distributionSchema,
        proceedWithoutLists: z.boolean(),
        proceedWithoutListsAfter: distributionSchema,
        /** how much longer a review takes with only the complaint to go on */
        complaintsOnlyReviewFactor: z.number().min(1).max(10),
        fileClerks: z.number().int().positive(),
        fileAssembly: distributionSchema,
        /** a clerk's days to write for a file's originals */
        originalsRequestWork: distributionSchema.default({ kind: "lognormal", median: 0.2, p90: 0.6 }),
        originalsDelay: distributionSchema,
        /** a clerk's days per person of the case to check its testimony against one other case */
        crossCheckWork: distributionSchema.default({ kind: "lognormal", median: 0.3, p90: 1 }),
        /** days until the other case's file is at hand */
        crossCheck: distributionSchema,
        courtBacklog: distributionSchema,
        reinvestigation: distributionSchema,
        courtRulings: weightsOf(COURT_RULINGS),
        /** chance the spravka comes at each step: awaiting, after the MVD, the provincial procuracy, the General Procuracy */
        spravkaIssueShare: z.tuple([share, share, share, share]),
        spravkaWait: distributionSchema,
        /** days a camp holds a person after the order to release them (RULES.heldAfterRelease; invented) */
        heldAfterRelease: distributionSchema.default({ kind: "lognormal", median: 30, p90: 90 }),
      })
      .strict(),
    desks: z
      .object({
        procurators: z.number().int().positive(),
        hoursPerDay: z.number().positive().max(24),
        reviewHoursPerPerson: distributionSchema,
      })
      .strict(),
    policy: z
      .object({
        decisions: weightsOf(DECISIONS),
        /** multiplies the weight of confirming the refusal: 1954's "real enemies" pressure */
        bias: z.number().min(0).max(20),
        /** the Sep 24, 1954 ruling is in force: 58-7/11 may be reclassified as art. 109 (RULES.reclassificationTo109) */
        reclassificationLaw: z.boolean().default(false),
        /** how the scenario reads the sources on the 1953 amnesty and politicals (machines/rules.ts AMNESTY_READINGS) */
        amnestyReading: z.enum(AMNESTY_READINGS).default("shortTermsFreed"),
        /** the Sep 17, 1955 amnesty is in force: 58-1 collaboration cases may be amnestied whatever the term (RULES.collaboratorsAmnesty) */
        collaboratorsAmnesty: z.boolean().default(false),
      })
      .strict(),
    events: z.array(
      z
        .object({
          /** the day the game applies it */
          date: isoDate,
          /**
           * The date as the source gives it, where it is less precise than a day ("1954-06" for "June 1954",
           * "1956-02-24/25"): shown instead of `date`, which must fall within it (lib/sim/historical-date.ts).
           */
          dateAsGiven: z.string().refine(isHistoricalDate, "use YYYY, YYYY-MM or YYYY-MM-DD/DD").optional(),
          id: z.string().min(1),
          title: z.string().min(1),
          source: provenanceSchema.shape.source,
          effects: z.array(effectSchema),
        })
        .strict(),
    ),
    compare: z.array(
      z
        .object({
          metric: compareMetricSchema,
          value: z.number(),
          tolerance: z.number().positive(),
          /** One-sided: the source gives only a floor ("limits exceeded") or a ceiling ("not sending"). */
          bound: z.enum(["atLeast", "atMost"]).optional(),
          label: z.string().min(1),
          source: provenanceSchema.shape.source,
          /** True when the scenario's weights were set to match this figure; false for a held-out check. */
          fitted: z.boolean().default(false),
          /** Why the tolerance is what it is (seed-to-seed spread, the source's own vagueness). */
          why: z.string().min(1).optional(),
          /** Run with this many cases instead (a neighbouring province given beside this one, e.g. Astrakhan). */
          cases: z.number().int().positive().optional(),
          /**
           * The metric of another entry that checks the same figure of the source (Chita's "365 cases (37%)
           * upheld", as a count beside its share): pages for readers list the figure once, under that entry.
           */
          restates: compareMetricSchema.optional(),
        })
        .strict(),
    ),
    provenance: z.record(z.string(), provenanceSchema),
  })
  .strict();

/**
 * A scenario: typed, versioned data (../shared/architecture.md §3). Every
 * parameter's provenance is listed in `provenance` (checked by tests), and
 * every scheduled event's effect must apply cleanly to it.
 */
export const scenarioSchema = scenarioShape.superRefine((scenario, ctx) => {
  const metrics = new Set(scenario.compare.map((c) => c.metric));
  scenario.compare.forEach((c, i) => {
    if (c.restates !== undefined && (c.restates === c.metric || !metrics.has(c.restates))) {
      ctx.addIssue({
        code: "custom",
        path: ["compare", i, "restates"],
        message: `restates "${c.restates}", which is not another of this scenario's figures`,
      });
    }
  });
  scenario.events.forEach((event, i) => {
    if (
      event.dateAsGiven !== undefined &&
      isHistoricalDate(event.dateAsGiven) &&
      !withinHistoricalDate(event.date, event.dateAsGiven)
    ) {
      ctx.addIssue({
        code: "custom",
        path: ["events", i, "date"],
        message: `${event.date} is not within ${event.dateAsGiven}, the date the source gives`,
      });
    }
  });
  scenario.events.forEach((event, i) =>
    event.effects.forEach((effect, j) => {
      try {
        applyEffectTo(scenario, effect);
      } catch (error) {
        ctx.addIssue({ code: "custom", path: ["events", i, "effects", j], message: (error as Error).message });
      }
    }),
  );
});

export type Scenario = z.infer<typeof scenarioShape>;

/** An effect that cannot apply (unknown path, wrong type, out of range): nothing is changed. */
export class EffectError extends Error {}

/**
 * The scenario after a historical event or an instructor's injection sets one
 * number or switch. Returns a new object; throws EffectError naming the
 * problem if the path is unknown or the result would not be a valid scenario.
 */
export function applyEffectTo(scenario: Scenario, effect: Effect): Scenario {
  if ("action" in effect) return scenario;
  const path = "set" in effect ? effect.set : effect.scale;
  const keys = path.split(".");
  const next = structuredClone(scenario);
  let node: unknown = next;
  for (const key of keys.slice(0, -1)) {
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, key)) {
      throw new EffectError(`unknown setting "${path}"`);
    }
    node = (node as Record<string, unknown>)[key];
  }
  const last = keys.at(-1)!;
  if (node === null || typeof node !== "object" || !Object.hasOwn(node, last)) {
    throw new EffectError(`unknown setting "${path}"`);
  }
  const current = (node as Record<string, unknown>)[last];
  const value = "set" in effect ? effect.value : typeof current === "number" ? current * effect.by : undefined;
  if (typeof current !== typeof value) {
    throw new EffectError(
      `"${path}" takes a ${typeof current}, not a ${"set" in effect ? typeof effect.value : "scale"}`,
    );
  }
  (node as Record<string, unknown>)[last] = value;
  const parsed = scenarioShape.safeParse(next);
  if (!parsed.success) throw new EffectError(`"${path}" → ${String(value)}: ${parsed.error.issues[0]!.message}`);
  return parsed.data;
}
export type Effect = z.infer<typeof effectSchema>;
export type CompareMetric = Scenario["compare"][number]["metric"];
