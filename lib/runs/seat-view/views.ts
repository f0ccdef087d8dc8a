import type { Run } from "@/lib/runs/store/store";
import { deskOf, inbox, unreadLetters, type ClassmateLetter, type InboxLetter } from "./inbox";
import {
  ADDRESSEE_LABELS,
  ASK_LABELS,
  DECISION_LABELS,
  ORGAN_LABELS,
  OUTCOME_LABELS,
  STAGE_LABELS,
} from "@/lib/labels";
import type { World } from "@/lib/sim/engine";
import type { Scenario } from "@/lib/sim/scenario-schema";
import { EVENT_IDS } from "@/machines/case-events";
import { CARRIER_NOTES, GROUNDS_NOTES } from "@/lib/sim/petitions";
import {
  CARRIERS,
  EXTRAJUDICIAL_ORGANS,
  type Addressee,
  type Ask,
  type Carrier,
  type Decision,
  type Grounds,
  type Outcome,
  type SourceKey,
  type Stage,
} from "@/machines/vocabulary";
import { dateLabel, simDate } from "@/lib/runs/calendar";
import { deskStatus, type RunStatus } from "@/lib/runs/run-status";
import { describeCaseState } from "./case-descriptions";
import { caseLabel } from "@/lib/runs/case-label";
import { characterCard, type CharacterCard } from "./character-card";
import { formatRejoinCode } from "@/lib/runs/codes";
import {
  nextSpravkaAskDay,
  petitionerKnowledge,
  petitionerOutcome,
  petitionerReceived,
  petitionerVersion,
  SPRAVKA_OFFICES,
  type Knowledge,
  type Received,
} from "./petitioner-knowledge";
import {
  typicalDays,
  whyAfterDecision,
  whyHeldAfterRelease,
  whyNoSpravka,
  whyNothingHappens,
  type Reason,
} from "./why-nothing-happens";
import { spravkaReach, type SpravkaReach } from "./spravka-reach";
import type { SeatRole } from "@/lib/runs/deal-cases";
import {
  availableActions,
  deskHoursLeft,
  type Offer,
  type SeatSituation,
  type Verdict,
} from "@/lib/desk/available-actions";
import { decisionBar, detailsText } from "@/lib/desk/decisions";
import type { SentLetter } from "@/lib/desk/letters";
import { DESK_COSTS, type DeskWork } from "@/lib/desk/work";
import { parseLogEntry } from "@/lib/runs/store/log-entry";
import { courtNotices, injectedNews, memosFor, type Memo } from "./memos";
import { historicalComparison, type ComparisonRow } from "@/lib/runs/debrief/debrief";
import { personalView, type PersonalView } from "@/lib/runs/debrief/personal";
import { dossier, type DossierPaper } from "./dossier";
import { epilogue1956, framedCase, prologue1953, type StoryFrame } from "@/lib/runs/story-frame";

export type ClockView = {
  status: RunStatus;
  simDay: number;
  date: string;
  dateLabel: string;
  startDate: string;
  horizonDays: number;
  speed: number;
  /** real time (ms) of the last change the view reflects */
  at: number;
  /** who paused the clock: the teacher, the player of a run alone, or a restart of the server (null unless paused) */
  pausedBy: "teacher" | "player" | "restart" | null;
  /** what the teacher puts on every screen: the latest message, "eyes up", the lesson's end (real ms) */
  room: { notice: { text: string; at: number } | null; eyesUp: boolean; lessonEndsAt: number | null };
};

