/**
 * `npm run loadtest -- --url <base> --students <n> --duration <s> [--json]`:
 * a class of virtual students against a running server, over plain HTTP as
 * browsers would. It signs in an instructor, creates a run, joins the
 * students, starts the clock; each student then holds the run's live stream
 * open and, every few seconds, reads their desk and acts on one of its cases.
 * At the end it ends the run and reports joins, actions and their outcomes,
 * errors, request latency (p50/p95/p99) and live-stream delivery lag against
 * the target: 200 students, p95 action latency ≤ 200 ms (judged on the act
 * requests), stream lag p95 ≤ 1 s, no errors. Figures only: the exit code is
 * 0 whether or not the targets are met (1 when the test could not run, 2 for
 * bad options).
 *
 * With --json the human report goes to stderr and the last line of stdout is
 * one JSON object: { students, joins, actions, errors, latencyMs: { p50, p95,
 * p99 }, sseLagMs: { p50, p95 }, studentDecisionShare,
 * lettersReachedCommission, lettersToStudentDesks }, where latencyMs covers
 * every timed request (joins, desk reads and acts together), and the last
 * three say how much of the district's work the class did (read from the
 * run's event log once it has ended: lib/runs/exports/district-figures.ts).
 *
 * Stream lag is the arrival time of a clock or desk message minus the `at`
 * the server stamps on it (when the change was committed), so it is only
 * meaningful when this script and the server share a clock: run both on the
 * same machine.
 */
import { fork } from "node:child_process";
import { randomUUID } from "node:crypto";
import http from "node:http";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import type { SeatAction } from "@/lib/runs/validation";
import type { CaseView } from "@/lib/runs/seat-view/views";
import { ADDRESSEES, GROUNDS } from "@/machines/vocabulary";
import type { ClockView, SeatView } from "@/lib/runs/seat-view/views";
import { optionsOrExitCode, parseLoadtestArgs, USAGE, type LoadtestOptions } from "./loadtest-args";
import Papa from "papaparse";
import { districtFigures, type DistrictFigures } from "@/lib/runs/exports/district-figures";
import type { LogRow } from "@/lib/runs/exports/exports";
import {
  Browser,
  closeBrowsers,
  control,
  createRun,
  createThrowawayInstructor,
  describe,
  errorText,
  failureOf,
  type Instructor,
  libFor,
  parseJson,
  REQUEST_TIMEOUT_MS,
  requestsResent,
  send,
  signIn,
} from "./virtual-class";

const TARGET = { students: 200, p95Ms: 200, lagP95Ms: 1000, studentDecisionShare: 0.9 } as const;
const JOIN_BATCH = 20;
/** What the server asks browsers to wait before reconnecting a stream (`retry:`), until it says otherwise. */
const DEFAULT_RETRY_MS = 2000;
const PROGRESS_EVERY_MS = 5000;
const WINDOW_MS = 10_000;

// ───────────────────────────── output ─────────────────────────────

let reportTo: NodeJS.WriteStream = process.stdout;
const say = (line = "") => reportTo.write(`${line}\n`);

// ───────────────────────────── figures ─────────────────────────────

/** Linear-interpolated percentile of sorted samples (0 when there are none). */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (rank - lo);
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const sortedCopy = (xs: readonly number[]) => [...xs].sort((a, b) => a - b);

function summary(xs: readonly number[]) {
  const s = sortedCopy(xs);
  return {
    n: s.length,
    p50: round1(percentile(s, 50)),
    p95: round1(percentile(s, 95)),
    p99: round1(percentile(s, 99)),
    max: round1(s.at(-1) ?? 0),
  };
}

type Outcome = "ok" | "conflict" | "refused" | "notLive" | "replayed";

class Stats {
  readonly joinMs: number[] = [];
  readonly readMs: number[] = [];
  readonly actMs: number[] = [];
  readonly lagMs: number[] = [];
  /** the same samples by when they were taken (WINDOW_MS slices since play began), to tell warm-up from steady state */
  readonly windows: { read: number[]; act: number[]; lag: number[] }[] = [];
  playStart = 0;
  /** keep-alive resends counted in worker processes (this process's own are in requestsResent()) */
  resentByWorkers = 0;
  joins = 0;
  reads = 0;
  actions = 0;
  readonly outcomes: Record<Outcome, number> = { ok: 0, conflict: 0, refused: 0, notLive: 0, replayed: 0 };
  errors = 0;
  readonly errorMessages = new Map<string, number>();
  streamsOpen = 0;
  streamsOpened = 0;
  reconnects = 0;
  readonly messages = { clock: 0, seat: 0, other: 0 };
  /** the first clock and desk message of each connection: the state as it stood, not a change being delivered */
  snapshots = 0;
  /** the district: case labels seen on the virtual procurators' desks (the class is their commission) */
  readonly districtCases = new Set<string>();
  /** how much of the district's work the class did, from the run's event log once it has ended */
  district: DistrictFigures | null = null;

