import type { CaseContext } from "@/machines/case-setup";
import { COLLABORATION_ARTICLE, RULES, type RuleId } from "@/machines/rules";
import { RELEASING_OUTCOMES, type Outcome, type SourceKey } from "@/machines/vocabulary";

/**
 * The return card: what coming home meant for a person the review released,
 * shown in the personal debrief (the reveal) once a run has ended. Every row
 * is derived here, from the case's facts, so the rules of life after release
 * (brief §2.7 "Release", §2.8 "After release", role cards 4, 5 and 9) live in
 * one place. Each row names its source; where this game goes beyond the
 * sources, the row says "invented" and names the source it is based on.
 */

/** The facts of a case the card reads: what the machine recorded, and where the run found the person. */
export type ReturnFacts = Pick<CaseContext, "custody" | "spravkaIssued" | "passportMinus"> &
  Partial<Pick<CaseContext, "article" | "spravkaRequests" | "collaboratorsAmnesty">> & {
    outcome: Outcome;
    /** the person was in exile, not in a camp, when the run began (World.startedInCamp) */
    startedInExile: boolean;
  };

/**
 * Where the person's record stands after release:
 * - cleared: rehabilitated, with the spravka in hand;
 * - noticeOnly: rehabilitated, but holding only the court's notice that the
 *   case was suspended: in practice still a person with a sentence (card 9);
 * - pardoned: the Presidium rescinded the sentence, "justifiably sentenced":
 *   a pardon, not rehabilitation (card 5);
 * - standing: amnestied, reclassified, exile ended, or shortened: free, but
 *   the sentence stands.
 */
export type RecordStatus = "cleared" | "noticeOnly" | "pardoned" | "standing";

/** Where the person is with exile. */
export type ExileStatus = "stillInExile" | "endedByDecision" | "endedWithCase" | "none";

export const RETURN_TOPICS = ["home", "passport", "work", "union", "vote", "education", "exile", "spravka"] as const;
export type ReturnTopic = (typeof RETURN_TOPICS)[number];

/** The rights an uncleared sentence barred (brief §2.8). */
export const RIGHTS_TOPICS = ["union", "vote", "education"] as const satisfies readonly ReturnTopic[];

export type Sourced = {
  text: string;
  source: SourceKey | "invented";
  /** for an invented text: the source it is based on */
  basis?: SourceKey;
};

export type ReturnRow = Sourced & {
  topic: ReturnTopic;
  /** what the row is about, e.g. "Vote" */
  label: string;
  /** the short answer, in words (never only a colour): "No", "Yes, again", "Still in exile" */
  answer: string;
};

export type ReturnCard = {
  heading: "Coming home";
  record: RecordStatus;
  exile: ExileStatus;
  /** the passport carries "minuses" */
  passportMinus: boolean;
  /** union membership, the vote and higher education are open to them */
  rightsOpen: boolean;
  /** where the person stands, in a sentence */
  summary: Sourced;
  /** what release itself gave (brief §2.7) */
  release: Sourced;
  rows: ReturnRow[];
};

const LABELS: Record<ReturnTopic, string> = {
  home: "Where they can live",
  passport: "Passport",
  work: "Work",
  union: "Trade union",
  vote: "Vote",
  education: "University",
  exile: "Exile",
  spravka: "Spravka",
};

const sourced = (rule: RuleId, text: string): Sourced => ({ text, source: RULES[rule].source });
const invented = (basis: SourceKey, text: string): Sourced => ({ text, source: "invented", basis });

/** The outcome released the person from where they were held: the releasing outcomes, and a shortened sentence that let them out. */
function releasedByOutcome(f: Pick<ReturnFacts, "outcome" | "custody">): boolean {
  return RELEASING_OUTCOMES.includes(f.outcome) || (f.outcome === "reduced" && f.custody === "released");
}

/**
 * Still held: in a camp, in a psychiatric hospital, or still in the exile the
 * run found them in. Released from a camp into exile is not "held": release
 * did not end exile (RULES.exileSeparateDecision), and the card says so.
 */