export type CaseView = {
  index: number;
  /** "Case 0417": a file number, not a person's name */
  label: string;
  article: string;
  organ: string;
  termYears: number;
  persons: number;
  stage: Stage | null;
  stageLabel: string;
  /** what the case's current state meant (from the machine's description); for a petitioner, only what they know */
  state: string;
  /** the source of a historical claim in the text, if any */
  source?: SourceKey;
  /** for a petitioner waiting: where letters like theirs typically were, with sources */
  why?: Reason[];
  /** for a petitioner: what came back and when, for their timeline */
  received?: (Received & { date: string; dateLabel: string })[];
  outcome: Outcome;
  outcomeLabel: string;
  /** simulated days in the current stage */
  waitingDays: number | null;
  /** changes whenever the case does as this seat sees it (see actOnCase; for a petitioner, only what they can know) */
  version: number;
  /** a procurator's decisions the desk would record now (lib/desk/available-actions.ts) */
  actions: DecisionAction[];
  /** a procurator's file: what is known and missing, the work it allows, the decision menu */
  file?: ProcuratorFile;
  /** a petitioner's desk: writing is always open while the clock runs; the spravka can be asked for once it is due */
  petition?: {
    /** the clock runs: the form is open (a paused clock keeps drafts) */
    canWrite: boolean;
    /** why a letter cannot go now (the game's pace), or null; and why not by the friend in Moscow */
    letterBar: string | null;
    friendBar: string | null;
    /** the office to ask for the spravka now, if any */
    spravkaFrom: string | null;
    /** the next office, and from when, while the last one is given time to answer */
    spravkaLater: { office: string; dateLabel: string } | null;
    /** a final decision has come: letters are still possible but change nothing in this run */
    decided: boolean;
  };
};

type DecisionAction = { type: "review.decide"; decision: Decision };

/** One piece of desk work that belongs to the case now, with its cost. */
export type DeskWorkView = {
  type: Exclude<DeskWork, "review.decide"> | "desk.read";
  label: string;
  hours: number;
  note: string;
  source: SourceKey;
  /** why it cannot be done now (no hours left today), or null: the button is disabled with this reason */
  bar: string | null;
};

export type ProcuratorFile = {
  /** how the file came onto the desk, with its source */
  origin: { text: string; source: SourceKey };
  /** what the file holds and lacks, in plain words */
  known: string[];
  /** the legal time limit, where the sources give one */
  timeLimit: string | null;
  /** hours the file takes to read, once it is complete (0 before) */
  reviewHours: number;
  readHours: number;
  deputy: boolean;
  /** work the desk can do on it now, with its cost */
  work: DeskWorkView[];
  /** the papers of the archival-investigative file, once it is at the commission */
  papers: DossierPaper[];
  /** the court's rulings on this desk's protest, as notices (RULES.courtRulings) */
  rulings: { date: string; dateLabel: string; text: string }[];
  /**
   * the May 19 menu, each with the reason it cannot be recorded now (barred
   * for this case, the file not read, no hours left), null if it can; null
   * until the file is at review
   */
  menu: { decision: Decision; label: string; bar: string | null }[] | null;
  /**
   * why no decision can be recorded now whichever is chosen (the file not
   * read, no hours left, the clock stopped), or null; a decision the menu
   * bars for this case says so in its own `bar`
   */
  decideBar: string | null;
};

export type SeatView = {
  /** joinCode: the class code, shown beside the rejoin code (null once archived) */
  run: { id: string; title: string; scenarioTitle: string; joinCode: string | null };
  clock: ClockView;
  seat: { number: number; role: SeatRole; displayName: string; rejoinCode: string };
  cases: CaseView[];
  /** a procurator's working day: hours a day, and hours left today */
  hours?: { perDay: number; left: number };
  /** a procurator's memos from above, oldest first */
  memos?: Memo[];
  /** a self-guided run (no teacher): the seat steers the clock, and gets a personal debrief at the end */
  solo: boolean;
  /** a petitioner alone: what they can hope to reach in this scenario ("Can I win?") */
  reach?: SpravkaReach;
  /** a self-guided run that has ended: the run's figures beside the historical ones */
  debrief?: ComparisonRow[];
  /** a self-guided run that has ended: the seat's cases day by day, split by cause, and how to cite the run */
  personal?: PersonalView;
  /** what the teacher's injected events announced, oldest first (every seat is told) */
  news: Memo[];
  /** a petitioner's character, from their case's facts */
  character?: CharacterCard;
  /** a procurator's inbox: classmates' letters about the desk's cases that reached the commission */
  inbox?: InboxLetter[];
  /** the teacher opened the run with the March 1953 amnesty (lib/runs/story-frame.ts) */
  prologue?: StoryFrame;
  /** the teacher ends the run with February 1956: shown once the run is over */
  epilogue?: StoryFrame;
};

