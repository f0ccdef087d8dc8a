import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, test, vi } from "vitest";
import { SEAT_COOKIE } from "@/lib/runs/policy";
import { databaseState } from "./_testing/db-state";
import {
  callRoute,
  endpointFiles,
  failureContractProblems,
  form,
  isRefusal,
  isSuccess,
  jsonCall,
  listEndpoints,
  settle,
  summary,
  type Outcome,
  type ServerAction,
} from "./_testing/endpoints";
import {
  actAs,
  PASSWORD,
  PRINCIPAL_NAMES,
  PRINCIPALS,
  SCENARIO_ID,
  seedFixture,
  type Fixture,
  type Principal,
  type RunHandle,
} from "./_testing/fixture";
import { current } from "./_testing/request";

// Who may use each way into the server. Every route handler and
// server action is found in app/ at test time and must have a rule here;
// each rule is then checked by calling the real code, as each principal,
// against this file's own SQLite database.

vi.mock("next/headers", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/headers")>()),
  ...(await import("./_testing/request")).nextHeaders,
}));
vi.mock("next/cache", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/cache")>()),
  ...(await import("./_testing/request")).nextCache,
}));
vi.mock("next-auth", async () => (await import("./_testing/request")).nextAuthModule());
vi.mock("@/lib/auth", async () => (await import("./_testing/request")).authModule);

const EVERYONE = PRINCIPALS;
const INSTRUCTORS = ["owner", "otherInstructor"] as const satisfies readonly Principal[];

type Case = {
  /** what the call is about, for the test's name */
  about: string;
  /** for an export reached in two ways: which one this case checks */
  variant?: "rejoin" | "edit";
  /** the run the call names (and whose seat "a student of this run" holds) */
  run?: "class" | "solo" | "endedSolo";
  allow: readonly Principal[];
};

type Ctx = { fx: Fixture; principal: Principal; run: RunHandle; kase: Case; fn: ServerAction };

type Rule = {
  /** who may, in words */
  policy: string;
  cases: readonly Case[];
  /** Does a permitted call change the database? ("maybe": it may, later, e.g. a live stream marking its seat seen) */
  writes: boolean | "maybe";
  call: (c: Ctx) => Promise<unknown>;
  /** A stronger test of a permitted call's outcome than "not refused". */
  succeeded?: (o: Outcome, c: Ctx) => boolean;
};

const classRun: Case = { about: "on a class run", run: "class", allow: [] };
const soloRun: Case = { about: "on a self-guided run", run: "solo", allow: [] };
const endedSoloRun: Case = { about: "on a self-guided run that has ended", run: "endedSolo", allow: [] };
const noRun: Case = { about: "on their own behalf", allow: [] };

const status = (code: number) => (o: Outcome) => o.kind === "response" && o.status === code;
const redirectTo = (pattern: RegExp) => (o: Outcome) => o.kind === "redirect" && pattern.test(o.url);
const seatCookieSet = () => current.setCookies.some((c) => c.name === SEAT_COOKIE);

/** The rejoin code a principal can know for the class run's seat: their own, the one on the owner's console, or a guess. */
function rejoinCodeKnownBy({ fx, principal }: Ctx): string {
  if (principal === "studentOfRun" || principal === "owner") return fx.classRun.seat.rejoinCode;
  if (principal === "studentOfOtherRun") return fx.otherRun.seat.rejoinCode;
  return "KKKK-KKKK";
}

/** The credentials a principal can know: an instructor's own; anyone else can only guess the owner's password. */
function credentialsKnownBy({ fx, principal }: Ctx): { email: string; password: string } {
  if (principal === "owner") return { email: fx.owner.email, password: PASSWORD };
  if (principal === "otherInstructor") return { email: fx.other.email, password: PASSWORD };
  return { email: fx.owner.email, password: "a guessed password" };
}

const letter = (c: Ctx) => ({
  requestId: `req-${randomUUID()}`,
  caseIndex: c.run.seat.caseIndex,
  expectedVersion: 0,
  action: {
    type: "complaint.file",
    addressee: "generalProcurator",
    grounds: "innocence",
    carrier: "self",
    ask: "release",
  },
  letter: "I ask the commission to review my father's case: he was sentenced without evidence.",
});

/** Auth.js's handlers stand in as `authHandlers` here, answering 204: the request reached them. */
const reachedAuthJs = status(204);