function stillHeld(f: Pick<ReturnFacts, "custody" | "startedInExile">): boolean {
  return f.custody === "camp" || f.custody === "psychiatric" || (f.custody === "exile" && f.startedInExile);
}

function recordStatus(f: Pick<ReturnFacts, "outcome" | "spravkaIssued">): RecordStatus {
  if (f.outcome === "rehabilitated") return f.spravkaIssued ? "cleared" : "noticeOnly";
  if (f.outcome === "pardoned") return "pardoned";
  return "standing";
}

function exileStatus(f: Pick<ReturnFacts, "outcome" | "custody" | "startedInExile">): ExileStatus {
  if (f.custody === "exile") return "stillInExile";
  if (f.outcome === "exileEnded") return "endedByDecision";
  if (f.startedInExile) return "endedWithCase";
  return "none";
}

/**
 * The passport carries "minuses" while the sentence stands (RULES.passportMinus);
 * the spravka clears the sentence and with it the minuses. Otherwise (the
 * court's notice only, a pardon) the card follows what the police did, as the
 * case records it.
 */
function hasPassportMinus(f: Pick<ReturnFacts, "outcome" | "spravkaIssued" | "passportMinus">): boolean {
  const record = recordStatus(f);
  if (record === "standing") return true;
  if (record === "cleared") return false;
  return f.passportMinus;
}

/** Union membership, the vote and higher education: barred while the sentence is uncleared (brief §2.8); a pardon restored them (card 5). */
export function rightsOpen(record: RecordStatus): boolean {
  return record === "cleared" || record === "pardoned";
}

function summaryOf(f: ReturnFacts, record: RecordStatus): Sourced {
  switch (record) {
    case "cleared":
      return sourced("noSpravka", "Rehabilitated, with the spravka in hand: free, and the sentence cleared.");
    case "noticeOnly":
      return sourced(
        "noSpravka",
        "Rehabilitated on paper, but with no spravka yet: free, yet in everyday life still treated as someone with a sentence.",
      );
    case "pardoned":
      return sourced(
        "presidiumPardon",
        "Pardoned by the Presidium: the papers say “justifiably sentenced”, but the Procuracy “does not object” to cancelling the sentence. Free, but not rehabilitated.",
      );
    case "standing":
      switch (f.outcome) {
        case "reclassified":
          return sourced(
            "reclassificationTo109",
            "The crime was moved to another article (art. 109, five years), which brought the 1953 amnesty into reach: free, but the record stands.",
          );
        case "exileEnded":
          return sourced("exileSeparateDecision", "Exile ended: free to leave, but the sentence stands.");
        case "reduced":
          return sourced("decreeMenu", "The sentence was shortened: out, but still a convict on paper.");
        default:
          return sourced("amnestyFiveYears", "Amnestied: free, but the sentence stands on the record.");
      }
  }
}

/** What release gave (brief §2.7), as the sources list it for leaving a camp. */
function releaseLine(f: ReturnFacts): Sourced {
  const things =
    "a certificate of release, a conduct report (kharakteristika), papers on their trade and years of work (stazh), their documents and valuables back, free travel, food or money, and clothing";
  return f.startedInExile
    ? {
        text: `The sources list what a prisoner got on leaving a camp: ${things}. They do not say what someone leaving exile received.`,
        source: "adler-ch3",
      }
    : {
        text: `Leaving the camp, they got ${things}. They could also choose to stay on and work at the camp.`,
        source: "adler-ch3",
      };
}

