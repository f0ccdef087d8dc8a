import { describe, expect, test } from "vitest";
import { joinUrl } from "./join-url";

const headers = (h: Record<string, string>) => new Headers(h);

describe("the join address on the join screen", () => {
  test("is the site as the browser reached it, with the code filled in", () => {
    expect(joinUrl(headers({ host: "spravka.school.org" }), "ABC234", {})).toBe(
      "http://spravka.school.org/join?code=ABC234",
    );
    expect(
      joinUrl(headers({ host: "x", "x-forwarded-host": "classes.org", "x-forwarded-proto": "https" }), "Q", {}),
    ).toBe("https://classes.org/join?code=Q");
  });

  test("SPRAVKA_PUBLIC_URL wins", () => {
    expect(joinUrl(headers({ host: "localhost:3000" }), "Q", { SPRAVKA_PUBLIC_URL: "https://s.example/" })).toBe(
      "https://s.example/join?code=Q",
    );
  });

  test("a teacher on localhost never shows students an address that means their own device", () => {
    const lan = () => "192.168.1.20";
    expect(joinUrl(headers({ host: "localhost:3000" }), "Q", {}, lan)).toBe("http://192.168.1.20:3000/join?code=Q");
    expect(joinUrl(headers({ host: "127.0.0.1:3000" }), "Q", {}, lan)).toBe("http://192.168.1.20:3000/join?code=Q");
    // With no network at all, localhost is all there is.
    expect(joinUrl(headers({ host: "localhost:3000" }), "Q", {}, () => null)).toBe("http://localhost:3000/join?code=Q");
  });
});
