/**
 * What each API route takes and answers, in one place for the server that
 * writes the JSON and the browser that reads it. Types only: importing this
 * file brings no server code into a client bundle.
 *
 * Every JSON answer is a Result (lib/failure.ts): `{ ok: true, …fields }`, or
 * `{ ok: false, error: { code, message, fieldErrors? } }` with the status the
 * code maps to.
 */
import type { z } from "zod";
import type { Result } from "./failure";
import type { SeatRole } from "./runs/deal-cases";
import type {
  actSchema,
  controlSchema,
  createRunSchema,
  joinSchema,
  rejoinSchema,
  soloControlSchema,
} from "./runs/validation";
import type { CaseView, ClockView, LetterView, ProtocolView, SeatView } from "./runs/seat-view/views";

// ---------------------------------------------------------------- POST /api/join

/** Take a new seat with the class code and a display name; `requestId` makes a resent form harmless. */
export type JoinRequest = z.input<typeof joinSchema>;
/** Return to a seat with its rejoin code; `takeOver` moves it from a browser that still has it open. */
export type RejoinRequest = z.input<typeof rejoinSchema>;
/** Either way, the seat cookie comes with the answer and `url` is the seat's page. */
export type JoinResponse = Result<{
  runId: string;
  seatId: string;
  url: string;
  /** a new seat only: its number, role and the rejoin code to write down */
  number?: number;
  role?: SeatRole;
  rejoinCode?: string;
}>;

// ---------------------------------------------------------------- POST /api/runs

export type CreateRunRequest = z.input<typeof createRunSchema>;
/** 201 on success. */
export type CreateRunResponse = Result<{ runId: string; joinCode: string }>;

// ---------------------------------------------------------------- POST /api/runs/[id]/act

export type ActRequest = z.input<typeof actSchema>;
export type ActSuccess = {
  case: CaseView;
  clock: ClockView;
  /** a petitioner's letter, as it is kept */
  letter?: LetterView;
  /** a procurator's hours left today, over the whole desk */
  hoursLeft?: number;
  /** a procurator's decision, as the commission's protocol */
  protocol?: ProtocolView;
};
/** A refusal may still carry the case as it stands now, when the student may see it. */
export type ActResponse = Result<ActSuccess, { case?: CaseView }>;

// ---------------------------------------------------------------- POST /api/runs/[id]/control, /solo

/** The run's owner: start, pause, resume, speed, jump, end, archive, delete, inject, reassign. */
export type ControlRequest = z.input<typeof controlSchema>;
/** A self-guided player steers only their own run's clock. */
export type SoloControlRequest = Extract<
  z.input<typeof soloControlSchema>,
  { action: "pause" | "resume" | "setSpeed" | "jump" | "skipAhead" | "end" }
>;
export type ControlResponse = Result;

// ---------------------------------------------------------------- POST /api/runs/[id]/share

/** The seat of an ended self-guided run makes or withdraws the read-only link to its debrief. */
export type { ShareRequest } from "@/lib/runs/seats/share-link";
/** The link's token (null once withdrawn); the page is /shared/<token>. */
export type ShareResponse = Result<{ token: string | null }>;

// ---------------------------------------------------------------- GET /api/runs/[id]/seat

export type SeatResponse = Result<SeatView & { letters: LetterView[]; protocols: ProtocolView[] }>;

// ---------------------------------------------------------------- GET /api/runs/[id]/export?format=csv|xes[&names=seats]

/** A file (text/csv or application/xml) on success; a refusal is JSON. */
export type ExportFailure = Extract<Result, { ok: false }>;

// ---------------------------------------------------------------- GET /api/runs/[id]/events (Server-Sent Events)

/** The run's figures changed: the owner's page fetches them again. */
export type InstructorUpdate = { version: number; at: number };

/**
 * What a live stream sends: one SSE event per message, named by `type`,
 * with `data` as its JSON. `at` is the real time (ms) the change was
 * committed, for measuring delivery lag. Before the stream opens, a refusal
 * is an ordinary JSON failure (403).
 */
export type LiveMessage =
  | { type: "clock"; data: ClockView }
  | { type: "seat"; data: SeatView & { at: number } }
  | { type: "run"; data: InstructorUpdate }
  /** The database stopped answering (reconnecting) or answers again (live): the page shows it. */
  | { type: "status"; data: { state: "reconnecting"; message: string } | { state: "live" } }
  /** The stream ends: the seat moved to another browser, or the run is gone. */
  | { type: "closed"; data: { reason: "movedAway" | "removed" | "deleted"; message: string } };

export type LiveMessageType = LiveMessage["type"];
export type LiveData<K extends LiveMessageType> = Extract<LiveMessage, { type: K }>["data"];
