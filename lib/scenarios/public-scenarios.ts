import { historicalDateLabel, historicalDay } from "@/lib/sim/historical-date";
import { MAX_RUN_CASES } from "@/lib/runs/policy";
import { AMNESTY_SCENARIOS } from "@/lib/sim/amnesty/scenarios";
import { SCENARIOS } from "@/lib/sim/scenarios";
import { SOURCE_KEYS, type SourceKey } from "@/lib/sources";
import { conflictsConcerning, type KnownConflict } from "@/lib/sources/conflicts";

/*
 * What the public scenario pages (/scenarios, /scenarios/[id]) say about each
 * scenario Spravka ships. Only shipped scenarios are here: a teacher's own
 * copy lives in their account and is never listed publicly, so nothing in
 * this module reads the database.
 */

/** A sentence the app states, with the source it rests on. */
export type Sourced = { text: string; source: SourceKey };

/** What a scenario is for, written for a 16-year-old meeting it for the first time. */
type Lesson = {
  /** what playing it shows, in two or three plain sentences; its history rests on `source` */
  teaches: Sourced;
  /** a question to take into the debrief or an essay */
  question: string;
};

/**
 * One lesson per shipped scenario id. The figures in these sentences are the
 * scenario's own compare figures or summary, so they rest on the same source.
 */
const LESSONS: Record<string, Lesson> = {
  "rostov-1954": {
    teaches: {
      text: "Looking again at a case is not the same as freeing someone. Rostov's commission met 18 times and went through 1,709 people, yet only 56 were fully rehabilitated — declared innocent. The sources do not say what happened to the rest.",
      source: "adler-ch3",
    },
    question:
      "Why might officials who had worked in the old system find it hard to say that a sentence had been wrong?",
  },
  "chita-1954": {
    teaches: {
      text: "A commission could decide that most sentences were illegal and still clear few people completely. Chita's review found almost two cases in three illegal, but only 150 cases ended in full rehabilitation; many people got a shorter sentence or an amnesty instead.",
      source: "adler-ch3",
    },
    question:
      "What is the difference between being let out and being declared innocent — and why did it matter to the person?",
  },
  "tomsk-1955": {
    teaches: {
      text: "Delay can come from too few people and missing paperwork, not only from ill will. In Tomsk six staff had 35 cases covering a few hundred people; the original files were held elsewhere and every statement had to be checked against other cases, so the legal time limits were broken.",
      source: "adler-ch3",
    },
    question: "With six staff and the files far away, which cases would you take first — and who would wait?",
  },
  "missing-lists-1954": {
    teaches: {
      text: "A review can stall because one office does nothing. Commissions were told to work from prisoners' complaints, but many still waited for lists of prisoners that the camps never sent; in Kostroma 250 to 300 cases stood still.",
      source: "adler-ch3",
    },
    question: "Who had the power to slow the review down simply by not answering?",
  },
  "stalingrad-1955": {
    teaches: {
      text: "Even in 1955 the usual answer was still no: Stalingrad reviewed 2,181 complaints and confirmed about three sentences in four. Its own tally does not add up to its total, which is also a lesson in reading sources.",
      source: "adler-ch3",
    },
    question: "When a source's figures do not add up, what should a historian do with them?",
  },
  "january-1955-dockets": {
    teaches: {
      text: "Provinces under the same rules judged cases differently. Leningrad province upheld 1,622 of 2,869 cases; Astrakhan and Balashov, at the same time, had rates of their own. The scenario asks whether one province's habits fit its neighbours.",
      source: "adler-ch3",
    },
    question: "If the rules were the same everywhere, why did the results differ from place to place?",
  },
  "complaints-to-accused": {
    teaches: {
      text: "A letter only helps if it reaches someone willing to act on it. Many complaints went through the camp administration, which passed them to the very people they accused; in Mordovia 24% of complaints ended up that way.",
      source: "adler-ch3",
    },
    question: "If you were a prisoner, whom would you write to — and how would you know your letter had arrived?",
  },
  "petitioning-the-top-1955": {
    teaches: {
      text: "Writing to the top could work, but what came back was often a pardon, not a rehabilitation. The Presidium of the RSFSR Supreme Soviet granted about 165 requests in the first half of 1955, in wording that still called the person “justifiably sentenced”.",
      source: "adler-ch3",
    },
    question: "Why would it matter to someone whether they were pardoned or declared innocent?",
  },
  "missing-spravka-1955": {
    teaches: {
      text: "Being cleared on paper did not end the trouble. Courts suspended cases but often did not send the spravka, the certificate that proved rehabilitation, and people were passed from office to office asking for it.",
      source: "adler-ch3",
    },
    question: "What could a person whose sentence still stood not do, even after release?",
  },
  "national-1954": {
    teaches: {
      text: "The size of the problem. There were 467,946 counter-revolutionary prisoners and 365 camp procurators, in a Procuracy where fewer than half the staff had a law degree; by early 1956 about 24,036 people had been released under the May 1954 review.",
      source: "adler-ch3",
    },
    question:
      "How long would it take 365 people, with other work to do, to read almost half a million files one by one?",
  },
  "amnesty-1945": {
    teaches: {
      text: "Freeing people by category is fast; checking every file is slow. After the war a decree freed whole groups of prisoners at once: overworked records offices still checked each file, and 620,753 people went out within months while new prisoners kept arriving. Set beside the 1954–55 review, it shows why case-by-case review took so long.",
      source: "alexopoulos-1945",
    },
    question:
      "Why could the state free hundreds of thousands of people by category in 1945, yet review political prisoners so slowly in 1954–55?",
  },
};

