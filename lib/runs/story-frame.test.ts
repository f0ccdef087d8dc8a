import { describe, expect, test } from "vitest";
import { findConflict } from "@/lib/sources/conflicts";
import { OUTCOMES, SOURCE_KEYS } from "@/machines/vocabulary";
import { afterTheRun, epilogue1956, prologue1953, type StoryFrame } from "./story-frame";

const agitator = { label: "Case 0001", article: "58-10", termYears: 10, custody: "camp" as const };
const shortTerm = { label: "Case 0002", article: "58-10", termYears: 4, custody: "camp" as const };

/** Every line of a frame names a known source (or says it is invented, with a basis) and only real conflicts. */
function expectSourced(frame: StoryFrame) {
  for (const section of frame.sections) {
    expect(section.lines.length, section.heading).toBeGreaterThan(0);
    for (const line of section.lines) {
      if (line.source === "invented") expect(line.basis, line.text).toBeDefined();
      // A line that claims nothing itself (an instruction, a lead-in to the conflicts under it) has no source.
      else if (line.source === null) expect(line.basis).toBeUndefined();
      else expect(SOURCE_KEYS).toContain(line.source);
      for (const c of line.conflicts ?? []) expect(findConflict(c), c).toBeDefined();
    }
  }
}

describe("the prologue: the March 1953 amnesty", () => {
  test("a long political sentence was not reached, and the petitioner is told so about their own case", () => {
    const frame = prologue1953("petitioner", [agitator], "shortTermsFreed");
    expectSourced(frame);
    const yours = frame.sections.at(-1)!.lines[0]!;
    expect(yours.text).toMatch(
      /^Case 0001: 10 years under article 58-10\. More than 5 years .* did not reach this sentence/,
    );
    // Said of "the person": the student may be a relative; and where the person really is.
    expect(yours.text).not.toMatch(/\byou\b/i);
    expect(yours.text).toContain("still in a camp");
    const exiled = prologue1953("petitioner", [{ ...agitator, custody: "exile" }], "shortTermsFreed");
    expect(exiled.sections.at(-1)!.lines[0]!.text).toContain("still in exile");
  });

  test("a short term: the decree's words covered it, and the two readings of the sources are shown, not picked", () => {
    const byTheRule = prologue1953("petitioner", [shortTerm], "shortTermsFreed").sections.at(-1)!.lines[0]!;
    expect(byTheRule.text).toContain("the amnesty missed this sentence");
    expect(byTheRule.conflicts).toContain("amnesty-1953-politicals");
    const byAdler = prologue1953("petitioner", [shortTerm], "politicalsLeftOut").sections.at(-1)!.lines[0]!;
    expect(byAdler.text).toContain("political prisoners were left out");
    expect(byAdler.conflicts).toContain("amnesty-1953-politicals");
  });

  test("the totals are shown with both of the sources' conflicts; a procurator hears about the desk, not a case", () => {
    const frame = prologue1953("procurator", [agitator], "shortTermsFreed");
    expectSourced(frame);
    const conflicts = frame.sections.flatMap((s) => s.lines.flatMap((l) => l.conflicts ?? []));
    expect(conflicts).toEqual(expect.arrayContaining(["amnesty-1953-releases", "amnesty-1953-share"]));
    expect(frame.sections.at(-1)!.heading).toBe("Your desk");
    expect(JSON.stringify(frame)).not.toContain("Case 0001");
  });
});

describe("the epilogue: February 1956", () => {
  test("every outcome, with or without the spravka, says what followed, with its source", () => {
    for (const outcome of OUTCOMES)
      for (const spravka of [false, true]) {
        const line = afterTheRun(outcome, spravka);
        expect(line.text.length, outcome).toBeGreaterThan(30);
        if (line.source === "invented") expect(line.text, outcome).toContain("estimate");
      }
    expect(afterTheRun("rehabilitated", false).text).toContain("without the spravka");
    expect(afterTheRun("rehabilitated", true).text).toContain("spravka in hand");
  });

  test("a case still waiting gets the game's estimate, labelled, based on the source that says reviews sped up", () => {
    const line = afterTheRun("pending", false);
    expect(line).toMatchObject({ source: "invented", basis: "17moments" });
    expect(line.text).toContain("the sources give no figure");
  });

  test("a seat hears about each of its cases; the teacher's counts cover every case of the class", () => {
    const cases = [
      { ...agitator, outcome: "upheld" as const, spravkaIssued: false },
      { ...shortTerm, outcome: "upheld" as const, spravkaIssued: false },
      {
        label: "Case 0003",
        article: "58-1",
        termYears: 25,
        custody: "camp" as const,
        outcome: "pending" as const,
        spravkaIssued: false,
      },
    ];
    const petitioner = epilogue1956(cases.slice(2), "petitioner");
    expectSourced(petitioner);
    expect(petitioner.sections.at(-1)!.lines.map((l) => l.text.slice(0, 9))).toEqual(["Case 0003"]);
    // A desk and a class: each ending once, with how many cases it was.
    for (const role of ["procurator", "teacher"] as const) {
      const frame = epilogue1956(cases, role);
      expectSourced(frame);
      const counts = frame.sections.at(-1)!.lines.map((l) => Number(/^(\d+) cases?:/.exec(l.text)![1]));
      expect(counts).toEqual([2, 1]);
    }
    const teacher = epilogue1956(cases, "teacher");
    expect(teacher.sections[0]!.lines.flatMap((l) => l.conflicts ?? [])).toContain("may-1954-review-releases");
  });
});
