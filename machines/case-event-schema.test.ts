import { describe, expect, expectTypeOf, test } from "vitest";
import type { z } from "zod";
import { CASE_EVENTS } from "./case-events";
import { caseEventSchema } from "./case-event-schema";
import type { CaseEvent } from "./case-setup";

describe("the case event schema", () => {
  test("describes exactly the machine's events", () => {
    expectTypeOf<z.infer<typeof caseEventSchema>>().toEqualTypeOf<CaseEvent>();
  });

  test.each(CASE_EVENTS.map((event) => [JSON.stringify(event), event] as const))("accepts %s", (_, event) => {
    expect(caseEventSchema.parse(event)).toEqual(event);
  });

  test.each<[string, unknown]>([
    ["an unknown event", { type: "complaint.burn" }],
    ["a decision off the menu", { type: "review.decide", decision: "shoot" }],
    ["a letter with no addressee", { type: "complaint.file" }],
    ["an event with a field it does not carry", { type: "lists.arrive", decision: "fullRehabilitation" }],
  ])("refuses %s", (_, event) => {
    expect(caseEventSchema.safeParse(event).success).toBe(false);
  });
});
