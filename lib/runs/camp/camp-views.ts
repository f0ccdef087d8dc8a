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
import { dateLabel } from "@/lib/runs/clock";

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
  shirker: "sentenced for shirking (the 1940 labour laws)",
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
        "The decree frees this prisoner — once the records department has checked the file for earlier convictions.",
      why,
      rule: rule("amnesty1945Release"),
    };
  }
  if (halvedByDecree1945(facts)) {
    return {
      verdict: "Not freed: the rest of the term is halved.",
      why: `The sentence is ${term}, more than ${AMNESTY_1945_MAX_TERM_YEARS} years, for ${OFFENCE_LABELS[offence]}.`,
      rule: rule("amnesty1945Halving"),
    };
  }
  return {
    verdict: "Not covered: the decree neither frees this prisoner nor halves the term.",
    why: `The sentence is ${term}, more than ${AMNESTY_1945_MAX_TERM_YEARS} years, for ${OFFENCE_LABELS[offence]}: the decree halves no such term.`,
    rule: rule("amnesty1945Halving"),
  };
}

/** Where a prisoner is, as the machine describes its state, with the state's rule. */
export function campStatus(state: string): Sourced & { state: string } {
  const node = amnestyPrisonerMachine.states[state as keyof typeof amnestyPrisonerMachine.states];
  const ruleId = (node?.meta as { rule?: RuleId } | undefined)?.rule;
  const source = ruleId ? RULES[ruleId].source : "alexopoulos-1945";
  return { state, text: node?.description ?? state, source };
}

/** The camp's figures as news: freed so far, and the source's tallies reached by now (scaled to the camp). */
export type CampNews = {
  date: string;
  dateLabel: string;
  prisoners: number;
  qualifying: number;
  freed: number;
  waitingInside: number;
  newPrisoners: number;
  /** the source's dates passed so far: the camp's freed beside the figure the source gives, scaled to this camp */
  tallies: { date: string; label: string; freed: number; historical: number | null }[];
};

export function campNews(camp: AmnestyWorld, scenario: AmnestyScenario): CampNews {
  const r = camp.result();
  const date = amnestyDate(scenario, camp.now);
  return {
    date,
    dateLabel: dateLabel(date),
    prisoners: camp.held,
    qualifying: r.qualifying,
    freed: r.freed.total,
    waitingInside: r.waitingNow.fileCheck + r.waitingNow.signature + r.waitingNow.passportRoster,
    newPrisoners: r.newPrisoners.total,
    tallies: r.releasedByDate
      .filter((t) => t.day < camp.now)
      .map((t) => ({ date: dateLabel(t.date), label: t.label, freed: t.freed, historical: t.historical })),
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
  files: CampFile[];
  rules: Sourced[];
  news: CampNews;
};

/** Files a clerk's desk shows at once: enough to choose among, few enough for a phone. */
export const CLERK_FILES_SHOWN = 6;

export function campClerkView(camp: AmnestyWorld, scenario: AmnestyScenario, seat: number): CampClerkView {
  const st = scenario.stages;
  const news = campNews(camp, scenario);
  const files = camp
    .filesAwaitingCheck(CLERK_FILES_SHOWN)
    .map((i): CampFile => ({ ...fileFacts(camp, i), waitingDays: camp.prisoner(i).waitingDays }));
  return {
    kind: "clerk",
    hoursLeft: camp.clerkHoursLeft(seat),
    hoursPerDay: st.clerkHoursPerDay,
    thoroughHours: st.thoroughCheckHours,
    hurriedHours: st.hurriedCheckHours,
    orderComesOn: camp.now < st.recordsStartDay ? dateLabel(amnestyDate(scenario, st.recordsStartDay)) : null,
    filesWaiting: news.qualifying === 0 ? 0 : camp.result().waitingNow.fileCheck,
    files,
    rules: [rule("amnesty1945Records"), rule("amnesty1945Priority"), rule("amnesty1945Recidivists")],
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
  freedOn: string | null;
  news: CampNews;
};

export function campPrisonerView(camp: AmnestyWorld, scenario: AmnestyScenario, i: number): CampPrisonerView {
  const p = camp.prisoner(i);
  return {
    kind: "prisoner",
    ...fileFacts(camp, i),
    decree: decreeReading(p.offence, p.termYears),
    status: campStatus(p.state),
    filesAhead: camp.filesAhead(i),
    canSign: p.state === "awaitingSignature",
    freedOn: p.freedOnDay === null ? null : dateLabel(amnestyDate(scenario, p.freedOnDay)),
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
  const news = campNews(camp, scenario);
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
      freed: t.day < camp.now ? t.freed : null,
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