  sample(kind: "read" | "act" | "lag", value: number): void {
    (kind === "read" ? this.readMs : kind === "act" ? this.actMs : this.lagMs).push(value);
    if (this.playStart === 0) return; // before play: no window to put it in
    const k = Math.max(0, Math.floor((Date.now() - this.playStart) / WINDOW_MS));
    for (let i = this.windows.length; i <= k; i++) this.windows.push({ read: [], act: [], lag: [] });
    this.windows[k]![kind].push(value);
  }

  error(message: string): void {
    this.errors++;
    this.errorMessages.set(message, (this.errorMessages.get(message) ?? 0) + 1);
  }

  /** Everything measured, as plain data for a worker process to send its parent. */
  dump(): StatsDump {
    return {
      joinMs: this.joinMs,
      readMs: this.readMs,
      actMs: this.actMs,
      lagMs: this.lagMs,
      windows: this.windows,
      joins: this.joins,
      reads: this.reads,
      actions: this.actions,
      outcomes: this.outcomes,
      errors: this.errors,
      errorMessages: [...this.errorMessages],
      streamsOpened: this.streamsOpened,
      reconnects: this.reconnects,
      messages: this.messages,
      snapshots: this.snapshots,
      districtCases: [...this.districtCases],
      resetsRetried: requestsResent(),
    };
  }

  /** Adds a worker's figures to these (the parent's, which measured nothing itself). */
  absorb(d: StatsDump): void {
    this.joinMs.push(...d.joinMs);
    this.readMs.push(...d.readMs);
    this.actMs.push(...d.actMs);
    this.lagMs.push(...d.lagMs);
    d.windows.forEach((w, k) => {
      for (let i = this.windows.length; i <= k; i++) this.windows.push({ read: [], act: [], lag: [] });
      this.windows[k]!.read.push(...w.read);
      this.windows[k]!.act.push(...w.act);
      this.windows[k]!.lag.push(...w.lag);
    });
    this.joins += d.joins;
    this.reads += d.reads;
    this.actions += d.actions;
    for (const key of Object.keys(this.outcomes) as Outcome[]) this.outcomes[key] += d.outcomes[key];
    this.errors += d.errors;
    for (const [message, count] of d.errorMessages) {
      this.errorMessages.set(message, (this.errorMessages.get(message) ?? 0) + count);
    }
    this.streamsOpened += d.streamsOpened;
    this.reconnects += d.reconnects;
    this.messages.clock += d.messages.clock;
    this.messages.seat += d.messages.seat;
    this.messages.other += d.messages.other;
    this.snapshots += d.snapshots;
    for (const label of d.districtCases) this.districtCases.add(label);
    this.resentByWorkers += d.resetsRetried;
  }
}

type StatsDump = {
  joinMs: number[];
  readMs: number[];
  actMs: number[];
  lagMs: number[];
  windows: { read: number[]; act: number[]; lag: number[] }[];
  joins: number;
  reads: number;
  actions: number;
  outcomes: Record<Outcome, number>;
  errors: number;
  errorMessages: [string, number][];
  streamsOpened: number;
  reconnects: number;
  messages: { clock: number; seat: number; other: number };
  snapshots: number;
  districtCases: string[];
  resetsRetried: number;
};

// ───────────────────────────── students ─────────────────────────────

type Student = { number: number; name: string; browser: Browser; role: string; stream: LiveStream | null };

async function join(base: string, joinCode: string, index: number, stats: Stats): Promise<Student | null> {
  const browser = new Browser();
  const name = `Student ${index + 1}`;
  try {
    const reply = await send("POST", new URL(`${base}/api/join`), browser, {
      json: { code: joinCode, name, requestId: randomUUID() },
    });
    stats.joinMs.push(reply.ms);
    const body = parseJson(reply.text);
    if (reply.status !== 200 || body?.ok !== true) {
      stats.error(`join: ${describe(reply)}`);
      return null;
    }
    if (!browser.cookieHeader()) {
      stats.error("join: no seat cookie in the answer");
      return null;
    }
    stats.joins++;
    return { number: Number(body.number), name, browser, role: String(body.role), stream: null };
  } catch (error) {
    stats.error(`join: ${errorText(error)}`);
    return null;
  }
}

/**
 * One student's live stream (GET /events), parsed by hand. A stream that
 * drops is reconnected after the server's `retry:` delay and counted as a
 * reconnect; a reconnect that fails is an error (and is tried again).
 */
