import { describe, expect, test } from "vitest";
import { ROLE_CARD_CASES } from "@/machines/role-cards";
import { characterCard } from "./character-card";

describe("character cards", () => {
  test("the card follows the file: a court-sentenced agitator learns the commission can only recommend", () => {
    const card = characterCard(ROLE_CARD_CASES.agitator, 0);
    expect(card.card).toMatch(/58-10 agitator/);
    expect(card.wants).toMatch(/can only recommend/);
    expect(card.where).toBe("In a labour camp.");
  });

  test("a Special Conference exile is told the commission's word is final", () => {
    const card = characterCard(ROLE_CARD_CASES.specialConferenceExile, 1);
    expect(card.card).toMatch(/Special Conference exile/);
    expect(card.wants).toMatch(/final/);
    expect(card.where).toMatch(/exile/);
  });

  test("names are invented composites, stable per case, with the source of the history", () => {
    expect(characterCard(ROLE_CARD_CASES.agitator, 5).name).toBe(characterCard(ROLE_CARD_CASES.agitator, 5).name);
    expect(characterCard(ROLE_CARD_CASES.agitator, 5).name).not.toBe(characterCard(ROLE_CARD_CASES.agitator, 6).name);
    expect(characterCard(ROLE_CARD_CASES.agitator, 5).source).toBe("adler-ch3");
  });

  test("a group case says so", () => {
    expect(characterCard({ ...ROLE_CARD_CASES.agitator, persons: 3 }, 2).who).toMatch(/One of 3 people/);
  });
});

describe("every role card of the brief has a seat", () => {
  const card = (facts: Parameters<typeof characterCard>[0], i: number) => characterCard(facts, i).card;
  const courtAgitator = { ...ROLE_CARD_CASES.agitator, organ: "court" } as const;
  const exile = { ...ROLE_CARD_CASES.collaboratorInExile, article: "58-10" };

  test("cards 4 and 5 (returnee, former student) and 3 share the exiles; 6 and 7 the court agitators", () => {
    expect(card(exile, 0)).toMatch(/^Card 3/);
    expect(card(exile, 1)).toMatch(/^Card 4/);
    expect(card(exile, 2)).toMatch(/^Card 5/);
    expect(card(courtAgitator, 0)).toMatch(/^Card 1/);
    expect(card(courtAgitator, 1)).toMatch(/^Card 6/);
    expect(card(courtAgitator, 2)).toMatch(/^Card 7/);
    expect(characterCard(courtAgitator, 2).wants).toMatch(/a court must decide/);
    expect(characterCard(exile, 1).where).toMatch(/passport/);
  });

  test("one seat in four plays a relative writing from outside (card 12), never a first-person card", () => {
    const relative = characterCard(ROLE_CARD_CASES.wreckers, 3);
    expect(relative.card).toMatch(/^Card 12: a relative writing for a prisoner \(the reclassified prisoner\)/);
    expect(relative.who).toMatch(/^You are the \w+ of /);
    expect(relative.where).toMatch(/outside the camp/);
    // Card 6 speaks in the prisoner's own voice: that seat plays the prisoner.
    expect(card(courtAgitator, 7)).toMatch(/^Card 6/);
  });
});
