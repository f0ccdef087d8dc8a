import { randomUUID } from "node:crypto";
import { describe, expect, test } from "vitest";
import type { z } from "zod";
import { signUpSchema } from "@/lib/auth/validation";
import { db } from "@/lib/db";
import { saveDebriefPrompts } from "@/lib/runs/debrief/save-prompts";
import { joinRun } from "@/lib/runs/seats/join-run";
import { saveCustomScenario } from "@/lib/runs/store/custom-scenarios";
import { customScenarioForm, testClassRun, testInstructor } from "@/lib/testing/fixtures";
import { createRunSchema, displayNameSchema, letterSchema, seatActionSchema } from "@/lib/runs/validation";
import { createRng } from "@/lib/sim/rng";
import { cleanFreeText, cleanName, hasUnstorableCharacters, unstorableName, withoutBidiControls } from "./text";

// No property-testing library is a dependency, so strings are generated from a
// seeded generator (the same cases on every run; TEXT_SEED=… explores others),
// drawn from an alphabet weighted towards the characters that matter here.

const SEED = Number(process.env.TEXT_SEED ?? 1954);
const CASES = 3000;

const BIDI = [
  "\u200E",
  "\u200F",
  "\u202A",
  "\u202B",
  "\u202C",
  "\u202D",
  "\u202E",
  "\u2066",
  "\u2067",
  "\u2068",
  "\u2069",
];
const ALPHABET = [
  ...BIDI,
  "\u0000",
  "\uD800",
  "\uDBFF",
  "\uDC00",
  "\uDFFF",
  "😀",
  "👩‍🏫",
  "\r\n",
  "\r",
  "\n",
  "\t",
  " ",
  "\u00A0",
  "e\u0301",
  "é",
  "Ж",
  "ש",
  "ع",
  "a",
  "Z",
  "7",
  ".",
  "'",
  "\u200D",
  "\uFEFF",
  "\uFFFD",
];

function arbitraryStrings(stream: string): string[] {
  const rng = createRng(SEED, stream);
  return Array.from({ length: CASES }, () => {
    const length = Math.floor(rng.next() * 24);
    let s = "";
    for (let k = 0; k < length; k++) s += ALPHABET[Math.floor(rng.next() * ALPHABET.length)]!;
    return s;
  });
}

/** Whether every surrogate has its other half, checked unit by unit (independently of lib/text.ts). */
function wellFormed(s: string): boolean {
  for (let k = 0; k < s.length; k++) {
    const unit = s.charCodeAt(k);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const nextUnit = s.charCodeAt(k + 1);
      if (!(nextUnit >= 0xdc00 && nextUnit <= 0xdfff)) return false;
      k++;
    } else if (unit >= 0xdc00 && unit <= 0xdfff) return false;
  }
  return true;
}

const BIDI_ANYWHERE = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/** Whether a stored value is clean: no NUL, no lone surrogate, and (for names) no bidirectional control. */
function problems(stored: string, { name }: { name: boolean }): string[] {
  const found: string[] = [];
  if (stored.includes("\u0000")) found.push("NUL");
  if (!wellFormed(stored)) found.push("lone surrogate");
  if (name && BIDI_ANYWHERE.test(stored)) found.push("bidi control");
  return found;
}

/** Every name field, as a schema that answers the stored value or refuses. */
const NAME_FIELDS: [string, (raw: string) => z.ZodSafeParseResult<string>][] = [
  ["a display name", (raw) => displayNameSchema.safeParse(raw)],
  [
    "a run title",
    (raw) => {
      const r = createRunSchema.safeParse({
        title: raw,
        scenarioId: "chita-1954",
        procuratorSeats: 1,
        petitionerSeats: 1,
        speed: 7,
      });
      return r.success ? { success: true, data: r.data.title } : { success: false, error: r.error as never };
    },
  ],
  [
    "an instructor's name",
    (raw) => {
      const r = signUpSchema.safeParse({ name: raw, email: "a@school.org", password: "a long enough password" });
      return r.success ? { success: true, data: r.data.name } : { success: false, error: r.error as never };
    },
  ],
];