class LiveStream {
  private stopped = false;
  private req: http.ClientRequest | null = null;
  private retryMs = DEFAULT_RETRY_MS;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly url: URL,
    private readonly browser: Browser,
    private readonly stats: Stats,
  ) {}

  start(): void {
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.req?.destroy();
  }

  private connect(): void {
    if (this.stopped) return;
    const lib = libFor(this.url);
    const headers: Record<string, string> = { accept: "text/event-stream", "cache-control": "no-store" };
    const cookie = this.browser.cookieHeader();
    if (cookie) headers.cookie = cookie;
    const req = lib.request(this.url, { method: "GET", agent: false, headers });
    this.req = req;
    let opened = false;
    let over = false;
    const connectTimer = setTimeout(
      () => req.destroy(new Error(`the stream did not answer within ${REQUEST_TIMEOUT_MS / 1000} s`)),
      REQUEST_TIMEOUT_MS,
    );
    const finish = (failure: string | null) => {
      if (over) return;
      over = true;
      clearTimeout(connectTimer);
      if (opened) this.stats.streamsOpen--;
      if (this.stopped) return;
      if (failure !== null) this.stats.error(failure);
      else this.stats.reconnects++;
      this.timer = setTimeout(() => this.connect(), this.retryMs);
    };
    req.on("response", (res) => {
      clearTimeout(connectTimer);
      const type = String(res.headers["content-type"] ?? "");
      if (res.statusCode !== 200 || !type.startsWith("text/event-stream")) {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          finish(`events: ${describe({ status: res.statusCode ?? 0, headers: res.headers, text })}`);
        });
        res.on("error", (error) => finish(`events: ${errorText(error)}`));
        return;
      }
      opened = true;
      this.stats.streamsOpen++;
      this.stats.streamsOpened++;
      const firstOf = new Set<string>();
      let buffer = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        const receivedAt = Date.now();
        // Lines may end in CRLF, LF or CR; a CR at the very end may be the first half of a CRLF.
        buffer = (buffer + chunk).replace(/\r\n/g, "\n").replace(/\r(?!$)/g, "\n");
        let end: number;
        while ((end = buffer.indexOf("\n\n")) !== -1) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          this.dispatch(block, receivedAt, firstOf);
        }
      });
      // A dropped stream is a reconnect, not an error; only a reconnect that fails counts as one.
      res.on("end", () => finish(null));
      res.on("close", () => finish(null));
      res.on("error", () => finish(null));
    });
    req.on("error", (error) => finish(opened ? null : `events: ${errorText(error)}`));
    req.end();
  }

  private dispatch(block: string, receivedAt: number, firstOf: Set<string>): void {
    let event = "message";
    const data: string[] = [];
    for (const line of block.split("\n")) {
      if (line === "" || line.startsWith(":")) continue;
      const colon = line.indexOf(":");
      const field = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? "" : line.slice(colon + 1).replace(/^ /, "");
      if (field === "event") event = value;
      else if (field === "data") data.push(value);
      else if (field === "retry" && /^\d+$/.test(value)) this.retryMs = Number(value);
    }
    if (data.length === 0) return;
    const text = data.join("\n");
    if (event === "clock" || event === "seat") {
      this.stats.messages[event]++;
      // Only the stamp is needed: reading it off the end spares parsing a whole desk per message,
      // which for a large class would delay the very messages being timed.
      const stamp = STAMP_AT_END.exec(text);
      const at = stamp ? Number(stamp[1]) : (parseJson(text) as Partial<ClockView> | null)?.at;
      if (typeof at !== "number") {
        this.stats.error(`events: a ${event} message without "at"`);
        return;
      }
      if (!firstOf.has(event)) {
        firstOf.add(event);
        this.stats.snapshots++;
        return;
      }
      this.stats.sample("lag", receivedAt - at);
    } else if (event === "closed") {
      this.stats.messages.other++;
      const payload = parseJson(text);
      const reason = typeof payload?.reason === "string" ? payload.reason : "unknown";
      this.stats.error(`events: the server closed the stream (${reason})`);
      this.stopped = true;
    } else {
      this.stats.messages.other++;
    }
  }
}

/** The server's commit stamp, the last field of a clock or desk message (`{ …, "at": 1765000000000 }`). */
const STAMP_AT_END = /"at":(\d+)\}$/;

/** Sleeps that Ctrl-C cuts short, so an early stop does not wait out every student's think time. */
const sleepers = new Set<() => void>();

/** How long to wait for every student's live stream to open before the teacher starts the run. */
const LOBBY_WAIT_MS = 30_000;

const LETTER =
  "I was sentenced under article 58 for words said among friends. I ask that my case be reviewed under the decree of 19 May 1954.";

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => {
    const wake = () => {
      clearTimeout(timer);
      sleepers.delete(wake);
      resolve();
    };
    const timer = setTimeout(wake, Math.max(0, ms));
    sleepers.add(wake);
  });
}

/**
 * How long a petitioner takes to write a letter, as a multiple of the think
 * time: they read their desk meanwhile (a letter is not dashed off every few
 * seconds; the server's pace rule is tested on its own).
 */
const COMPOSE_THINKS = 10;

