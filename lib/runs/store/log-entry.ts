import { z } from "zod";
import { effectSchema } from "@/lib/sim/scenario-schema";
import { caseEventSchema } from "@/machines/case-event-schema";
import { ADDRESSEES, CARRIERS, GROUNDS } from "@/machines/vocabulary";
import { RECLASSIFY_TO } from "@/lib/desk/decisions";
import { issuesText, seatRoleSchema, StoredDataError } from "./stored-rows";

/*
 * The run's event log (RunEvent rows, ADR 0008): one schema per entry type.
 * Writers get a type per entry (`NewLogEntry`), the store checks each entry
 * against its schema before writing it, and every reader parses the rows it
 * reads (`parseLogEntry`), so no one casts a payload. An entry that does not
 * fit is an error naming the entry, never skipped: replays must rebuild the
 * same world.
 */

const caseIndex = z.number().int().nonnegative();
const hours = z.number().nonnegative();
const seatNumber = z.number().int().positive();
const empty = z.strictObject({});

/** An entry about one case of the world (caseIndex is that case). */
const onCase = <T extends string, P extends z.ZodType>(type: T, payload: P) =>
  z.strictObject({ type: z.literal(type), caseIndex, payload });
/** An entry about the run as a whole (no case). */
const onRun = <T extends string, P extends z.ZodType>(type: T, payload: P) =>
  z.strictObject({ type: z.literal(type), caseIndex: z.null(), payload });

const logVariantSchema = z.discriminatedUnion("type", [
  // The instructor's clock (machines/run.machine.ts); "system" pauses after a restart and ends at the horizon.
  onRun("run.start", empty),
  onRun("run.pause", z.strictObject({ reason: z.literal("restart").optional() })),
  onRun("run.resume", empty),
  onRun("run.setSpeed", z.strictObject({ speed: z.number().positive() })),
  onRun("run.advance", z.strictObject({ fromDay: z.number().nonnegative(), toDay: z.number().nonnegative() })),
  /** An injected event with the effects it had when injected (lib/runs/injections.ts). */
  onRun(
    "run.inject",
    z.strictObject({
      id: z.string().min(1),
      effects: z.array(effectSchema),
      /** Injected before its historical date: a what-if, labelled so wherever it shows. */
      counterfactual: z.literal(true).optional(),
    }),
  ),
  onRun("run.end", z.strictObject({ reason: z.literal("horizon").optional() })),
  onRun("run.archive", empty),
  // Seats: joined, taken back with the rejoin code, switched role in the lobby, dealt their cases.
  onRun("seat.join", z.strictObject({ number: seatNumber, role: seatRoleSchema })),
  onRun("seat.rejoin", z.strictObject({ takeOver: z.boolean() })),
  onRun("seat.reassign", z.strictObject({ number: seatNumber, role: seatRoleSchema })),
  /** The teacher removed a seat: the parts of cases it played go back to the computer (World.releaseSeat). */
  onRun("seat.remove", z.strictObject({ number: seatNumber, cases: z.array(z.tuple([caseIndex, seatRoleSchema])) })),
  /** The teacher renamed a seat: the log keeps both names. */
  onRun("seat.rename", z.strictObject({ number: seatNumber, from: z.string(), to: z.string() })),
  /** The teacher's message to every seat, as sent. */
  onRun("run.message", z.strictObject({ text: z.string() })),
  /** "Eyes up": students' screens covered (on) or released. */
  onRun("run.eyesUp", z.strictObject({ on: z.boolean() })),
  /** The lesson timer: when the lesson ends (an ISO instant), or null once stopped. */
  onRun("run.lessonTimer", z.strictObject({ endsAt: z.string().nullable() })),
  /** The teacher closed or opened joining (rejoin codes always work). */
  onRun("run.joining", z.strictObject({ locked: z.boolean() })),
  onRun("seats.deal", z.strictObject({ cases: z.array(z.tuple([caseIndex, seatRoleSchema])) })),
  /** Complaints about student procurators' cases already registered when the commission sat (World.registerEarlierComplaint). */
  onRun("district.backlog", z.strictObject({ cases: z.array(caseIndex) })),
  /** Files made ready for review before the commission sat, one on a solo procurator's desk (World.prepareEarlierFile). */
  onRun("district.prepared", z.strictObject({ cases: z.array(caseIndex) })),
  /** "The computer helps": a computer desk decides a district file left this long at review (World.letComputerHelp). */
  onRun("district.help", z.strictObject({ afterDays: z.number().int().nonnegative() })),
  /**
   * A seat's action through the case machine. petition: a letter's grounds and
   * carrier (lib/sim/petitions.ts), letter: the letter's text is stored (Letter);
   * hours: a procurator's desk time, justification: their written grounds;
   * toArticle, newTermYears: a reclassification's or reduction's details.
   */
  onCase(
    "case.act",
    z.strictObject({
      event: caseEventSchema,
      petition: z.strictObject({ grounds: z.enum(GROUNDS), carrier: z.enum(CARRIERS) }).optional(),
      letter: z.literal(true).optional(),
      hours: hours.optional(),
      justification: z.string().optional(),
      toArticle: z.enum(RECLASSIFY_TO).optional(),
      newTermYears: z.number().positive().optional(),
    }),
  ),
  /** A letter the case machine could not take: kept in the seat's story only (World.noteLetter). */
  onCase(
    "letter.write",
    z.strictObject({ addressee: z.enum(ADDRESSEES), grounds: z.enum(GROUNDS), carrier: z.enum(CARRIERS) }),
  ),
  /**
   * The 1945 camp (a run of an amnesty scenario, ADR 0024): a records clerk
   * checks a prisoner's release file, thoroughly or hurried; a seated
   * prisoner signs the determination. caseIndex is the prisoner.
   */
  onCase("amnesty.check", z.strictObject({ seat: seatNumber, thorough: z.boolean() })),
  onCase("amnesty.sign", z.strictObject({ seat: seatNumber })),
  /** A procurator's desk work outside the case machine: reading the file or a classmate's letter, asking the deputy, writing for the list. */
  onCase(
    "desk.work",
    z.strictObject({
      hours,
      read: z.literal(true).optional(),
      letter: z.literal(true).optional(),
      deputy: z.literal(true).optional(),
      list: z.literal(true).optional(),
    }),
  ),
]);