const FREE_TEXT_FIELDS: [string, (raw: string) => z.ZodSafeParseResult<string>][] = [
  ["a letter", (raw) => letterSchema.safeParse(raw)],
  [
    "a decision's grounds",
    (raw) => {
      const r = seatActionSchema.safeParse({
        type: "review.decide",
        decision: "fullRehabilitation",
        justification: raw,
      });
      return r.success && r.data.type === "review.decide"
        ? { success: true, data: r.data.justification }
        : { success: false, error: (r.error ?? new Error("not a decision")) as never };
    },
  ],
];

describe("text is stored clean", () => {
  test.each(NAME_FIELDS)(
    "%s, whatever is typed, is never stored with a NUL, a lone surrogate or a bidi control",
    (_name, parse) => {
      let stored = 0;
      for (const raw of arbitraryStrings(_name)) {
        const r = parse(raw);
        if (!r.success) continue;
        stored++;
        expect(problems(r.data, { name: true }), JSON.stringify(raw)).toEqual([]);
      }
      // The generator must reach the stored side, or the property says nothing.
      expect(stored).toBeGreaterThan(CASES / 10);
    },
  );

  test.each(FREE_TEXT_FIELDS)(
    "%s, whatever is typed, is never stored with a NUL or a lone surrogate",
    (_name, parse) => {
      let stored = 0;
      for (const raw of arbitraryStrings(_name)) {
        const r = parse(raw);
        if (!r.success) continue;
        stored++;
        expect(problems(r.data, { name: false }), JSON.stringify(raw)).toEqual([]);
      }
      expect(stored).toBeGreaterThan(CASES / 10);
    },
  );

  test.each(NAME_FIELDS)("%s with a NUL or a broken character is refused with a message saying so", (_name, parse) => {
    for (const raw of ["Sam\u0000", "\u0000", "Sam\uD800", "\uDC00Sam", "Sa\uDFFF\uD800m", "😀".slice(0, 1)]) {
      const r = parse(raw);
      expect(r.success, JSON.stringify(raw)).toBe(false);
      expect(r.error!.issues[0]!.message).toMatch(/hidden or broken character that cannot be saved/);
    }
  });

  test.each(NAME_FIELDS)("%s loses its bidirectional controls and keeps everything else", (_name, parse) => {
    expect(parse("\u202EMarat\u202C")).toMatchObject({ success: true, data: "Marat" });
    expect(parse("Anna \u2067Ш\u2069 \u200FK.")).toMatchObject({ success: true, data: "Anna Ш K." });
    expect(parse("\u202E\u2066 ").success).toBe(false);
  });

  test.each([...NAME_FIELDS, ...FREE_TEXT_FIELDS])(
    "%s that is valid text is stored exactly as typed",
    (_name, parse) => {
      for (const raw of ["Marat Ivanovich", "Ольга Петровна", "רות כהן", "ليلى", "Zoë 😀", "O'Brien-Smith, 3rd"]) {
        const padded = raw.length < 10 ? `${raw} (writes)` : raw;
        expect(parse(padded), JSON.stringify(padded)).toMatchObject({ success: true, data: padded });
      }
    },
  );

  test.each(FREE_TEXT_FIELDS)("%s keeps its words: a NUL or a broken character becomes U+FFFD", (_name, parse) => {
    expect(parse("The file\u0000 shows no act.")).toMatchObject({
      success: true,
      data: "The file\uFFFD shows no act.",
    });
    expect(parse("The file \uD800shows no act.")).toMatchObject({
      success: true,
      data: "The file \uFFFDshows no act.",
    });
    expect(parse("Line one,\r\nline two \u202Bقضية\u202C.")).toMatchObject({
      success: true,
      data: "Line one,\nline two \u202Bقضية\u202C.",
    });
  });
});