function passportRow(record: RecordStatus, minus: boolean): Omit<ReturnRow, "topic" | "label"> {
  if (minus) {
    switch (record) {
      case "standing":
        return {
          answer: "With “minuses”",
          ...sourced(
            "passportMinus",
            "The police stamp their passport with “minuses”: a list of cities they may not live in, because their sentence still stands. In 1953 the government shortened the lists of barred places, but not for article 58 prisoners whose sentences stood.",
          ),
        };
      case "noticeOnly":
        return {
          answer: "With “minuses”",
          ...sourced(
            "passportMinus",
            "Their passport still has “minuses” (cities they may not live in): with only the court's notice and no spravka, the sentence still counts against them.",
          ),
        };
      default:
        return {
          answer: "With “minuses”, in this game",
          ...invented(
            RULES.passportMinus.source,
            "Their passport still has the “minuses” (cities they may not live in) it was given before the pardon.",
          ),
        };
    }
  }
  switch (record) {
    case "cleared":
      return {
        answer: "Clean",
        ...sourced(
          "passportMinus",
          "A passport without “minuses”: those were for people whose sentence stood, and the spravka clears it.",
        ),
      };
    case "pardoned":
      return {
        answer: "Clean, in this game",
        ...invented(
          RULES.passportMinus.source,
          "The sources give “minuses” to people whose sentence stands. The pardon cancelled this one, so in this game the passport has none.",
        ),
      };
    default:
      return {
        answer: "Clean, for now",
        ...invented(
          RULES.noSpravka.source,
          "No “minuses” in their passport in this game. But with only the court's notice and no spravka, they have no paper to prove the sentence is gone.",
        ),
      };
  }
}

function homeRow(exile: ExileStatus, passport: Omit<ReturnRow, "topic" | "label">, minus: boolean) {
  if (exile === "stillInExile")
    return {
      answer: "Where they were sent",
      ...sourced("exileSeparateDecision", "They are still in exile, so they must live where they were sent."),
    };
  if (minus)
    return {
      answer: "Not in the barred cities",
      ...sourced(
        "passportMinus",
        "Not in the cities their passport's “minuses” list: if home was one of them, they cannot move back.",
      ),
    };
  const text = "No city is closed to them by their passport.";
  return passport.source === "invented"
    ? { answer: "Anywhere, in this game", ...invented(passport.basis!, text) }
    : { answer: "Anywhere", ...sourced("passportMinus", text) };
}

function workRow(f: ReturnFacts, record: RecordStatus) {
  switch (record) {
    case "cleared":
      return {
        answer: "No sentence against them",
        ...sourced("noSpravka", "With the spravka the sentence is cleared, so it no longer counts against them."),
      };
    case "pardoned":
      return {
        answer: "The sources do not say",
        ...sourced(
          "presidiumPardon",
          "The pardon cancelled the sentence. The sources say nothing more about work after a pardon.",
        ),
      };
    default: {
      const collaborator = f.article === COLLABORATION_ARTICLE && f.collaboratorsAmnesty === true;
      const unions =
        (f.outcome === "amnestied" && !collaborator) || f.outcome === "reclassified"
          ? " In July 1953 trade unions were told to help people freed by the amnesty find jobs, even though they could not join one."
          : "";
      return {
        answer: "With a sentence on record",
        ...sourced(
          "passportMinus",
          `${record === "noticeOnly" ? "Without the spravka, their sentence still counts against them in practice." : "Their sentence still counts against them."} The sources do not list which jobs were closed to someone like them; in 1953 the Procuracy asked that people whose sentence had ended face no extra limits on passports or work.${unions}`,
        ),
      };
    }
  }
}

const RIGHT_WORDS: Record<(typeof RIGHTS_TOPICS)[number], string> = {
  union: "join a trade union",
  vote: "vote in elections",
  education: "study at a university or institute (higher education)",
};

function rightsRow(topic: (typeof RIGHTS_TOPICS)[number], record: RecordStatus) {
  const doing = RIGHT_WORDS[topic];
  switch (record) {
    case "cleared":
      return {
        answer: "Yes, again",
        ...sourced(
          "noSpravka",
          `They can ${doing} again: the ban was on people with an uncleared sentence, and the spravka clears it.`,
        ),
      };
    case "pardoned":
      return {
        answer: "Given back",
        ...sourced(
          "presidiumPardon",
          `The pardon cancelled the sentence, and in the former student's case on record the Procuracy did “not object” to restoring his rights, so they may ${doing} again. But their name is not cleared.`,
        ),
      };
    case "noticeOnly":
      return {
        answer: "No, in practice",
        ...sourced(
          "noSpravka",
          `Without the spravka the sentence is not cleared on paper, and people with an uncleared sentence could not ${doing}.`,
        ),
      };
    case "standing":
      return {
        answer: "No",
        ...sourced(
          "passportMinus",
          `Release did not clear the sentence, and people with an uncleared sentence could not ${doing}.`,
        ),
      };
  }
}

