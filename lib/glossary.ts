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
    id: "stazh",
    term: "stazh",
    russian: "стаж",
    text: "A person's record of years worked in a trade. On release a prisoner was meant to get papers on their trade and work service (stazh), with the certificate of release and the kharakteristika.",
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
    id: "military-tribunal",
    term: "military tribunal",
    text: "A military court. Military tribunals tried civilians as well as soldiers, many of them under article 58; Spravka's sources do not describe them, so this is common knowledge. In the game its sentence counts as a court's: a commission could not overturn it, only recommend, and a court decided.",
    // What a tribunal was is common knowledge; that court sentences needed a court's ruling is Adler's.
    source: "common-usage",
    also: ["adler-ch3"],
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
    id: "mvd",
    term: "MVD",
    russian: "МВД",
    text: "The Ministry of Internal Affairs, which ran the police and the camps. In March 1953 most camps passed from it to the Ministry of Justice, but political prisoners stayed in MVD camps, and in February 1954 the camps came back to it. Its minister was named in the review decree of 19 May 1954. People asking for their spravka started at the local MVD office.",
    source: "adler-ch3",
  },
  {
    id: "kgb",
    term: "KGB",
    russian: "КГБ",
    text: "The Committee for State Security, the Soviet security police (what it was is common knowledge; the sources record its part in the review). Its chairman was named in the review decree of 19 May 1954, and prisoners and relatives sent complaints to it — in Tomsk, letters went to its local division.",
    source: "adler-ch3",
  },
  {
    id: "presidium",
    term: "Presidium of the Supreme Soviet",
    text: "The small standing body of a Supreme Soviet (parliament) that issued decrees between its sessions (common knowledge). Two matter here. The USSR Presidium, chaired by Voroshilov, issued the March 1953 amnesty, and people appealed to it or to him. The Presidium of the RSFSR Supreme Soviet granted about 165 requests to rescind sentences in January–July 1955 — as pardons, not rehabilitation.",
    source: "adler-ch3",
  },
  {
    id: "rsfsr",
    term: "RSFSR",
    text: "The Russian Soviet Federative Socialist Republic, the largest of the Soviet republics (what the letters stand for is common knowledge). It had its own Procuracy, Supreme Court and Supreme Soviet: in February 1954 the 365 camp procurators were placed under the RSFSR Procuracy, and in September 1954 the RSFSR Supreme Court's Presidium ruled on reclassifying 58-7 and 58-11 cases.",
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
  {
    id: "article-59",
    term: "Article 59",
    text: "Another part of the Soviet criminal code, next to Article 58; Spravka's sources do not say what it covered. They do count 12,765 new arrests under it in 1955 — while the review was letting 58ers go, people were still being arrested.",
    source: "adler-ch3",
  },
  {
    id: "xx-congress",
    term: "the XX Party Congress and Khrushchev's speech",
    text: "The Twentieth Congress of the Soviet Communist Party, where Khrushchev gave his speech on 24–25 February 1956. After it, rehabilitation sped up — after the slow, file-by-file review of 1954–55 that Spravka plays. (That the speech attacked Stalin's rule is common knowledge; Spravka's sources record only that it was given and what followed.)",
    source: "17moments",
    also: ["blog-not-all-free", "blog-destalinization"],
  },
  {
    id: "amnesty-1945",
    term: "the 1945 amnesty",
    text: "The decree of 7 July 1945 that freed prisoners by category, without asking whether each had been rightly sentenced: everyone with a term of three years or less, people sentenced under the December 26, 1941 law, for military crimes such as desertion, and soldiers whose sentences had been put off. For longer terms the time left was halved, except for counter-revolution and some grave crimes; recidivists were left out. Of 654,000 who qualified, 620,753 went free — while 194,074 new prisoners came in by 1 October. Sorting people by category was fast; the 1954–55 review, file by file, was slow.",
    source: "alexopoulos-1945",
    conflicts: ["amnesty-1945-arrivals"],
  },
  {
    id: "law-1941-12-26",
    term: "the December 26, 1941 law",
    text: "A wartime law that made leaving work at military and other factories a crime. The 1945 amnesty freed everyone sentenced under it.",
    source: "alexopoulos-1945",
  },
  {
    id: "labour-laws-1940",
    term: "the 1940 labour laws",
    text: "Laws of June 1940 that tied workers to their jobs: leaving a job without permission, or missing work without a good reason (arriving very late counted), became a crime, punished with a short prison term or with work at the same job for less pay. Spravka's sources do not describe these laws; this is common knowledge about the period.",
    source: "common-usage",
  },
  {
    id: "shirking",
    term: "shirking",
    text: "Breaking the labour discipline laws. What it covered — missing work or quitting a job, under the 1940 labour laws — is common knowledge, not from Spravka's sources. What the source does say: of the new prisoners who arrived between the 1945 amnesty and 1 October, 78% had been sentenced for shirking, and shirkers were among the groups the July 12 order put first in line for release.",
    source: "alexopoulos-1945",
  },
  {
    id: "recidivist",
    term: "recidivist",
    text: "A repeat offender. The 1945 amnesty used the word for someone with two or more convictions for theft, embezzlement, robbery, hooliganism and similar crimes, and left recidivists out. So every file had to be checked for earlier convictions, and people let go by mistake were hunted down.",
    source: "alexopoulos-1945",
  },
  {
    id: "ourz",
    term: "OURZ (records-and-assignment department)",
    russian: "ОУРЗ",
    text: "The office in each camp and colony that kept the prisoners' records. In the 1945 amnesty it had to check every file for earlier convictions, have every decision signed by the prisoner, and make passport lists with two photographs of each person freed. It was “extremely overburdened”, and release waited on its work.",
    source: "alexopoulos-1945",
  },
  {
    id: "transit-checkpoint",
    term: "transit checkpoint",
    text: "A point on the way home that people freed in 1945 passed through. There were 115 of them, and too few railcars to carry everyone on.",
    source: "alexopoulos-1945",
  },
];

export function glossaryEntry(id: string): GlossaryEntry | undefined {
  return GLOSSARY.find((g) => g.id === id);
}
