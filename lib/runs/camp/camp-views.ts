import { AMNESTY_STAGES, amnestyDate, type AmnestyStage, type AmnestyWorld } from "@/lib/sim/amnesty/engine";
import type { AmnestyScenario } from "@/lib/sim/amnesty/scenario";
import {
  amnestyPrisonerMachine,
  freedByDecree1945,
  halvedByDecree1945,
  type Offence1945,
  type PriorityGroup1945,
} from "@/machines/amnesty-1945.machine";
import { AMNESTY_1945_MAX_TERM_YEARS, RULES, type RuleId } from "@/machines/rules";
import type { SourceKey } from "@/machines/vocabulary";
import { dateLabel } from "@/lib/runs/calendar";

/*
 * What the seats and the console of a 1945 camp run show (ADR 0024): built
 * from the camp and the machine's own sourced descriptions, so a state's
 * words and its source live in machines/amnesty-1945.machine.ts only.
 */

/** A claim with the source it rests on, for the page to show side by side. */
export type Sourced = { text: string; source: SourceKey };

const rule = (id: RuleId): Sourced => ({ text: RULES[id].claim, source: RULES[id].source });

export const OFFENCE_LABELS: Record<Offence1945, string> = {
  ordinary: "an ordinary crime (petty theft, hooliganism, speculation…)",
  december1941Law: "leaving work at a war factory (the law of 26 December 1941)",
  military: "a military crime such as desertion",
  postponedSoldier: "a crime whose sentence was put off until after the war, while serving at the front",
  gravePrivate: "a grave crime (the 1932 theft law, banditry, counterfeiting, murder or robbery)",
  counterRevolution: "counter-revolution (article 58)",
};

export const GROUP_LABELS: Record<PriorityGroup1945, string> = {
  minor: "a minor",
  mother: "a pregnant woman or mother of a small child",
  elderly: "elderly",
  invalid: "an invalid",
  localResident: "a local resident",
  shirker: "in the order's group of labour offenders (“shirkers”)",
  others: "none of the groups named first",
};

/** "File 0417": a number, not a name. */
export function fileLabel(i: number): string {
  return `File ${String(i + 1).padStart(4, "0")}`;
}

const years = (n: number) => `${n} year${n === 1 ? "" : "s"}`;

/** What the decree does for a prisoner with these facts, and why, in words, with its rule. */
export function decreeReading(
  offence: Offence1945,
  termYears: number,
): { verdict: string; why: string; rule: Sourced } {
  const facts = { offence, termYears, recidivist: false };
  const term = years(termYears);
  if (freedByDecree1945(facts)) {
    const why =
      termYears <= AMNESTY_1945_MAX_TERM_YEARS &&
      (offence === "ordinary" || offence === "gravePrivate" || offence === "counterRevolution")
        ? `The sentence is ${term}: the decree frees everyone sentenced to ${AMNESTY_1945_MAX_TERM_YEARS} years or less.`
        : `The crime was ${OFFENCE_LABELS[offence]}: the decree frees it whatever the term (${term}).`;
    return {
      verdict:
        "The decree frees you — once the records department has checked your file for earlier convictions and you have signed its written decision (the determination).",
      why,
      rule: rule("amnesty1945Release"),
    };
  }
  if (halvedByDecree1945(facts)) {
    return {
      verdict:
        "You are not freed, but the time you still have to serve is halved. (The game does not know how much of your term you have served.)",
      why: `The sentence is ${term}, more than ${AMNESTY_1945_MAX_TERM_YEARS} years, for ${OFFENCE_LABELS[offence]}: the decree halves the rest of such terms.`,
      rule: rule("amnesty1945Halving"),
    };
  }
  const whose =
    offence === "counterRevolution"
      ? "the decree halves no counter-revolutionary's term"
      : "the decree halves none of these terms";
  return {
    verdict: "The decree does nothing for you: you are neither freed nor is your term halved.",
    why: `The sentence is ${term}, more than ${AMNESTY_1945_MAX_TERM_YEARS} years, for ${OFFENCE_LABELS[offence]}: ${whose}.`,
    rule: rule("amnesty1945Halving"),
  };
}

type PrisonerState = keyof typeof amnestyPrisonerMachine.states;

/**
 * Where a prisoner is, told to the student who plays them (the machine's
 * descriptions speak of "the prisoner"; these say "you"). Keyed by the
 * machine's states, so a new state must be given its words; the source is
 * the state's own rule.
 */