const RULES: Record<string, Rule> = {
  // Auth.js's own endpoints (sign-in, sign-out, session, CSRF token) guard themselves; checked lightly:
  // the route must hand every request to Auth.js's handler, with nothing of ours in between.
  "app/api/auth/[...nextauth]/route.ts#GET": {
    policy: "public (Auth.js)",
    cases: [{ ...noRun, allow: EVERYONE }],
    writes: false,
    call: ({ fn }) => callRoute(fn, { method: "GET", url: "/api/auth/session", params: { nextauth: ["session"] } }),
    succeeded: reachedAuthJs,
  },
  "app/api/auth/[...nextauth]/route.ts#POST": {
    policy: "public (Auth.js)",
    cases: [{ ...noRun, allow: EVERYONE }],
    writes: false,
    call: ({ fn }) => callRoute(fn, { method: "POST", url: "/api/auth/signout", params: { nextauth: ["signout"] } }),
    succeeded: reachedAuthJs,
  },
  "app/api/join/route.ts#POST": {
    policy:
      "public: anyone with the class code (it is on the projector) takes a seat; a rejoin needs the seat's rejoin code",
    cases: [
      { ...classRun, about: "to join a class run", allow: EVERYONE },
      { ...classRun, about: "to rejoin a seat of a class run", variant: "rejoin", allow: ["studentOfRun", "owner"] },
    ],
    writes: true,
    call: (c) =>
      callRoute(
        c.fn,
        jsonCall(
          "POST",
          "/api/join",
          {},
          c.kase.variant === "rejoin"
            ? { code: c.fx.classRun.joinCode, rejoinCode: rejoinCodeKnownBy(c), takeOver: true }
            : { code: c.fx.classRun.joinCode, name: "Visitor", requestId: `join-${randomUUID()}` },
        ),
      ),
    succeeded: (o) => status(200)(o) && o.kind === "response" && o.setCookie.includes(SEAT_COOKIE),
  },
  "app/api/runs/[id]/act/route.ts#POST": {
    policy: "the browser holding a seat of this run, on a case on its desk",
    cases: [
      { ...classRun, allow: ["studentOfRun"] },
      { ...soloRun, allow: ["studentOfRun"] },
    ],
    writes: true,
    call: (c) => callRoute(c.fn, jsonCall("POST", `/api/runs/${c.run.id}/act`, { id: c.run.id }, letter(c))),
    succeeded: status(200),
  },
  "app/api/runs/[id]/camp/route.ts#POST": {
    // Here only: no one acts in a camp through a run that plays the review. Inside a camp run (a clerk
    // checks, only the prisoner signs their own, nobody without a seat) it is lib/runs/camp/camp-run.test.ts.
    policy: "the browser holding a seat of this run when it plays a 1945 camp; nobody on a review run",
    cases: [classRun, soloRun],
    writes: true,
    call: (c) =>
      callRoute(
        c.fn,
        jsonCall(
          "POST",
          `/api/runs/${c.run.id}/camp`,
          { id: c.run.id },
          { requestId: `req-${randomUUID()}`, action: "check", file: 0, thorough: true },
        ),
      ),
    succeeded: status(200),
  },
  "app/api/runs/[id]/control/route.ts#POST": {
    policy: "the run's owner; a self-guided run has none",
    cases: [
      { ...classRun, allow: ["owner"] },
      { ...soloRun, allow: [] },
    ],
    writes: true,
    call: (c) =>
      callRoute(c.fn, jsonCall("POST", `/api/runs/${c.run.id}/control`, { id: c.run.id }, { action: "pause" })),
    succeeded: status(200),
  },
  "app/api/runs/[id]/events/route.ts#GET": {
    policy: "the run's owner (clock and figures) or the browser holding a seat of this run (its desk)",
    cases: [
      { ...classRun, allow: ["owner", "studentOfRun"] },
      { ...soloRun, allow: ["studentOfRun"] },
    ],
    writes: "maybe",
    call: (c) => callRoute(c.fn, { method: "GET", url: `/api/runs/${c.run.id}/events`, params: { id: c.run.id } }),
    succeeded: (o) => status(200)(o) && o.kind === "response" && o.contentType.startsWith("text/event-stream"),
  },
  "app/api/runs/[id]/export/route.ts#GET": {
    policy: "the run's owner; a self-guided run has none",
    cases: [
      { ...classRun, allow: ["owner"] },
      { ...soloRun, allow: [] },
    ],
    writes: false,
    call: (c) =>
      callRoute(c.fn, { method: "GET", url: `/api/runs/${c.run.id}/export?format=csv`, params: { id: c.run.id } }),
    succeeded: (o) => status(200)(o) && o.kind === "response" && o.contentType.startsWith("text/csv"),
  },
  "app/api/runs/[id]/seat/route.ts#GET": {
    policy: "the browser holding a seat of this run",
    cases: [
      { ...classRun, allow: ["studentOfRun"] },
      { ...soloRun, allow: ["studentOfRun"] },
    ],
    writes: false,
    call: (c) => callRoute(c.fn, { method: "GET", url: `/api/runs/${c.run.id}/seat`, params: { id: c.run.id } }),
    succeeded: status(200),
  },
  "app/api/runs/[id]/solo/route.ts#POST": {
    policy: "the browser holding the seat of a self-guided run, over its clock only; a class's clock is its teacher's",
    cases: [
      { ...classRun, allow: [] },
      { ...soloRun, allow: ["studentOfRun"] },
    ],
    writes: true,
    call: (c) => callRoute(c.fn, jsonCall("POST", `/api/runs/${c.run.id}/solo`, { id: c.run.id }, { action: "pause" })),
    succeeded: status(200),
  },
  "app/api/runs/[id]/share/route.ts#POST": {
    policy: "the browser holding the seat of a self-guided run, once the run has ended; never a class's seat",
    cases: [
      { ...classRun, allow: [] },
      { ...soloRun, about: "on a self-guided run still being played", allow: [] },
      { ...endedSoloRun, allow: ["studentOfRun"] },
    ],
    writes: true,
    call: (c) =>
      callRoute(c.fn, jsonCall("POST", `/api/runs/${c.run.id}/share`, { id: c.run.id }, { action: "create" })),
    // The token is new, and neither the rejoin code nor the seat's own token.
    succeeded: (o, c) =>
      status(200)(o) &&
      o.kind === "response" &&
      /^\{"ok":true,"token":"[A-Za-z0-9_-]{32}"\}$/.test(o.body) &&
      !o.body.includes(c.run.seat.cookie.split(".")[1]!) &&
      !o.body.includes(c.run.seat.rejoinCode.replace(/-/g, "")),
  },
  "app/api/runs/route.ts#POST": {
    policy: "any instructor creates a run of their own",
    cases: [{ ...noRun, allow: INSTRUCTORS }],
    writes: true,
    call: ({ fn }) =>
      callRoute(
        fn,
        jsonCall(
          "POST",
          "/api/runs",
          {},
          {
            title: "Period 6",
            scenarioId: SCENARIO_ID,
            procuratorSeats: 0,
            petitionerSeats: 3,
            speed: 60,
          },
        ),
      ),
    succeeded: status(201),
  },
  "app/runs/[id]/cases/lookup/route.ts#GET": {
    policy: "public: only a redirect to the case's page, which checks the owner itself",
    cases: [
      { ...classRun, allow: EVERYONE },
      { ...soloRun, allow: EVERYONE },
    ],
    writes: false,
    call: (c) =>
      callRoute(c.fn, { method: "GET", url: `/runs/${c.run.id}/cases/lookup?n=5`, params: { id: c.run.id } }),
    succeeded: (o, c) =>
      status(303)(o) && o.kind === "response" && o.location?.endsWith(`/runs/${c.run.id}/cases/5`) === true,
  },
  "app/account/actions.ts#changePasswordAction": {
    policy: "a signed-in instructor, for their own account",
    cases: [{ ...noRun, allow: INSTRUCTORS }],
    writes: true,
    call: (c) => c.fn({}, form({ currentPassword: PASSWORD, newPassword: "another long password 2" })),
    succeeded: redirectTo(/^\/account\?changed=1$/),
  },
  "app/actions.ts#signOutAction": {
    policy: "public: signing out is harmless (it ends only the caller's own session)",
    cases: [{ ...noRun, allow: EVERYONE }],
    writes: "maybe",
    call: ({ fn }) => fn(),
    succeeded: redirectTo(/^\/$/),
  },
  "app/explore/actions.ts#startSoloAction": {
    policy: "public: anyone starts a self-guided run of their own",
    cases: [{ ...noRun, allow: EVERYONE }],
    writes: true,
    call: ({ fn }) => fn({}, form({ scenarioId: SCENARIO_ID, role: "procurator", seed: "" })),
    succeeded: (o) => redirectTo(/^\/play\/[^/]+\?welcome=1$/)(o) && seatCookieSet(),
  },
  "app/join/actions.ts#joinAction": {
    policy: "public: anyone with the class code (it is on the projector)",
    cases: [{ ...classRun, about: "to join a class run", allow: EVERYONE }],
    writes: true,
    call: (c) => c.fn({}, form({ code: c.fx.classRun.joinCode!, name: "Visitor", requestId: `join-${randomUUID()}` })),
    succeeded: (o, c) => redirectTo(new RegExp(`^/play/${c.fx.classRun.id}\\?welcome=1$`))(o) && seatCookieSet(),
  },
  "app/join/actions.ts#rejoinAction": {
    policy: "whoever has the seat's rejoin code: its student, or the teacher who reads it off the console",
    cases: [{ ...classRun, about: "to rejoin a seat of a class run", allow: ["studentOfRun", "owner"] }],
    writes: true,
    call: (c) => c.fn({}, form({ code: c.fx.classRun.joinCode!, rejoinCode: rejoinCodeKnownBy(c), takeOver: "1" })),
    succeeded: (o, c) => redirectTo(new RegExp(`^/play/${c.fx.classRun.id}$`))(o) && seatCookieSet(),
  },
  "app/login/actions.ts#signInAction": {
    policy: "public form: only an account's own password signs in",
    cases: [{ ...noRun, allow: INSTRUCTORS }],
    writes: true,
    call: (c) => c.fn({}, form({ ...credentialsKnownBy(c), callbackUrl: "/runs" })),
    succeeded: redirectTo(/^\/runs$/),
  },
  "app/runs/[id]/actions.ts#controlAction": {
    policy: "the run's owner; a self-guided run has none",
    cases: [
      { ...classRun, allow: ["owner"] },
      { ...soloRun, allow: [] },
    ],
    writes: true,
    call: (c) => c.fn(c.run.id, {}, form({ action: "pause" })),
    succeeded: (o) => o.kind === "returned" && (o.value as { done?: number }).done === 1,
  },
  "app/runs/[id]/debrief/actions.ts#savePromptsAction": {
    policy: "the run's owner; a self-guided run has none",
    cases: [
      { ...classRun, allow: ["owner"] },
      { ...soloRun, allow: [] },
    ],
    writes: true,
    call: (c) => c.fn(c.run.id, {}, form({ prompts: "Who decided, and on what grounds?" })),
    succeeded: (o) => o.kind === "returned" && (o.value as { saved?: number }).saved === 1,
  },
  "app/runs/new/actions.ts#createRunAction": {
    policy: "any instructor creates a run of their own",
    cases: [{ ...noRun, allow: INSTRUCTORS }],
    writes: true,
    call: ({ fn }) =>
      fn(
        {},
        form({ title: "Period 6", scenarioId: SCENARIO_ID, procuratorSeats: "0", petitionerSeats: "3", speed: "60" }),
      ),
    succeeded: redirectTo(/^\/runs\/[^/]+$/),
  },
  "app/scenarios/actions.ts#saveScenarioAction": {
    policy: "any instructor saves a new scenario; only its owner edits one",
    cases: [
      { ...noRun, about: "for a new scenario", allow: INSTRUCTORS },
      { ...noRun, about: "to edit the owner's scenario", variant: "edit", allow: ["owner"] },
    ],
    writes: true,
    call: (c) =>
      c.fn(
        {},
        form({
          baseId: SCENARIO_ID,
          ...(c.kase.variant === "edit" ? { id: c.fx.scenarioId } : {}),
          title: "Tomsk, with more clerks",
          summary: "The same province, with twice the clerks assembling files.",
          "caseload.cases": "35",
          horizonDays: "300",
          "desks.procurators": "2",
          "desks.hoursPerDay": "6",
          "institutions.fileClerks": "4",
          "institutions.listsWithheldShare": "0.1",
          "policy.bias": "1",
        }),
      ),
    succeeded: redirectTo(/^\/scenarios\?saved=/),
  },
  "app/signup/actions.ts#signUpAction": {
    policy: "public: anyone creates an instructor account",
    cases: [{ ...noRun, allow: EVERYONE }],
    writes: true,
    call: ({ fn }) =>
      fn(
        {},
        form({ name: "New Teacher", email: `teacher-${randomUUID()}@school.org`, password: "a long enough password" }),
      ),
    succeeded: redirectTo(/^\/runs$/),
  },
};

