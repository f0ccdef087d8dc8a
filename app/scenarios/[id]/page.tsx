import type { Metadata } from "next";
import { Link } from "@/app/_components/link";
import { notFound } from "next/navigation";
import { SourceCitation } from "@/app/_components/source-citation";
import { SourceTag } from "@/app/_components/source-tag";
import { dateLabel } from "@/lib/runs/calendar";
import { findPublicScenario, type PublicScenario } from "@/lib/scenarios/public-scenarios";
import { withSourceNames } from "@/lib/sources";
import { CONFLICT_KIND_LABELS, conflictHref } from "@/lib/sources/conflicts";

export async function generateMetadata({ params }: PageProps<"/scenarios/[id]">): Promise<Metadata> {
  const { id } = await params;
  const scenario = findPublicScenario(id);
  return { title: scenario ? `${scenario.title} — Scenario` : "Scenario not found" };
}

/** "240 simulated days (about 8 months)". */
function lengthLabel(days: number): string {
  const months = Math.round(days / 30.4);
  return `${days.toLocaleString("en")} simulated days (about ${months} ${months === 1 ? "month" : "months"})`;
}

/** Where to play it: alone as a seat, or — for the national queue, too large for a seat — in the lab. */
function PlayLinks({ scenario }: { scenario: PublicScenario }) {
  const lab = `/lab?s=${encodeURIComponent(scenario.id)}`;
  return (
    <div className="flex flex-wrap items-center gap-3">
      {scenario.playable ? (
        <Link href={`/explore?scenario=${encodeURIComponent(scenario.id)}`} className="btn btn-primary">
          Play this alone
        </Link>
      ) : null}
      <Link href={lab} className={`btn ${scenario.playable ? "btn-secondary" : "btn-primary"}`}>
        Try it in the what-if lab
      </Link>
    </div>
  );
}

/**
 * One shipped scenario, for anyone: what it teaches, its roles, the
 * historical figures it is compared with (each with its source), where the
 * sources disagree, and full citations. A teacher's own scenario is never
 * found here: only shipped ids are.
 */