const YOUR_STATE: Record<PrisonerState, string> = {
  held: "You are in the camp on 7 July 1945, the day the amnesty is announced.",
  awaitingFileCheck:
    "Your release file waits for the records department (OURZ): a clerk must check it for earlier convictions, in the order of 12 July of who goes first.",
  awaitingSignature: "The records department has written its decision on your release (the determination): sign it.",
  onPassportRoster:
    "Your name is on a passport roster, with two photographs; the passport will be for five years (without limit if you are over 55).",
  inTransit: "You are freed, with food for 10–15 days, and wait at a transit checkpoint for a place on a railcar home.",
  released: "You boarded a railcar home.",
  keptOnAsLabour: "Freed on paper, you are kept on at the camp as “voluntary” wage labour.",
  returnedAfterError:
    "An earlier conviction came to light after your release: you were found and returned to the camp.",
  excludedAsRecidivist: "The check found earlier convictions: as a recidivist you are left out of the amnesty.",
  awaitingRecalculation:
    "You stay, but the rest of your term is to be halved once the records department recalculates it.",
  termHalved: "The records department has recalculated your term: the time you had left is halved.",
  notCovered: "The decree does not cover you: you stay in the camp to serve your term.",
};

/** Where a prisoner is, in a few words, for the teacher's list of seats. */
export const CAMP_STATE_SHORT: Record<PrisonerState, string> = {
  held: "In the camp",
  awaitingFileCheck: "Waiting for a file check",
  awaitingSignature: "Has a determination to sign",
  onPassportRoster: "On the passport roster",
  inTransit: "Freed, at a transit checkpoint",
  released: "On the way home",
  keptOnAsLabour: "Kept on as labour",
  returnedAfterError: "Returned after an error",
  excludedAsRecidivist: "Left out as a recidivist",
  awaitingRecalculation: "Term to be halved",
  termHalved: "Term halved",
  notCovered: "Not covered by the decree",
};

/** Where a prisoner is, in the second person, with the rule of the machine's state. */
export function campStatus(state: string): Sourced & { state: string } {
  const node = amnestyPrisonerMachine.states[state as PrisonerState];
  const ruleId = (node?.meta as { rule?: RuleId } | undefined)?.rule;
  const source = ruleId ? RULES[ruleId].source : "alexopoulos-1945";
  return { state, text: YOUR_STATE[state as PrisonerState] ?? node?.description ?? state, source };
}

/** The camp's figures as news: freed so far, and the source's tallies reached by now (scaled to the camp). */
export type CampNews = {
  date: string;
  dateLabel: string;
  prisoners: number;
  qualifying: number;
  /** given a passport: what the source's tallies count as freed */
  freed: number;
  /** out of the camp: gone home, or at a transit checkpoint waiting for a railcar */
  left: number;
  inTransit: number;
  /** freed on paper, kept on at the camp as labour */
  keptOn: number;
  /** released in error and brought back */
  returned: number;
  waitingInside: number;
  newPrisoners: number;
  /** the figures above in one paragraph, the same on every screen */
  headline: string;
  /**
   * the source's dates passed so far: the camp's freed beside the figure the
   * source gives, scaled to this camp (both null on a date the source marks
   * without a figure)
   */
  tallies: { date: string; label: string; freed: number | null; historical: number | null }[];
};

const count = (x: number) => x.toLocaleString("en-GB");

/**
 * Who has gone where, in one paragraph: "left the camp" counts only those
 * out of it (at home or at a transit checkpoint), not those freed on paper
 * and kept on, nor those returned after an error.
 */
function headline(n: Omit<CampNews, "headline" | "tallies" | "date" | "dateLabel">): string {
  const parts = [
    `Of ${count(n.prisoners)} prisoners, ${count(n.qualifying)} qualified for release; ${count(n.left)} have left the camp` +
      (n.inTransit > 0 ? ` (${count(n.inTransit)} of them still wait at transit checkpoints for a railcar).` : "."),
  ];
  if (n.keptOn > 0) parts.push(`${count(n.keptOn)} freed on paper are kept on at the camp as “voluntary” labour.`);
  if (n.returned > 0) parts.push(`${count(n.returned)} released in error were brought back.`);
  parts.push(`${count(n.waitingInside)} covered by the decree still wait inside.`);
  parts.push(`${count(n.newPrisoners)} new prisoners have arrived since the decree.`);
  return parts.join(" ");
}

/** `r` is the camp's result now, when the caller already has it (it walks every prisoner). */
export function campNews(camp: AmnestyWorld, scenario: AmnestyScenario, r = camp.result()): CampNews {
  const date = amnestyDate(scenario, camp.now);
  const figures = {
    prisoners: camp.held,
    qualifying: r.qualifying,
    freed: r.freed.total,
    left: r.outcomes.freedHome + r.outcomes.freedInTransit,
    inTransit: r.outcomes.freedInTransit,
    keptOn: r.outcomes.keptOn,
    returned: r.outcomes.returnedAfterError,
    waitingInside: r.waitingNow.fileCheck + r.waitingNow.signature + r.waitingNow.passportRoster,
    newPrisoners: r.newPrisoners.total,
  };
  return {
    ...figures,
    headline: headline(figures),
    date,
    dateLabel: dateLabel(date),
    tallies: r.releasedByDate
      .filter((t) => t.day < camp.now)
      .map((t) => ({
        date: dateLabel(t.date),
        label: t.label,
        freed: t.historical === null ? null : t.freed,
        historical: t.historical,
      })),
  };
}

