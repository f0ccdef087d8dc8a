import { SOURCE_KEYS, type SourceKey } from "@/machines/vocabulary";
import { SOURCE_SHORT_NAMES } from "@/lib/source-names";

/**
 * A source's bibliographic details, as far as the project's copy records them
 * (../shared/domain/README.md). A field the copy does not give is left out and
 * named in `notRecorded`: a student copying a citation must never get a page
 * number or a year that someone guessed.
 */
export type Citation = {
  author?: { family: string; given?: string };
  /** the work's own title */
  title: string;
  /** what kind of work it is */
  kind: string;
  /** the book, series or website it appeared in */
  publishedIn?: string;
  year?: number;
  pages?: string;
  url?: string;
  notRecorded: readonly string[];
};

/**
 * The source documents behind every historical claim in Spravka
 * (../shared/domain/README.md). Claims cite these keys; the UI shows them.
 */
export const SOURCES = {
  "adler-ch3": {
    short: SOURCE_SHORT_NAMES["adler-ch3"],
    title: "Adler, “The System's Adaptation to Repression 1953–55” (book chapter, archival)",
    weight: "primary for the review pipeline",
    citation: {
      // The project's copy names the chapter and, through its key, its author's surname and chapter number; nothing more.
      author: { family: "Adler" },
      title: "The System's Adaptation to Repression 1953–55",
      kind: "Book chapter (chapter 3), based on archive documents",
      notRecorded: ["the author's first name", "the book's title", "the publisher", "the year", "page numbers"],
    },
  },
  "alexopoulos-1945": {
    short: SOURCE_SHORT_NAMES["alexopoulos-1945"],
    title:
      "Golfo Alexopoulos, “Amnesty 1945: The Revolving Door of Stalin's Gulag”, NCEEER working paper, 2004 (archival)",
    weight: "primary for the 1945 amnesty",
    citation: {
      author: { family: "Alexopoulos", given: "Golfo" },
      title: "Amnesty 1945: The Revolving Door of Stalin's Gulag",
      kind: "Working paper, based on archive documents",
      publishedIn: "NCEEER working paper",
      year: 2004,
      notRecorded: ["the paper's number", "page numbers", "a web address"],
    },
  },
  "17moments": {
    short: SOURCE_SHORT_NAMES["17moments"],
    title: "James von Geldern, “Prisoners Return”, Seventeen Moments in Soviet History (essay)",
    weight: "secondary",
    citation: {
      author: { family: "von Geldern", given: "James" },
      title: "Prisoners Return",
      kind: "Essay",
      publishedIn: "Seventeen Moments in Soviet History",
      notRecorded: ["the year", "a web address"],
    },
  },
  "blog-not-all-free": {
    short: SOURCE_SHORT_NAMES["blog-not-all-free"],
    title: "“Soviet Prisoners Released . . . Not All Necessarily Free” (student blog, 2014)",
    weight: "secondary, draws on Seventeen Moments",
    citation: {
      title: "Soviet Prisoners Released . . . Not All Necessarily Free",
      kind: "Student blog post",
      year: 2014,
      notRecorded: ["the author", "a web address"],
    },
  },
  "blog-destalinization": {
    short: SOURCE_SHORT_NAMES["blog-destalinization"],
    title: "“De-Stalinization of the Gulags” (student blog)",
    weight: "secondary, draws on Seventeen Moments",
    citation: {
      title: "De-Stalinization of the Gulags",
      kind: "Student blog post",
      notRecorded: ["the author", "the year", "a web address"],
    },
  },
} as const satisfies Record<SourceKey, { short: string; title: string; weight: string; citation: Citation }>;

/** The author as a bibliography lists them: family name first. */
export function authorName(citation: Citation, order: "family-first" | "given-first" = "family-first"): string | null {
  const a = citation.author;
  if (!a) return null;
  if (!a.given) return a.family;
  return order === "family-first" ? `${a.family}, ${a.given}` : `${a.given} ${a.family}`;
}

/**
 * A short citation a student can paste into a bibliography: author, “title”,
 * where it appeared, year, pages, address — only the parts the copy records.
 */
export function citationText(key: SourceKey): string {
  const c: Citation = SOURCES[key].citation;
  const author = authorName(c);
  const where = [c.publishedIn ?? c.kind, c.year].filter((p) => p !== undefined).join(", ");
  return [
    author ? `${author}.` : null,
    `“${c.title}.”`,
    `${where}.`,
    c.pages ? `Pages ${c.pages}.` : null,
    c.url ?? null,
  ]
    .filter((p): p is string => p !== null)
    .join(" ");
}

/**
 * A note written for the code ("… (adler-ch3)") as a reader should see it:
 * each source key replaced by the source's short name, which the sources
 * page explains. Keys mean nothing to a student.
 */
export function withSourceNames(text: string): string {
  return SOURCE_KEYS.reduce((out, key) => out.replace(new RegExp(`\\b${key}\\b`, "g"), SOURCES[key].short), text);
}

/** "a", "a and b", "a, b and c". */
export function listed(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/** What the project's copy does not record about a source, in a sentence; null when it records everything. */
export function notRecordedText(key: SourceKey): string | null {
  const missing: readonly string[] = SOURCES[key].citation.notRecorded;
  return missing.length === 0 ? null : `Not recorded in Spravka’s copy: ${listed(missing)}.`;
}

/**
 * How a student should use the citation: as it stands, adding a missing year
 * or page only from the source itself, and saying so when they have only read
 * Spravka's summary of it (citing what one has not read as if one had is the
 * mistake a teacher marks down).
 */
export function howToCite(key: SourceKey): string {
  const missing: readonly string[] = SOURCES[key].citation.notRecorded;
  const gap =
    missing.length === 0
      ? ""
      : ` It leaves out ${listed(missing)}, which Spravka’s copy does not record: add them only if you find them in the source itself, never a guess.`;
  return `Use the citation below in your bibliography as it stands.${gap} If you have not read the source yourself, add “as summarised in Spravka”.`;
}

export { SOURCE_KEYS, type SourceKey };
