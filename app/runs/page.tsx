import type { Metadata } from "next";
import { requireInstructorPage } from "@/lib/authz";

export const metadata: Metadata = { title: "My runs" };

export default async function RunsPage() {
  const user = await requireInstructorPage("/runs");
  return (
    <div className="space-y-6">
      <div>
        <p className="text-muted">Signed in as {user.name}</p>
        <h1 className="text-3xl font-bold">My runs</h1>
      </div>
      <section aria-labelledby="runs-empty" className="card space-y-2">
        <h2 id="runs-empty" className="text-xl font-semibold">
          No runs yet
        </h2>
        <p className="text-muted">
          A run is one playing of a scenario with your class. Creating runs, the join screen and the live console are
          coming in the next updates of Spravka; this page will list your runs once they are.
        </p>
      </section>
    </div>
  );
}