const endpoints = await listEndpoints();
const byKey = new Map(endpoints.map((e) => [e.key, e]));

describe("the rules table", () => {
  test("every route handler and server action in app/ has a rule", () => {
    expect(endpoints.length).toBeGreaterThan(0);
    expect(endpoints.map((e) => e.key).filter((key) => !(key in RULES))).toEqual([]);
  });

  test("every rule names a route handler or server action that exists", () => {
    expect(Object.keys(RULES).filter((key) => !byKey.has(key))).toEqual([]);
  });

  test("no server action hides inline in a page, where this suite could not find it", () => {
    expect(endpointFiles().inline).toEqual([]);
  });
});

type Cell = { key: string; kase: Case; principal: Principal; allowed: boolean };
const cells: Cell[] = Object.entries(RULES)
  .filter(([key]) => byKey.has(key))
  .flatMap(([key, rule]) =>
    rule.cases.flatMap((kase) =>
      PRINCIPALS.map((principal) => ({ key, kase, principal, allowed: kase.allow.includes(principal) })),
    ),
  );

let fx: Fixture;
let baseline: Record<string, string>;
let dirty = true;

async function freshFixture(): Promise<void> {
  fx = await seedFixture();
  baseline = await databaseState();
  dirty = false;
}

beforeAll(freshFixture);