/** A decision a procurator recorded, as the commission's protocol. */
export type ProtocolView = {
  id: number;
  caseIndex: number;
  caseLabel: string;
  decisionLabel: string;
  /** the new article and term of a reclassification, the new term of a reduction */
  detail: string | null;
  justification: string;
  date: string;
  dateLabel: string;
  /** final for an out-of-court sentence; otherwise a protest a court rules on (RULES.extrajudicialFinal) */
  final: boolean;
  deputy: boolean;
};

/** The protocol of a logged decision (a case.act entry, as stored, with written grounds). */
export function protocolView(
  row: { id: number; caseIndex: number | null; simDay: number; payload: string },
  world: World,
): ProtocolView | null {
  // Callers read case.act rows only; parsing refuses (naming the entry) one that does not fit.
  const entry = parseLogEntry({ ...row, type: "case.act" });
  if (entry.type !== "case.act") return null;
  const { payload } = entry;
  if (payload.event.type !== "review.decide" || !payload.justification) return null;
  const date = simDate(world.scenario.startDate, entry.simDay);
  return {
    id: entry.id,
    caseIndex: entry.caseIndex,
    caseLabel: caseLabel(entry.caseIndex),
    decisionLabel: DECISION_LABELS[payload.event.decision],
    detail: detailsText(payload, world.caseFacts(entry.caseIndex).termYears),
    justification: payload.justification,
    date,
    dateLabel: dateLabel(date),
    final: EXTRAJUDICIAL_ORGANS.includes(world.caseFacts(entry.caseIndex).organ),
    deputy: world.deskState(entry.caseIndex).deputy,
  };
}

/** A letter the petitioner wrote, as their own seat shows it. */
export type LetterView = {
  id: string;
  caseIndex: number;
  caseLabel: string;
  addresseeLabel: string;
  groundsLabel: string;
  carrier: Carrier;
  carrierLabel: string;
  askLabel: string;
  body: string;
  date: string;
  dateLabel: string;
};

export type LetterRow = {
  id: string;
  caseIndex: number;
  addressee: string;
  grounds: string;
  carrier: string;
  ask: string;
  body: string;
  simDay: number;
};

/** The Letter columns a LetterView needs (never the seat or run ids). */
export const LETTER_FIELDS = {
  id: true,
  caseIndex: true,
  addressee: true,
  grounds: true,
  carrier: true,
  ask: true,
  body: true,
  simDay: true,
} as const;

/**
 * A seat's own letters in `runId`, oldest first, as a desk shows them: the
 * Letter query (or a seat's `letters` include) for both ways a desk is read.
 * Never another seat's: the caller scopes it to one seat.
 */
export function ownLettersQuery(runId: string) {
  return { where: { runId }, orderBy: { createdAt: "asc" }, select: LETTER_FIELDS } as const;
}

export function letterView(letter: LetterRow, startDate: string): LetterView {
  const date = simDate(startDate, letter.simDay);
  const carrier = (CARRIERS as readonly string[]).includes(letter.carrier) ? (letter.carrier as Carrier) : "self";
  return {
    id: letter.id,
    caseIndex: letter.caseIndex,
    caseLabel: caseLabel(letter.caseIndex),
    addresseeLabel: ADDRESSEE_LABELS[letter.addressee as Addressee] ?? letter.addressee,
    groundsLabel: GROUNDS_NOTES[letter.grounds as Grounds]?.label ?? letter.grounds,
    carrier,
    carrierLabel: CARRIER_NOTES[carrier].sent,
    askLabel: ASK_LABELS[letter.ask as Ask] ?? letter.ask,
    body: letter.body,
    date,
    dateLabel: dateLabel(date),
  };
}

