import { z } from "zod";
import { MAX_SPEED, MIN_SPEED } from "@/machines/run.machine";
import { ADDRESSEES, ASKS, CARRIERS, DECISIONS, GROUNDS } from "@/machines/vocabulary";
import { normalizeCode } from "./codes";
import { CREATE_RUN_FIELDS } from "./create-run-fields";
import { MIN_NEW_TERM_YEARS, RECLASSIFY_TO } from "@/lib/desk/decisions";
import { INJECTION_IDS } from "./injections";
import { freeTextSchema, nameSchema, unstorableName } from "@/lib/text";
import {
  CODE_ALPHABET,
  DISPLAY_NAME_MAX,
  MESSAGE_MAX,
  JOIN_CODE_LENGTH,
  LETTER_MAX,
  MAX_SEATS,
  MAX_SEATS_TESTED,
  REJOIN_CODE_LENGTH,
  TITLE_MAX,
} from "./policy";

/** The longest written grounds for a decision. */
export const JUSTIFICATION_MAX = 1000;

/** Seeds are stored as 32-bit integers. */
export const SEED_MAX = 2 ** 31 - 1;

const codeChars = new RegExp(`^[${CODE_ALPHABET}]*$`);

/** A one-time id the form or client makes for each request, so a replay is recognised. */
export const requestIdSchema = z
  .string({ error: "This form is out of date. Reload the page and try again." })
  .regex(/^[A-Za-z0-9_-]{8,64}$/, "This form is out of date. Reload the page and try again.");

export const joinCodeSchema = z
  .string({ error: "Enter the class code your teacher shows." })
  .transform(normalizeCode)
  .pipe(
    z
      .string()
      .min(1, "Enter the class code your teacher shows.")
      .length(JOIN_CODE_LENGTH, `A class code has ${JOIN_CODE_LENGTH} letters and digits.`)
      .regex(codeChars, "That is not a class code: check the letters on the screen."),
  );

export const displayNameSchema = nameSchema(
  { missing: "Enter a name for your seat.", unstorable: unstorableName("name") },
  z
    .string()
    .min(1, "Enter a name for your seat (a first name or a nickname is enough).")
    .max(DISPLAY_NAME_MAX, `Use at most ${DISPLAY_NAME_MAX} characters for your name.`)
    // Bidirectional controls are gone by now (lib/text.ts); other control and formatting characters
    // (zero-width ones, soft hyphens) could still make two names look alike, or a name look empty.
    .regex(/^[^\p{Cc}\p{Cf}]*$/u, "Use letters, digits and ordinary punctuation in your name."),
);

export const joinSchema = z.object({ code: joinCodeSchema, name: displayNameSchema, requestId: requestIdSchema });
export type JoinInput = z.infer<typeof joinSchema>;

export const rejoinSchema = z.object({
  code: joinCodeSchema,
  rejoinCode: z
    .string({ error: "Enter your rejoin code." })
    .transform(normalizeCode)
    .pipe(
      z
        .string()
        .min(1, "Enter your rejoin code.")
        .length(REJOIN_CODE_LENGTH, `A rejoin code has ${REJOIN_CODE_LENGTH} letters and digits, like K7MP-3QXD.`)
        .regex(codeChars, "That is not a rejoin code: check it against the one you wrote down."),
    ),
  takeOver: z.boolean().default(false),
});
export type RejoinInput = z.infer<typeof rejoinSchema>;

/**
 * A number, or a form field's text of one. Unlike z.coerce, never "", null,
 * true or [3] (which Number() turns into 0, 1 and 3), as a JSON body may send.
 */
const numberOrNumeric = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() !== "" ? Number(v) : v), schema);

const seatCount = (role: string) =>
  numberOrNumeric(
    z
      .number({ error: `Enter how many ${role} seats.` })
      .int(`Enter a whole number of ${role} seats.`)
      .min(0, `The number of ${role} seats cannot be negative.`)
      .max(MAX_SEATS, `At most ${MAX_SEATS.toLocaleString("en")} ${role} seats. ${MAX_SEATS_TESTED}`),
  );

export const speedSchema = numberOrNumeric(
  z
    .number({ error: "Enter a clock speed." })
    .min(MIN_SPEED, `The clock runs at least ${MIN_SPEED} simulated day per minute.`)
    .max(MAX_SPEED, `The clock runs at most ${MAX_SPEED} simulated days per minute.`),
);

/** A form's checkbox: "on" when ticked, absent when not. */
const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