describe.each(
  Object.entries(RULES)
    .filter(([key]) => byKey.has(key))
    .map(([key, rule]) => [`${key}: ${rule.policy}`, key] as const),
)("%s", (_title, key) => {
  const rule = RULES[key]!;
  const named = cells
    .filter((c) => c.key === key)
    .map(
      (c) => [`${PRINCIPAL_NAMES[c.principal]} ${c.allowed ? "may" : "may not"} use it ${c.kase.about}`, c] as const,
    );
  test.each(named)("%s", async (_name, cell) => {
    if (dirty) await freshFixture();
    const run = cell.kase.run === "solo" ? fx.soloRun : cell.kase.run === "endedSolo" ? fx.endedSoloRun : fx.classRun;
    actAs(fx, cell.principal, run);
    const ctx: Ctx = { fx, principal: cell.principal, run, kase: cell.kase, fn: byKey.get(key)!.fn };
    const before = await databaseState();
    const outcome = await settle(() => rule.call(ctx));
    const after = await databaseState();
    dirty = JSON.stringify(after) !== JSON.stringify(baseline) || rule.writes === "maybe";

    if (cell.allowed) {
      expect(isSuccess(outcome), summary(outcome)).toBe(true);
      if (rule.succeeded) expect(rule.succeeded(outcome, ctx), summary(outcome)).toBe(true);
      if (rule.writes === true) expect(after, "a permitted call was expected to change something").not.toEqual(before);
      if (rule.writes === false) expect(after, "a permitted read changed the database").toEqual(before);
    } else {
      expect(isRefusal(outcome), summary(outcome)).toBe(true);
      expect(failureContractProblems(outcome), summary(outcome)).toEqual([]);
      expect(after, "a refused call changed the database").toEqual(before);
      // A refused call leaves this browser without a new seat or session.
      expect(current.setCookies).toEqual([]);
    }
  });
});

