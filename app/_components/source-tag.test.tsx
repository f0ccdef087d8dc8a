import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, test } from "vitest";
import { SOURCE_KEYS, SOURCES } from "@/lib/sources";
import { SourceTag } from "./source-tag";

const text = (markup: string) => markup.replace(/<[^>]*>/g, "").replace(/&#x27;/g, "'");

describe("SourceTag", () => {
  test("names every source by the short name the sources page gives it, and links to its entry", () => {
    for (const key of SOURCE_KEYS) {
      const tag = renderToStaticMarkup(<SourceTag source={key} />);
      expect(text(tag)).toBe(`Source: ${SOURCES[key].short}`);
      expect(tag).toContain(`href="/sources#${key}"`);
    }
  });

  test("an invented text names the source it is based on by its short name", () => {
    for (const key of SOURCE_KEYS) {
      const tag = renderToStaticMarkup(<SourceTag source="invented" basis={key} />);
      expect(text(tag)).toBe(`invented for this gamebased on ${SOURCES[key].short}`);
      expect(tag).toContain(`href="/sources#${key}"`);
    }
  });
});
