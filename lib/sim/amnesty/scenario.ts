/**
 * A scenario of the July 7, 1945 amnesty (machines/amnesty-1945.machine.ts):
 * who was held, how the decree sorted them, the capacities of the stages
 * people queued at, and the figures the source gives to compare against.
 *
 * Its own schema, not the 1954–55 one: release by category has no
 * complaints, commissions or courts, and a case-review scenario has no
 * passport rosters or railcars. Both kinds share the CLI, the calibration
 * table and the lab (lib/sim/amnesty/engine.ts gives the same read-outs).
 */
import { z } from "zod";
import { NOT_COVERED_OFFENCES_1945, OFFENCES_1945, PRIORITY_GROUPS_1945 } from "@/machines/amnesty-1945.machine";
import { distributionSchema } from "@/lib/sim/distributions";
import { provenanceSchema } from "@/lib/sim/scenario-schema";

const share = z.number().min(0).max(1);
const weight = z.number().min(0);
const count = z.number().int().nonnegative();
const recordOf = <K extends readonly [string, ...string[]], V extends z.ZodTypeAny>(keys: K, value: V) =>
  z.object(Object.fromEntries(keys.map((k) => [k, value])) as { [P in K[number]]: V }).strict();

/** What the decree did with a prisoner, as the sorting saw it (before any file was checked). */
export const DECREE_CATEGORIES_1945 = ["freed", "halved", "notCovered"] as const;
export type DecreeCategory1945 = (typeof DECREE_CATEGORIES_1945)[number];

/** The read-outs a figure of the source is compared with (lib/sim/amnesty/engine.ts amnestyMetric). */
export const AMNESTY_METRICS = [
  /** prisoners the decree's categories covered for release (sorted to a file check) */
  "qualifying",
  /** freed by the tally on `onDay` (passport issued, left the camp) */
  "freedByDay",
  /** freedByDay as a share of those qualifying */
  "freedShareByDay",
  /** freed by the end of the run */
  "freedTotal",
  "freedFromCamps",
  "freedFromColonies",
  /** freedFromColonies / freedTotal */
  "freedColonyShare",
  /** freedTotal / qualifying */
  "freedShareOfQualifying",
  /** terms recalculated at half the remainder by the end */
  "termsHalved",
  /** termsHalved / prisoners held at the start */
  "halvedShareOfHeld",
  /** new prisoners arrived by `onDay` */
  "newPrisonersByDay",
  /** new prisoners by `onDay` per prisoner held at the start */
  "newPrisonersShareByDay",
] as const;
export type AmnestyMetric = (typeof AMNESTY_METRICS)[number];

export const amnestyScenarioSchema = z
  .object({
    kind: z.literal("amnesty1945"),
    id: z.string().regex(/^[a-z0-9-]+$/),
    title: z.string().min(1),
    summary: z.string().min(1),
    /** the decree's date: day 0 */
    startDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    horizonDays: z.number().int().positive().max(730),
    population: z
      .object({
        /** prisoners held when the decree came out (a class plays a sample of them: --cases) */
        held: z.number().int().positive().max(3_000_000),
        /**
         * How many of them a run plays, when fewer (a camp's worth, for a class or the lab): the same shares,
         * and capacities per prisoner, so the pace is the same; the source's tallies are scaled to it.
         */
        sample: z.number().int().positive().max(3_000_000).optional(),
        /** which of the decree's categories a prisoner falls in, as shares of those held */
        categories: recordOf(DECREE_CATEGORIES_1945, weight),
        /** offences among those the decree freed (weights) */
        freedOffences: recordOf(OFFENCES_1945, weight),
        /** offences among those it did not cover (only these two offences are excluded from halving) */
        notCoveredOffences: recordOf(NOT_COVERED_OFFENCES_1945, weight),
        /** share of each category with earlier convictions, found (or missed) when the file is checked */
        recidivistShare: share,
        /** share of those freed who were held in colonies rather than camps */
        freedInColoniesShare: share,
        /** share of those not freed who were held in colonies */
        othersInColoniesShare: share,
        /** the July 12 groups among those the decree freed (weights) */
        priorityGroups: recordOf(PRIORITY_GROUPS_1945, weight),
      })
      .strict(),
    stages: z
      .object({
        /** days before the records departments start (the July 12 order on who goes first) */
        recordsStartDay: z.number().int().nonnegative(),
        /** files a day the records departments check once at full strength, per 100,000 held */
        fileChecksPer100k: z.number().positive(),
        /** days over which their pace grows from the first day's share to full strength */
        rampDays: z.number().int().nonnegative(),
        /** their pace on the first day, as a share of full strength */
        rampStartShare: share,
        /** share of file checks hurried enough to miss an earlier conviction */
        hurriedCheckShare: share,
        /** days from the determination to the prisoner's signature */
        signatureDays: distributionSchema,
        /** passport rosters with photographs a day, per 100,000 held */
        passportsPer100k: z.number().positive(),
        /** places on railcars from the transit checkpoints a day, per 100,000 held */
        railcarPlacesPer100k: z.number().positive(),
        /** share of those freed whom the camp kept on as "voluntary" labour */
        keptOnShare: share,
        /** days from release until an earlier conviction missed on the check comes to light */
        errorFoundDays: distributionSchema,
        /** new prisoners arriving a day, per 100,000 held at the start */
        arrivalsPer100kPerDay: z.number().nonnegative(),
        /** share of new prisoners sentenced for shirking (the 1940 labour laws) */
        arrivalsShirkingShare: share,
        /** a student records clerk's hours each simulated day (class play) */
        clerkHoursPerDay: z.number().positive().max(24).default(8),
        /**
         * working hours a thorough file check takes: a query to the card index
         * of earlier convictions and its answer, so it runs over two working
         * days; earlier convictions are found
         */
        thoroughCheckHours: z.number().positive().max(80).default(16),
        /** working hours a hurried check takes (the file alone): an earlier conviction can be missed */
        hurriedCheckHours: z.number().positive().max(80).default(1),
      })
      .strict(),
    /** the source's tallies, shown on charts and in releasedByDate */
    tallies: z.array(z.object({ day: count, label: z.string().min(1), freed: count.optional() }).strict()),
    compare: z.array(
      z
        .object({
          metric: z.enum(AMNESTY_METRICS),
          /** the day a ...ByDay metric is read on */
          onDay: count.optional(),
          value: z.number(),
          tolerance: z.number().nonnegative(),
          label: z.string().min(1),
          source: z.literal("alexopoulos-1945"),
          /** the prisoners simulated for this figure, when not the scenario's whole population (a sampled camp) */
          cases: z.number().int().positive().optional(),
          fitted: z.boolean(),
          why: z.string().min(1),
        })
        .strict(),
    ),
    /** where each parameter comes from, keyed by its path */
    provenance: z.record(z.string(), provenanceSchema),
  })
  .strict();

export type AmnestyScenario = z.infer<typeof amnestyScenarioSchema>;