export const createRunSchema = z
  .object({
    title: nameSchema(
      { missing: "Give the run a title.", unstorable: unstorableName("title") },
      z
        .string()
        .min(1, "Give the run a title, e.g. the class's name.")
        .max(TITLE_MAX, `Use at most ${TITLE_MAX} characters for the title.`),
    ),
    /** a shipped scenario's id, or one of the teacher's own ("custom-…"; create-run checks it is theirs) */
    scenarioId: z
      .string({ error: "Choose one of the scenarios." })
      .regex(/^[a-z0-9-]{1,80}$/, "Choose one of the scenarios."),
    procuratorSeats: seatCount("procurator"),
    petitionerSeats: seatCount("petitioner"),
    speed: speedSchema,
    /** A checkbox: a computer desk decides a district file left too long on a student's desk (lib/runs/district-plan.ts). */
    computerHelps: checkbox,
    /** A checkbox: open with the March 1953 amnesty on every seat (lib/runs/story-frame.ts). */
    prologue: checkbox,
    /** A checkbox: end with February 1956 in every debrief. */
    epilogue: checkbox,
    /** Optional: the same seed, scenario and students' actions give the same run (blank: a fresh one). */
    seed: z.preprocess(
      (v) => (v === "" || v === null || v === undefined ? undefined : typeof v === "string" ? Number(v.trim()) : v),
      z
        .number({ error: `A seed is a whole number from 1 to ${SEED_MAX.toLocaleString("en")}, or blank.` })
        .int(`A seed is a whole number from 1 to ${SEED_MAX.toLocaleString("en")}, or blank.`)
        .min(1, `A seed is a whole number from 1 to ${SEED_MAX.toLocaleString("en")}, or blank.`)
        .max(SEED_MAX, `A seed is a whole number from 1 to ${SEED_MAX.toLocaleString("en")}, or blank.`)
        .optional(),
    ),
  })
  .refine((r) => r.procuratorSeats + r.petitionerSeats >= 1, {
    message: "Give the class at least one seat.",
    path: ["petitionerSeats"],
  })
  .refine((r) => r.procuratorSeats + r.petitionerSeats <= MAX_SEATS, {
    message: `At most ${MAX_SEATS.toLocaleString("en")} seats in one run. ${MAX_SEATS_TESTED}`,
    path: ["petitionerSeats"],
  });
export type CreateRunInput = z.infer<typeof createRunSchema>;

// Every field the New run form names is one the schema reads (lib/runs/create-run-fields.ts).
CREATE_RUN_FIELDS satisfies readonly (keyof CreateRunInput)[];

/** What a student can do from their desk: a petitioner's letters and spravka requests, a procurator's desk work and decisions. */
export const seatActionSchema = z.discriminatedUnion("type", [
  z
    .object({
      type: z.literal("complaint.file"),
      addressee: z.enum(ADDRESSEES),
      grounds: z.enum(GROUNDS),
      carrier: z.enum(CARRIERS),
      ask: z.enum(ASKS),
    })
    .strict(),
  z.object({ type: z.literal("spravka.request") }).strict(),
  z.object({ type: z.literal("desk.read") }).strict(),
  z.object({ type: z.literal("letter.read") }).strict(),
  z.object({ type: z.literal("desk.deputy") }).strict(),
  z.object({ type: z.literal("file.requestOriginals") }).strict(),
  z.object({ type: z.literal("file.crossCheck") }).strict(),
  z.object({ type: z.literal("lists.request") }).strict(),
  z.object({ type: z.literal("lists.proceedWithout") }).strict(),
  z
    .object({
      type: z.literal("review.decide"),
      decision: z.enum(DECISIONS),
      /** the written grounds, as commissions' protocols gave them */
      justification: freeTextSchema(
        { missing: "Write the grounds for your decision." },
        z
          .string()
          .min(10, "Write the grounds for your decision: a sentence or two on what the file shows.")
          .max(JUSTIFICATION_MAX, `Keep the grounds to ${JUSTIFICATION_MAX.toLocaleString("en")} characters.`),
      ),
      /** a reclassification's new article (see detailsBar in ./desk) */
      toArticle: z.enum(RECLASSIFY_TO, { error: "Choose an article from the list." }).optional(),
      /** a reclassification's or reduction's new term */
      newTermYears: z
        .number({ error: "The new term is a whole number of years." })
        .int("The new term is a whole number of years.")
        .min(MIN_NEW_TERM_YEARS, "The new term is at least one year.")
        .max(25, "The new term is at most 25 years.")
        .optional(),
    })
    .strict(),
]);
export type SeatAction = z.infer<typeof seatActionSchema>;

