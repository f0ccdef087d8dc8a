import { describe, expect, test } from "vitest";
import type { CaseEvent } from "@/machines/case-setup";
import { OUTCOMES } from "@/machines/vocabulary";
import { petitionerKnowledge, petitionerOutcome, petitionerReceived, petitionerVersion } from "./petitioner-knowledge";

const story = (...events: [number, CaseEvent][]) => events.map(([day, event]) => ({ day, event }));
const wrote = [3, { type: "complaint.file", addressee: "campAdministration" }] as [number, CaseEvent];

describe("what a petitioner can know", () => {
  test("freed on paper, still held: a release order the camp has not carried out is never a spravka in hand", () => {
    for (const outcome of ["rehabilitated", "reclassified", "amnestied"] as const) {
      const known = petitionerKnowledge(story(wrote), outcome, "heldAfterRelease", 60, {
        custody: "camp",
        passportMinus: false,
      });
      expect(known.headline, outcome).toBe("Freed on paper, still held");
      expect(known.detail).not.toMatch(/spravka/i);
      expect(known.source).toBe("adler-ch3");
    }
  });

  test("before writing: nothing has happened that they know of", () => {
    expect(petitionerKnowledge([], "pending", "complaint.unwritten", 10).headline).toBe("You have not written yet");
  });

  test("a letter forwarded to the accused, lost, registered or on a desk all look the same: no answer", () => {
    const now = 40;
    const seen = [
      petitionerKnowledge(story(wrote), "pending", "complaint.inTransit", now),
      petitionerKnowledge(
        story(wrote, [9, { type: "complaint.forwardToAccused" }]),
        "pending",
        "complaint.forwardedToAccused",
        now,
      ),
      petitionerKnowledge(story(wrote, [9, { type: "complaint.lose" }]), "pending", "complaint.lost", now),
      petitionerKnowledge(
        story(wrote, [9, { type: "complaint.register" }], [20, { type: "lists.arrive" }]),
        "pending",
        "commission.queued",
        now,
      ),
    ];
    for (const k of seen) expect(k).toEqual(seen[0]);
    expect(seen[0]).toMatchObject({ headline: "You wrote to the camp administration", waitingDays: 37 });
  });

  test("a form reply is something that came back, and a new letter starts the wait again", () => {
    const replied = petitionerKnowledge(
      story(wrote, [12, { type: "complaint.formReply" }]),
      "pending",
      "complaint.formReply",
      20,
    );
    expect(replied).toMatchObject({ headline: "A form reply came", waitingDays: 8 });
    const again = petitionerKnowledge(
      story(wrote, [12, { type: "complaint.formReply" }], [15, { type: "complaint.file", addressee: "kgb" }]),
      "pending",
      "complaint.inTransit",
      20,
    );
    expect(again.headline).toBe("You wrote to the KGB");
  });

  test("every decision reaches the petitioner, with its source; the pardon keeps its period wording", () => {
    for (const outcome of OUTCOMES.filter((o) => o !== "pending")) {
      const k = petitionerKnowledge(story(wrote), outcome, outcome, 100);
      expect(k.headline.length).toBeGreaterThan(0);
      expect(k.source).toBe("adler-ch3");
    }
    expect(petitionerKnowledge([], "pardoned", "pardoned", 1).detail).toMatch(/does not object/);
  });

  test("a suspended case without a spravka is what the court's notice says", () => {
    expect(petitionerKnowledge(story(wrote), "pending", "spravka.awaiting", 200).headline).toMatch(/no spravka/);
  });
});

describe("what came back, for the timeline", () => {
  test("form replies and the court's notice arrive with their day; lost and forwarded letters leave no trace", () => {
    const received = petitionerReceived(
      story(
        wrote,
        [9, { type: "complaint.forwardToAccused" }],
        [70, { type: "complaint.file", addressee: "provincialProcuracy" }],
        [95, { type: "complaint.formReply" }],
        [200, { type: "review.decide", decision: "fullRehabilitation" }],
        [300, { type: "court.rule", ruling: "suspend" }],
      ),
      "pending",
    );
    // A reply says whose it is; the commission's protest itself is not sent to the prisoner.
    expect(received.map((r) => [r.day, r.title])).toEqual([
      [95, "A form reply from the provincial procuracy"],
      [300, "The court's notice"],
    ]);
  });

  test("a decision is the last thing that comes back", () => {
    const received = petitionerReceived(story(wrote, [120, { type: "presidium.pardon" }]), "pardoned");
    expect(received.at(-1)).toMatchObject({ day: 120, title: "Free, but not rehabilitated", source: "adler-ch3" });
  });
});