/**
 * What a desk offers on a case, as its student sees it (the desk's own
 * verdicts: lib/desk/available-actions.ts): a procurator's decisions, else
 * the file work it allows now; a petitioner's letter (once written, and the
 * game's pace allows it) or spravka request.
 */
function offered(c: CaseView, letterReady: boolean): SeatAction[] {
  const out: SeatAction[] = [];
  if (Array.isArray(c.actions) && c.actions.length > 0) {
    return c.actions.map((a) => ({ ...a, justification: "The file shows no evidence beyond the confession." }));
  }
  for (const work of c.file?.work ?? []) if (work.bar === null) out.push({ type: work.type });
  if (c.petition?.spravkaFrom) out.push({ type: "spravka.request" });
  if (c.petition?.canWrite && c.petition.letterBar === null && letterReady) {
    out.push({
      type: "complaint.file",
      addressee: pick(ADDRESSEES),
      grounds: pick(GROUNDS),
      carrier: "self",
      ask: "release",
    });
  }
  return out;
}

function pick<T>(items: readonly T[]): T {
  return items[Math.floor(Math.random() * items.length)]!;
}

const ACT_OUTCOMES: Record<number, readonly Outcome[]> = { 409: ["conflict", "notLive", "replayed"], 422: ["refused"] };

/** Reads the desk, then acts on a random case that offers something, until the deadline. */
async function play(
  base: string,
  runId: string,
  student: Student,
  options: LoadtestOptions,
  stats: Stats,
  deadline: () => number,
): Promise<void> {
  const seatUrl = new URL(`${base}/api/runs/${runId}/seat`);
  const actUrl = new URL(`${base}/api/runs/${runId}/act`);
  await sleep(Math.min(Math.random() * options.thinkMs, deadline() - Date.now()));
  const composing = () => Date.now() + options.thinkMs * COMPOSE_THINKS * (0.5 + Math.random());
  // Some letters are ready at the start, the rest a while later.
  let letterAt = Date.now() + Math.random() * options.thinkMs * COMPOSE_THINKS;
  while (Date.now() < deadline()) {
    let view: SeatView | null = null;
    try {
      const reply = await send("GET", seatUrl, student.browser);
      stats.sample("read", reply.ms);
      stats.reads++;
      if (reply.status === 200) view = parseJson(reply.text) as SeatView | null;
      else stats.error(`seat: ${describe(reply)}`);
      if (reply.status === 200 && !Array.isArray(view?.cases)) {
        stats.error("seat: the answer has no cases");
        view = null;
      } else if (view && view.seat?.role === "procurator" && view.seat.number === student.number) {
        for (const c of view.cases) stats.districtCases.add(c.label);
      }
      if (view && view.seat?.number !== student.number) {
        // Each browser must only ever see its own desk.
        stats.error(`seat: answered with seat ${view.seat?.number}'s desk instead of the student's own`);
        view = null;
      }
    } catch (error) {
      stats.error(`seat: ${errorText(error)}`);
    }
    const letterReady = Date.now() >= letterAt;
    const open = (view?.cases ?? []).filter((c) => offered(c, letterReady).length > 0);
    if (open.length > 0 && Date.now() < deadline()) {
      const chosen = pick(open);
      const action: SeatAction = pick(offered(chosen, letterReady));
      if (action.type === "complaint.file") letterAt = composing();
      stats.actions++;
      try {
        const reply = await send("POST", actUrl, student.browser, {
          json: {
            requestId: randomUUID(),
            caseIndex: chosen.index,
            expectedVersion: chosen.version,
            action,
            // A complaint is a letter in the petitioner's own words.
            ...(action.type === "complaint.file" ? { letter: LETTER } : {}),
          },
        });
        stats.sample("act", reply.ms);
        const reason = failureOf(reply.text)?.code;
        if (reply.status === 200) stats.outcomes.ok++;
        else if (ACT_OUTCOMES[reply.status]?.includes(reason as Outcome)) stats.outcomes[reason as Outcome]++;
        else stats.error(`act: ${describe(reply)}`);
      } catch (error) {
        stats.error(`act: ${errorText(error)}`);
      }
    }
    const think = options.thinkMs * (0.5 + Math.random());
    await sleep(Math.min(think, deadline() - Date.now()));
  }
}

// ───────────────────────────── the report ─────────────────────────────

type Result = {
  students: number;
  joins: number;
  actions: number;
  errors: number;
  latencyMs: { p50: number; p95: number; p99: number };
  sseLagMs: { p50: number; p95: number };
  /** decisions on the district's cases made by student seats, as a share (null: no decision in the district) */
  studentDecisionShare: number | null;
  /** students' letters that reached the commission, and of those the ones whose case sat on a student desk */
  lettersReachedCommission: number;
  lettersToStudentDesks: number;
};

const ms = (n: number) => `${n.toFixed(1)} ms`;

