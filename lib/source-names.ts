import type { SourceKey } from "@/machines/vocabulary";

/**
 * Each source's short name, as the tag beside a claim shows it. A module of
 * its own so that a page tagging claims in the browser (the seat) gets these
 * few words and not every source's full citation (lib/sources.ts).
 */
export const SOURCE_SHORT_NAMES = {
  "adler-ch3": "Adler, ch. 3",
  "alexopoulos-1945": "Alexopoulos 2004",
  "17moments": "Seventeen Moments",
  "blog-not-all-free": "Student blog, 2014",
  "blog-destalinization": "Student blog",
} as const satisfies Record<SourceKey, string>;