/** What a prisoner's file says: the same on a clerk's desk and on the prisoner's own seat. */
export type CampFileFacts = {
  index: number;
  label: string;
  offence: string;
  termYears: number;
  group: string;
  inColony: boolean;
};

function fileFacts(camp: AmnestyWorld, i: number): CampFileFacts {
  const p = camp.prisoner(i);
  return {
    index: i,
    label: fileLabel(i),
    offence: OFFENCE_LABELS[p.offence],
    termYears: p.termYears,
    group: GROUP_LABELS[p.priorityGroup],
    inColony: p.inColony,
  };
}

export type CampFile = CampFileFacts & { waitingDays: number };

/** A records clerk's desk: the next files in the July 12 order, the hours left today, the rules. */
export type CampClerkView = {
  kind: "clerk";
  hoursLeft: number;
  hoursPerDay: number;
  thoroughHours: number;
  hurriedHours: number;
  /** before July 12 no file can be checked: the date the order comes */
  orderComesOn: string | null;
  filesWaiting: number;
  /** this clerk's share of the queue, next first */
  files: CampFile[];
  /** files of prisoners classmates play, still waiting for a check (the game lets any clerk take them) */
  classmates: CampFile[];
  /** the clerk's own checks so far */
  mine: { checked: number; thorough: number; hurried: number };
  /**
   * Once the run is over: of the people this clerk let through with a hurried
   * check, how many had earlier convictions, and how many of those the camp
   * has brought back so far (null while the run goes on).
   */
  hurriedErrors: { letThrough: number; returned: number } | null;
  news: CampNews;
};

/** Files a clerk's desk shows at once: enough to choose among, few enough for a phone. */
export const CLERK_FILES_SHOWN = 6;

const campFile = (camp: AmnestyWorld, i: number): CampFile => ({
  ...fileFacts(camp, i),
  waitingDays: camp.prisoner(i).waitingDays,
});

export function campClerkView(
  camp: AmnestyWorld,
  scenario: AmnestyScenario,
  seat: number,
  checks: readonly { file: number; thorough: boolean }[],
  ended: boolean,
): CampClerkView {
  const st = scenario.stages;
  const r = camp.result();
  const news = campNews(camp, scenario, r);
  const hurried = checks.filter((c) => !c.thorough).map((c) => c.file);
  const letThrough = hurried.filter((i) => camp.hadEarlierConvictions(i));
  return {
    kind: "clerk",
    hoursLeft: camp.clerkHoursLeft(seat),
    hoursPerDay: st.clerkHoursPerDay,
    thoroughHours: st.thoroughCheckHours,
    hurriedHours: st.hurriedCheckHours,
    orderComesOn: camp.now < st.recordsStartDay ? dateLabel(amnestyDate(scenario, st.recordsStartDay)) : null,
    filesWaiting: r.waitingNow.fileCheck,
    files: camp.filesAwaitingCheck(CLERK_FILES_SHOWN, seat).map((i) => campFile(camp, i)),
    classmates: camp
      .seatedFilesAwaitingCheck()
      .slice(0, CLERK_FILES_SHOWN)
      .map((i) => campFile(camp, i)),
    mine: { checked: checks.length, thorough: checks.length - hurried.length, hurried: hurried.length },
    hurriedErrors: ended
      ? {
          letThrough: letThrough.length,
          returned: letThrough.filter((i) => camp.prisoner(i).state === "returnedAfterError").length,
        }
      : null,
    news,
  };
}

/** A prisoner's seat: who they are, what the decree does for them and why, where they stand, what to sign. */
export type CampPrisonerView = CampFileFacts & {
  kind: "prisoner";
  decree: { verdict: string; why: string; rule: Sourced };
  status: Sourced & { state: string };
  /** release files ahead of theirs in the records department's queue (null: theirs is not waiting) */
  filesAhead: number | null;
  canSign: boolean;
  /** the dates so far: the file checked, the passport (freed), the railcar home */
  checkedOn: string | null;
  freedOn: string | null;
  departedOn: string | null;
  news: CampNews;
};

