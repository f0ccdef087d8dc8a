import type { Addressee, Ask, CourtRuling, Decision, Outcome, SentencingOrgan, Stage } from "@/machines/vocabulary";

/** Plain-English names for the shared vocabulary (machines/vocabulary.ts), as the UI shows them. */

export const ORGAN_LABELS: Record<SentencingOrgan, string> = {
  ogpuCollegium: "OGPU Collegium",
  nkvdTroika: "NKVD troika",
  specialConference: "Special Conference (OSO)",
  court: "Regular court",
  militaryTribunal: "Military tribunal",
  militaryCollegium: "Military Collegium of the Supreme Court",
};

export const ADDRESSEE_LABELS: Record<Addressee, string> = {
  campAdministration: "the camp administration",
  campProcurator: "the camp procurator",
  provincialProcuracy: "the provincial procuracy",
  kgb: "the KGB",
  presidium: "the Presidium of the Supreme Soviet (Voroshilov)",
  generalProcurator: "the USSR General Procurator",
};

export const ASK_LABELS: Record<Ask, string> = {
  release: "Release from the camp",
  rehabilitation: "Full rehabilitation",
  endExile: "An end to my exile",
  liveWithFamily: "The right to live with my family",
  spravka: "The spravka (certificate of rehabilitation)",
  rights: "My rights back: work, the vote, study",
};

export const DECISION_LABELS: Record<Decision, string> = {
  fullRehabilitation: "Full rehabilitation",
  reclassification: "Reclassify the crime",
  sentenceReduction: "Reduce the sentence",
  amnesty1953: "Apply the March 1953 amnesty",
  endExile: "End the exile",
  confirmRefusal: "Confirm the refusal (sentence stands)",
};

/** A court's ruling on a commission's protest, as the notice to the procurator put it (RULES.courtRulings). */
export const RULING_LABELS: Record<CourtRuling, string> = {
  suspend: "The court accepted the protest and suspended the case.",
  returnForInvestigation: "The court sent the case back for further investigation; it will rule again.",
  psychiatric: "The court sent the person to the Serbsky Institute for psychiatric examination instead of release.",
  reject: "The court rejected the protest: the sentence stands.",
};

export const STAGE_LABELS: Record<Stage, string> = {
  complaint: "Complaint",
  lists: "Waiting for the camp's list",
  commission: "At the commission",
  court: "Before the court",
  spravka: "Waiting for the spravka",
};

export const OUTCOME_LABELS: Record<Outcome, string> = {
  rehabilitated: "Rehabilitated",
  reclassified: "Crime reclassified",
  reduced: "Sentence reduced",
  amnestied: "Amnestied",
  exileEnded: "Exile ended",
  upheld: "Sentence upheld",
  pardoned: "Pardoned without rehabilitation",
  psychiatric: "Sent to a psychiatric hospital",
  pending: "Not decided",
};