function report(
  options: LoadtestOptions,
  stats: Stats,
  run: { runId: string; joinCode: string } | null,
  actedForS: number,
): Result {
  const all = summary([...stats.joinMs, ...stats.readMs, ...stats.actMs]);
  const joins = summary(stats.joinMs);
  const reads = summary(stats.readMs);
  const acts = summary(stats.actMs);
  const lag = summary(stats.lagMs);
  const o = stats.outcomes;
  const result: Result = {
    students: options.students,
    joins: stats.joins,
    actions: stats.actions,
    errors: stats.errors,
    latencyMs: { p50: all.p50, p95: all.p95, p99: all.p99 },
    sseLagMs: { p50: lag.p50, p95: lag.p95 },
    studentDecisionShare: stats.district?.studentDecisionShare ?? null,
    lettersReachedCommission: stats.district?.lettersReachedCommission ?? 0,
    lettersToStudentDesks: stats.district?.lettersToStudentDesks ?? 0,
  };
  const dist = (s: ReturnType<typeof summary>) =>
    s.n === 0 ? "no samples" : `p50 ${ms(s.p50)}  p95 ${ms(s.p95)}  p99 ${ms(s.p99)}  max ${ms(s.max)}`;

  say();
  say(`Spravka load test: ${options.url}`);
  say(
    `  ${options.students} students (${options.procurators} procurators, ${options.students - options.procurators} petitioners), ` +
      `scenario ${options.scenario} at ${options.speed} days/min, think ${options.thinkMs} ms (a letter takes ~${COMPOSE_THINKS} thinks), ${Math.round(actedForS)} s of play` +
      (run ? `, run ${run.runId} (code ${run.joinCode})` : "") +
      (options.processes > 1 ? `, students shared among ${options.processes} load-generator processes` : ""),
  );
  say(`Joins         ${stats.joins}/${options.students}   ${dist(joins)}`);
  say(`Desk reads    ${stats.reads}   ${dist(reads)}`);
  say(
    `Actions       ${stats.actions} sent: ${o.ok} ok, ${o.conflict} conflict, ${o.refused} refused, ${o.notLive} not live, ${o.replayed} replayed   ${dist(acts)}`,
  );
  say(`All requests  ${all.n}   ${dist(all)}`);
  say(
    `Live streams  ${stats.streamsOpened} opened (${stats.reconnects} reconnects), ${stats.messages.clock} clock + ${stats.messages.seat} desk messages ` +
      `(${stats.snapshots} first-on-connect snapshots left out of the lag)`,
  );
  say(
    `Stream lag    ${lag.n} messages   ${lag.n === 0 ? "no samples" : `p50 ${ms(lag.p50)}  p95 ${ms(lag.p95)}  max ${ms(lag.max)}`}`,
  );
  say(
    "              (lag = arrival time − the server's commit time `at`; valid only because script and server share a clock, i.e. the same machine)",
  );
  const resent = requestsResent() + stats.resentByWorkers;
  if (resent > 0) say(`Note          ${resent} requests hit a keep-alive socket the server had closed and were resent`);
  say(`By ${WINDOW_MS / 1000} s of play (p95): reads | actions | stream lag`);
  stats.windows.forEach((w, k) => {
    const p95 = (xs: number[]) => (xs.length === 0 ? "—" : ms(round1(percentile(sortedCopy(xs), 95))));
    const from = (k * WINDOW_MS) / 1000;
    say(
      `  ${`${from}–${from + WINDOW_MS / 1000} s`.padEnd(11)} ${String(w.read.length).padStart(5)} reads ${p95(w.read).padStart(10)}` +
        ` | ${String(w.act.length).padStart(4)} acts ${p95(w.act).padStart(10)} | ${String(w.lag.length).padStart(5)} msgs ${p95(w.lag).padStart(9)}`,
    );
  });
  const d = stats.district;
  say(
    d
      ? `District      ${stats.districtCases.size} cases on student desks; students made ${d.studentDecisionShare === null ? "— (no decision yet)" : `${(d.studentDecisionShare * 100).toFixed(1)}%`} of its decisions; ` +
          `${d.lettersToStudentDesks} of ${d.lettersReachedCommission} student letters that reached the commission reached a student desk`
      : "District      not measured (the run's event log could not be read)",
  );
  say(`Errors        ${stats.errors}`);
  let shown = 0;
  for (const [message, count] of stats.errorMessages) {
    if (shown++ === 5) {
      say(`                … and ${stats.errorMessages.size - 5} other kinds`);
      break;
    }
    say(`                ${count} × ${message}`);
  }

  const checks: [string, boolean, string][] = [
    [
      `at least ${TARGET.students} students, every one joined`,
      options.students >= TARGET.students && stats.joins === options.students,
      `${stats.joins} of ${options.students}`,
    ],
    [
      `p95 action latency ≤ ${TARGET.p95Ms} ms`,
      acts.n > 0 && acts.p95 <= TARGET.p95Ms,
      `${acts.n === 0 ? "no actions" : ms(acts.p95)} (desk reads ${ms(reads.p95)}; all requests with joins ${ms(all.p95)})`,
    ],
    [
      `stream lag p95 ≤ ${TARGET.lagP95Ms / 1000} s`,
      lag.n > 0 && lag.p95 <= TARGET.lagP95Ms,
      lag.n === 0 ? "no messages" : ms(lag.p95),
    ],
    ["no errors", stats.errors === 0, String(stats.errors)],
  ];
  // The class is the commission: only judged when the class has procurators and something was decided.
  if (options.procurators > 0) {
    checks.push(
      [
        `student seats make ≥ ${TARGET.studentDecisionShare * 100}% of the district's decisions`,
        d !== null && d.studentDecisionShare !== null && d.studentDecisionShare >= TARGET.studentDecisionShare,
        d?.studentDecisionShare == null
          ? "no decision in the district"
          : `${(d.studentDecisionShare * 100).toFixed(1)}%`,
      ],
      [
        "every student letter that reached the commission reached a student desk",
        d !== null && d.lettersToStudentDesks === d.lettersReachedCommission,
        d === null ? "not measured" : `${d.lettersToStudentDesks} of ${d.lettersReachedCommission}`,
      ],
    );
  }
  say("Targets");
  for (const [label, met, actual] of checks) say(`  ${met ? "met   " : "MISSED"}  ${label}: ${actual}`);
  say(checks.every(([, met]) => met) ? "All targets met." : "Some targets were missed.");
  return result;
}

