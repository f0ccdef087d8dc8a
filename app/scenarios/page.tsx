import type { Metadata } from "next";
import Link from "next/link";
import { requireInstructorPage } from "@/lib/authz";
import { listCustomScenarios, SHIPPED_FOR_CLASSES } from "@/lib/runs/store/custom-scenarios";

export const metadata: Metadata = { title: "Your scenarios" };

/** A teacher's own scenarios: duplicate a shipped one, edit it, use it for a class run. */
export default async function ScenariosPage({ searchParams }: PageProps<"/scenarios">) {
  const user = await requireInstructorPage("/scenarios");
  const { saved } = await searchParams;
  const own = await listCustomScenarios(user);
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-3xl font-bold">Your scenarios</h1>
      {typeof saved === "string" ? (
        <p role="status" className="card border-accent">
          Saved. It is in the list below, and in <strong>New run</strong>&rsquo;s scenarios.
        </p>
      ) : null}
      <p className="text-muted">
        Start from one of Spravka&rsquo;s scenarios, change its caseload, its staff or the pressure on its procurators,
        and use it for a class. Everything else — the sources, the rules, the historical events — comes with it.
      </p>
      <form action="/scenarios/edit" method="get" className="card flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="from" className="field-label">
            Duplicate a scenario
          </label>
          <select id="from" name="from" className="field-input">
            {SHIPPED_FOR_CLASSES.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn btn-primary">
          Duplicate and edit
        </button>
      </form>
      {own.length === 0 ? (
        <p className="text-muted">You have no scenarios of your own yet.</p>
      ) : (
        <ul className="space-y-3">
          {own.map((c) => (
            <li key={c.id} className="card flex flex-wrap items-center justify-between gap-3">
              <div>
                <p className="font-semibold">{c.title}</p>
                {c.scenario ? (
                  <p className="text-sm text-muted">
                    {c.scenario.caseload.cases.toLocaleString("en")} cases · {c.scenario.desks.procurators} procurators
                    · from {SHIPPED_FOR_CLASSES.find((s) => s.id === c.baseId)?.title ?? c.baseId}
                  </p>
                ) : (
                  <p className="text-sm">{c.problem}</p>
                )}
              </div>
              {c.scenario ? (
                <Link href={`/scenarios/edit?id=${c.id}`} className="btn btn-secondary">
                  Edit<span className="sr-only"> {c.title}</span>
                </Link>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
