import { SOURCES, type SourceKey } from "@/lib/sources";

/**
 * Where the sources disagree, or a source's own figures do not add up, or its
 * words can be read two ways. The brief's rule (../shared/domain/README.md):
 * show the conflict, don't pick. Each entry lists every reading with its
 * source and the line of ../shared/domain/brief.md that records it (the
 * project's copy gives no page numbers), a note a 16-year-old can follow, and
 * the figures in the app it concerns.
 *
 * For code that shows one of these figures: put `<SourceConflict id="…" />`
 * (app/_components/source-conflict.tsx) beside it, or, in plain text (CLI,
 * exports), `conflictSummary(conflictFor("…"))` and `conflictHref`. Add the
 * place to the entry's `concerns`, so the sources page lists it and the test
 * checks the two stay together.
 */

export type ConflictKind = "sources-disagree" | "does-not-add-up" | "different-counts" | "ambiguous-wording";

export const CONFLICT_KIND_LABELS: Record<ConflictKind, string> = {
  "sources-disagree": "Sources disagree",
  "does-not-add-up": "The figures do not add up",
  "different-counts": "The counts differ",
  "ambiguous-wording": "The words can be read two ways",
};

export type ConflictReading = {
  /** the figure or words, short, as the source gives them (quotation marks where they are its words) */
  value: string;
  /** what the reading says, in a sentence */
  statement: string;
  source: SourceKey;
  /** line, or first and last line, of ../shared/domain/brief.md that record it */
  briefLines: readonly [number] | readonly [number, number];
  /** the words on those lines the reading rests on (a test finds them there) */
  briefText: string;
  /**
   * Arithmetic done on the source's own figures (the brief marks it "calc"):
   * the parts and the sum they make. A test checks the sum.
   */
  calc?: { parts: readonly number[]; total: number };
};

/** A place in the app that shows a figure a conflict concerns: a stable ref, a label, and a link when it has one. */
export type ConflictConcern = { ref: string; label: string; href?: string };

export type Conflict = {
  id: string;
  topic: string;
  kind: ConflictKind;
  readings: readonly ConflictReading[];
  note: string;
  /** where the app shows the figure; empty when it does not (yet) */
  concerns: readonly ConflictConcern[];
};