test("the matrix covers every principal for every rule's cases", () => {
  const expected = Object.entries(RULES)
    .filter(([key]) => byKey.has(key))
    .reduce((n, [, rule]) => n + rule.cases.length * PRINCIPALS.length, 0);
  expect(cells).toHaveLength(expected);
});

// Pages. They change nothing, but who may see one is still a rule: checked the same way, by rendering the real
// page as each principal. The scenario pages are public; a teacher's own scenarios, and editing them, are not.
type PageRule = {
  /** who may, in words */
  policy: string;
  allow: readonly Principal[];
  render: (fx: Fixture) => Promise<unknown>;
  /** for a permitted view: what it must show, or must not, to this principal */
  shows?: (html: string, fx: Fixture, principal: Principal) => void;
};

const scenariosPage = async () => (await import("./scenarios/page")).default;
const scenarioPage = async () => (await import("./scenarios/[id]/page")).default;
const editPage = async () => (await import("./scenarios/edit/page")).default;
const noParams = { params: Promise.resolve({}) };
/** Where the owner's own scenario shows: its edit link carries its row id. */
const ownScenarioLink = (fx: Fixture) => `/scenarios/edit?id=${fx.scenarioId}`;

const PAGE_RULES: Record<string, PageRule> = {
  "app/scenarios/page.tsx": {
    policy: "public: every shipped scenario; an instructor's own scenarios to that instructor alone",
    allow: EVERYONE,
    render: async () => (await scenariosPage())({ ...noParams, searchParams: Promise.resolve({}) }),
    shows: (html, fx, principal) => {
      expect(html).toContain('href="/scenarios/tomsk-1955"');
      expect(html.includes(ownScenarioLink(fx)), "the owner's own scenario").toBe(principal === "owner");
      expect(html.includes("Your scenarios"), "the instructors' section").toBe(
        (INSTRUCTORS as readonly Principal[]).includes(principal),
      );
    },
  },
  "app/scenarios/[id]/page.tsx": {
    policy: "public: a shipped scenario's page",
    allow: EVERYONE,
    render: async () =>
      (await scenarioPage())({ params: Promise.resolve({ id: SCENARIO_ID }), searchParams: Promise.resolve({}) }),
    shows: (html, fx) => {
      expect(html).toContain("Play this alone");
      expect(html).not.toContain(fx.scenarioId);
    },
  },
  "app/scenarios/[id]/page.tsx#custom": {
    policy: "nobody: a teacher's own scenario has no public page, not even for its owner",
    allow: [],
    render: async (fx) =>
      (await scenarioPage())({
        params: Promise.resolve({ id: `custom-${fx.scenarioId}` }),
        searchParams: Promise.resolve({}),
      }),
  },
  "app/scenarios/edit/page.tsx": {
    policy: "instructors only: duplicate a shipped scenario",
    allow: INSTRUCTORS,
    render: async () => (await editPage())({ ...noParams, searchParams: Promise.resolve({ from: SCENARIO_ID }) }),
  },
  "app/scenarios/edit/page.tsx#own": {
    policy: "the owner only: edit their own scenario",
    allow: ["owner"],
    render: async (fx) => (await editPage())({ ...noParams, searchParams: Promise.resolve({ id: fx.scenarioId }) }),
  },
};

