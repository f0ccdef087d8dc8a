import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import type { SessionUser } from "@/lib/authz";
import { saveCustomScenario } from "@/lib/runs/store/custom-scenarios";
import { publicScenarios } from "@/lib/scenarios/public-scenarios";
import { AMNESTY_SCENARIOS } from "@/lib/sim/amnesty/scenarios";
import { SCENARIOS } from "@/lib/sim/scenarios";
import { customScenarioForm, testInstructor } from "@/lib/testing/fixtures";

// Auth.js does not load under Vitest: the page's one question, who is signed in, is answered here.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/authz", () => ({ getSessionUser: async () => session.user }));

const ScenariosPage = (await import("./page")).default;

/** The page as the server renders it, with React's escaping of quotes undone so texts can be compared. */
async function render(query: Record<string, string> = {}): Promise<string> {
  const element = await ScenariosPage({ searchParams: Promise.resolve(query), params: Promise.resolve({}) });
  return renderToStaticMarkup(element)
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, "&");
}

let okafor: SessionUser;
let levin: SessionUser;

beforeAll(async () => {
  okafor = await testInstructor("Ms. Okafor");
  levin = await testInstructor("Dr. Levin");
  for (const [teacher, title] of [
    [okafor, "Okafor's Chita with more staff"],
    [levin, "Levin's private Rostov"],
  ] as const) {
    const saved = await saveCustomScenario(teacher, customScenarioForm({ title }));
    expect(saved.ok).toBe(true);
  }
});

beforeEach(() => {
  session.user = null;
});

describe("the scenarios page, for anyone", () => {
  test("lists every shipped scenario, the 1945 camp included, each linking to its page with what it teaches", async () => {
    const html = await render();
    expect(html).toContain("<h1");
    expect(html).toContain(">Scenarios</h1>");
    const shipped = [...SCENARIOS, ...AMNESTY_SCENARIOS];
    expect(publicScenarios().map((s) => s.id)).toEqual(shipped.map((s) => s.id));
    for (const s of shipped) expect(html, s.id).toContain(`href="/scenarios/${s.id}"`);
    for (const s of publicScenarios()) {
      expect(html, s.id).toContain(s.title);
      expect(html, s.id).toContain(s.teaches.text);
    }
    // What each teaches rests on a source, shown beside it.
    expect(html).toContain('href="/sources#adler-ch3"');
    expect(html).toContain('href="/sources#alexopoulos-1945"');
    expect(html).toContain("A contrasting lesson: the 1945 amnesty");
  });

  test("shows no teacher's own scenario and none of the instructors' tools to someone not signed in", async () => {
    const html = await render({ saved: "1" });
    expect(html).not.toContain("Your scenarios");
    expect(html).not.toContain("Duplicate a scenario");
    expect(html).not.toContain("Okafor's Chita");
    expect(html).not.toContain("Levin's private Rostov");
    expect(html).not.toContain("custom-");
    expect(html).not.toContain('role="status"');
  });

  test("a signed-in user who is not an instructor gets the public page only", async () => {
    session.user = { ...okafor, role: "student" };
    const html = await render();
    expect(html).not.toContain("Your scenarios");
    expect(html).not.toContain("Okafor's Chita");
  });
});

describe("the scenarios page, for an instructor", () => {
  test("adds “Your scenarios” with their own, the duplicate form, and the shipped list below", async () => {
    session.user = okafor;
    const html = await render();
    expect(html).toContain("Your scenarios");
    expect(html).toContain("Okafor's Chita with more staff");
    expect(html).toContain("500 cases · 12 procurators");
    expect(html).toContain('action="/scenarios/edit"');
    expect(html).toContain("Duplicate and edit");
    // Another teacher's scenario is theirs alone.
    expect(html).not.toContain("Levin's private Rostov");
    // The shipped scenarios are still listed.
    for (const s of publicScenarios()) expect(html, s.id).toContain(`href="/scenarios/${s.id}"`);
    expect(html.indexOf("Your scenarios")).toBeLessThan(html.indexOf('href="/scenarios/rostov-1954"'));
  });

  test("says a saved scenario was saved", async () => {
    session.user = levin;
    const html = await render({ saved: "1" });
    expect(html).toContain('role="status"');
    expect(html).toContain("Saved. It is in the list below");
    expect(html).toContain("Levin's private Rostov");
    expect(html).not.toContain("Okafor's Chita");
  });
});
