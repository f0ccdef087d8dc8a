import type { Addressee, Carrier, Grounds, SourceKey } from "@/machines/vocabulary";

/**
 * How a letter's grounds and its carrier move the odds in the engine (issue
 * #5). The *direction* of every effect rests on a source; the sources give no
 * magnitudes, so every factor here is labelled invented (ADR 0009).
 *
 * Factors multiply the scenario's own weights, so a letter pleading plain
 * innocence through the camp post (what the bots write) changes nothing and
 * the calibration of ADR 0007 stands.
 */
export type Effect = {
  /** the factor (1 = no change) */
  by: number;
  /** what the direction of the effect rests on ("invented" where the sources are silent even on that) */
  source: SourceKey | "invented";
  /** plain English, for the letter form and the sources page */
  note: string;
  /** the size of the factor is not in the sources */
  magnitude: "invented";
};

const effect = (by: number, source: SourceKey | "invented", note: string): Effect => ({
  by,
  source,
  note,
  magnitude: "invented",
});

export const PETITION_EFFECTS = {
  /** grounds "noEvidence": a reviewing procurator weighs facts, so rehabilitation and reclassification come more often */
  noEvidenceReview: effect(
    2,
    "adler-ch3",
    "Reviews were told to weigh facts, not stamps and signatures; forced confessions and handwriting experts alone were found to be no proof.",
  ),
  /** grounds "amnesty" with a term of five years or less: the 1953 amnesty is applied more often */
  amnestyReview: effect(
    3,
    "adler-ch3",
    "The March 1953 amnesty freed sentences of up to five years; a letter that says so points the review to it.",
  ),
  /** grounds "amnesty" with a longer term: a form reply sending the writer elsewhere */
  amnestyRefused: effect(
    3,
    "adler-ch3",
    "Political sentences over five years were left out of the amnesty; one man with six years, not five, was told to go to the Presidium.",
  ),
  /** grounds "mercy" to the Presidium: its pardon ("does not object to rescinding") comes more often */
  mercyPardon: effect(
    3,
    "adler-ch3",
    "A pardon was mercy, not a finding of innocence: the Presidium rescinded sentences on petition with the stock words “justifiably sentenced”, while the Procuracy “does not object” to rescinding. Free, but not rehabilitated: some waited until the late 1980s to be.",
  ),
  /** carrier "relative": the letter must first reach the relative, but it never goes through the camp post */
  relativeTransit: effect(
    1.5,
    "invented",
    "Relatives wrote to the KGB, the Procuracy or Voroshilov themselves (role card 12); in this game your letter must first reach them.",
  ),
  relativeLose: effect(
    0.5,
    "invented",
    "A relative posts it from home, not through the camp's own post, so in this game it is lost less often.",
  ),
  /** carrier "friend": handed on in Moscow, it is neither lost nor sent back to the camp — but it is slow */
  friendTransit: effect(
    3,
    "adler-ch3",
    "Barkhanov's friend handed his letter to the MVD Minister; even so, his answer took nine months.",
  ),
  friendDiverted: effect(
    0,
    "adler-ch3",
    "Handed over in person in Moscow, the letter reaches its addressee — though one addressed to the camp itself can still land with the camp chiefs.",
  ),
} as const satisfies Record<string, Effect>;

/** What each grounds option means, for the letter form (effects above). */
export const GROUNDS_NOTES: Record<Grounds, { label: string; note: string; source: SourceKey | "invented" }> = {
  innocence: {
    label: "I am innocent",
    note: "The plain plea most letters made.",
    source: "adler-ch3",
  },
  noEvidence: {
    label: "The case rests on no real evidence",
    note: PETITION_EFFECTS.noEvidenceReview.note,
    source: "adler-ch3",
  },
  amnesty: {
    label: "The 1953 amnesty should cover me",
    note: `${PETITION_EFFECTS.amnestyReview.note} ${PETITION_EFFECTS.amnestyRefused.note}`,
    source: "adler-ch3",
  },
  mercy: {
    label: "Mercy: my age, my health, my family",
    note: PETITION_EFFECTS.mercyPardon.note,
    source: "adler-ch3",
  },
};

/** What each way of sending costs and does, for the letter form. */
export const CARRIER_NOTES: Record<
  Carrier,
  {
    label: string;
    note: string;
    cost: string;
    source: SourceKey | "invented";
    /** as a letter's header says it */ sent: string;
  }
> = {
  self: {
    label: "Send it myself",
    note: "Through the camp's own post, like most letters.",
    cost: "nothing more than the waiting.",
    sent: "By the camp post",
    source: "adler-ch3",
  },
  relative: {
    label: "Ask a relative to send it",
    note: PETITION_EFFECTS.relativeLose.note,
    cost: "slower: it has to reach them first.",
    sent: "Through a relative",
    source: "invented",
  },
  friend: {
    label: "Ask a friend in Moscow to hand it on",
    note: PETITION_EFFECTS.friendDiverted.note,
    cost: "once only — a favour you can ask one time — and slow: Barkhanov still waited nine months.",
    sent: "By a friend's hand in Moscow",
    source: "adler-ch3",
  },
};

/** What was known of each addressee, for the letter form (the scenario's routing weights carry the odds). */
export const ADDRESSEE_NOTES: Record<Addressee, { note: string; source: SourceKey }> = {
  campAdministration: {
    note: "The camp's own office. Complaints were often passed to the very camp chiefs they accused.",
    source: "adler-ch3",
  },
  campProcurator: {
    note: "Since February 1954 under the RSFSR Procuracy. The May 1954 decree told camps to forward complaints to the review commissions.",
    source: "adler-ch3",
  },
  provincialProcuracy: {
    note: "Ran the province's review commission, which was told to work from registered complaints.",
    source: "adler-ch3",
  },
  kgb: {
    note: "In some provinces (Tomsk) letters went to the KGB division.",
    source: "adler-ch3",
  },
  presidium: {
    note: "Voroshilov chaired the USSR Presidium; the pardons on record came from the Presidium of the RSFSR Supreme Soviet — “justifiably sentenced”, no objection to rescinding — and were never rehabilitation. Many got a form reply.",
    source: "adler-ch3",
  },
  generalProcurator: {
    note: "Rudenko's USSR Procuracy in Moscow, at the top of the chain. Now and then Rudenko took a case to Voroshilov himself — rarely.",
    source: "adler-ch3",
  },
};
