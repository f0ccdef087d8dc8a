import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, test } from "vitest";
import { publicScenarios } from "@/lib/scenarios/public-scenarios";
import { citationText, SOURCE_KEYS, SOURCES } from "@/lib/sources";
import { CONFLICTS } from "@/lib/sources/conflicts";
import ScenarioPage, { generateMetadata } from "./page";

const props = (id: string) => ({ params: Promise.resolve({ id }), searchParams: Promise.resolve({}) });

/** The page as the server renders it, with React's escaping of quotes undone so texts can be compared. */
async function render(id: string): Promise<string> {
  return renderToStaticMarkup(await ScenarioPage(props(id)))
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, "&");
}

/** What a reader sees: the markup without its tags and attributes. */
const visibleText = (html: string) => html.replace(/<[^>]*>/g, " ");

/** The table row whose heading is `label`. */
function row(html: string, label: string): string {
  const at = html.indexOf(`>${label}</th>`);
  expect(at, label).toBeGreaterThan(0);
  return html.slice(html.lastIndexOf("<tr", at), html.indexOf("</tr>", at));
}

/** What Next's notFound() throws: its digest names a 404. */
async function notFoundFor(id: string): Promise<boolean> {
  try {
    await ScenarioPage(props(id));
    return false;
  } catch (error) {
    const digest = (error as { digest?: unknown }).digest;
    return typeof digest === "string" && digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;404");
  }
}

const shipped = publicScenarios();

describe("a scenario's page", () => {
  test.each(shipped.map((s) => [s.id, s] as const))(
    "%s: what it teaches, its roles, every figure with its source, and full citations",
    async (_id, s) => {
      const html = await render(s.id);
      expect(html).toContain(`>${s.title}</h1>`);
      expect(html).toContain("What it teaches");
      expect(html).toContain(s.teaches.text);
      expect(html).toContain(s.question);
      // The roles: the review's two seats, or the camp's.
      const roles = s.kind === "camp" ? ["Prisoner", "Records clerk"] : ["Petitioner", "Procurator"];
      for (const name of roles) expect(html, name).toContain(`>${name}</h3>`);
      // Every historical figure it is compared with, with its source beside it in the same row.
      expect(s.figures.length).toBeGreaterThan(0);
      for (const f of s.figures) {
        const tr = row(html, f.label);
        expect(tr, f.label).toContain(`href="/sources#${f.source}"`);
        expect(tr, f.label).toContain(SOURCES[f.source].short);
      }
      // Each source as a citation a student can copy, never a bare key.
      expect(s.sources.length).toBeGreaterThan(0);
      for (const key of s.sources) expect(html, key).toContain(citationText(key));
      for (const key of SOURCE_KEYS) expect(visibleText(html), key).not.toContain(key);
      expect(visibleText(html)).not.toMatch(/\b1 (claims|figures|sources)\b/);
    },
  );

  test("a scenario small enough to play links to /explore with it chosen; the national queue offers the lab", async () => {
    const chita = await render("chita-1954");
    expect(chita).toContain('href="/explore?scenario=chita-1954"');
    expect(chita).toContain(">Play this alone<");
    const camp = await render("amnesty-1945");
    expect(camp).toContain('href="/explore?scenario=amnesty-1945"');
    const national = await render("national-1954");
    expect(national).not.toContain("Play this alone");
    expect(national).toContain('href="/lab?s=national-1954"');
  });

  test("where the sources disagree about its figures, every reading is shown with its source", async () => {
    const html = await render("chita-1954");
    const concerning = CONFLICTS.filter((c) => c.concerns.some((k) => k.ref === "scenario:chita-1954"));
    expect(concerning.length).toBeGreaterThan(0);
    expect(html).toContain("Where the sources disagree");
    for (const c of concerning) {
      expect(html, c.id).toContain(c.topic);
      for (const r of c.readings) expect(html, `${c.id}: ${r.value}`).toContain(r.statement);
    }
    // Rostov's figures rest on no disputed reading: no such section.
    expect(await render("rostov-1954")).not.toContain("Where the sources disagree");
  });

  test("every conflict that names a scenario links to that scenario's page", () => {
    const ids = new Set(shipped.map((s) => s.id));
    for (const c of CONFLICTS) {
      for (const k of c.concerns.filter((k) => k.ref.startsWith("scenario:"))) {
        const id = k.ref.slice("scenario:".length);
        expect(ids.has(id), k.ref).toBe(true);
        expect(k.href, k.ref).toBe(`/scenarios/${id}`);
      }
    }
  });

  test("Chita's amnesties and Rostov's results say only what the source records", async () => {
    const chita = visibleText(await render("chita-1954"));
    expect(chita).toContain("“re-categorized to come under the amnesty law”");
    expect(chita).not.toMatch(/wrecking cases/);
    const rostov = visibleText(await render("rostov-1954"));
    expect(rostov).toContain("56");
    expect(rostov).not.toMatch(/(reduced|shortened) or confirmed/);
    // The split of Rostov's other decisions is the game's, and the page says so.
    expect(rostov).toContain("The sources give no Rostov breakdown");
  });

  test.each(shipped.map((s) => [s.id] as const))(
    "%s: each figure of the sources is listed once, with one label",
    async (id) => {
      const html = await render(id);
      const rows = [...html.matchAll(/<th scope="row"[^>]*>([^<]*)<\/th>/g)].map((m) => m[1]);
      expect(new Set(rows).size, rows.join(" | ")).toBe(rows.length);
    },
  );

  test("Chita's 365 upheld cases appear once, as a figure the game is set to match", async () => {
    const html = await render("chita-1954");
    expect(html.match(/365 /g)?.length).toBe(1);
    expect(row(html, "365 of 980 cases (37%) upheld")).toContain("The game is set to match it");
  });

  test("its events are dated no more precisely than the sources: a month where they give only a month", async () => {
    const page = visibleText(await render("chita-1954"));
    const chita = page.slice(page.indexOf("What happens during it"), page.indexOf("What the game invents"));
    expect(chita).toContain("June 1954 : June 1954 decree");
    expect(chita).toContain("May 1955 : New procurators");
    expect(chita).toContain("September 1955 : Amnesty for those accused");
    expect(chita).toContain("24 September 1954 : RSFSR Supreme Court Presidium");
    expect(chita).not.toMatch(/\b(1 June 1954|1 May 1955|17 September 1955)\b/);
    const html = await render("national-1954");
    expect(html).toContain('<time dateTime="1954-06" class="font-semibold">June 1954</time>');
    expect(visibleText(html)).toContain("24–25 February 1956 : Khrushchev's speech");
  });

  test("the game's inventions are labelled, with source keys in notes given as names", async () => {
    const html = await render("petitioning-the-top-1955");
    expect(html).toContain("What the game invents");
    expect(html).toContain("invented for this game");
    expect(html).toContain("Barkhanov's nine months (Adler, ch. 3)");
  });

  test.each([
    "nope",
    "edit",
    "custom-0b7e0d7a-1c1c-4c1e-9d5f-000000000000",
    "__proto__",
    "constructor",
    "Chita-1954",
    "x".repeat(10_000),
  ])("an unknown id (%s) is the app's not-found page, never an error", async (id) => {
    expect(await notFoundFor(id)).toBe(true);
  });

  test("its title names the scenario; an unknown id gets a plain title", async () => {
    expect((await generateMetadata(props("tomsk-1955"))).title).toBe("Tomsk, understaffed (late 1955) — Scenario");
    expect((await generateMetadata(props("nope"))).title).toBe("Scenario not found");
  });
});