export function clockView(run: Run, scenario: Pick<Scenario, "startDate">): ClockView {
  const date = simDate(scenario.startDate, run.simDay);
  return {
    status: run.status,
    simDay: run.simDay,
    date,
    dateLabel: dateLabel(date),
    startDate: scenario.startDate,
    horizonDays: run.horizonDays,
    speed: run.speed,
    at: run.updatedAt.getTime(),
    pausedBy:
      run.status !== "paused" ? null : run.restartPause ? "restart" : run.ownerId === null ? "player" : "teacher",
    room: {
      notice: run.notice && run.noticeAt ? { text: run.notice, at: run.noticeAt.getTime() } : null,
      eyesUp: run.eyesUp && (run.status === "running" || run.status === "paused"),
      lessonEndsAt: run.lessonEndsAt?.getTime() ?? null,
    },
  };
}

/** The reason an offer is barred, or null when it would be accepted. */
const barOf = (verdict: Verdict) => (verdict.ok ? null : verdict.reason);
/** Whether the desk shows the offer: it can be done, or it belongs to the case and waits (hours, reading). */
const shown = (offer: Offer) => offer.verdict.ok || (offer.verdict.applies && offer.verdict.code === "refused");

/**
 * Why no decision can be recorded now: the reason given for a decision the
 * May 19 menu itself allows for this case (every such decision waits for the
 * same thing: reading, hours, the clock), or null when one can be recorded.
 */
function decideBarOf(offers: readonly Offer[], facts: ReturnType<World["caseFacts"]>): string | null {
  const allowed = offers.filter((o) => o.type === "review.decide" && decisionBar(o.decision, facts) === null);
  if (allowed.some((o) => o.verdict.ok)) return null;
  const first = allowed[0];
  return first && !first.verdict.ok ? first.verdict.reason : null;
}

/**
 * How a file came onto a student procurator's desk: a classmate petitions in
 * it; or a complaint was already registered when the commission first sat
 * (the district's backlog, World.registerEarlierComplaint: the first two
 * entries of its story on day 0), and on a desk played alone one such file
 * was complete by then too (World.prepareEarlierFile); or it came with the camps' lists or the
 * computer's petitioners, like every file in the province.
 */
function fileOrigin(world: World, i: number): ProcuratorFile["origin"] {
  if (world.hasStudent(i, "petitioner")) {
    return {
      text: "A classmate petitions in this case: their letters come to your inbox, if they reach the commission.",
      source: "adler-ch3",
    };
  }
  const story = world.caseHistory(i);
  const [sent, registered] = story;
  if (sent?.day === 0 && sent.event.type === "complaint.file" && registered?.event.type === "complaint.register") {
    // A file made ready before the commission sat (World.prepareEarlierFile): complete on day 0.
    if (story.some((e) => e.day === 0 && e.event.type === "file.complete")) {
      return {
        text: "This file was ready before the commission first sat: a complaint registered earlier, the file assembled and checked. The decree told commissions to start from registered complaints. That this one file was ready on the first day is the game's choice, so that you have a file to read and decide at once.",
        source: "adler-ch3",
      };
    }
    return {
      text: "A complaint in this case was registered before the commission first sat: the decree told commissions to start from registered complaints. (Which files had one is the game's choice.)",
      source: "adler-ch3",
    };
  }
  return {
    text: "The computer writes this prisoner's complaints; the file reaches you when one is registered or the camp's list comes.",
    source: "adler-ch3",
  };
}

