import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, test } from "vitest";
import { customScenarioForm } from "@/lib/testing/fixtures";
import type { SessionUser } from "@/lib/authz";
import { db } from "@/lib/db";
import { newSeatToken } from "@/lib/runs/codes";
import { createRun } from "@/lib/runs/console/create-run";
import {
  customScenarioById,
  findCustomScenario,
  listCustomScenarios,
  saveCustomScenario,
  scenarioOfRun,
  scenarioTitleOfRun,
} from "./custom-scenarios";
import { getRunForOwner, listRunsForOwner } from "./queries";
import { runForCode } from "@/lib/runs/seats/run-for-code";
import { getSeatAccess, seatCookieValue } from "@/lib/runs/seats/seat-access";
import { RunStore } from "./store";
import { parseRunStatus, parseSeatRole, StoredDataError } from "./stored-rows";

let owner: SessionUser;

beforeEach(async () => {
  const user = await db.user.create({
    data: { name: "Ms. Okafor", email: `${randomUUID()}@school.org`, passwordHash: "x" },
  });
  owner = { id: user.id, name: user.name, email: user.email, role: "instructor" };
});

async function storedRun(status = "lobby") {
  return db.run.create({
    data: {
      ownerId: owner.id,
      title: "Stored rows",
      scenarioId: "rostov-1954",
      seed: 5,
      procuratorSeats: 1,
      petitionerSeats: 1,
      speed: 60,
      horizonDays: 540,
      status,
      joinCode: randomUUID().slice(0, 8).toUpperCase(),
    },
  });
}

/** A seat row as stored, and the cookie of the browser holding it. */
async function storedSeat(runId: string, role: string) {
  const { token, hash } = newSeatToken();
  const seat = await db.seat.create({
    data: { runId, number: 1, role, displayName: "Sam", rejoinCode: "K7MP3QXD", holderHash: hash },
  });
  return { seat, cookie: seatCookieValue(seat.id, token) };
}

describe("roles and statuses read from rows", () => {
  test("the known ones come back typed", () => {
    expect(parseSeatRole("procurator", "seat 1")).toBe("procurator");
    expect(parseRunStatus("debrief", "run r")).toBe("debrief");
  });

  test("a run stored with a status this version does not know is refused where it is read", async () => {
    const run = await storedRun("frozen");
    const named = `The run ${run.id} is stored with status "frozen", which this version of Spravka does not know`;
    await expect(getRunForOwner(owner, run.id)).rejects.toThrow(named);
    await expect(listRunsForOwner(owner)).rejects.toThrow(StoredDataError);
    await expect(runForCode(run.joinCode!)).rejects.toThrow(named);
    await expect(new RunStore(db, () => Date.now(), false).read(run.id, (r) => r.status)).rejects.toThrow(named);
  });

  test("a seat stored with a role this version does not know is refused where it is read", async () => {
    const run = await storedRun();
    const { cookie } = await storedSeat(run.id, "judge");
    const named = `The seat 1 of run ${run.id} is stored with role "judge", which this version of Spravka does not know`;
    await expect(getRunForOwner(owner, run.id)).rejects.toThrow(named);
    await expect(getSeatAccess(run.id, cookie)).rejects.toThrow(StoredDataError);
  });

  test("rows that fit give their callers typed values", async () => {
    const run = await storedRun("paused");
    const { cookie } = await storedSeat(run.id, "petitioner");
    expect(await getRunForOwner(owner, run.id)).toMatchObject({
      status: "paused",
      seats: [{ number: 1, role: "petitioner" }],
    });
    expect(await getSeatAccess(run.id, cookie)).toMatchObject({ status: "ok", seat: { role: "petitioner" } });
  });
});

describe("stored scenarios", () => {
  const form = customScenarioForm();

  /** Rewrites a stored scenario as an older (or hand-edited) database might hold it. */
  function unfit(json: string): string {
    const data = JSON.parse(json) as { caseload: Record<string, unknown> };
    data.caseload.cases = -5;
    return JSON.stringify(data);
  }

  test("a teacher's scenario that no longer fits the schema is reported, naming it and what does not fit", async () => {
    const saved = await saveCustomScenario(owner, form);
    if (!saved.ok) throw new Error(saved.error.message);
    const row = await db.customScenario.findUniqueOrThrow({ where: { id: saved.id } });
    await db.customScenario.update({ where: { id: saved.id }, data: { scenario: unfit(row.scenario) } });

    const named = new RegExp(
      `your scenario "Chita with more staff" \\(${saved.id}\\) no longer fits this version of Spravka: caseload\\.cases`,
    );
    await expect(findCustomScenario(owner, `custom-${saved.id}`)).rejects.toThrow(named);
    await expect(customScenarioById(owner, saved.id)).rejects.toThrow(named);
    // The list still shows it, with why it cannot be used; a class run cannot be made from it.
    const [listed] = await listCustomScenarios(owner);
    expect(listed).toMatchObject({ id: saved.id, scenario: null, problem: expect.stringMatching(named) });
    await expect(
      createRun(owner, {
        title: "x",
        scenarioId: `custom-${saved.id}`,
        procuratorSeats: 0,
        petitionerSeats: 1,
        speed: 60,
      }),
    ).rejects.toThrow(named);
  });

  test("a run's frozen scenario that no longer fits is reported, naming the run", async () => {
    const saved = await saveCustomScenario(owner, form);
    if (!saved.ok) throw new Error(saved.error.message);
    const created = await createRun(owner, {
      title: "Period 3",
      scenarioId: `custom-${saved.id}`,
      procuratorSeats: 0,
      petitionerSeats: 1,
      speed: 60,
    });
    if (!created.ok) throw new Error(created.error.message);
    const run = await db.run.findUniqueOrThrow({ where: { id: created.runId } });
    expect(scenarioOfRun(run)).toMatchObject({ id: `custom-${saved.id}`, caseload: { cases: 500 } });

    const broken = { ...run, scenarioJson: unfit(run.scenarioJson!) };
    await db.run.update({ where: { id: run.id }, data: { scenarioJson: broken.scenarioJson } });
    const named = new RegExp(`run ${run.id} no longer fits this version of Spravka: caseload\\.cases`);
    expect(() => scenarioOfRun(broken)).toThrow(named);
    await expect(new RunStore(db, () => Date.now(), false).read(run.id, (r) => r.id)).rejects.toThrow(named);
    // A list of runs still shows the others, and this one by its scenario id.
    expect(scenarioTitleOfRun(broken)).toBe(`custom-${saved.id} (its stored scenario no longer fits)`);
    expect(() => scenarioOfRun({ ...run, scenarioJson: "{not json" })).toThrow(/not JSON/);
  });
});
