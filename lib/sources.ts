import { SOURCE_KEYS, type SourceKey } from "@/machines/vocabulary";

/**
 * The source documents behind every historical claim in Spravka
 * (../shared/domain/README.md). Claims cite these keys; the UI shows them.
 */
export const SOURCES = {
  "adler-ch3": {
    short: "Adler, ch. 3",
    title: "“The System's Adaptation to Repression 1953–55” (book chapter, archival)",
    weight: "primary for the review pipeline",
  },
  "alexopoulos-1945": {
    short: "Alexopoulos 2004",
    title:
      "Golfo Alexopoulos, “Amnesty 1945: The Revolving Door of Stalin's Gulag”, NCEEER working paper, 2004 (archival)",
    weight: "primary for the 1945 amnesty",
  },
  "17moments": {
    short: "Seventeen Moments",
    title: "James von Geldern, “Prisoners Return”, Seventeen Moments in Soviet History (essay)",
    weight: "secondary",
  },
  "blog-not-all-free": {
    short: "Student blog, 2014",
    title: "“Soviet Prisoners Released . . . Not All Necessarily Free” (student blog, 2014)",
    weight: "secondary, draws on Seventeen Moments",
  },
  "blog-destalinization": {
    short: "Student blog",
    title: "“De-Stalinization of the Gulags” (student blog)",
    weight: "secondary, draws on Seventeen Moments",
  },
} as const satisfies Record<SourceKey, { short: string; title: string; weight: string }>;

export { SOURCE_KEYS, type SourceKey };