/** The petitioner's own words: plain text, kept as written (it is only ever shown as text). */
export const letterSchema = freeTextSchema(
  { missing: "Write your letter before sending it." },
  z
    .string()
    .min(1, "Write your letter before sending it: who you are, what happened, what you ask for.")
    .max(LETTER_MAX, `Keep your letter to ${LETTER_MAX.toLocaleString("en")} characters.`),
);

export const actSchema = z
  .object({
    requestId: requestIdSchema,
    caseIndex: z.number().int().min(0).max(10_000_000),
    /** The case's version as the student saw it: acting on a case that changed since is refused. */
    expectedVersion: z.number().int().min(0),
    action: seatActionSchema,
    /** required with a complaint (see actOnCase) */
    letter: z.unknown().optional(),
  })
  .strict();
export type ActInput = z.infer<typeof actSchema>;

/** A calendar date: "1955-13-45" matches the pattern but is no day (Date.UTC would roll it into 1956). */
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Pick a date.")
  .refine((s) => {
    const time = Date.parse(`${s}T00:00:00Z`);
    return Number.isFinite(time) && new Date(time).toISOString().slice(0, 10) === s;
  }, "Pick a date.");

export const controlSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("start") }),
  z.object({ action: z.literal("pause") }),
  z.object({ action: z.literal("resume") }),
  z.object({ action: z.literal("end") }),
  z.object({ action: z.literal("archive") }),
  z.object({ action: z.literal("delete") }),
  z.object({ action: z.literal("setSpeed"), speed: speedSchema }),
  z.object({ action: z.literal("jump"), toDate: isoDate }),
  z.object({
    action: z.literal("inject"),
    eventId: z.enum(INJECTION_IDS, { error: "Choose an event from the list." }),
    /** "on" when the teacher ticked "inject it early, as a what-if" (an event before its historical date). */
    counterfactual: z.literal("on").optional(),
  }),
  z.object({
    action: z.literal("reassign"),
    seatId: z.string().min(1).max(64),
    role: z.enum(["procurator", "petitioner"]),
  }),
  z.object({ action: z.literal("removeSeat"), seatId: z.string().min(1).max(64) }),
  z.object({
    action: z.literal("message"),
    text: z
      .string({ error: "Write the message." })
      .transform((t) => t.trim())
      .pipe(
        z
          .string()
          .min(1, "Write the message.")
          .max(MESSAGE_MAX, `Keep the message to ${MESSAGE_MAX} characters: it must fit a phone's screen.`),
      ),
  }),
  z.object({
    action: z.literal("eyesUp"),
    on: z.preprocess((v) => (v === "yes" ? true : v === "no" ? false : v), z.boolean()),
  }),
  z.object({
    action: z.literal("lessonTimer"),
    /** minutes from now; 0 stops the timer */
    minutes: z.coerce
      .number({ error: "Give the minutes left in the lesson, from 1 to 180, or 0 to stop the timer." })
      .int("Give whole minutes.")
      .min(0, "Give the minutes left in the lesson, from 1 to 180, or 0 to stop the timer.")
      .max(180, "Give the minutes left in the lesson, from 1 to 180, or 0 to stop the timer."),
  }),
  z.object({ action: z.literal("renameSeat"), seatId: z.string().min(1).max(64), name: displayNameSchema }),
  z.object({
    action: z.literal("lockJoining"),
    /** from a form ("yes"/"no") or JSON (true/false) */
    locked: z.preprocess((v) => (v === "yes" ? true : v === "no" ? false : v), z.boolean()),
  }),
]);

/** What someone playing alone may ask of their own run's clock: the class's controls, and skipping to the next news. */
export const soloControlSchema = z.discriminatedUnion("action", [
  ...controlSchema.options,
  z.object({ action: z.literal("skipAhead") }),
]);
export type ControlInput = z.infer<typeof controlSchema>;

/**
 * Whether a value can be a run's id (Prisma's cuid: letters and digits). Ids
 * arrive from URLs and action arguments; anything else is no run, refused
 * before it reaches the database (PostgreSQL rejects a NUL in text outright).
 */
export function isRunId(value: unknown): value is string {
  return typeof value === "string" && /^[A-Za-z0-9_-]{1,64}$/.test(value);
}
