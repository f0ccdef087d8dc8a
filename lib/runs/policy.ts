/**
 * The classroom's limits in one place. None of these is a
 * historical claim: they are choices about how a lesson runs.
 */

/** No 0/O, 1/I/L, 2/Z, 5/S, 8/B: read off a projector and typed on a phone without mix-ups. */
export const CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679";
/** 25^6 ≈ 244 million codes: with the join rate limit, guessing one is hopeless. */
export const JOIN_CODE_LENGTH = 6;
/** 25^8 ≈ 1.5 × 10^11, shown as XXXX-XXXX. */
export const REJOIN_CODE_LENGTH = 8;

export const DISPLAY_NAME_MAX = 40;
/** A teacher's message to every screen: a sentence or two, readable on a phone at a glance. */
export const MESSAGE_MAX = 200;
/** The countdown warns the class this long before the lesson ends. */
export const LESSON_WARNING_MS = 5 * 60 * 1000;
export const TITLE_MAX = 100;
/**
 * A lecture hall of 1,000: the most one run was load-tested with, on a
 * 2-core server with SQLite (README, Load test). The scenario's caseload may
 * set a lower cap (seatsFit in lib/runs/deal-cases.ts).
 */
export const MAX_SEATS = 1000;
/**
 * What the run-creation form and its refusals tell a teacher about MAX_SEATS,
 * in their words: what the load test showed on a small server (README, Load
 * test), so a teacher can plan a large room.
 */
export const MAX_SEATS_TESTED =
  `Tested on a small school server: ${MAX_SEATS.toLocaleString("en")} students in one class all joined and played without errors, ` +
  "and actions were answered within a fifth of a second in every test we ran; " +
  "a class of 200 sees answers at once.";

/** The clock moves in steps of one real second: at most one advance per run per second. */
export const TICK_MS = 1000;
/** How often the live stream looks for news (the clock, other instances' changes). */
export const POLL_MS = 400;
/** A seat whose browser was seen this recently is "open elsewhere" for a second browser. */
export const SEAT_HELD_FOR_MS = 30_000;
/** How often an open stream tells the database its seat is still held. */
export const SEEN_EVERY_MS = 10_000;
/**
 * Write a checkpoint of the world after this many logged events (and always
 * on start, pause, a jump and the end)…
 */
export const CHECKPOINT_EVERY = 100;
/**
 * …but at most once in this long, per run and process. A lecture hall logs
 * a hundred events every two seconds, and each save serialises the whole
 * world (hundreds of kilobytes, tens of milliseconds) while the run's
 * requests wait; a restart then replays at most this much of the log.
 */
export const CHECKPOINT_MIN_GAP_MS = 30_000;

/**
 * Guessing class and rejoin codes is slowed, never locked out (ADR 0019,
 * lib/attempt-lanes.ts). Budgets of wrong codes per ten minutes; past one,
 * each further wrong code holds its address's lane for JOIN_SLOWDOWN_MS.
 * Codes are long enough that the slowed rate makes guessing hopeless: past
 * the budget, 300 guesses per address per ten minutes (one per
 * JOIN_SLOWDOWN_MS), against 244 million class codes.
 */
export const JOIN_WINDOW_MS = 10 * 60 * 1000;
/**
 * A lecture hall of MAX_SEATS behind one school address, each mistyping the
 * code once, stays under it. Being over it never locks anyone out, only slows
 * the address's wrong codes; and the budget adds to a guesser's odds only
 * MAX_SEATS guesses per ten minutes in 244 million.
 */
export const WRONG_CODES_PER_ADDRESS = MAX_SEATS;
/** Wrong rejoin codes tried against one run, from anywhere: a class's own slips stay under it (25^8 codes). */
export const WRONG_REJOIN_CODES_PER_RUN = MAX_SEATS;
/**
 * Wrong codes from all addresses together. Each address counts only up to its
 * own budget, so no single client can fill this: it takes twenty busy ones.
 */