/** What a procurator's file holds and lacks, and the work and decisions the desk offers (lib/desk). */
export function procuratorFile(world: World, i: number, offers: readonly Offer[]): ProcuratorFile {
  const facts = world.caseFacts(i);
  const { path } = world.caseState(i);
  const desk = world.deskState(i);
  const reviewHours = world.reviewHours(i);
  const known: string[] = [];
  if (path.startsWith("complaint.") || path.startsWith("lists.") || path.startsWith("commission.")) {
    known.push(
      facts.listArrived
        ? "The camp's list of prisoners has arrived."
        : facts.complaintsOnly
          ? "No list from the camp: you work from the complaint alone, which takes longer."
          : desk.listAsked
            ? "No list from the camp yet. You have written to the camp for it; no answer so far."
            : "No list from the camp yet.",
    );
    known.push(
      !facts.originalsElsewhere
        ? "The original case file is here."
        : path === "commission.fileAssembly.awaitingOriginals"
          ? "Originals requested from Moscow or another province; not here yet."
          : facts.originalsRequested
            ? "The originals have arrived."
            : "Only copies are here: the originals are in Moscow or another province.",
    );
    if (facts.crossChecks > 0) {
      known.push(`${facts.crossChecksDone} of ${facts.crossChecks} checks against other cases' testimony done.`);
    }
  }
  const work: DeskWorkView[] = [];
  for (const offer of offers) {
    if (offer.type === "review.decide" || offer.type === "complaint.file" || offer.type === "spravka.request") continue;
    if (!shown(offer)) continue;
    const hours = offer.verdict.ok ? offer.verdict.hours : 0;
    if (offer.type === "desk.read") {
      work.push({
        type: "desk.read",
        label: desk.readHours > 0 ? "Go on reading the file" : "Read the file",
        hours,
        bar: barOf(offer.verdict),
        note: `The whole file takes about ${reviewHours} hours to read${facts.persons > 1 ? ` (${facts.persons} people)` : ""}.`,
        source: "adler-ch3",
      });
      continue;
    }
    const c = DESK_COSTS[offer.type];
    const unread = offer.type === "letter.read" ? unreadLetters(world, i) : 0;
    work.push({
      type: offer.type,
      label: unread > 1 ? `${c.label} (${unread} unread)` : c.label,
      hours: c.hours,
      note: c.note,
      source: c.source,
      bar: barOf(offer.verdict),
    });
  }
  return {
    origin: fileOrigin(world, i),
    known,
    timeLimit:
      facts.organ === "specialConference" && world.caseState(i).outcome === "pending" && !path.startsWith("court.")
        ? // The limit ran from the Conference's abolition in September 1953, not from the 1954 decree (brief §7).
          "When the Special Conference was abolished in September 1953, its cases were to be reviewed within six months: the limit ran out in March 1954."
        : null,
    reviewHours,
    readHours: desk.readHours,
    deputy: desk.deputy,
    work,
    papers:
      path.startsWith("commission.") || path.startsWith("court.")
        ? dossier(facts, i, world.seed, world.caseHistory(i))
        : [],
    rulings: courtNotices(world, i).map(({ date, dateLabel, text }) => ({ date, dateLabel, text })),
    decideBar: path === "commission.review" ? decideBarOf(offers, facts) : null,
    menu:
      path === "commission.review"
        ? offers.flatMap((o) =>
            o.type === "review.decide"
              ? [{ decision: o.decision, label: DECISION_LABELS[o.decision], bar: barOf(o.verdict) }]
              : [],
          )
        : null,
  };
}

/**
 * Case i as the seat sees it. What it may do comes from the desk's offers
 * (lib/desk/available-actions.ts), the same verdicts its commands get.
 */