describe("what freedom meant afterwards", () => {
  test("released with the sentence standing: a passport with minuses; exile goes on until ended", () => {
    const minus = petitionerKnowledge(story(wrote), "reduced", "reduced", 50, {
      custody: "released",
      passportMinus: true,
    });
    expect(minus.detail).toMatch(/minuses/);
    const exiled = petitionerKnowledge(story(wrote), "amnestied", "amnestied", 50, {
      custody: "exile",
      passportMinus: true,
    });
    expect(exiled.detail).toMatch(/Exile goes on/);
    const cleared = petitionerKnowledge(story(wrote), "rehabilitated", "rehabilitated", 50, {
      custody: "released",
      passportMinus: false,
    });
    expect(cleared.detail).not.toMatch(/minuses|Exile/);
  });
});

describe("rehabilitated on paper, without the spravka", () => {
  test("the simulator's 'rehabilitated' is not yet the person's: no spravka, no decision in hand", () => {
    const suspended = story(
      wrote,
      [200, { type: "review.decide", decision: "fullRehabilitation" }],
      [300, { type: "court.rule", ruling: "suspend" }],
    );
    const k = petitionerKnowledge(suspended, "rehabilitated", "spravka.awaiting", 320);
    expect(k.headline).toMatch(/no spravka has come/);
    expect(k.detail).toMatch(/ask the local MVD/);
    const lived = petitionerOutcome("rehabilitated", "spravka.awaiting");
    expect(lived).toBe("pending");
    expect(petitionerReceived(suspended, lived).map((r) => r.title)).toEqual(["The court's notice"]);
    // Out of the camp when the camp lets them go, not months later with the spravka.
    const left = [...suspended, { day: 340, event: { type: "release.leaveCamp" } as CaseEvent }];
    expect(petitionerReceived(left, lived, false, true).map((r) => [r.day, r.title])).toEqual([
      [300, "The court's notice"],
      [340, "Release papers"],
    ]);
    expect(
      petitionerReceived(
        [...suspended, { day: 400, event: { type: "spravka.issue" } }],
        "rehabilitated",
        false,
        true,
      ).filter((r) => r.title === "Release papers"),
    ).toHaveLength(1);
    // A court upholding a protest for a reduced sentence sends no "cleared" notice.
    const reduced = story(
      wrote,
      [200, { type: "review.decide", decision: "sentenceReduction" }],
      [300, { type: "court.rule", ruling: "suspend" }],
    );
    expect(petitionerReceived(reduced, "reduced").map((r) => r.title)).toEqual(["Your sentence was reduced"]);
  });

  test("each request climbs one office, and the timeline keeps it", () => {
    const asked = story(
      wrote,
      [200, { type: "review.decide", decision: "fullRehabilitation" }],
      [300, { type: "court.rule", ruling: "suspend" }],
      [330, { type: "spravka.request" }],
      [400, { type: "spravka.request" }],
    );
    const k = petitionerKnowledge(asked, "rehabilitated", "spravka.atProvincialProcuracy", 410, {
      custody: "released",
      passportMinus: true,
      spravkaRequests: 2,
    });
    expect(k.headline).toBe("You asked the provincial procuracy for your spravka");
    expect(k.waitingDays).toBe(10);
    expect(k.detail).toMatch(/ask the USSR General Procuracy/);
    expect(petitionerReceived(asked, "pending").map((r) => [r.kind, r.title])).toEqual([
      ["received", "The court's notice"],
      ["asked", "You asked the local MVD office for your spravka"],
      ["asked", "You asked the provincial procuracy for your spravka"],
    ]);
  });

  test("letters that joined the pile count as written, but nothing comes back for them", () => {
    const piled = story(wrote);
    const withNoted = [
      ...piled,
      { day: 10, event: { type: "complaint.file", addressee: "kgb" } as CaseEvent, noted: true as const },
    ];
    expect(petitionerKnowledge(withNoted, "pending", "complaint.inTransit", 30)).toMatchObject({
      headline: "You wrote to the KGB",
      waitingDays: 20,
    });
    expect(petitionerVersion(withNoted, "pending", false)).toBe(petitionerVersion(piled, "pending", false) + 1);
  });
});

describe("a release order the camp has not carried out (RULES.heldAfterRelease)", () => {
  const held = story(
    wrote,
    [200, { type: "review.decide", decision: "fullRehabilitation" }],
    [300, { type: "court.rule", ruling: "suspend" }],
  );

  test("is not yet the person's outcome: no spravka in hand, no release papers", () => {
    for (const outcome of ["rehabilitated", "reclassified", "amnestied"] as const) {
      expect(petitionerOutcome(outcome, "heldAfterRelease"), outcome).toBe("pending");
    }
    const lived = petitionerOutcome("rehabilitated", "heldAfterRelease");
    expect(petitionerReceived(held, lived, false, true).map((r) => r.title)).toEqual(["The court's notice"]);
  });

  test("a caller's 'rehabilitated' without spravka.issue in the story never shows the spravka in hand", () => {
    const titles = petitionerReceived(held, "rehabilitated", false, true).map((r) => r.title);
    expect(titles).not.toContain("Rehabilitated: the spravka is in your hands");
  });
});