/** The district's figures from the run's event log (the teacher's CSV export), once the run has ended. */
async function measureDistrict(
  base: string,
  instructor: Instructor,
  runId: string,
  names: readonly string[],
  stats: Stats,
): Promise<DistrictFigures | null> {
  const reply = await send("GET", new URL(`${base}/api/runs/${runId}/export?format=csv`), instructor.browser);
  if (reply.status !== 200) {
    stats.error(`export: ${describe(reply)}`);
    return null;
  }
  const rows = Papa.parse<LogRow>(reply.text, { header: true, skipEmptyLines: true }).data;
  return districtFigures(rows, stats.districtCases, new Set(names));
}

// ───────────────────────────── main ─────────────────────────────

async function prepareRun(options: LoadtestOptions) {
  const throwaway = options.email === null || options.password === null;
  const account = throwaway
    ? await createThrowawayInstructor({ name: "Load test", emailPrefix: "loadtest" }, say)
    : { email: options.email!, password: options.password! };
  const instructor = await signIn(options.url, account.email, account.password, throwaway);
  say(`Signed in as ${account.email}.`);
  const title = `Load test ${new Date().toISOString().slice(0, 16).replace("T", " ")} (${options.students} students)`;
  const run = await createRun(options.url, instructor, { ...options, title });
  say(`Created run ${run.runId} (join code ${run.joinCode}).`);
  return { instructor, run };
}

/** Joins students `first`, `first + 1`, … (`count` of them), `batch` at a time, then opens their live streams. */
async function seatStudents(
  base: string,
  run: { runId: string; joinCode: string },
  first: number,
  count: number,
  batch: number,
  stats: Stats,
  stopped: () => boolean,
): Promise<Student[]> {
  const students: Student[] = [];
  for (let k = 0; k < count && !stopped(); k += batch) {
    const joins = Array.from({ length: Math.min(batch, count - k) }, (_, j) =>
      join(base, run.joinCode, first + k + j, stats),
    );
    for (const student of await Promise.all(joins)) if (student) students.push(student);
  }
  // As in a browser, joining lands on the seat page, which opens its live stream while the class waits in the lobby.
  const eventsUrl = new URL(`${base}/api/runs/${run.runId}/events`);
  for (const student of students) {
    student.stream = new LiveStream(eventsUrl, student.browser, stats);
    student.stream.start();
  }
  const lobbyUntil = Date.now() + LOBBY_WAIT_MS;
  while (stats.streamsOpen < students.length && Date.now() < lobbyUntil && !stopped()) await sleep(100);
  return students;
}

// ───────────────────────────── several processes ─────────────────────────────

/**
 * With --processes n, the parent signs in, creates the run, starts and ends
 * it and reports; n worker processes (this script again, forked) share the
 * students: each joins its slice, holds its streams, plays, and sends back
 * every sample it took, which the parent merges as if one process had taken
 * them. All run on the server's machine, so stream lag stays meaningful.
 */
const WORKER_ENV = "SPRAVKA_LOADTEST_WORKER";

type ToWorker =
  | {
      type: "seat";
      base: string;
      run: { runId: string; joinCode: string };
      first: number;
      count: number;
      batch: number;
    }
  | { type: "play"; options: LoadtestOptions; playStart: number; deadlineAt: number }
  | { type: "stop" };

type Progress = { reads: number; actions: number; errors: number; streamsOpen: number; messages: number };