export function caseView(world: World, i: number, seat: SeatSituation): CaseView {
  const role = seat.role;
  const offers = availableActions(world, i, seat);
  const facts = world.caseFacts(i);
  const { path, outcome } = world.caseState(i);
  const base = {
    index: i,
    label: caseLabel(i),
    article: facts.article,
    organ: ORGAN_LABELS[facts.organ],
    termYears: facts.termYears,
    persons: facts.persons,
    outcome,
  };
  if (role === "petitioner") {
    // Only what a petitioner could know: never the stage the case sits in.
    const history = world.caseHistory(i);
    const extrajudicial = EXTRAJUDICIAL_ORGANS.includes(facts.organ);
    const lived = petitionerOutcome(outcome, path);
    const known = petitionerKnowledge(history, outcome, path, world.now, facts);
    const spravka = offers.find((o) => o.type === "spravka.request")!.verdict;
    const letterBar = letterOffer(offers, "self");
    const canAsk = seat.status === "running" && world.canSend(i, EVENT_IDS.spravkaRequest);
    const office = SPRAVKA_OFFICES[facts.spravkaRequests] ?? null;
    const askFrom = nextSpravkaAskDay(history, typicalDays(world.scenario.institutions.spravkaWait));
    const tooSoon = askFrom !== null && world.now < askFrom;
    const received = petitionerReceived(history, lived, extrajudicial, world.startedInCamp(i)).map((r) => {
      const date = simDate(world.scenario.startDate, r.day);
      return { ...r, date, dateLabel: dateLabel(date) };
    });
    return {
      ...base,
      version: petitionerVersion(history, lived, extrajudicial),
      outcome: lived,
      actions: [],
      petition: {
        canWrite: seat.status === "running",
        letterBar,
        friendBar: letterOffer(offers, "friend") === letterBar ? null : letterOffer(offers, "friend"),
        spravkaFrom: spravka.ok ? office : null,
        spravkaLater:
          canAsk && tooSoon && office
            ? { office, dateLabel: dateLabel(simDate(world.scenario.startDate, Math.ceil(askFrom))) }
            : null,
        decided: lived !== "pending",
      },
      stage: null,
      stageLabel: known.headline,
      state: known.detail,
      outcomeLabel: known.headline,
      waitingDays: known.waitingDays,
      ...(known.source ? { source: known.source } : {}),
      received,
      why: petitionerWhy(world.scenario, known, lived, path, facts.spravkaRequests),
    };
  }
  const { stage, sinceDay } = world.caseStage(i);
  return {
    ...base,
    version: world.caseVersion(i),
    actions: offers.flatMap((o) =>
      o.type === "review.decide" && o.verdict.ok ? [{ type: "review.decide" as const, decision: o.decision }] : [],
    ),
    file: procuratorFile(world, i, offers),
    stage,
    stageLabel: stage
      ? STAGE_LABELS[stage]
      : outcome !== "pending"
        ? "Decided"
        : path === "complaint.unwritten"
          ? "No complaint written yet"
          : "Nobody is pursuing the case",
    state: describeCaseState(path),
    outcomeLabel: OUTCOME_LABELS[outcome],
    waitingDays: sinceDay === null ? null : Math.floor(world.now - sinceDay),
  };
}

/**
 * "Why is nothing happening?" for a petitioner, to the end of the run: where
 * a letter like theirs typically was; the camp sitting on a release order;
 * the spravka that does not come; or, once a decision has come, what the
 * present wait is (a rejection stands, no spravka follows a pardon).
 */
function petitionerWhy(
  scenario: Scenario,
  known: Knowledge,
  lived: Outcome,
  path: string,
  spravkaRequests: number,
): Reason[] {
  if (known.waitingOn !== undefined) return whyNothingHappens(scenario, known.waitingOn, known.waitingDays);
  if (path === "heldAfterRelease") return whyHeldAfterRelease(scenario);
  if (lived === "pending") return whyNoSpravka(scenario, spravkaRequests);
  return whyAfterDecision(lived);
}

/** Why a letter by this carrier cannot go now, or null (a clock standing still is the form's own message). */
function letterOffer(offers: readonly Offer[], carrier: (typeof CARRIERS)[number]): string | null {
  const offer = offers.find((o) => o.type === "complaint.file" && o.carrier === carrier);
  return offer && !offer.verdict.ok && offer.verdict.code === "refused" ? offer.verdict.reason : null;
}

/**
 * Changes whenever the seat's view would (a case changed, a simulated day
 * passed, the run's status changed), and costs far less to compute than the view.
 */
export function seatViewKey(
  world: World,
  status: string,
  role: string,
  caseIndexes: readonly number[],
  /** the seat's letters so far (each may change what its desk allows), and for a procurator its classmates' about the desk */
  letterCount: number,
): string {
  let key = `${status}|${role}|${Math.floor(world.now)}|${world.injections().length}|${letterCount}`;
  for (const i of caseIndexes) {
    key += `|${i}:${role === "petitioner" ? petitionerCaseKey(world, i) : procuratorCaseKey(world, i)}`;
  }
  return key;
}

/** A procurator's case changes with its state and with the desk's work on it. */
function procuratorCaseKey(world: World, i: number): string {
  const desk = world.deskState(i);
  return `${world.caseVersion(i)}:${desk.hoursToday}:${desk.readHours}:${desk.lettersRead}:${desk.deputy ? 1 : 0}${desk.listAsked ? 1 : 0}`;
}

