import type { Metadata } from "next";
import { Link } from "@/app/_components/link";
import { SourceTag } from "@/app/_components/source-tag";
import { getSessionUser } from "@/lib/authz";
import { listCustomScenarios, SHIPPED_FOR_CLASSES, type CustomScenarioItem } from "@/lib/runs/store/custom-scenarios";
import { publicScenarios, type PublicScenario } from "@/lib/scenarios/public-scenarios";

export const metadata: Metadata = { title: "Scenarios" };

/** One shipped scenario in the list: its title (to its page) and what it teaches. */
function ScenarioItem({ scenario }: { scenario: PublicScenario }) {
  return (
    <li className="card space-y-2">
      <h3 className="text-lg font-semibold">
        <Link href={`/scenarios/${scenario.id}`} className="text-accent underline">
          {scenario.title}
        </Link>
      </h3>
      <p>
        {scenario.teaches.text} <SourceTag source={scenario.teaches.source} />
      </p>
      {scenario.playable ? null : (
        <p className="text-sm text-muted">Too large to play as one seat: it runs in the what-if lab.</p>
      )}
    </li>
  );
}

/**
 * Every scenario Spravka ships, for anyone, each linking to its page. A
 * signed-in instructor also sees their own scenarios (duplicate a shipped
 * one, edit it, use it for a class); those are theirs and appear nowhere
 * else.
 */
export default async function ScenariosPage({ searchParams }: PageProps<"/scenarios">) {
  const user = await getSessionUser();
  // Read for this instructor alone: nobody else's scenarios, and nothing for anyone who is not one.
  const own = user?.role === "instructor" ? await listCustomScenarios(user) : null;
  const { saved } = await searchParams;
  const shipped = publicScenarios();
  const review = shipped.filter((s) => s.kind === "review");
  const camps = shipped.filter((s) => s.kind === "camp");
  return (
    <div className="max-w-3xl space-y-8">
      <header className="space-y-3">
        <h1 className="text-3xl font-bold">Scenarios</h1>
        <p className="text-muted">
          Each scenario is one real place and time, built from the historical record: how many cases there were, how
          many people worked on them, how the offices behaved. Open one to see what it teaches, its roles, the figures
          from history it is compared with, and its sources — then play it alone or with a class.
        </p>
      </header>

      {own ? <OwnScenarios own={own} saved={typeof saved === "string"} /> : null}

      <section aria-labelledby="review-heading" className="space-y-4">
        <h2 id="review-heading" className="text-2xl font-semibold">
          The review of political cases, 1954–56
        </h2>
        <p className="text-muted">
          After Stalin&rsquo;s death, commissions reviewed the cases of people sentenced for
          &ldquo;counter-revolutionary crimes&rdquo; under article 58. These scenarios show why freeing the innocent
          took so long.
        </p>
        <ul className="space-y-3">
          {review.map((s) => (
            <ScenarioItem key={s.id} scenario={s} />
          ))}
        </ul>
      </section>

      <section aria-labelledby="camp-heading" className="space-y-4">
        <h2 id="camp-heading" className="text-2xl font-semibold">
          A contrasting lesson: the 1945 amnesty
        </h2>
        <ul className="space-y-3">
          {camps.map((s) => (
            <ScenarioItem key={s.id} scenario={s} />
          ))}
        </ul>
      </section>
    </div>
  );
}

/** A teacher's own scenarios: duplicate a shipped one, edit it, use it for a class run. */
function OwnScenarios({ own, saved }: { own: readonly CustomScenarioItem[]; saved: boolean }) {
  return (
    <section aria-labelledby="own-heading" className="space-y-4">
      <h2 id="own-heading" className="text-2xl font-semibold">
        Your scenarios
      </h2>
      {saved ? (
        <p role="status" className="card border-accent">
          Saved. It is in the list below, and in <strong>New run</strong>&rsquo;s scenarios.
        </p>
      ) : null}
      <p className="text-muted">
        Start from one of Spravka&rsquo;s scenarios, change its caseload, its staff or the pressure on its procurators,
        and use it for a class. Everything else — the sources, the rules, the historical events — comes with it. Only
        you see these.
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
    </section>
  );
}