export default async function ScenarioPage({ params }: PageProps<"/scenarios/[id]">) {
  const { id } = await params;
  const scenario = findPublicScenario(id);
  if (!scenario) notFound();
  const camp = scenario.kind === "camp";
  return (
    <article aria-labelledby="scenario-heading" className="max-w-3xl space-y-8">
      <header className="space-y-3">
        <p className="text-sm">
          <Link href="/scenarios" className="text-accent underline">
            All scenarios
          </Link>
        </p>
        <h1 id="scenario-heading" className="text-3xl font-bold">
          {scenario.title}
        </h1>
        <p className="text-lg">{scenario.summary}</p>
        <p className="text-sm text-muted">
          Starts on {dateLabel(scenario.startDate)} and runs for {lengthLabel(scenario.horizonDays)}.{" "}
          {camp
            ? "A contrasting lesson: the 1945 amnesty, which freed people by category."
            : "Part of the 1954–55 review of political prisoners’ cases."}
        </p>
        <PlayLinks scenario={scenario} />
      </header>

      <section aria-labelledby="teaches-heading" className="card space-y-3">
        <h2 id="teaches-heading" className="text-xl font-semibold">
          What it teaches
        </h2>
        <p>
          {scenario.teaches.text} <SourceTag source={scenario.teaches.source} />
        </p>
        <p>
          <strong className="font-semibold">A question to take with you:</strong> {scenario.question}
        </p>
      </section>

      <section aria-labelledby="roles-heading" className="space-y-3">
        <h2 id="roles-heading" className="text-xl font-semibold">
          The roles
        </h2>
        <p className="text-muted">
          {scenario.playable
            ? "Play one of these parts alone or in a class; the computer plays everyone else. The people you meet are composites, not real individuals."
            : "This scenario is the whole country: too large to play as one seat. Run it in the what-if lab and change its numbers; these are the parts it models."}
        </p>
        <ul className="grid gap-3 sm:grid-cols-2">
          {scenario.roles.map((role) => (
            <li key={role.name} className="card space-y-2">
              <h3 className="text-lg font-semibold">{role.name}</h3>
              <p>{role.does}</p>
              {role.history ? (
                <p className="text-sm text-muted">
                  {role.history.text} <SourceTag source={role.history.source} />
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="figures-heading" className="space-y-3">
        <h2 id="figures-heading" className="text-xl font-semibold">
          Historical figures it is compared with
        </h2>
        <p className="text-muted">
          At the end of a run, your results are set beside these figures from the sources. Some were used to set the
          game&rsquo;s numbers, so a run should come close to them; others were not, so they test whether the game
          behaves like history.
        </p>
        <div className="overflow-x-auto">
          <table className="w-full text-left">
            <thead>
              <tr className="border-b border-line">
                <th scope="col" className="py-1 pr-3">
                  In history
                </th>
                <th scope="col" className="py-1 pr-3">
                  Source
                </th>
                <th scope="col" className="py-1">
                  How the game uses it
                </th>
              </tr>
            </thead>
            <tbody>
              {scenario.figures.map((f) => (
                <tr key={f.label} className="border-b border-line/60 align-top">
                  <th scope="row" className="py-2 pr-3 font-normal">
                    {f.label}
                  </th>
                  <td className="py-2 pr-3">
                    <SourceTag source={f.source} />
                  </td>
                  <td className="py-2 text-sm">
                    {f.fitted ? "The game is set to match it" : "A check: nothing in the game was set to match it"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {scenario.conflicts.length > 0 ? (
        <section aria-labelledby="conflicts-heading" className="space-y-3">
          <h2 id="conflicts-heading" className="text-xl font-semibold">
            Where the sources disagree
          </h2>
          <p className="text-muted">
            Historians often meet figures that do not match. Spravka shows every reading instead of picking one.
          </p>
          <ul className="space-y-3">
            {scenario.conflicts.map((c) => (
              <li key={c.id} className="card space-y-2">
                <p className="text-sm font-semibold uppercase tracking-wider text-muted">
                  {CONFLICT_KIND_LABELS[c.kind]}
                </p>
                <h3 className="text-lg font-semibold">{c.topic}</h3>
                <ul className="list-disc space-y-1 pl-5">
                  {c.readings.map((r, i) => (
                    <li key={i}>
                      <strong>{r.value}</strong> — {r.statement} <SourceTag source={r.source} />
                    </li>
                  ))}
                </ul>
                <p>{c.note}</p>
                <p className="text-sm">
                  <Link href={conflictHref(c.id)} className="text-accent underline">
                    The disagreement on the sources page<span className="sr-only"> — {c.topic}</span>
                  </Link>
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {scenario.events.length > 0 ? (
        <section aria-labelledby="events-heading" className="space-y-3">
          <h2 id="events-heading" className="text-xl font-semibold">
            What happens during it
          </h2>
          <p className="text-muted">Historical decisions that arrive while the scenario runs, on their real dates.</p>
          <ol className="space-y-2">
            {scenario.events.map((e) => (
              <li key={e.date + e.title}>
                <time dateTime={e.dateTime} className="font-semibold">
                  {e.dateLabel}
                </time>
                : {e.title} <SourceTag source={e.source} />
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      {scenario.inventions.length > 0 ? (
        <section aria-labelledby="invented-heading" className="space-y-3">
          <h2 id="invented-heading" className="text-xl font-semibold">
            What the game invents
          </h2>
          <p className="text-muted">
            Where the sources give no figure, the game had to choose one. These are its choices, not history.
          </p>
          <ul className="list-disc space-y-1 pl-5 text-sm">
            {scenario.inventions.map((note) => (
              <li key={note}>
                {withSourceNames(note)} <SourceTag source="invented" />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="sources-heading" className="space-y-3">
        <h2 id="sources-heading" className="text-xl font-semibold">
          Sources
        </h2>
        <p className="text-muted">Everything this page and the scenario say about history rests on these.</p>
        <ul className="space-y-3">
          {scenario.sources.map((key) => (
            <li key={key} className="card space-y-1">
              <SourceCitation sourceKey={key} />
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}
