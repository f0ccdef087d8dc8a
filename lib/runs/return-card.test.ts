import { describe, expect, test } from "vitest";
import { World } from "@/lib/sim/engine";
import { SCENARIOS } from "@/lib/sim/scenarios";
import { RULES } from "@/machines/rules";
import { OUTCOMES, RELEASING_OUTCOMES, SOURCE_KEYS, type Custody, type Outcome } from "@/machines/vocabulary";
import {
  RETURN_TOPICS,
  RIGHTS_TOPICS,
  returnCard,
  type ReturnCard,
  type ReturnFacts,
  type ReturnTopic,
} from "./return-card";

const CUSTODIES: readonly Custody[] = ["camp", "exile", "released", "psychiatric"];
const BOOLS = [false, true] as const;

/** Every combination of the facts the card reads: outcome × custody × spravka × passport × where the run found them. */
const ALL: ReturnFacts[] = OUTCOMES.flatMap((outcome) =>
  CUSTODIES.flatMap((custody) =>
    BOOLS.flatMap((spravkaIssued) =>
      BOOLS.flatMap((passportMinus) =>
        BOOLS.flatMap((startedInExile) =>
          [0, 1, 3].map((spravkaRequests) => ({
            outcome,
            custody,
            spravkaIssued,
            passportMinus,
            startedInExile,
            spravkaRequests,
            article: "58-10",
          })),
        ),
      ),
    ),
  ),
);

const cards = ALL.map((facts) => ({ facts, card: returnCard(facts) }));
const withCard = cards.filter((c): c is { facts: ReturnFacts; card: ReturnCard } => c.card !== null);

const row = (card: ReturnCard, topic: ReturnTopic) => card.rows.find((r) => r.topic === topic)!;
const allText = (card: ReturnCard) =>
  [card.summary.text, card.release.text, ...card.rows.flatMap((r) => [r.answer, r.text])].join(" ");
const name = (f: ReturnFacts) => JSON.stringify(f);

/** The sentence still stands on paper: freed, but not cleared and not rescinded. */
const STANDING: readonly Outcome[] = ["amnestied", "reclassified", "exileEnded", "reduced"];

describe("who gets a return card", () => {
  test("a person still held (camp, psychiatric hospital, the exile they started in) gets no card", () => {
    for (const { facts, card } of cards) {
      const held =
        facts.custody === "camp" ||
        facts.custody === "psychiatric" ||
        (facts.custody === "exile" && facts.startedInExile);
      if (held) expect(card, name(facts)).toBeNull();
    }
  });

  test("only an outcome that released them gives a card; a shortened sentence only if it let them out", () => {
    for (const { facts, card } of cards) {
      const releasing =
        RELEASING_OUTCOMES.includes(facts.outcome) || (facts.outcome === "reduced" && facts.custody === "released");
      if (!releasing) expect(card, name(facts)).toBeNull();
      if (releasing && facts.custody === "released") expect(card, name(facts)).not.toBeNull();
    }
    for (const outcome of ["upheld", "pending", "psychiatric"] as const)
      expect(withCard.some((c) => c.facts.outcome === outcome)).toBe(false);
  });

  test("every releasing outcome, released, has a card", () => {
    for (const outcome of RELEASING_OUTCOMES)
      expect(withCard.some((c) => c.facts.outcome === outcome && c.facts.custody === "released")).toBe(true);
  });
});

describe("every card", () => {
  test("has every row once, each a sentence with a short answer, headed “Coming home”", () => {
    for (const { facts, card } of withCard) {
      expect(card.heading).toBe("Coming home");
      expect(
        card.rows.map((r) => r.topic),
        name(facts),
      ).toEqual([...RETURN_TOPICS]);
      for (const r of card.rows) {
        expect(r.label.length, name(facts)).toBeGreaterThan(0);
        expect(r.answer.length, `${r.topic} ${name(facts)}`).toBeGreaterThan(0);
        expect(r.text, `${r.topic} ${name(facts)}`).toMatch(/^[A-Z“].{20,}[.”]$/);
      }
      expect(card.release.text).toMatch(/certificate of release/);
      expect(card.release.text).toMatch(/kharakteristika/);
      expect(card.release.text).toMatch(/stazh/);
    }
  });

  test("every line names a known source, or is invented with a basis and says so (“in this game”)", () => {
    for (const { facts, card } of withCard)
      for (const line of [card.summary, card.release, ...card.rows]) {
        if (line.source === "invented") {
          expect(line.basis, line.text).toBeDefined();
          expect(SOURCE_KEYS).toContain(line.basis);
          const said = "answer" in line ? `${line.answer} ${line.text}` : line.text;
          expect(said, name(facts)).toMatch(/in this game/);
        } else {
          expect(SOURCE_KEYS).toContain(line.source);
          expect(line.basis).toBeUndefined();
        }
      }
  });

  test("is the same for the same facts (a pure function)", () => {
    for (const { facts, card } of withCard) expect(returnCard({ ...facts })).toEqual(card);
  });
});

