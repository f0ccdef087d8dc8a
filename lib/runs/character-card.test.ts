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