/** A part a player can take. */
export type ScenarioRole = { name: string; does: string; history?: Sourced };

const REVIEW_ROLES: readonly ScenarioRole[] = [
  {
    name: "Petitioner",
    does: "A prisoner, or a relative writing for one. You choose whom to write to and what to ask for, then wait — and at the end you see where each letter went and who held it.",
    history: {
      text: "Letters went to the Procuracy, the KGB, the camp or the Presidium of the Supreme Soviet; many were lost or sent to the people they accused.",
      source: "adler-ch3",
    },
  },
  {
    name: "Procurator",
    does: "A procurator on the commission. Files are on your desk from the first day, and you have only so many hours to read them and decide.",
    history: {
      text: "Most procurators of the time had served ten years or more, fewer than half had a law degree, and they were told not to weaken the fight against “real enemies”.",
      source: "adler-ch3",
    },
  },
];

const CAMP_ROLES: readonly ScenarioRole[] = [
  {
    name: "Prisoner",
    does: "A prisoner in a camp in July 1945, waiting to learn whether the amnesty covers you, and then for your papers and a place on a train home.",
    history: {
      text: "The decree freed terms of three years or less and whole groups besides; others had their terms halved, and some were left out.",
      source: "alexopoulos-1945",
    },
  },
  {
    name: "Records clerk",
    does: "A clerk in the camp's records department, checking each release file for earlier convictions with too few hours in the day.",
    history: {
      text: "The records departments were “extremely overburdened”: every file was checked, and people released in error were hunted down.",
      source: "alexopoulos-1945",
    },
  },
];

/** A figure from the sources the scenario's runs are compared with. */
export type ScenarioFigure = {
  label: string;
  source: SourceKey;
  /** the game was tuned to match it (true), or it is a check nothing was tuned to (false) */
  fitted: boolean;
};

/**
 * A historical event the scenario schedules inside its dates: `date` is the
 * day the game applies it; `dateLabel` and `dateTime` say when it happened,
 * no more precisely than the source ("June 1954").
 */
export type ScenarioEvent = { date: string; dateLabel: string; dateTime: string; title: string; source: SourceKey };