describe("the scenario pages", () => {
  test("every page under app/scenarios has a rule", async () => {
    const { readdirSync } = await import("node:fs");
    const pages = readdirSync("app/scenarios", { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith("page.tsx"))
      .map((f) => `app/scenarios/${f.replaceAll("\\", "/")}`);
    const ruled = new Set(Object.keys(PAGE_RULES).map((k) => k.split("#")[0]));
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.filter((p) => !ruled.has(p))).toEqual([]);
  });

  const cases = Object.entries(PAGE_RULES).flatMap(([key, rule]) =>
    PRINCIPALS.map(
      (principal) =>
        [
          `${key} (${rule.policy}): ${PRINCIPAL_NAMES[principal]} ${rule.allow.includes(principal) ? "may" : "may not"} see it`,
          key,
          principal,
        ] as const,
    ),
  );
  test.each(cases)("%s", async (_name, key, principal) => {
    if (dirty) await freshFixture();
    const rule = PAGE_RULES[key]!;
    actAs(fx, principal);
    const settled = await settle(() => rule.render(fx));
    // A rendered page as its markup: what a visitor gets, and readable in a failure message.
    const { renderToStaticMarkup } = await import("react-dom/server");
    const html = settled.kind === "returned" ? renderToStaticMarkup(settled.value as React.ReactElement) : null;
    const outcome: Outcome = html === null ? settled : { kind: "returned", value: html.slice(0, 300) };
    if (rule.allow.includes(principal)) {
      expect(isSuccess(outcome), summary(outcome)).toBe(true);
      if (rule.shows && html !== null) rule.shows(html, fx, principal);
    } else {
      expect(isRefusal(outcome), summary(outcome)).toBe(true);
    }
  });
});
