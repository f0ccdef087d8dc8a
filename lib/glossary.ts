import type { ConflictId } from "@/lib/sources/conflicts";
import type { SourceKey } from "@/machines/vocabulary";

/**
 * A term of the time, kept in its own words where they are Russian, explained
 * in plain English. `source` is what the explanation rests on, or
 * "common-usage" for a word Spravka's sources do not use (it is not invented,
 * but no source here vouches for it). `also` names further sources behind part
 * of the text; `conflicts`, where the sources disagree about a figure in it.
 */
export type GlossaryEntry = {
  id: string;
  term: string;
  russian?: string;
  text: string;
  source: SourceKey | "common-usage";
  also?: readonly SourceKey[];
  conflicts?: readonly ConflictId[];
};

export const GLOSSARY: readonly GlossaryEntry[] = [
  {
    id: "spravka",
    term: "spravka",
    russian: "справка",
    text: "A certificate. Here, the paper that said a person had been rehabilitated. Without it a freed person could not get back work, a home in a big city, a vote or a place at university — and in 1955 courts often suspended cases without issuing one.",
    source: "adler-ch3",
  },
  {
    id: "kharakteristika",
    term: "kharakteristika",
    russian: "характеристика",
    text: "A written report on a person's conduct and work, here from the camp. A review needed it beside the case file.",
    source: "adler-ch3",
  },
  {
    id: "article-58",
    term: "Article 58",
    text: "The part of the Soviet criminal code on “counter-revolutionary crimes”. Its parts include 58-1 (treason), 58-7 (sabotage of industry), 58-10 (anti-Soviet agitation, often just talk among friends), 58-11 (organised activity) and 58-14 (“counter-revolutionary sabotage”). People sentenced under it were called 58ers.",
    source: "adler-ch3",
  },
  {
    id: "oso",
    term: "Special Conference (OSO)",
    russian: "Особое совещание",
    text: "A board of the security ministry that sentenced people without a trial, in their absence. When it was abolished in September 1953, the Supreme Court was given six months to review its cases; in the 1954–55 review, a commission's decision on its sentences was final.",
    source: "adler-ch3",
  },
  {
    id: "troika",
    term: "troika",
    russian: "тройка",
    text: "A panel of three officials that sentenced people out of court, above all in 1937–38. Like the Special Conference, its sentences could be reversed by a commission directly.",
    source: "adler-ch3",
  },
  {
    id: "zek",
    term: "zek",
    russian: "зэк",
    text: "Camp slang for a prisoner (from z/k, short for the Russian word for “prisoner”). A word in common use about the camps; Spravka's sources do not use it.",
    source: "common-usage",
  },
  {
    id: "minuses",
    term: "“minuses”",
    text: "Marks in a freed person's internal passport that barred them from living in certain cities. They stayed while the sentence stood.",
    source: "adler-ch3",
  },
  {
    id: "procuracy",
    term: "Procuracy",
    text: "The state's prosecutors, who also had to check that the law was kept. In 1954 its procurators reviewed the 58ers' cases — often the same people who had approved them.",
    source: "adler-ch3",
  },
  {
    id: "commission",
    term: "review commission",
    text: "A body set up by the decree of 19 May 1954 to re-examine article 58 cases, led by procurators. It could rehabilitate, reclassify, reduce, apply the 1953 amnesty, end exile or confirm the sentence; its decision was a protocol.",
    source: "adler-ch3",
  },
  {
    id: "protest",
    term: "protest",
    text: "A procurator's formal objection to a court's sentence. A commission could not overturn a court's sentence itself: it protested, and a court ruled.",
    source: "adler-ch3",
  },
  {
    id: "rehabilitation",
    term: "rehabilitation",
    text: "A finding that a person had been wrongly convicted: the sentence was cancelled and their rights restored. Compare a pardon.",
    source: "adler-ch3",
  },
  {
    id: "pardon",
    term: "pardon",
    text: "Release by an act of mercy, here by the Presidium of the RSFSR Supreme Soviet, in stock words: the person was “justifiably sentenced”, but the Procuracy “does not object” to rescinding the sentence. Free, but not cleared.",
    source: "adler-ch3",
  },
  {
    id: "amnesty-1953",
    term: "the 1953 amnesty",
    text: "The decree of 27 March 1953, after Stalin's death, that freed about 1.2 million people in 1953 (1,201,738 in an archive count) — those with terms of up to five years and some others — but not counter-revolutionaries with longer terms, that is, most 58ers.",
    // The total and "most 58ers" are Adler's; the categories freed and excluded are the blog's wording of the decree.
    source: "adler-ch3",
    also: ["blog-not-all-free"],
    conflicts: ["amnesty-1953-releases", "amnesty-1953-politicals"],
  },
  {
    id: "reclassification",
    term: "reclassification",
    text: "Moving a crime to another, lesser article of the code. In September 1954 some 58-7 and 58-11 cases were moved to article 109 (abuse of office), which brought the 1953 amnesty within reach.",
    source: "adler-ch3",
  },
  {
    id: "exile",
    term: "exile",
    text: "Being sent to live in a remote place under police watch, after a camp term or instead of one. Release from camp did not end it: that needed its own decision.",
    source: "adler-ch3",
  },
  {
    id: "serbsky",
    term: "Serbsky Institute",
    text: "The Moscow institute of forensic psychiatry. Some people whose sentences were cancelled were sent there for examination instead of being freed.",
    source: "adler-ch3",
  },
];

export function glossaryEntry(id: string): GlossaryEntry | undefined {
  return GLOSSARY.find((g) => g.id === id);
}