export type PublicScenario = {
  id: string;
  title: string;
  summary: string;
  kind: "review" | "camp";
  /** ISO date the scenario starts on, and its length in simulated days */
  startDate: string;
  horizonDays: number;
  teaches: Sourced;
  question: string;
  roles: readonly ScenarioRole[];
  figures: readonly ScenarioFigure[];
  events: readonly ScenarioEvent[];
  /** parameters the sources give no figure for, which the game chose, and says so */
  inventions: readonly string[];
  /** every source the scenario's texts, figures and parameters rest on, in the sources page's order */
  sources: readonly SourceKey[];
  conflicts: readonly KnownConflict[];
  /** small enough to play alone or with a class (the national queue runs only in the lab) */
  playable: boolean;
};

/** ISO date `days` after `iso`. */
function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + days)).toISOString().slice(0, 10);
}

function build(
  base: {
    id: string;
    title: string;
    summary: string;
    startDate: string;
    horizonDays: number;
    compare: readonly { label: string; source: SourceKey; fitted: boolean; restates?: string | undefined }[];
    provenance: Record<string, { source: SourceKey | "invented"; note: string }>;
  },
  kind: PublicScenario["kind"],
  events: readonly ScenarioEvent[],
  playable: boolean,
): PublicScenario {
  const lesson = LESSONS[base.id];
  if (!lesson) throw new Error(`The shipped scenario ${base.id} has no lesson text for the scenarios page.`);
  const roles = kind === "camp" ? CAMP_ROLES : REVIEW_ROLES;
  const end = addDays(base.startDate, base.horizonDays);
  // Only the events that fall inside the scenario's dates happen in it.
  const inWindow = events.filter((e) => e.date >= base.startDate && e.date <= end);
  const provenance = Object.values(base.provenance);
  const conflicts = conflictsConcerning(`scenario:${base.id}`);
  const used = new Set<SourceKey>([
    lesson.teaches.source,
    ...roles.flatMap((r) => (r.history ? [r.history.source] : [])),
    ...base.compare.map((c) => c.source),
    ...inWindow.map((e) => e.source),
    ...provenance.flatMap((p) => (p.source === "invented" ? [] : [p.source])),
    ...conflicts.flatMap((c) => c.readings.map((r) => r.source)),
  ]);
  return {
    id: base.id,
    title: base.title,
    summary: base.summary,
    kind,
    startDate: base.startDate,
    horizonDays: base.horizonDays,
    teaches: lesson.teaches,
    question: lesson.question,
    roles,
    // A count that restates a share's figure (Chita's 365 of 980 upheld) is the same figure: listed once, under the share.
    figures: base.compare
      .filter((c) => c.restates === undefined)
      .map((c) => ({ label: c.label, source: c.source, fitted: c.fitted })),
    events: inWindow,
    inventions: [...new Set(provenance.filter((p) => p.source === "invented").map((p) => p.note))],
    sources: SOURCE_KEYS.filter((k) => used.has(k)),
    conflicts,
    playable,
  };
}

/**
 * Every scenario Spravka ships, as the public pages show it: the 1954–55
 * review's, then the 1945 amnesty's camp. Never a teacher's own.
 */
export function publicScenarios(): PublicScenario[] {
  return [
    ...SCENARIOS.map((s) =>
      build(
        {
          ...s,
          compare: s.compare.map((c) => ({ ...c, source: c.source as SourceKey })),
          provenance: s.provenance,
        },
        "review",
        s.events.map((e) => ({
          date: e.date,
          dateLabel: historicalDateLabel(e.dateAsGiven ?? e.date),
          // A machine-readable date as precise as the label: a month as YYYY-MM, two days by the first.
          dateTime: e.dateAsGiven?.includes("/") ? historicalDay(e.dateAsGiven) : (e.dateAsGiven ?? e.date),
          title: e.title,
          source: e.source as SourceKey,
        })),
        s.caseload.cases <= MAX_RUN_CASES,
      ),
    ),
    ...AMNESTY_SCENARIOS.map((s) => build(s, "camp", [], true)),
  ];
}

/** A shipped scenario by id, or undefined — for any other id, a teacher's own ("custom-…") included. */
export function findPublicScenario(id: string): PublicScenario | undefined {
  return publicScenarios().find((s) => s.id === id);
}
