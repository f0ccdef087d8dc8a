/**
 * The opening and the ending a teacher can put around a 1954–55 run: the
 * March 1953 amnesty as a prologue on every seat, and February 1956 as an
 * epilogue in every debrief. Each line carries its source key; where the
 * sources disagree it names the conflict (lib/sources/conflicts.ts) instead
 * of picking; where they give no figure, the line says it is the game's
 * estimate.
 */
import type { ConflictId } from "@/lib/sources/conflicts";
import type { World } from "@/lib/sim/engine";
import { caseLabel } from "./case-label";
import { amnesty1953Covers, AMNESTY_1953_MAX_TERM_YEARS, type AmnestyReading } from "@/machines/rules";
import type { Outcome, SourceKey } from "@/machines/vocabulary";

/** One sentence or two, with what it rests on (null: an instruction or a lead-in that claims nothing itself). */
export type FrameLine = {
  text: string;
  source: SourceKey | "invented" | null;
  /** where the sources disagree about a figure in the text */
  conflicts?: readonly ConflictId[];
  /** for an invented line: what it is based on */
  basis?: SourceKey;
};

export type FrameSection = { heading: string; lines: readonly FrameLine[] };

export type StoryFrame = { title: string; sections: readonly FrameSection[] };

/** A case as the frame speaks of it, read from a run's world (one read of its facts). */
export function framedCase(
  world: Pick<World, "caseFacts" | "caseState" | "startedInCamp">,
  i: number,
): FramedCase & { outcome: Outcome; spravkaIssued: boolean } {
  const facts = world.caseFacts(i);
  return {
    label: caseLabel(i),
    article: facts.article,
    termYears: facts.termYears,
    custody: world.startedInCamp(i) ? "camp" : "exile",
    outcome: world.caseState(i).outcome,
    spravkaIssued: facts.spravkaIssued,
  };
}

/** The facts of a seat's case the frame speaks to (a procurator's desk has none of its own). */
export type FramedCase = {
  label: string;
  article: string;
  termYears: number;
  /** where the person was when the review began */
  custody: "camp" | "exile";
};

const AMNESTY_1953: FrameSection = {
  heading: "What the amnesty did",
  lines: [
    {
      text: "On March 27, 1953, the Presidium of the Supreme Soviet declared an amnesty. It freed everyone sentenced to five years or less, and — whatever their term — people convicted of economic, military and official crimes, pregnant women and mothers of children under ten, under-18s, men over 55, women over 50 and the incurably ill. Longer terms were halved.",
      source: "blog-not-all-free",
    },
    {
      text: "It left out those with more than five years for counter-revolution (article 58), major theft of state property, banditry and premeditated murder.",
      source: "blog-not-all-free",
    },
    { text: "Most political prisoners had eight to twenty-five years.", source: "adler-ch3" },
    {
      // A lead-in: the conflicts under it name every source and what each says.
      text: "How many went home? The sources give different totals and shares: read them side by side.",
      source: null,
      conflicts: ["amnesty-1953-releases", "amnesty-1953-share"],
    },
    {
      text: "“What about us 58'ers?” a prisoner asked. “There cannot be any mercy for enemies of the people.”",
      source: "adler-ch3",
    },
  ],
};

/**
 * The prologue: what the 1953 amnesty did, and what it meant for this seat.
 * A petitioner hears about their own case; a procurator about the files the
 * amnesty left on desks like theirs.
 */
export function prologue1953(
  role: "petitioner" | "procurator",
  cases: readonly FramedCase[],
  reading: AmnestyReading,
): StoryFrame {
  const yours: FrameLine[] =
    role === "procurator"
      ? [
          {
            text: "Long sentences for counter-revolution were left out of the amnesty, so the files that come to the review — and to your desk — are mostly political sentences it did not reach.",
            source: "adler-ch3",
          },
        ]
      : cases.length === 0
        ? [
            {
              // In the lobby cases are not dealt yet: say when this section will speak about the student's own.
              text: "Your case is dealt when the clock starts. Come back here then to see whether the amnesty reached it.",
              source: null,
            },
          ]
        : cases.map((c) => amnestyAndYou(c, reading));
  return {
    title: "Prologue: the amnesty of March 1953",
    sections: [AMNESTY_1953, { heading: role === "procurator" ? "Your desk" : "Your case", lines: yours }],
  };
}

/**
 * Whether the 1953 amnesty's words reached this case, by the scenario's
 * reading of the sources. Said of "the person", never "you": a student may
 * play the prisoner or a relative writing for them.
 */