const CONFLICT_LIST = [
  {
    id: "amnesty-1953-releases",
    topic: "How many people the March 1953 amnesty freed",
    kind: "sources-disagree",
    readings: [
      {
        value: "1,201,738",
        statement: "1,201,738 people released under the amnesty in 1953, from archive figures.",
        source: "adler-ch3",
        briefLines: [147],
        briefText: "1,201,738",
      },
      {
        value: "“over 1.5 million”",
        statement: "“Over 1.5 million” freed within three months.",
        source: "17moments",
        briefLines: [5],
        briefText: '"over 1.5 million" within three months',
      },
      {
        value: "“over 1.5 million”",
        statement: "“Over 1.5 million” freed within three months.",
        source: "blog-destalinization",
        briefLines: [5],
        briefText: '"over 1.5 million" within three months',
      },
      {
        value: "“a million”",
        statement: "About “a million” freed.",
        source: "alexopoulos-1945",
        briefLines: [5],
        briefText: '"a million"',
      },
    ],
    note: "Three totals for the same amnesty. Adler's comes from archive counts and covers all of 1953; the essay and the blog that follows it say more than 1.5 million within three months; Alexopoulos says a million. The sources do not explain the gap. Spravka shows Adler's figure, because it is the most precise and comes from the archives, and shows the others beside it.",
    concerns: [{ ref: "glossary:amnesty-1953", label: "Glossary: the 1953 amnesty", href: "/glossary#amnesty-1953" }],
  },
  {
    id: "amnesty-1953-share",
    topic: "What share of prisoners was freed in 1953",
    kind: "sources-disagree",
    readings: [
      {
        value: "53.8%",
        statement: "53.8% of prisoners freed — a Central Committee figure.",
        source: "adler-ch3",
        briefLines: [147],
        briefText: "53.8% (CC)",
      },
      {
        value: "about 40%",
        statement: "About 40% — the historian Zemskov's figure.",
        source: "adler-ch3",
        briefLines: [147],
        briefText: "~40% (Zemskov)",
      },
      {
        value: "“as much as forty percent”",
        statement: "“As much as forty percent”.",
        source: "alexopoulos-1945",
        briefLines: [6],
        briefText: '"as much as forty percent"',
      },
    ],
    note: "Even one source gives two answers: Adler reports both a Central Committee figure (53.8%) and the historian Zemskov's (about 40%). A share depends on what it is a share of — all prisoners, or only those in camps and colonies, on which date — and the figures here do not all say.",
    concerns: [],
  },
  {
    id: "may-1954-review-releases",
    topic: "How many people the May 1954 review freed",
    kind: "sources-disagree",
    readings: [
      {
        value: "“several thousand”",
        statement: "A “special commission” freed “several thousand”.",
        source: "17moments",
        briefLines: [7],
        briefText: 'a "special commission" freeing "several thousand"',
      },
      {
        value: "“several thousand”",
        statement: "A “special commission” freed “several thousand”.",
        source: "blog-not-all-free",
        briefLines: [7],
        briefText: 'a "special commission" freeing "several thousand"',
      },
      {
        value: "24,036",
        statement: "24,036 released after the review ordered by the decree of 19 May 1954, counted to early 1956.",
        source: "adler-ch3",
        briefLines: [169],
        briefText: "Released after the May 19, 1954 review | to early 1956 | 24,036",
      },
    ],
    note: "The essay and the blog that draws on it speak of one “special commission” and “several thousand” freed. Adler, working from the archives, describes many commissions under the decree of 19 May 1954 and counts 24,036 released by early 1956. The sources do not say whether “several thousand” was an earlier count. Spravka uses Adler's archive count.",
    concerns: [
      {
        ref: "home:released-after-review",
        label: "Start page: “24,036 released after the May 1954 review”",
        href: "/",
      },
      {
        ref: "scenario:national-1954",
        label: "Scenario: the national queue (1954–56)",
        href: "/scenarios/national-1954",
      },
    ],
  },
  {
    id: "politicals-released-1954-55",
    topic: "How many political prisoners were released in 1954–55",
    kind: "different-counts",
    readings: [
      {
        value: "24,036",
        statement: "24,036 released after the May 1954 review, to early 1956.",
        source: "adler-ch3",
        briefLines: [169],
        briefText: "Released after the May 19, 1954 review | to early 1956 | 24,036",
      },
      {
        value: "88,278",
        statement: "88,278 political prisoners released in 1954–55 (the historian Zemskov's figure).",
        source: "adler-ch3",
        briefLines: [170],
        briefText: "Politicals released (Zemskov) | 1954–55 / 1955 | 88,278 / 195,353 (definitions differ)",
      },
      {
        value: "195,353",
        statement: "195,353 released in 1955 (Zemskov again).",
        source: "adler-ch3",
        briefLines: [170],
        briefText: "Politicals released (Zemskov) | 1954–55 / 1955 | 88,278 / 195,353 (definitions differ)",
      },
    ],
    note: "Adler gives all three and warns that the definitions differ. The 24,036 counts only people freed through the May 1954 review; what exactly Zemskov counted is not recorded in Spravka's copy. Notice that a figure for 1955 alone (195,353) is bigger than one for 1954–55 together (88,278): they cannot be counting the same people. Use each only for what it counts.",
    concerns: [
      {
        ref: "home:released-after-review",
        label: "Start page: “24,036 released after the May 1954 review”",
        href: "/",
      },
      {
        ref: "scenario:national-1954",
        label: "Scenario: the national queue (1954–56)",
        href: "/scenarios/national-1954",
      },
    ],
  },
  {
    id: "amnesty-1953-politicals",
    topic: "Did the 1953 amnesty leave out all political prisoners?",
    kind: "sources-disagree",
    readings: [
      {
        value: "only terms over five years excluded",
        statement:
          "The amnesty freed everyone sentenced to up to five years; it excluded terms over five years for counter-revolution (and for some other crimes).",
        source: "blog-not-all-free",
        briefLines: [94, 98],
        briefText: "Frees everyone sentenced to up to five years",
      },
      {
        value: "politicals left out",
        statement:
          "Political prisoners were left out of the amnesty: “There cannot be any mercy for enemies of the people”, they were told.",
        source: "adler-ch3",
        briefLines: [111, 113],
        briefText: "Politicals left out of the 1953 amnesty",
      },
    ],
    note: "The blog gives the decree's rule: a political prisoner with five years or less was freed like anyone else. Adler says politicals were left out. Both can be partly true, because most politicals had 8 to 25 years (Adler again) and so fell outside the rule — but the sources do not say how many political prisoners with short terms went free.",
    concerns: [
      { ref: "glossary:amnesty-1953", label: "Glossary: the 1953 amnesty", href: "/glossary#amnesty-1953" },
      { ref: "scenario:chita-1954", label: "Scenario: Chita takes Adler's reading", href: "/scenarios/chita-1954" },
      {
        ref: "rule:amnestyFiveYears",
        label: "The rules of the review: the 1953 amnesty",
        href: "/sources#blog-not-all-free",
      },
    ],
  },
  {
    id: "stalingrad-total",
    topic: "Stalingrad, 1955: 2,181 complaints, but the outcomes add up to 2,099",
    kind: "does-not-add-up",
    readings: [
      {
        value: "2,181",
        statement: "2,181 complaints reviewed in Stalingrad in 1955.",
        source: "adler-ch3",
        briefLines: [160],
        briefText: "2,181 complaints",
      },
      {
        value: "2,099",
        statement: "Its outcomes — 360 reduced, 121 amnestied, 16 freed from exile, 1,602 upheld — add up to 2,099.",
        source: "adler-ch3",
        briefLines: [160],
        briefText: "sums to 2,099",
        calc: { parts: [360, 121, 16, 1602], total: 2099 },
      },
    ],
    note: "82 complaints are missing from the breakdown, and the source does not say what became of them. It matters for the share upheld: 1,602 is 73% of 2,181 but 76% of 2,099. Either way, about three in four.",
    concerns: [
      { ref: "scenario:stalingrad-1955", label: "Scenario: Stalingrad 1955", href: "/scenarios/stalingrad-1955" },
    ],
  },
  {
    id: "chita-outcomes",
    topic: "Chita, 1954–55: 615 cases found illegal, but the outcomes add up to 656",
    kind: "does-not-add-up",
    readings: [
      {
        value: "615",
        statement: "615 cases (63%) found illegal, of 980 reviewed.",
        source: "adler-ch3",
        briefLines: [159],
        briefText: "615 (63%) illegal",
      },
      {
        value: "656",
        statement: "150 fully rehabilitated, 362 reduced, about 137 amnestied and 7 freed from exile make 656.",
        source: "adler-ch3",
        briefLines: [159],
        briefText: "full rehabilitation 150 cases / 296 persons; 362 reduced; ~137 amnestied; 7 freed from exile",
        calc: { parts: [150, 362, 137, 7], total: 656 },
      },
    ],
    note: "The outcomes come to 41 more than the illegal cases. The source does not say whether the 362 and the 137 count cases or people — and Chita's cases often held several people (980 cases, 1,646 persons) — so the parts may not be counted the same way as the 615.",
    concerns: [{ ref: "scenario:chita-1954", label: "Scenario: Chita (1954–55)", href: "/scenarios/chita-1954" }],
  },
  {
    id: "staff-cut",
    topic: "The Procuracy staff “reduced in size three times” in 1954",
    kind: "ambiguous-wording",
    readings: [
      {
        value: "to a third",
        statement: "Read as threefold: the staff was cut to a third of its size.",
        source: "adler-ch3",
        briefLines: [118],
        briefText: '"reduced in size three times" in 1954',
      },
      {
        value: "three cuts",
        statement: "Read as three occasions: the staff was cut three times, by amounts not given.",
        source: "adler-ch3",
        briefLines: [118],
        briefText: '"reduced in size three times" in 1954',
      },
    ],
    note: "The English words allow both readings, and the source does not settle it. A cut to a third is far bigger than three cuts of unknown size. Spravka's staff-cut event takes the first reading (procurators fall to a third); the second is just as possible.",
    concerns: [
      { ref: "injection:staff-cut", label: "The event a teacher can inject: “A Procuracy staff cut”" },
      { ref: "lab:procurators", label: "The what-if lab: procurators reviewing files", href: "/lab" },
      {
        ref: "scenario:national-1954",
        label: "Scenario: the national queue (1954–56)",
        href: "/scenarios/national-1954",
      },
    ],
  },
  {
    id: "prisoners-1953",
    topic: "How many prisoners there were in early 1953",
    kind: "different-counts",
    readings: [
      {
        value: "2,526,402",
        statement: "2,526,402 prisoners in all on 26 March 1953 (Beria's count).",
        source: "adler-ch3",
        briefLines: [145],
        briefText: "Mar 26, 1953 | 2,526,402",
      },
      {
        value: "2,472,247",
        statement: "2,472,247 in camps and colonies at their peak, January 1953.",
        source: "alexopoulos-1945",
        briefLines: [146],
        briefText: "Jan 1953 | 2,472,247",
      },
    ],
    note: "Two dates and two scopes: every prisoner in March, against camps and colonies in January. Neither figure is wrong, and the difference between them is not a number of anything — don't subtract one from the other.",
    concerns: [],
  },
  {
    id: "amnesty-1945-arrivals",
    topic: "How fast new prisoners arrived during the 1945 amnesty",
    kind: "different-counts",
    readings: [
      {
        value: "194,074 by 1 October",
        statement: "194,074 new prisoners arrived between the decree of 7 July and 1 October 1945.",
        source: "alexopoulos-1945",
        briefLines: [251],
        briefText: "194,074 new prisoners by Oct 1",
      },
      {
        value: "about 75,000 a month",
        statement: "About 75,000 new prisoners arrived a month.",
        source: "alexopoulos-1945",
        briefLines: [251],
        briefText: "~75,000 a month",
      },
    ],
    note: "Both figures are Alexopoulos's, and they do not give the same pace. Spread over the 86 days from 7 July to 1 October, 194,074 is about 2,260 a day, or some 67,700 in a 30-day month (Spravka's arithmetic) — about a tenth less than 75,000. The notes do not say which months the 75,000 covers, so the two may count different periods; neither has to be wrong. Spravka's 1945 scenario takes its arrival rate from the 194,074.",
    concerns: [
      { ref: "glossary:amnesty-1945", label: "Glossary: the 1945 amnesty", href: "/glossary#amnesty-1945" },
      {
        ref: "rule:amnesty1945RevolvingDoor",
        label: "The rules of the 1945 amnesty: new prisoners kept arriving",
        href: "/sources#alexopoulos-1945",
      },
      {
        ref: "scenario:amnesty-1945",
        label: "Scenario: the 1945 amnesty (its arrival rate comes from the 194,074)",
        href: "/scenarios/amnesty-1945",
      },
    ],
  },
] as const satisfies readonly Conflict[];