function exileRow(exile: ExileStatus) {
  switch (exile) {
    case "stillInExile":
      return {
        answer: "Still in exile",
        ...sourced(
          "exileSeparateDecision",
          "Leaving the camp did not end their exile: ending it takes a separate decision, and that has not come.",
        ),
      };
    case "endedByDecision":
      return {
        answer: "Ended",
        ...sourced(
          "exileSeparateDecision",
          "Their exile was ended by a decision of its own: release alone did not end exile.",
        ),
      };
    case "endedWithCase":
      return {
        answer: "Ended with the decision, in this game",
        ...invented(
          RULES.exileSeparateDecision.source,
          "In this game the decision on their case let them leave exile too. In the sources, ending exile was usually a separate decision.",
        ),
      };
    case "none":
      return {
        answer: "Not in exile",
        ...sourced(
          "exileSeparateDecision",
          "They were not sent into exile. Many others were: in early 1954, 62,462 people were in exile after their terms had ended, and release did not end exile.",
        ),
      };
  }
}

function spravkaRow(f: ReturnFacts, record: RecordStatus) {
  switch (record) {
    case "cleared":
      return {
        answer: "In hand",
        ...sourced(
          "noSpravka",
          "The spravka, the certificate of rehabilitation, has arrived: the sentence is cleared.",
        ),
      };
    case "noticeOnly": {
      const asked = f.spravkaRequests ?? 0;
      const tried =
        asked > 0
          ? ` They have asked ${asked === 1 ? "one office" : `${asked === 2 ? "two" : "all three"} offices`} so far.`
          : "";
      return {
        answer: "Not yet",
        ...sourced(
          "noSpravka",
          `They hold only the court's notice that the case was suspended. In late 1955 courts were “not sending” spravki, and one was “a very long time in coming”: the gap was in the system, not in how hard anyone asked. People complained to the local MVD, then the provincial procuracy, then the General Procuracy.${tried}`,
        ),
      };
    }
    case "pardoned":
      return {
        answer: "None",
        ...sourced(
          "presidiumPardon",
          "A pardon is not rehabilitation, so there is no spravka: the papers say they were “justifiably sentenced”. Some pardoned people waited until the late 1980s to be rehabilitated.",
        ),
      };
    case "standing":
      return f.outcome === "reclassified"
        ? {
            answer: "None",
            ...sourced(
              "reclassificationTo109",
              "No spravka: in this game the record stands after reclassification. For Aksyonov, the real case this follows, revoking the sentence implied rehabilitation, but the sources do not say whether a spravka came.",
            ),
          }
        : {
            answer: "None",
            ...sourced(
              "noSpravka",
              "No spravka: the sentence was not cleared, so there is no certificate of rehabilitation.",
            ),
          };
  }
}

/**
 * The return card for a case, or null where the person is not coming home:
 * still held (camp, psychiatric hospital, the exile they started in), or an
 * outcome that did not release them.
 */
export function returnCard(f: ReturnFacts): ReturnCard | null {
  if (!releasedByOutcome(f) || stillHeld(f)) return null;
  const record = recordStatus(f);
  const exile = exileStatus(f);
  const minus = hasPassportMinus(f);
  const passport = passportRow(record, minus);
  const bodies: Record<ReturnTopic, Omit<ReturnRow, "topic" | "label">> = {
    home: homeRow(exile, passport, minus),
    passport,
    work: workRow(f, record),
    union: rightsRow("union", record),
    vote: rightsRow("vote", record),
    education: rightsRow("education", record),
    exile: exileRow(exile),
    spravka: spravkaRow(f, record),
  };
  return {
    heading: "Coming home",
    record,
    exile,
    passportMinus: minus,
    rightsOpen: rightsOpen(record),
    summary: summaryOf(f, record),
    release: releaseLine(f),
    rows: RETURN_TOPICS.map((topic) => ({ topic, label: LABELS[topic], ...bodies[topic] })),
  };
}