type FromWorker =
  | { type: "seated"; joined: number; streamsOpen: number }
  | ({ type: "progress" } & Progress)
  | { type: "done"; stats: StatsDump; names: string[] };

const progressOf = (stats: Stats): Progress => ({
  reads: stats.reads,
  actions: stats.actions,
  errors: stats.errors,
  streamsOpen: stats.streamsOpen,
  messages: stats.messages.clock + stats.messages.seat,
});

type Worker = {
  seat: (message: Extract<ToWorker, { type: "seat" }>) => Promise<{ joined: number; streamsOpen: number }>;
  play: (message: Extract<ToWorker, { type: "play" }>) => Promise<{ stats: StatsDump; names: string[] }>;
  send: (message: ToWorker) => void;
  kill: () => void;
  progress: Progress;
};

/** Forks n workers (this script, under the same loader); one that dies early is an error, not a hang. */
function forkWorkers(n: number, stats: Stats): Worker[] {
  return Array.from({ length: n }, (_, k) => {
    const child = fork(fileURLToPath(import.meta.url), [], {
      execArgv: process.execArgv,
      env: { ...process.env, [WORKER_ENV]: "1" },
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    const waiting = new Map<string, (message: FromWorker) => void>();
    let finished = false;
    const worker: Worker = {
      progress: { reads: 0, actions: 0, errors: 0, streamsOpen: 0, messages: 0 },
      send: (message) => {
        if (child.connected) child.send(message);
      },
      kill: () => {
        if (child.exitCode === null) child.kill();
      },
      seat: (message) =>
        new Promise((resolve) => {
          waiting.set("seated", (m) => m.type === "seated" && resolve(m));
          worker.send(message);
        }),
      play: (message) =>
        new Promise((resolve) => {
          waiting.set("done", (m) => m.type === "done" && resolve(m));
          worker.send(message);
        }),
    };
    child.on("message", (message: FromWorker) => {
      if (message.type === "progress") worker.progress = message;
      else if (message.type === "done") finished = true;
      waiting.get(message.type)?.(message);
    });
    child.on("exit", (code) => {
      if (finished) return;
      stats.error(`load-generator process ${k + 1} stopped early (exit code ${code})`);
      // Nothing more will come from it: let the run go on without its students.
      waiting.get("seated")?.({ type: "seated", joined: 0, streamsOpen: 0 });
      waiting.get("done")?.({ type: "done", stats: new Stats().dump(), names: [] });
    });
    return worker;
  });
}

function sumProgress(all: readonly Progress[]): Progress {
  return all.reduce(
    (sum, p) => ({
      reads: sum.reads + p.reads,
      actions: sum.actions + p.actions,
      errors: sum.errors + p.errors,
      streamsOpen: sum.streamsOpen + p.streamsOpen,
      messages: sum.messages + p.messages,
    }),
    { reads: 0, actions: 0, errors: 0, streamsOpen: 0, messages: 0 },
  );
}

/** A worker: told what to do by its parent, over the fork's channel. */
function workerMain(): void {
  const stats = new Stats();
  const tell = (message: FromWorker) => process.send!(message);
  let students: Student[] = [];
  let seatedIn = "";
  let deadlineAt = Infinity;
  let stopRequested = false;
  const stop = () => {
    stopRequested = true;
    deadlineAt = Math.min(deadlineAt, Date.now());
    for (const wake of [...sleepers]) wake();
  };
  // Ctrl-C reaches the whole process group: the parent decides, via "stop".
  process.on("SIGINT", () => {});
  process.on("disconnect", () => process.exit(1));
  process.on("message", (message: ToWorker) => {
    if (message.type === "stop") stop();
    else if (message.type === "seat") {
      seatedIn = message.run.runId;
      void seatStudents(
        message.base,
        message.run,
        message.first,
        message.count,
        message.batch,
        stats,
        () => stopRequested,
      ).then((seated) => {
        students = seated;
        tell({ type: "seated", joined: seated.length, streamsOpen: stats.streamsOpen });
      });
    } else if (message.type === "play") {
      stats.playStart = message.playStart;
      deadlineAt = Math.min(deadlineAt, message.deadlineAt);
      const progress = setInterval(() => tell({ type: "progress", ...progressOf(stats) }), 1000);
      const { url, runId } = { url: message.options.url, runId: seatedIn };
      void Promise.all(
        students.map((student) => play(url, runId, student, message.options, stats, () => deadlineAt)),
      ).finally(() => {
        clearInterval(progress);
        for (const student of students) student.stream?.stop();
        closeBrowsers();
        process.send!(
          { type: "done", stats: stats.dump(), names: students.map((s) => s.name) } satisfies FromWorker,
          () => process.exit(0),
        );
      });
    }
  });
}

async function main(argv: readonly string[]): Promise<number> {
  const options = optionsOrExitCode(argv, parseLoadtestArgs, USAGE);
  if (typeof options === "number") return options;
  if (options.json) reportTo = process.stderr;
  const base = options.url;
  const stats = new Stats();

  let stopRequested = false;
  let deadlineAt = Infinity;
  let onStop = () => {};
  process.on("SIGINT", () => {
    if (stopRequested) process.exit(130);
    stopRequested = true;
    deadlineAt = Math.min(deadlineAt, Date.now());
    say("Stopping early (Ctrl-C again to quit at once)…");
    for (const wake of [...sleepers]) wake();
    onStop();
  });

  // Set-up: any failure here means there is nothing to measure.
  let setup: { instructor: Instructor; run: { runId: string; joinCode: string } };
  try {
    setup = await prepareRun(options);
  } catch (error) {
    process.stderr.write(`Load test could not start: ${errorText(error)}\n`);
    return 1;
  }
  const { instructor, run } = setup;
  let students: Student[] = [];
  /** the students' names (each process's own), for the district's figures */
  let names: string[] = [];
  const workers = options.processes > 1 ? forkWorkers(options.processes, stats) : null;
  const joinStart = performance.now();
  if (workers) {
    // Each worker joins its slice, JOIN_BATCH at a time in all.
    const batch = Math.max(1, Math.round(JOIN_BATCH / workers.length));
    const seated = await Promise.all(
      workers.map((worker, k) => {
        const first = Math.floor((k * options.students) / workers.length);
        const next = Math.floor(((k + 1) * options.students) / workers.length);
        return worker.seat({ type: "seat", base, run, first, count: next - first, batch });
      }),
    );
    say(
      `Joined ${seated.reduce((n, w) => n + w.joined, 0)}/${options.students} students in ${((performance.now() - joinStart) / 1000).toFixed(1)} s ` +
        `from ${workers.length} processes.`,
    );
    say(
      `${seated.reduce((n, w) => n + w.streamsOpen, 0)}/${seated.reduce((n, w) => n + w.joined, 0)} live streams open in the lobby.`,
    );
  } else {
    students = await seatStudents(base, run, 0, options.students, JOIN_BATCH, stats, () => stopRequested);
    names = students.map((s) => s.name);
    say(
      `Joined ${stats.joins}/${options.students} students in ${((performance.now() - joinStart) / 1000).toFixed(1)} s.`,
    );
    say(`${stats.streamsOpen}/${students.length} live streams open in the lobby.`);
  }
  onStop = () => workers?.forEach((w) => w.send({ type: "stop" }));

  let started = false;
  let actedForS = 0;
  let progress: ReturnType<typeof setInterval> | undefined;
  try {
    const startMs = await control(base, instructor, run.runId, "start");
    started = true;
    say(`Started the run (${ms(startMs)}); playing for ${options.durationS} s…`);

    const playStart = Date.now();
    stats.playStart = playStart;
    deadlineAt = Math.min(deadlineAt, playStart + options.durationS * 1000);
    const seatedCount = workers ? options.students : students.length;
    progress = setInterval(() => {
      const p = workers ? sumProgress(workers.map((w) => w.progress)) : progressOf(stats);
      say(
        `  ${Math.round((Date.now() - playStart) / 1000)} s: ${p.reads} reads, ${p.actions} actions, ` +
          `${p.errors} errors, ${p.streamsOpen}/${seatedCount} streams open, ${p.messages} messages`,
      );
    }, PROGRESS_EVERY_MS);
    if (workers) {
      const done = await Promise.all(workers.map((w) => w.play({ type: "play", options, playStart, deadlineAt })));
      for (const d of done) {
        stats.absorb(d.stats);
        names.push(...d.names);
      }
    } else {
      await Promise.all(students.map((student) => play(base, run.runId, student, options, stats, () => deadlineAt)));
    }
    actedForS = (Date.now() - playStart) / 1000;
  } catch (error) {
    stats.error(`control: ${errorText(error)}`);
  } finally {
    clearInterval(progress);
    for (const student of students) student.stream?.stop();
    for (const worker of workers ?? []) worker.kill();
  }

  if (started) {
    try {
      await control(base, instructor, run.runId, "end");
      say("Ended the run.");
      stats.district = await measureDistrict(base, instructor, run.runId, names, stats);
    } catch (error) {
      process.stderr.write(`Could not end the run (end it by hand): ${errorText(error)}\n`);
    }
  }

  const result = report(options, stats, run, actedForS);
  if (options.json) {
    await new Promise<void>((resolve) => process.stdout.write(`${JSON.stringify(result)}\n`, () => resolve()));
  }
  return 0;
}

if (process.env[WORKER_ENV] === "1") workerMain();
else
  main(process.argv.slice(2))
    .then((code) => {
      closeBrowsers();
      process.exit(code);
    })
    .catch((error: unknown) => {
      process.stderr.write(
        `Load test failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exit(1);
    });
