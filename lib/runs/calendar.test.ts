import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { dateLabel, simDate } from "./calendar";

/** The date computed afresh, as the remembered one must be. */
function freshSimDate(startDate: string, simDay: number): string {
  const [y, m, d] = startDate.split("-").map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + Math.floor(simDay))).toISOString().slice(0, 10);
}

const startDate = fc
  .date({ min: new Date("1940-01-01T00:00:00Z"), max: new Date("1960-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const simDay = fc.double({ min: -400, max: 20_000, noNaN: true });

describe("calendar", () => {
  test("a simulated day's date is the same asked once or many times, from any start date", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(startDate, simDay), { minLength: 1, maxLength: 200 }), (asks) => {
        // Asked twice over, interleaved: a date remembered for one start must never answer for another.
        for (const [start, day] of [...asks, ...asks.reverse()]) {
          expect(simDate(start, day)).toBe(freshSimDate(start, day));
        }
      }),
    );
  });

  test("a date's label is the long English date, asked once or many times", () => {
    fc.assert(
      fc.property(fc.array(startDate, { minLength: 1, maxLength: 200 }), (isos) => {
        for (const iso of [...isos, ...isos]) {
          const [y, m, d] = iso.split("-").map(Number);
          const expected = new Date(Date.UTC(y!, m! - 1, d!)).toLocaleDateString("en-GB", {
            day: "numeric",
            month: "long",
            year: "numeric",
            timeZone: "UTC",
          });
          expect(dateLabel(iso)).toBe(expected);
        }
      }),
    );
    expect(dateLabel("1954-08-12")).toBe("12 August 1954");
  });
});
