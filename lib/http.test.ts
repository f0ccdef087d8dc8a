import { afterAll, describe, expect, test } from "vitest";
import { createClient } from "@/lib/db";
import { DATABASE_UNAVAILABLE, isDatabaseUnavailable } from "@/lib/db-errors";
import { readJson, withDatabaseErrors } from "@/lib/http";

// A real client to a PostgreSQL port where nothing listens: the failure a
// request meets while the database restarts or fails over.
const unreachable = createClient("postgresql://spravka@127.0.0.1:1/spravka");
afterAll(() => unreachable.$disconnect());

describe("a route handler when the database does not answer", () => {
  test("answers 503 with a plain message (and a Retry-After), never a 500 or a stack trace", async () => {
    const handler = withDatabaseErrors(async () => {
      await unreachable.run.count();
      return Response.json({ ok: true });
    });
    const response = await handler();
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    const body = await response.json();
    expect(body).toEqual({ ok: false, error: { code: "unavailable", message: DATABASE_UNAVAILABLE } });
    expect(JSON.stringify(body)).not.toMatch(/at |Prisma|ECONNREFUSED/);
  });

  test("answers 400 for text the database cannot store (PostgreSQL and NUL characters)", async () => {
    const handler = withDatabaseErrors(async () => {
      throw Object.assign(new Error("Database error. Code: `22021`. invalid byte sequence"), { code: "P2010" });
    });
    const response = await handler();
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      ok: false,
      error: { code: "invalid", message: "That request contains a character that cannot be stored." },
    });
  });

  test("lets every other error through (a bug stays visible as one)", async () => {
    const handler = withDatabaseErrors(async () => {
      throw new TypeError("a bug");
    });
    await expect(handler()).rejects.toThrow("a bug");
  });

  test("tells a database that is down from one that refuses a query", async () => {
    const down = await unreachable.user.count().catch((error: unknown) => error);
    expect(isDatabaseUnavailable(down)).toBe(true);
    expect(isDatabaseUnavailable(new Error("Unique constraint failed on the fields: (`email`)"))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});

describe("reading a request's JSON body", () => {
  const post = (headers: Record<string, string>, body: string) =>
    new Request("http://localhost:3000/api/join", {
      method: "POST",
      headers: { host: "localhost:3000", ...headers },
      body,
    });
  const json = { "content-type": "application/json" };

  test.each([
    ["a page of another site", post({ ...json, origin: "https://elsewhere.example" }, "{}"), 403, "forbidden"],
    ["a form post instead of JSON", post({ "content-type": "text/plain" }, "{}"), 415, "unsupportedMediaType"],
    ["a body over the limit", post(json, JSON.stringify({ pad: "x".repeat(20_000) })), 413, "tooLarge"],
    ["text that is not JSON", post(json, "{not json"), 400, "invalid"],
  ])("refuses %s with the failure contract", async (_label, request, status, code) => {
    const read = await readJson(request);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.response.status).toBe(status);
    expect(read.response.headers.get("cache-control")).toBe("no-store");
    expect(await read.response.json()).toMatchObject({ ok: false, error: { code, message: expect.any(String) } });
  });

  test("reads a same-site JSON body", async () => {
    expect(await readJson(post({ ...json, origin: "http://localhost:3000" }, '{"a":1}'))).toEqual({
      ok: true,
      body: { a: 1 },
    });
  });
});
