/**
 * Discussion prompts for the debrief: questions every class can
 * use, then the scenario's own. The teacher can rewrite them for a run
 * (Run.debriefPrompts); these are the defaults.
 */
const GENERAL = [
  "Where did the cases wait longest in your run? Who or what was the bottleneck?",
  "Procurators: what made you decide as you did — the file, the hours, or the memos from above?",
  "Petitioners: which letter changed anything? What did you know, and what could you not know?",
  "Your class's figures differ from the historical ones. What in your run might explain the gap?",
  "A rehabilitation on paper without a spravka: was the person free? What did they still lack?",
];

const BY_SCENARIO: Record<string, string[]> = {
  "rostov-1954": [
    "Rostov's commission fully rehabilitated 56 of 1,709 people. Why so few, when so many sentences were reduced?",
  ],
  "chita-1954": [
    "Chita found 63% of its cases illegal. Why did finding a sentence illegal not always mean rehabilitation?",
  ],
  "tomsk-1955": ["Six clerks, dozens of cases, originals in Moscow: what would you have changed first in Tomsk?"],
  "missing-lists-1954": ["Camps did not send their lists. Who gained from that delay, and who paid for it?"],
  "stalingrad-1955": [
    "Stalingrad upheld about three-quarters of its complaints. What pressures could produce that figure?",
  ],
  "january-1955-dockets": [
    "Thousands of complaints arrived at once in January 1955. What happens to a review when the docket explodes?",
  ],
  "complaints-to-accused": [
    "Complaints were sent to the very camp chiefs they accused. What does that do to a prisoner's trust in writing?",
  ],
  "petitioning-the-top-1955": [
    "A pardon from the Presidium freed people but called them “justifiably sentenced”. Is a pardon justice?",
  ],
  "missing-spravka-1955": [
    "Courts suspended cases but sent no spravka. Why might an office be slow to issue a certificate of innocence?",
  ],
};

export const PROMPTS_MAX = 4000;

/** The prompts for a run: the teacher's own text if set (one per line), else the defaults for its scenario. */
export function debriefPrompts(scenarioId: string, own: string | null): string[] {
  if (own !== null && own.trim() !== "") {
    return own
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean);
  }
  return [...(BY_SCENARIO[scenarioId] ?? []), ...GENERAL];
}