describe("the text helpers", () => {
  test.each([
    ["", false],
    ["plain", false],
    ["😀 a whole pair", false],
    ["\u0000", true],
    ["\uD83D", true],
    ["\uDE00", true],
    ["\uDE00\uD83D", true],
  ])("whether %j can be stored as it is", (text, unstorable) => {
    expect(hasUnstorableCharacters(text)).toBe(unstorable);
    // Whatever was unstorable, the free-text form of it is well-formed and NUL-free.
    expect(wellFormed(cleanFreeText(text))).toBe(true);
    expect(cleanFreeText(text)).not.toContain("\u0000");
  });

  test("every bidirectional control named goes, and nothing else", () => {
    expect(withoutBidiControls(BIDI.join("x"))).toBe("x".repeat(BIDI.length - 1));
    expect(withoutBidiControls("\u200D\u200C\u061C")).toBe("\u200D\u200C\u061C");
  });

  test("a name is put in one Unicode form with single spaces", () => {
    expect(cleanName("  Zoe\u0301 \t\n Ivanova  ")).toBe("Zoé Ivanova");
    expect(unstorableName("title")).toMatch(/^Your title /);
  });
});

describe("text is stored clean, through the database", () => {
  test("a teacher's scenario title with a NUL is refused by field; its summary keeps its words; bidi controls leave the title", async () => {
    const teacher = await testInstructor("Ms. Okafor");
    const refused = await saveCustomScenario(teacher, customScenarioForm({ title: "Chita\u0000" }));
    expect(refused.ok === false && refused.error.fieldErrors).toEqual({ title: unstorableName("title") });
    expect(await db.customScenario.count({ where: { ownerId: teacher.id } })).toBe(0);

    const saved = await saveCustomScenario(
      teacher,
      customScenarioForm({ title: "\u202EChita, redone\u202C", summary: "Lists\u0000 late.\uDC00" }),
    );
    if (!saved.ok) throw new Error(saved.error.message);
    const row = await db.customScenario.findUniqueOrThrow({ where: { id: saved.id } });
    expect(row.title).toBe("Chita, redone");
    const scenario = JSON.parse(row.scenario) as { title: string; summary: string };
    expect(scenario).toMatchObject({ title: "Chita, redone", summary: "Lists\uFFFD late.\uFFFD" });
  });

  test("a display name reaches the class's seat list without its bidi controls", async () => {
    const teacher = await testInstructor("Dr. Levin");
    const { joinCode } = await testClassRun(teacher, { title: "\u2067Period 3\u2069" });
    const run = await db.run.findFirstOrThrow({ where: { ownerId: teacher.id } });
    expect(run.title).toBe("Period 3");
    const joined = await joinRun({ code: joinCode, name: "\u202ESam\u202C", requestId: randomUUID() }, "192.0.2.1");
    if (!joined.ok) throw new Error(joined.error.message);
    expect((await db.seat.findUniqueOrThrow({ where: { id: joined.seatId } })).displayName).toBe("Sam");
    const refused = await joinRun({ code: joinCode, name: "Sam\u0000", requestId: randomUUID() }, "192.0.2.1");
    expect(refused.ok === false && refused.error.fieldErrors?.name).toBe(unstorableName("name"));
  });

  test("debrief prompts keep their words, with U+FFFD for what cannot be stored", async () => {
    const teacher = await testInstructor("Mr. Adeyemi");
    const { runId } = await testClassRun(teacher);
    expect(await saveDebriefPrompts(teacher, runId, "Why\u0000 so slow?\r\nWho\uD800 decided?")).toEqual({ ok: true });
    const run = await db.run.findUniqueOrThrow({ where: { id: runId } });
    expect(run.debriefPrompts).toBe("Why\uFFFD so slow?\nWho\uFFFD decided?");
  });
});
