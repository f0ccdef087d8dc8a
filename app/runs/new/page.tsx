import type { Metadata } from "next";
import { requireInstructorPage } from "@/lib/authz";
import { dateLabel } from "@/lib/runs/calendar";
import { MAX_RUN_CASES } from "@/lib/runs/policy";
import { SCENARIOS } from "@/lib/sim/scenarios";
import { listCustomScenarios } from "@/lib/runs/store/custom-scenarios";
import { conflictsConcerning } from "@/lib/sources/conflicts";
import { NewRunForm, type ScenarioChoice } from "./new-run-form";
import { AMNESTY_SCENARIOS } from "@/lib/sim/amnesty/scenarios";

export const metadata: Metadata = { title: "New run" };

export default async function NewRunPage() {
  const user = await requireInstructorPage("/runs/new");
  // A scenario that no longer fits the schema is listed (with why) on the scenarios page, not offered here.
  const own = (await listCustomScenarios(user)).flatMap((c) => (c.scenario ? [c.scenario] : []));
  const scenarios = [...SCENARIOS.filter((s) => s.caseload.cases <= MAX_RUN_CASES), ...own].map((s) => ({
    id: s.id,
    title: s.id.startsWith("custom-") ? `Yours: ${s.title}` : s.title,
    summary: s.summary,
    // Where its figures rest on sources that disagree. A teacher's own copy (custom-…) matches none: its figures are theirs.
    conflicts: conflictsConcerning(`scenario:${s.id}`).map((c) => c.id),
    cases: s.caseload.cases,
    startLabel: dateLabel(s.startDate),
    horizonDays: s.horizonDays,
    district: { horizonDays: s.horizonDays, desks: s.desks, caseload: s.caseload },
  }));
  // The 1945 amnesty as a camp the class runs (ADR 0024): release by category, to set beside the review.
  const camps: ScenarioChoice[] = AMNESTY_SCENARIOS.map((s) => ({
    id: s.id,
    title: s.title,
    summary: s.summary,
    conflicts: conflictsConcerning(`scenario:${s.id}`).map((c) => c.id),
    cases: 0,
    startLabel: dateLabel(s.startDate),
    horizonDays: s.horizonDays,
    camp: { horizonDays: s.horizonDays, population: s.population, stages: s.stages },
  }));
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-3xl font-bold">New run</h1>
      <p className="text-muted">
        A run is one playing of a scenario by your class. Students join with a code in the lobby; you start the clock
        when everyone is in.
      </p>
      <div className="card">
        <NewRunForm scenarios={[...scenarios, ...camps]} />
      </div>
    </div>
  );
}
