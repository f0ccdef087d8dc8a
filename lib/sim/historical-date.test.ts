import { describe, expect, test } from "vitest";
import { historicalDateLabel, historicalDay, isHistoricalDate, withinHistoricalDate } from "./historical-date";

describe("a historical date, never finer than its source", () => {
  test("a year, a month, a day or two days of a month, each labelled at that precision", () => {
    expect(historicalDateLabel("1955")).toBe("1955");
    expect(historicalDateLabel("1954-06")).toBe("June 1954");
    expect(historicalDateLabel("1954-09-24")).toBe("24 September 1954");
    expect(historicalDateLabel("1956-02-24/25")).toBe("24–25 February 1956");
  });

  test("its first day counts from 1 January for a year and from the 1st for a month", () => {
    expect(historicalDay("1955")).toBe("1955-01-01");
    expect(historicalDay("1955-05")).toBe("1955-05-01");
    expect(historicalDay("1956-02-24/25")).toBe("1956-02-24");
  });

  test("a day falls within it or not", () => {
    expect(withinHistoricalDate("1954-06-01", "1954-06")).toBe(true);
    expect(withinHistoricalDate("1954-07-01", "1954-06")).toBe(false);
    expect(withinHistoricalDate("1956-02-25", "1956-02-24/25")).toBe(true);
    expect(withinHistoricalDate("1956-02-26", "1956-02-24/25")).toBe(false);
    expect(withinHistoricalDate("1955-12-31", "1955")).toBe(true);
  });

  test("other shapes are refused", () => {
    for (const bad of ["", "June 1954", "1954-6", "1954-06-01/", "1954/06"]) {
      expect(isHistoricalDate(bad), bad).toBe(false);
      expect(() => historicalDateLabel(bad), bad).toThrow(/not a historical date/);
    }
  });
});