function amnestyAndYou(c: FramedCase, reading: AmnestyReading): FrameLine {
  const political = c.article.startsWith("58");
  const years = `${c.termYears} ${c.termYears === 1 ? "year" : "years"}`;
  const where = c.custody === "exile" ? "in exile" : "in a camp";
  if (!amnesty1953Covers(c.termYears))
    return {
      text: `${c.label}: ${years} under article ${c.article}. More than ${AMNESTY_1953_MAX_TERM_YEARS} years for counter-revolution: the amnesty did not reach this sentence. In 1954 the person is still ${where}, waiting for the review.`,
      source: "adler-ch3",
    };
  if (political && reading === "politicalsLeftOut")
    return {
      text: `${c.label}: ${years} under article ${c.article}. The sources disagree about a political sentence this short. A student blog gives the decree's rule: five years or less was covered. Adler says political prisoners were left out, and that a political case came under the amnesty only once its crime was reclassified. This scenario follows Adler: in 1954 the person is still ${where}.`,
      source: "adler-ch3",
      conflicts: ["amnesty-1953-politicals"],
    };
  return {
    text: `${c.label}: ${years} under article ${c.article}. By the decree's words a term of ${AMNESTY_1953_MAX_TERM_YEARS} years or less was covered whatever the article, yet in 1954 the person is still ${where}: the amnesty missed this sentence, and the review can still apply it.`,
    source: "blog-not-all-free",
    conflicts: ["amnesty-1953-politicals"],
  };
}

const FEBRUARY_1956: FrameSection = {
  heading: "February 1956",
  lines: [
    {
      text: "On February 24–25, 1956, Khrushchev spoke to the Twentieth Party Congress. After it, rehabilitation sped up.",
      source: "17moments",
    },
    {
      text: "By early 1956 the review set up on May 19, 1954 had released 24,036 people — one count among several that define “released” differently.",
      source: "adler-ch3",
      conflicts: ["may-1954-review-releases", "politicals-released-1954-55"],
    },
    {
      text: "Some people pardoned without rehabilitation waited until the late 1980s to be cleared.",
      source: "adler-ch3",
    },
  ],
};

/** What became of a case by February 1956, from how the run left it. */
export function afterTheRun(outcome: Outcome, spravkaIssued: boolean): FrameLine {
  switch (outcome) {
    case "pending":
      return {
        text: "Still waiting when the run ended. After the XX Congress, reviews sped up; in the game's estimate a case like this was most likely decided in 1956 or 1957 — the sources give no figure.",
        source: "invented",
        basis: "17moments",
      };
    case "upheld":
      return {
        text: "The sentence was upheld. After the XX Congress rehabilitation sped up, so the case could come up again.",
        source: "17moments",
      };
    case "pardoned":
      return {
        text: "Pardoned: “justifiably sentenced”, but the Procuracy “does not object” to rescinding it. Rescinding gave rights back, but a pardon is not rehabilitation: the name was not cleared, and some waited until the late 1980s for that.",
        source: "adler-ch3",
      };
    case "rehabilitated":
      return spravkaIssued
        ? { text: "Rehabilitated, with the spravka in hand: the sentence is cleared.", source: "adler-ch3" }
        : {
            text: "Rehabilitated, but without the spravka: in late 1955 courts were not sending them, and it was “a very long time in coming”.",
            source: "adler-ch3",
          };
    case "psychiatric":
      return {
        text: "Sent to the Serbsky Institute for psychiatric examination instead of being freed.",
        source: "adler-ch3",
      };
    case "reduced":
      return {
        text: "The sentence was shortened but stands: the person serves the rest of it, and the record stays.",
        source: "adler-ch3",
      };
    case "reclassified":
      return {
        text: "The crime was reclassified and the 1953 amnesty applied: released. Whether the record stood differed: for Aksyonov, whose case this follows, the sentence was revoked, which implies rehabilitation; in this game the record stands.",
        source: "adler-ch3",
      };
    case "amnestied":
    case "exileEnded":
      return {
        text: "Released, but not cleared: with the sentence standing, a passport with “minuses”, and no union membership, vote or higher education.",
        source: "adler-ch3",
      };
  }
}

/**
 * The epilogue: February 1956, and what became of the cases. A petitioner
 * hears about their case; a procurator's desk and the teacher's class about
 * theirs, counted by how the run left them.
 */
export function epilogue1956(
  cases: readonly (FramedCase & { outcome: Outcome; spravkaIssued: boolean })[],
  role: "petitioner" | "procurator" | "teacher",
): StoryFrame {
  let lines: FrameLine[];
  // A desk or a class holds many cases: their endings are counted, not repeated case by case.
  if (role !== "petitioner") {
    const groups = new Map<string, { line: FrameLine; count: number }>();
    for (const c of cases) {
      const key = `${c.outcome}|${c.spravkaIssued}`;
      const group = groups.get(key) ?? { line: afterTheRun(c.outcome, c.spravkaIssued), count: 0 };
      group.count++;
      groups.set(key, group);
    }
    lines = [...groups.values()]
      .sort((a, b) => b.count - a.count)
      .map(({ line, count }) => ({ ...line, text: `${count} ${count === 1 ? "case" : "cases"}: ${line.text}` }));
  } else {
    lines = cases.map((c) => {
      const line = afterTheRun(c.outcome, c.spravkaIssued);
      return { ...line, text: `${c.label}: ${line.text}` };
    });
  }
  const heading =
    role === "petitioner"
      ? "Your case by then"
      : role === "procurator"
        ? "Your desk's cases by then"
        : "The class's cases";
  return { title: "Epilogue: February 1956", sections: [FEBRUARY_1956, { heading, lines }] };
}
