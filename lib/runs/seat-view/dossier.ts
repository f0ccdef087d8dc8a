import { ORGAN_LABELS } from "@/lib/labels";
import { hashString } from "@/lib/sim/rng";
import type { CaseHistoryEntry } from "@/lib/sim/engine";
import type { CaseContext } from "@/machines/case-setup";
import { amnesty1953Covers } from "@/machines/rules";
import type { SourceKey } from "@/machines/vocabulary";

/** One paper in a procurator's case file. */
export type DossierPaper = { id: string; title: string; meta: [string, string][]; text: string; source: SourceKey };

/**
 * What the sources say such files rested on (brief §2 and role cards 1, 6):
 * a confession alone, handwriting experts alone, documents later found
 * falsified, a denunciation. Which one a file shows is drawn from the run's
 * seed and the case, so the same run always shows the same file.
 */
const BASES = [
  {
    id: "confession",
    label: "A confession",
    text: "The accused admits his guilt in full. No witness is recorded; no other evidence is attached. The confession is the only basis of the charge.",
  },
  {
    id: "handwriting",
    label: "Handwriting experts",
    text: "The accused denies writing the anonymous letters. Two handwriting experts conclude the hand is his. The accused did not confess at any point.",
  },
  {
    id: "falsified",
    label: "Documents",
    text: "The charge rests on minutes of a meeting the accused is said to have attended. The minutes bear no signatures, and the dates do not match the accused's work record.",
  },
  {
    id: "denunciation",
    label: "A denunciation",
    text: "The case opened on a neighbour's statement that the accused spoke against the Soviet government. The statement is the only testimony; the neighbour was not questioned again.",
  },
] as const;

const CONDUCT = [
  "Works conscientiously and meets the norm. Breaches of camp rules: none.",
  "Meets the norm irregularly. One breach of camp rules (late for roll call).",
  "A skilled worker; took part in the camp's cultural activities. No breaches.",
];

/**
 * The papers of case i's archival-investigative file as they might have
 * looked: composites in the sources' terms (the details are invented and
 * labelled so). Never a petitioner's own letter: the file holds only that a
 * complaint was registered.
 */
export function dossier(
  facts: CaseContext,
  caseIndex: number,
  seed: number,
  history: readonly CaseHistoryEntry[] = [],
): DossierPaper[] {
  const h = hashString(`${seed}:${caseIndex}:dossier`);
  const basis = BASES[h % BASES.length]!;
  // A sentence still being served in 1954: passed between 1937 and 1953, and not yet over.
  const earliest = Math.max(1937, 1955 - facts.termYears);
  const year = earliest + (h % (1953 - earliest + 1));
  const papers: DossierPaper[] = [
    {
      id: "sentence",
      title: "Extract from the sentence",
      meta: [
        ["Passed by", ORGAN_LABELS[facts.organ]],
        ["Year", String(year)],
        ["Article", facts.article],
        ["Term", `${facts.termYears} years`],
        ["Persons", String(facts.persons)],
      ],
      text:
        facts.organ === "court" || facts.organ === "militaryTribunal" || facts.organ === "militaryCollegium"
          ? "Sentenced by a court: the commission may only protest; a court must rule."
          : "Sentenced out of court: the commission's decision is final.",
      source: "adler-ch3",
    },
    {
      id: "interrogation",
      title: "Protocol of interrogation (copy)",
      meta: [["Basis of the charge", basis.label]],
      text: basis.text,
      source: "adler-ch3",
    },
  ];
  if (facts.custody === "camp") {
    papers.push({
      id: "kharakteristika",
      title: "Kharakteristika (the camp's conduct report)",
      meta: [["From", "The camp administration"]],
      text: CONDUCT[(h >> 3) % CONDUCT.length]!,
      source: "adler-ch3",
    });
  }
  if (facts.complaints > 0 || facts.complaintsOnly) {
    papers.push({
      id: "complaint",
      title: "Registered complaint",
      meta: [["Complaints registered", String(Math.max(1, facts.complaints))]],
      text: "The prisoner asks for the case to be reviewed. The complaint is registered, so the commission can take the case up.",
      source: "adler-ch3",
    });
  }
  // Earlier decisions: the 1953 amnesty passed every 58er with a longer term by (RULES.amnestyFiveYears), and form replies.
  const formReplies = history.filter((h) => h.event.type === "complaint.formReply").length;
  if (!amnesty1953Covers(facts.termYears)) {
    papers.push({
      id: "amnesty-refused",
      title: "Earlier decision: the 1953 amnesty",
      meta: [["Year", "1953"]],
      text: "The amnesty of March 27, 1953 does not apply: a counter-revolutionary crime (article 58) with a term over five years.",
      source: "blog-not-all-free",
    });
  }
  if (formReplies > 0) {
    papers.push({
      id: "form-replies",
      title: "Earlier answers to complaints",
      meta: [["Answered", formReplies === 1 ? "1 complaint" : `${formReplies} complaints`]],
      text: "Answered with a printed form: no grounds found to review the case.",
      source: "adler-ch3",
    });
  }
  return papers;
}
