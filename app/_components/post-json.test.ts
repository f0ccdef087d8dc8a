import { afterEach, describe, expect, test, vi } from "vitest";
import { postJson } from "./post-json";

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("postJson", () => {
  test("sends the body as JSON and returns the answer, a refusal included", async () => {
    const fetch = vi.fn(async () => Response.json({ ok: false, error: { message: "Not yours." } }, { status: 403 }));
    vi.stubGlobal("fetch", fetch);
    expect(await postJson("/api/runs/r/solo", { action: "pause" })).toEqual({
      ok: false,
      error: { message: "Not yours." },
    });
    expect(fetch).toHaveBeenCalledWith("/api/runs/r/solo", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ action: "pause" }),
    });
  });

  test("is null when the server cannot be reached or answers with something that is not JSON", async () => {
    vi.stubGlobal("fetch", async () => {
      throw new TypeError("Failed to fetch");
    });
    expect(await postJson("/api/x", {})).toBeNull();
    vi.stubGlobal("fetch", async () => new Response("<html>Bad gateway</html>", { status: 502 }));
    expect(await postJson("/api/x", {})).toBeNull();
  });
});