describe("release", () => {
  test("a prisoner released from a camp receives release papers; an exile freed from exile does not", () => {
    const pardon = story(wrote, [120, { type: "presidium.pardon" }]);
    expect(petitionerReceived(pardon, "pardoned", false, true).map((r) => r.title)).toEqual([
      "Free, but not rehabilitated",
      "Release papers",
    ]);
    expect(petitionerReceived(pardon, "pardoned", false, true).at(-1)?.text).toMatch(/kharakteristika/);
    expect(petitionerReceived(pardon, "pardoned", false, false).map((r) => r.title)).toEqual([
      "Free, but not rehabilitated",
    ]);
    expect(petitionerReceived(pardon, "reduced", false, true).map((r) => r.title)).not.toContain("Release papers");
  });
});

describe("what a person could try next, under every reply", () => {
  const stories: [string, ReturnType<typeof story>, Parameters<typeof petitionerReceived>[1], boolean][] = [
    ["a form reply", story(wrote, [12, { type: "complaint.formReply" }]), "pending", false],
    [
      "the court's notice and three requests",
      story(
        [1, { type: "review.decide", decision: "fullRehabilitation" }],
        [90, { type: "court.rule", ruling: "suspend" }],
        [95, { type: "spravka.request" }],
        [160, { type: "spravka.request" }],
        [230, { type: "spravka.request" }],
      ),
      "pending",
      true,
    ],
    ...OUTCOMES.filter((o) => o !== "pending").map(
      (o) =>
        [
          `a final ${o}`,
          story(
            wrote,
            [60, { type: "complaint.register" }],
            // A rehabilitation is final only once the certificate was issued.
            ...(o === "rehabilitated" ? [[90, { type: "spravka.issue" }] as [number, CaseEvent]] : []),
          ),
          o,
          true,
        ] as const,
    ),
  ].map((row) => [...row] as [string, ReturnType<typeof story>, Parameters<typeof petitionerReceived>[1], boolean]);

  test.each(stories)("%s: every item has a next step, with a source", (_, history, outcome, fromCamp) => {
    const received = petitionerReceived(history, outcome, false, fromCamp);
    expect(received.length).toBeGreaterThan(0);
    for (const item of received) {
      expect(item.nextStep.text.length, item.title).toBeGreaterThan(20);
      expect(item.nextStep.source, item.title).toBe("adler-ch3");
    }
  });

  test("after a rejection: what people did historically, with its source, and plainly that the game stops here", () => {
    const [decision] = petitionerReceived(story(wrote, [60, { type: "complaint.register" }]), "upheld");
    expect(decision!.text).toMatch(/The sentence stands\./);
    const { text, source, game } = decision!.nextStep;
    expect(text).toMatch(/^Historically, a rejection was not always the end\./);
    expect(text).toMatch(/USSR General Procuracy in Moscow/);
    expect(text).toMatch(/Presidium of the Supreme Soviet/);
    expect(source).toBe("adler-ch3");
    expect(game).toBe("This game does not play those later appeals: for you, the review ends here.");
    // No invitation to write a letter that can change nothing.
    expect(`${text} ${game}`).not.toMatch(/new letter|write again|is kept/i);
  });

  test("no next step claims, as a source's, that new grounds counted for more than a plea of innocence", () => {
    for (const outcome of OUTCOMES) {
      if (outcome === "pending") continue;
      const history = story(
        wrote,
        ...(outcome === "rehabilitated" ? [[90, { type: "spravka.issue" }] as [number, CaseEvent]] : []),
      );
      for (const r of petitionerReceived(history, outcome, false, true)) {
        expect(r.nextStep.text, outcome).not.toMatch(/counted for more|this scenario/i);
      }
    }
  });

  test("cleared without a spravka: ask the offices in turn, and the last says there is no one higher", () => {
    const received = petitionerReceived(
      story(
        [1, { type: "review.decide", decision: "fullRehabilitation" }],
        [90, { type: "court.rule", ruling: "suspend" }],
        [95, { type: "spravka.request" }],
        [160, { type: "spravka.request" }],
        [230, { type: "spravka.request" }],
      ),
      "pending",
    );
    expect(received.map((r) => r.nextStep.text.split(/[.:]/)[0])).toEqual([
      "Ask for the spravka",
      "Give the office time to answer",
      "Give the office time to answer",
      "There is no one higher to ask",
    ]);
    expect(received[1]!.nextStep.text).toMatch(/ask the provincial procuracy\.$/);
    expect(received[2]!.nextStep.text).toMatch(/ask the USSR General Procuracy\.$/);
  });

  test("before writing, the odds are said plainly: possible, not likely", () => {
    expect(petitionerKnowledge([], "pending", "complaint.unwritten", 10).detail).toMatch(/possible, but not likely/);
  });
});
