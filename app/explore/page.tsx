import type { Metadata } from "next";
import { Link } from "@/app/_components/link";
import { SCENARIOS } from "@/lib/sim/scenarios";
import { MAX_RUN_CASES } from "@/lib/runs/policy";
import { AMNESTY_SCENARIOS } from "@/lib/sim/amnesty/scenarios";
import { ContinueList, SoloForm } from "./solo-form";

export const metadata: Metadata = { title: "Explore on your own" };

/** Play alone, no account, or open the what-if lab. `?scenario=<id>` (from a scenario's page) preselects it. */
export default async function ExplorePage({ searchParams }: PageProps<"/explore">) {
  const { scenario: asked } = await searchParams;
  const playable = [
    ...SCENARIOS.filter((s) => s.caseload.cases <= MAX_RUN_CASES).map((s) => ({ ...s, camp: false })),
    ...AMNESTY_SCENARIOS.map((s) => ({ ...s, camp: true })),
  ].map((s) => ({ id: s.id, title: s.title, summary: s.summary, camp: s.camp, horizonDays: s.horizonDays }));
  // Only a scenario on offer here is preselected; anything else in the address is ignored.
  const initial = playable.find((s) => s.id === asked)?.id;
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">Explore on your own</h1>
        <p className="max-w-3xl text-muted">
          No class, no account. Play one scenario as a petitioner or a procurator while the computer plays everyone else
          — or change the past in the what-if lab.
        </p>
      </header>
      <ContinueList />
      <section aria-labelledby="solo-heading" className="card space-y-4">
        <h2 id="solo-heading" className="text-xl font-semibold">
          Play alone
        </h2>
        <SoloForm scenarios={playable} {...(initial ? { initialScenarioId: initial } : {})} />
      </section>
      <section aria-labelledby="lab-heading" className="card space-y-3">
        <h2 id="lab-heading" className="text-xl font-semibold">
          The what-if lab
        </h2>
        <p className="max-w-3xl">
          What if the camps had sent their lists on time, or there had been twice the procurators? Change a
          scenario&rsquo;s numbers and compare up to four runs side by side — the national review of 467,946 cases too.
        </p>
        <Link href="/lab" className="btn btn-secondary">
          Open the lab
        </Link>
      </section>
    </div>
  );
}
