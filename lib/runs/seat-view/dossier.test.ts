import { describe, expect, test } from "vitest";
import { initialCaseContext } from "@/machines/case-setup";
import { ROLE_CARD_CASES } from "@/machines/role-cards";
import { dossier } from "./dossier";

describe("the procurator's case file", () => {
  const agitator = initialCaseContext(ROLE_CARD_CASES.agitator);

  test("the same run shows the same file; runs and cases differ", () => {
    expect(dossier(agitator, 4, 99)).toEqual(dossier(agitator, 4, 99));
    const bases = new Set(
      Array.from({ length: 40 }, (_, i) => dossier(agitator, i, 99).find((p) => p.id === "interrogation")!.meta[0]![1]),
    );
    // All four kinds of basis the sources name turn up across a desk's worth of files.
    expect([...bases].sort()).toEqual(["A confession", "A denunciation", "Documents", "Handwriting experts"]);
  });

  test("a sentence still being served: passed 1937–1953 and not over by 1954; the court or out-of-court rule said", () => {
    for (let i = 0; i < 50; i++) {
      const sentence = dossier(agitator, i, 7).find((p) => p.id === "sentence")!;
      const year = Number(sentence.meta.find(([k]) => k === "Year")![1]);
      expect(year).toBeGreaterThanOrEqual(1937);
      expect(year).toBeLessThanOrEqual(1953);
      expect(year + agitator.termYears).toBeGreaterThan(1954);
      expect(sentence.text).toMatch(/only protest/);
    }
    const exile = initialCaseContext(ROLE_CARD_CASES.specialConferenceExile);
    expect(dossier(exile, 1, 7).find((p) => p.id === "sentence")!.text).toMatch(/final/);
  });

  test("a kharakteristika only from a camp; a registered complaint without its text", () => {
    expect(dossier(agitator, 1, 7).map((p) => p.id)).toContain("kharakteristika");
    const exile = initialCaseContext(ROLE_CARD_CASES.specialConferenceExile);
    expect(dossier(exile, 1, 7).map((p) => p.id)).not.toContain("kharakteristika");
    expect(dossier(agitator, 1, 7).map((p) => p.id)).not.toContain("complaint");
    const complained = { ...agitator, complaints: 2 };
    const paper = dossier(complained, 1, 7).find((p) => p.id === "complaint")!;
    expect(paper.meta).toEqual([["Complaints registered", "2"]]);
  });

  test("earlier decisions: the 1953 amnesty passed a long 58 sentence by; form replies to complaints are counted", () => {
    const ids = (facts: typeof agitator, history: Parameters<typeof dossier>[3] = []) =>
      dossier(facts, 1, 7, history).map((p) => p.id);
    expect(agitator.termYears).toBeGreaterThan(5);
    const amnesty = dossier(agitator, 1, 7).find((p) => p.id === "amnesty-refused")!;
    expect(amnesty).toMatchObject({ source: "blog-not-all-free", text: expect.stringMatching(/over five years/) });
    expect(ids({ ...agitator, termYears: 5 })).not.toContain("amnesty-refused");
    expect(ids(agitator)).not.toContain("form-replies");
    const reply = { day: 3, event: { type: "complaint.formReply" } } as const;
    const filed = { day: 1, event: { type: "complaint.file", addressee: "kgb" } } as const;
    const papers = dossier(agitator, 1, 7, [filed, reply, filed, reply]);
    expect(papers.find((p) => p.id === "form-replies")!.meta).toEqual([["Answered", "2 complaints"]]);
  });
});