/** What a petitioner can know of case i, as a key (see petitionerVersion). */
export function petitionerCaseKey(world: World, i: number): string {
  const facts = world.caseFacts(i);
  const { outcome, path } = world.caseState(i);
  const canAsk = world.canSend(i, EVENT_IDS.spravkaRequest);
  return `${petitionerVersion(world.caseHistory(i), petitionerOutcome(outcome, path), EXTRAJUDICIAL_ORGANS.includes(facts.organ))}${canAsk ? "s" : ""}`;
}

/** The case's facts as the review began: a character stays who they were, whatever happens to them in the run. */
function startingFacts(world: World, i: number) {
  const inCamp = world.startedInCamp(i);
  return { ...world.caseFacts(i), custody: inCamp ? ("camp" as const) : ("exile" as const), passportMinus: !inCamp };
}

/** A letter a seat wrote, as far as the desk's rules need it. */
export type SeatLetter = SentLetter & { caseIndex: number };

export function seatView(
  run: Run,
  scenario: Scenario,
  world: World,
  seat: { number: number; role: SeatRole; displayName: string; rejoinCode: string },
  caseIndexes: readonly number[],
  /** a petitioner seat's letters (their pace is part of what the desk allows) */
  letters: readonly SeatLetter[],
  clock: ClockView = clockView(run, scenario),
  /** a procurator seat's classmates' letters about the desk's cases (the inbox shows those that arrived) */
  classmatesLetters: readonly ClassmateLetter[] = [],
): SeatView {
  const role = seat.role;
  const status = deskStatus(run.status, run.ownerId === null);
  const hoursLeft = role === "procurator" ? deskHoursLeft(world, caseIndexes) : 0;
  const situation = (i: number): SeatSituation => ({
    role,
    status,
    hoursLeft,
    letters: role === "petitioner" ? letters.filter((l) => l.caseIndex === i) : [],
  });
  return {
    run: { id: run.id, title: run.title, scenarioTitle: scenario.title, joinCode: run.joinCode },
    clock,
    seat: { number: seat.number, role, displayName: seat.displayName, rejoinCode: formatRejoinCode(seat.rejoinCode) },
    cases: [...caseIndexes].sort((a, b) => a - b).map((i) => caseView(world, i, situation(i))),
    news: injectedNews(world),
    solo: run.ownerId === null,
    ...(run.ownerId === null && role === "petitioner" ? { reach: spravkaReach(scenario.id) } : {}),
    ...(run.ownerId === null && (run.status === "debrief" || run.status === "archived")
      ? {
          debrief: historicalComparison(world.result(run.seed), scenario),
          personal: personalView(world, scenario, run, caseIndexes),
        }
      : {}),
    ...(role === "procurator"
      ? {
          hours: { perDay: scenario.desks.hoursPerDay, left: hoursLeft },
          memos: memosFor(world, caseIndexes),
          inbox: inbox(
            deskOf(world, caseIndexes, status === "debrief" || status === "archived"),
            classmatesLetters,
            world.now,
            scenario.startDate,
          ),
        }
      : {}),
    ...(role === "petitioner" && caseIndexes.length > 0
      ? { character: characterCard(startingFacts(world, caseIndexes[0]!), caseIndexes[0]!) }
      : {}),
    ...storyFrame(run, scenario, world, role, caseIndexes),
  };
}

/** The prologue and the epilogue, where the teacher switched them on (the epilogue once the run is over). */
function storyFrame(
  run: Run,
  scenario: Scenario,
  world: World,
  role: SeatRole,
  caseIndexes: readonly number[],
): Pick<SeatView, "prologue" | "epilogue"> {
  const over = run.status === "debrief" || run.status === "archived";
  if (!run.prologue && !(run.epilogue && over)) return {};
  // Only a petitioner's prologue speaks of its case; the epilogue of every case on the seat.
  const cases = [...caseIndexes].sort((a, b) => a - b);
  const reading = scenario.policy.amnestyReading;
  return {
    ...(run.prologue
      ? { prologue: prologue1953(role, role === "petitioner" ? cases.map((i) => framedCase(world, i)) : [], reading) }
      : {}),
    ...(run.epilogue && over
      ? {
          epilogue: epilogue1956(
            cases.map((i) => framedCase(world, i)),
            role,
          ),
        }
      : {}),
  };
}