export type ConflictId = (typeof CONFLICT_LIST)[number]["id"];

/** A conflict of the table, its id one the type checker knows. */
export type KnownConflict = Conflict & { id: ConflictId };

export const CONFLICTS: readonly KnownConflict[] = CONFLICT_LIST;

/** The conflict with this id (typed, so a typo fails the type check rather than the page). */
export function conflictFor(id: ConflictId): KnownConflict {
  return CONFLICTS.find((c) => c.id === id)!;
}

/** A conflict by an id from outside the type system (a URL, a scenario file); undefined when none. */
export function findConflict(id: string): KnownConflict | undefined {
  return CONFLICTS.find((c) => c.id === id);
}

/** The conflicts that concern a place in the app, e.g. "glossary:amnesty-1953" or "scenario:chita-1954". */
export function conflictsConcerning(ref: string): KnownConflict[] {
  return CONFLICTS.filter((c) => c.concerns.some((k) => k.ref === ref));
}

/** The id of the conflict's section on the sources page. */
export function conflictAnchor(id: string): string {
  return `conflict-${id}`;
}

export function conflictHref(id: string): string {
  return `/sources#${conflictAnchor(id)}`;
}

/**
 * The readings in a line, each figure once with every source that gives it:
 * “1,201,738 (Adler, ch. 3); “over 1.5 million” (Seventeen Moments, Student blog); …”.
 * Arithmetic on a source's figures is marked as such.
 */
export function conflictSummary(conflict: Conflict): string {
  const byValue = new Map<string, string[]>();
  for (const r of conflict.readings) {
    const who = r.calc ? `sum of ${SOURCES[r.source].short}'s figures` : SOURCES[r.source].short;
    const list = byValue.get(r.value) ?? [];
    if (!list.includes(who)) list.push(who);
    byValue.set(r.value, list);
  }
  return [...byValue].map(([value, who]) => `${value} (${who.join(", ")})`).join("; ");
}