describe("the record: cleared, the court's notice only, pardoned, or standing", () => {
  test("a sentence that stands always shows passport minuses and no vote, union or higher education", () => {
    const standing = withCard.filter((c) => STANDING.includes(c.facts.outcome));
    expect(standing.length).toBeGreaterThan(0);
    for (const { facts, card } of standing) {
      expect(card.record, name(facts)).toBe("standing");
      expect(card.passportMinus, name(facts)).toBe(true);
      expect(row(card, "passport").answer).toMatch(/minuses/);
      if (card.exile !== "stillInExile") expect(row(card, "home").answer).toMatch(/Not in the barred cities/);
      expect(card.rightsOpen).toBe(false);
      for (const t of RIGHTS_TOPICS) expect(row(card, t).answer, `${t} ${name(facts)}`).toBe("No");
      expect(row(card, "spravka").answer).toBe("None");
    }
  });

  test("only a rehabilitated person with the spravka is cleared, with the spravka in hand and rights back", () => {
    for (const { facts, card } of withCard) {
      const cleared = facts.outcome === "rehabilitated" && facts.spravkaIssued;
      expect(card.record === "cleared", name(facts)).toBe(cleared);
      expect(row(card, "spravka").answer === "In hand", name(facts)).toBe(cleared);
      expect(/spravka in hand|has arrived/.test(allText(card)), name(facts)).toBe(cleared);
      if (cleared) {
        expect(card.passportMinus).toBe(false);
        for (const t of RIGHTS_TOPICS) expect(row(card, t).answer).toBe("Yes, again");
      }
    }
  });

  test("rights are open only where the sentence no longer stands on paper: cleared by the spravka, or cancelled by a pardon", () => {
    for (const { facts, card } of withCard) {
      const open = (facts.outcome === "rehabilitated" && facts.spravkaIssued) || facts.outcome === "pardoned";
      expect(card.rightsOpen, name(facts)).toBe(open);
      for (const t of RIGHTS_TOPICS) expect(/^No/.test(row(card, t).answer), `${t} ${name(facts)}`).toBe(!open);
    }
  });

  test("rehabilitated without the spravka: only the court's notice, still treated as having a sentence", () => {
    const waiting = withCard.filter((c) => c.facts.outcome === "rehabilitated" && !c.facts.spravkaIssued);
    expect(waiting.length).toBeGreaterThan(0);
    for (const { facts, card } of waiting) {
      expect(card.record).toBe("noticeOnly");
      const spravka = row(card, "spravka");
      expect(spravka.answer).toBe("Not yet");
      expect(spravka.text).toContain("notice that the case was suspended");
      expect(spravka.text).toContain("“a very long time in coming”");
      expect(spravka.text).toContain("“not sending”");
      expect(spravka.text).toContain("local MVD, then the provincial procuracy, then the General Procuracy");
      // Not a reward for persistence (brief §7).
      expect(spravka.text).toMatch(/not in how hard anyone asked/);
      expect(card.summary.text).toMatch(/still treated as someone with a sentence/);
      for (const t of RIGHTS_TOPICS) expect(row(card, t).answer).toBe("No, in practice");
      // The passport follows what the police did; a clean one is labelled as this game's.
      expect(card.passportMinus, name(facts)).toBe(facts.passportMinus);
      if (!facts.passportMinus) expect(row(card, "passport").source).toBe("invented");
    }
    const asked = returnCard({ ...waiting[0]!.facts, custody: "released", spravkaRequests: 3 })!;
    expect(row(asked, "spravka").text).toContain("asked all three offices");
  });

  test("pardoned: “justifiably sentenced”, a pardon and not rehabilitation, some waited until the late 1980s", () => {
    const pardoned = withCard.filter((c) => c.facts.outcome === "pardoned");
    expect(pardoned.length).toBeGreaterThan(0);
    for (const { card } of pardoned) {
      expect(card.record).toBe("pardoned");
      expect(card.summary.text).toContain("“justifiably sentenced”");
      expect(card.summary.text).toMatch(/not rehabilitated/);
      expect(row(card, "spravka").text).toMatch(/A pardon is not rehabilitation/);
      expect(row(card, "spravka").text).toMatch(/late 1980s/);
      expect(row(card, "spravka").text).not.toMatch(/never/i);
      for (const t of RIGHTS_TOPICS) expect(row(card, t).text).toMatch(/name is not cleared/);
    }
  });

  test("amnestied or reclassified: the record stands; reclassification says what the sources leave open", () => {
    const amnestied = returnCard({
      outcome: "amnestied",
      custody: "released",
      spravkaIssued: false,
      passportMinus: true,
      startedInExile: false,
    })!;
    expect(amnestied.summary.text).toMatch(/sentence stands/);
    expect(row(amnestied, "work").text).toMatch(/July 1953 trade unions/);
    const reclassified = returnCard({
      outcome: "reclassified",
      custody: "released",
      spravkaIssued: false,
      passportMinus: true,
      startedInExile: false,
    })!;
    expect(reclassified.summary.text).toMatch(/record stands/);
    expect(row(reclassified, "spravka").text).toMatch(/Aksyonov/);
    // The 1955 amnesty of collaborators is not the 1953 one the unions were told about.
    const collaborator = returnCard({
      outcome: "amnestied",
      custody: "released",
      spravkaIssued: false,
      passportMinus: true,
      startedInExile: false,
      article: "58-1",
      collaboratorsAmnesty: true,
    })!;
    expect(row(collaborator, "work").text).not.toMatch(/trade unions/);
  });
});