export const WRONG_CODES_EVERYWHERE = 20 * WRONG_CODES_PER_ADDRESS;
/** The hold after each wrong code once a budget is spent. */
export const JOIN_SLOWDOWN_MS = 2000;
/**
 * Join attempts that may wait in one address's lane: a whole lecture hall
 * joining at once, twice over (a waiting attempt costs a few hundred bytes).
 */
export const JOIN_ATTEMPTS_WAITING_PER_ADDRESS = 2 * MAX_SEATS;

export const SEAT_COOKIE = "spravka_seat";

/** Larger scenarios (the national one) are for the lab and the CLI: a class run keeps its world in memory. */
export const MAX_RUN_CASES = 10_000;

/** A petitioner's letter: long enough for a page of typescript, short enough to read in class. */
export const LETTER_MAX = 2000;

/** A game rule (not a historical one): letters a petitioner may send about one case in seven simulated days… */
export const LETTERS_PER_WEEK = 2;
/** …and in all (the case machine takes up to SEATED_LETTERS from a student: lib/sim/world/seats.ts). */
export const LETTERS_PER_CASE = 30;

/**
 * Self-guided runs need no account, so nothing but a limit stops one client
 * from filling the database with them. A class told "everyone start a run
 * on your own" behind one school address starts about 30 in a few minutes,
 * and a pupil may restart once or twice: 60 per address per window leaves a
 * whole class room for that. Addresses can be forged where no proxy vouches
 * for them (lib/auth/client-address.ts), so the whole server also takes at
 * most ten such classes' worth per window; past that, starts wait a few minutes.
 */
export const SOLO_WINDOW_MS = 10 * 60 * 1000;
export const MAX_SOLO_STARTS_PER_ADDRESS = 60;
export const MAX_SOLO_STARTS_EVERYWHERE = 600;
/**
 * Self-guided runs kept at most. The retention period deletes runs nobody
 * has played for months, but a flood within the limits above could still
 * store 3,600 an hour until then; past this cap, starting one deletes the
 * least recently played. It is well above an hour's worth of starts, so
 * runs played within SOLO_EVICT_IDLE_MS are never the ones to go.
 */
export const MAX_SOLO_RUNS = 10_000;
/** A self-guided run played this recently is never deleted to make room (see MAX_SOLO_RUNS). */
export const SOLO_EVICT_IDLE_MS = 60 * 60 * 1000;

/**
 * The paces someone playing alone can choose, in simulated days per real
 * minute. A first run starts slow enough to read everything (a three-minute
 * letter costs three weeks, not three months); "skip ahead" covers the quiet
 * stretches. Not historical: a choice about reading speed.
 */
export const SOLO_PACES = [
  {
    daysPerMinute: 7,
    name: "A week a minute",
    means: "Time to read everything and write calmly. Skip ahead when nothing is happening.",
  },
  {
    daysPerMinute: 14,
    name: "Two weeks a minute",
    means: "For a second run: reading still fits, but a long letter costs a few weeks.",
  },
  {
    daysPerMinute: 30,
    name: "A month a minute",
    means: "The whole review in a quarter of an hour or so. Pause to write: a three-minute letter costs three months.",
  },
  {
    daysPerMinute: 60,
    name: "Two months a minute",
    means: "To watch the machine run. Letters and files go by faster than anyone reads them.",
  },
] as const;
/** A pace offered once a run is under way, to watch the machine run to its end. */
export const SOLO_WATCHING_PACE = { daysPerMinute: 120, name: "Four months a minute" } as const;
/**
 * "Skip ahead until something happens" moves the clock at most this far: a
 * letter that vanished brings no news at all, and the player must not learn
 * that from the clock leaping to the end, only feel the wait.
 */
export const SKIP_AHEAD_MAX_DAYS = 90;
/** A first run's pace: slow enough to read (SOLO_PACES). */
export const FIRST_SOLO_PACE = 7;