/** What an entry says: its type, its case (null for the run's own entries) and its payload. */
export type LogVariant = z.infer<typeof logVariantSchema>;
export type LogEntryType = LogVariant["type"];
export type LogPayload<T extends LogEntryType> = Extract<LogVariant, { type: T }>["payload"];

export const LOG_ENTRY_TYPES: readonly LogEntryType[] = logVariantSchema.options.map((o) => o.shape.type.value);
const KNOWN_TYPES: ReadonlySet<string> = new Set(LOG_ENTRY_TYPES);

/** Where and when an entry stands in the log (the columns of a RunEvent row besides what it says). */
type Stored = { id: number; seq: number; simDay: number; at: Date; actor: string; requestId: string | null };

/** One entry of a run's log as read back and parsed. */
export type LogEntry = LogVariant & Stored;

/** An entry as a writer gives it to the store: the run's own entries may leave out their (null) case. */
export type NewLogEntry = Writable<LogVariant> & { actor: string; requestId?: string | null };
type Writable<V> = V extends { caseIndex: null } ? Omit<V, "caseIndex"> & { caseIndex?: null } : V;

/** An entry checked against its schema and ready to store. */
export type StorableLogEntry = LogVariant & { actor: string; requestId: string | null };

/** The columns a reader must select to parse a row (any others it selects are kept as they are). */
type StoredRow = { id: number; type: string; caseIndex: number | null; payload: string };

/**
 * Parses a RunEvent row into the union. Throws StoredDataError naming the
 * entry (id, type, run) if its payload is not JSON or does not fit its type.
 */
export function parseLogEntry<R extends StoredRow>(row: R): Omit<R, keyof StoredRow> & { id: number } & LogVariant {
  const { id, type, caseIndex: index, payload, ...rest } = row;
  const where = () => {
    const run = "runId" in row ? ` of run ${String(row.runId)}` : "";
    return `Log entry ${id} ("${type}")${run}`;
  };
  if (!KNOWN_TYPES.has(type)) {
    throw new StoredDataError(`${where()} is of a type this version of Spravka does not know.`);
  }
  let data: unknown;
  try {
    data = JSON.parse(payload);
  } catch {
    throw new StoredDataError(`${where()} has a payload that is not JSON: ${payload.slice(0, 80)}`);
  }
  const parsed = logVariantSchema.safeParse({ type, caseIndex: index, payload: data });
  if (!parsed.success) throw new StoredDataError(`${where()} does not fit its type: ${issuesText(parsed.error)}.`);
  return { ...rest, id, ...parsed.data };
}

/**
 * Checks an entry against its schema before it is written, so the log only
 * ever holds what `parseLogEntry` reads back. A misfit here is a bug in the
 * writer: it throws before anything is stored.
 */
export function checkLogEntry(entry: {
  type: string;
  actor: string;
  caseIndex?: number | null;
  payload: unknown;
  requestId?: string | null;
}): StorableLogEntry {
  const parsed = logVariantSchema.safeParse({
    type: entry.type,
    caseIndex: entry.caseIndex ?? null,
    payload: entry.payload,
  });
  if (!parsed.success) {
    throw new Error(`Refusing to log a "${entry.type}" entry that does not fit its type: ${issuesText(parsed.error)}.`);
  }
  return { ...parsed.data, actor: entry.actor, requestId: entry.requestId ?? null };
}