describe("exile", () => {
  test("release did not end exile: still in exile vs ended by its own decision", () => {
    for (const { facts, card } of withCard) {
      const exile = row(card, "exile");
      if (facts.custody === "exile") {
        expect(card.exile).toBe("stillInExile");
        expect(exile.answer).toBe("Still in exile");
        expect(exile.text).toMatch(/separate decision/);
        expect(row(card, "home").answer).toBe("Where they were sent");
      } else if (facts.outcome === "exileEnded") {
        expect(exile.answer).toBe("Ended");
        expect(exile.text).toMatch(/decision of its own/);
      } else if (facts.startedInExile) {
        expect(exile.source).toBe("invented");
      } else {
        expect(exile.answer).toBe("Not in exile");
      }
      expect(exile.source === "invented" ? exile.basis : exile.source).toBe(RULES.exileSeparateDecision.source);
    }
  });

  test("what release gave is said for leaving a camp; for leaving exile the sources are silent, and the card says so", () => {
    for (const { facts, card } of withCard) {
      if (facts.startedInExile) expect(card.release.text).toMatch(/do not say what someone leaving exile received/);
      else expect(card.release.text).toMatch(/^Leaving the camp, they got .*free travel, food or money/);
    }
  });
});

describe("in a run", () => {
  test("at a run's end, a case has a card exactly when its person was released by the outcome", () => {
    const scenario = SCENARIOS.find((s) => s.id === "rostov-1954") ?? SCENARIOS[0]!;
    let released = 0;
    for (const seed of [1, 2, 3]) {
      const world = new World(scenario, seed);
      world.advanceTo(scenario.horizonDays);
      for (let i = 0; i < world.caseCount; i++) {
        const facts = world.caseFacts(i);
        const { outcome } = world.caseState(i);
        const card = returnCard({ ...facts, outcome, startedInExile: !world.startedInCamp(i) });
        // Released from a camp into exile (RULES.exileAfterCamp) is out of the camp: the card says exile goes on.
        const out = facts.custody === "released" || (facts.custody === "exile" && world.startedInCamp(i));
        const free = out && (RELEASING_OUTCOMES.includes(outcome) || outcome === "reduced");
        expect(card !== null, `seed ${seed} case ${i}: ${outcome}, ${facts.custody}`).toBe(free);
        if (card) {
          released++;
          // The machine's passport agrees with the card wherever the card follows a rule.
          if (card.record !== "noticeOnly") expect(card.passportMinus).toBe(facts.passportMinus);
        }
      }
    }
    expect(released).toBeGreaterThan(0);
  });
});