export function campPrisonerView(camp: AmnestyWorld, scenario: AmnestyScenario, i: number): CampPrisonerView {
  const p = camp.prisoner(i);
  const onDay = (day: number | null) => (day === null ? null : dateLabel(amnestyDate(scenario, day)));
  return {
    kind: "prisoner",
    ...fileFacts(camp, i),
    decree: decreeReading(p.offence, p.termYears),
    status: campStatus(p.state),
    filesAhead: camp.filesAhead(i),
    canSign: p.state === "awaitingSignature",
    checkedOn: onDay(p.checkedOnDay),
    freedOn: onDay(p.freedOnDay),
    departedOn: onDay(p.departedOnDay),
    news: campNews(camp, scenario),
  };
}

export const CAMP_STAGE_LABELS: Record<AmnestyStage, { label: string; rule: RuleId }> = {
  fileCheck: { label: "Release files waiting for a check (records department)", rule: "amnesty1945Records" },
  signature: { label: "Determinations waiting for the prisoner's signature", rule: "amnesty1945Records" },
  passportRoster: { label: "On the passport roster (photographs, passport)", rule: "amnesty1945Passports" },
  transit: { label: "Freed, at a transit checkpoint waiting for a railcar", rule: "amnesty1945Transit" },
  recalculation: { label: "Terms waiting to be halved", rule: "amnesty1945Halving" },
};

/** The teacher's picture of the camp: the news, each queue, and where people ended up so far. */
export type CampConsoleView = {
  news: CampNews;
  stages: { stage: AmnestyStage; label: string; waiting: number; meanWaitDays: number; source: SourceKey }[];
  /** share of those qualifying who have left */
  freedShare: number;
  outcomes: { label: string; count: number; source: SourceKey }[];
  /** every tally date of the source, passed or not */
  tallies: { date: string; label: string; freed: number | null; historical: number | null }[];
};

export function campConsole(camp: AmnestyWorld, scenario: AmnestyScenario): CampConsoleView {
  const r = camp.result();
  const news = campNews(camp, scenario, r);
  const o = r.outcomes;
  const src = (id: RuleId) => RULES[id].source;
  return {
    news,
    stages: AMNESTY_STAGES.map((stage) => ({
      stage,
      label: CAMP_STAGE_LABELS[stage].label,
      waiting: r.waitingNow[stage],
      meanWaitDays: r.stages.find((x) => x.stage === stage)!.meanWaitDays,
      source: src(CAMP_STAGE_LABELS[stage].rule),
    })),
    freedShare: r.qualifying === 0 ? 0 : r.freed.total / r.qualifying,
    outcomes: [
      { label: "Freed and gone home", count: o.freedHome, source: src("amnesty1945Transit") },
      { label: "Freed, still at a transit checkpoint", count: o.freedInTransit, source: src("amnesty1945Transit") },
      { label: "Freed on paper, kept on as “voluntary” labour", count: o.keptOn, source: src("amnesty1945KeptOn") },
      { label: "Released in error and returned", count: o.returnedAfterError, source: src("amnesty1945Errors") },
      { label: "Left out as recidivists", count: o.excludedAsRecidivist, source: src("amnesty1945Recidivists") },
      { label: "Term halved", count: o.termHalved, source: src("amnesty1945Halving") },
      { label: "Not covered by the decree", count: o.notCovered, source: src("amnesty1945Release") },
    ],
    tallies: r.releasedByDate.map((t) => ({
      date: dateLabel(t.date),
      label: t.label,
      // Not yet on dates still to come, and none on a date the source marks without a figure.
      freed: t.day < camp.now && t.historical !== null ? t.freed : null,
      historical: t.historical,
    })),
  };
}

/**
 * Who a camp seat plays, for its "Who am I?" card: what the role did and
 * what weighed on it, each line with its rule's source (the framing line is
 * the game's and says so).
 */
export function campRoleCard(role: "procurator" | "petitioner"): {
  title: string;
  lines: (Sourced | { text: string; source: "invented" })[];
} {
  if (role === "procurator") {
    return {
      title: "Who am I? A clerk of the camp's records department",
      lines: [
        {
          text: "You work in the records-and-assignment department (OURZ) of a camp in July 1945. You are one of the game's composites, not a real person.",
          source: "invented",
        },
        rule("amnesty1945Records"),
        rule("amnesty1945Priority"),
        rule("amnesty1945Recidivists"),
        rule("amnesty1945Errors"),
      ],
    };
  }
  return {
    title: "Who am I? A prisoner on 7 July 1945",
    lines: [
      {
        text: "You are held in a camp or a labour colony when the amnesty is announced. You are one of the game's composites, not a real person.",
        source: "invented",
      },
      rule("amnesty1945Release"),
      rule("amnesty1945Halving"),
      rule("amnesty1945Passports"),
      rule("amnesty1945KeptOn"),
    ],
  };
}
