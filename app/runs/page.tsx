import type { Metadata } from "next";
import { Link } from "@/app/_components/link";
import { requireInstructorPage } from "@/lib/authz";
import { listRunsForOwner } from "@/lib/runs/store/queries";
import { scenarioTitleOfRun } from "@/lib/runs/store/custom-scenarios";
import { RunStatusBadge } from "./status-badge";

export const metadata: Metadata = { title: "My runs" };

export default async function RunsPage() {
  const user = await requireInstructorPage("/runs");
  const runs = await listRunsForOwner(user);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <p className="text-muted">Signed in as {user.name}</p>
          <h1 className="text-3xl font-bold">My runs</h1>
        </div>
        <Link href="/runs/new" className="btn btn-primary">
          New run
        </Link>
      </div>
      {runs.length === 0 ? (
        <section aria-labelledby="runs-empty" className="card space-y-2">
          <h2 id="runs-empty" className="text-xl font-semibold">
            No runs yet
          </h2>
          <p className="text-muted">
            A run is one playing of a scenario with your class. Create one, project its join code, and start the clock
            when your students are in.
          </p>
        </section>
      ) : (
        <ul className="space-y-3" aria-label="Runs">
          {runs.map((run) => (
            <li key={run.id} className="card flex flex-wrap items-center justify-between gap-3 py-4">
              <div>
                <h2 className="text-lg font-semibold">
                  <Link href={`/runs/${run.id}`} className="text-ink hover:text-accent">
                    {run.title}
                  </Link>
                </h2>
                <p className="text-sm text-muted">
                  {scenarioTitleOfRun(run)} · {run._count.seats} students · created{" "}
                  {run.createdAt.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric" })}
                </p>
              </div>
              <div className="flex items-center gap-3">
                {run.joinCode && run.status !== "debrief" ? (
                  <span className="font-mono text-sm tracking-widest" aria-label={`Join code ${run.joinCode}`}>
                    {run.joinCode}
                  </span>
                ) : null}
                <RunStatusBadge status={run.status} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
