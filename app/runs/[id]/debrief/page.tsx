import { districtSplit } from "@/lib/runs/debrief/district";
import type { Metadata } from "next";
import { Link } from "@/app/_components/link";
import { notFound } from "next/navigation";
import { KeyFiguresTable } from "@/app/_components/key-figures-table";
import { SourceTag } from "@/app/_components/source-tag";
import { requireInstructorPage } from "@/lib/authz";
import { dateLabel, simDate } from "@/lib/runs/calendar";
import { historicalComparison, keyFigures, whatIf, WHAT_IFS, type KeyFigures } from "@/lib/runs/debrief/debrief";
import { getRunLogForOwner } from "@/lib/runs/debrief/get-run-log-for-owner";
import { debriefPrompts } from "@/lib/runs/debrief/prompts";
import { classCases, districtCases, getRunForOwner } from "@/lib/runs/store/queries";
import { isCampRun } from "@/lib/runs/camp/camp-scenario";
import { campConsole } from "@/lib/runs/camp/camp-views";
import { campOf, runStore } from "@/lib/runs/store/store";
import { CompareQuestions } from "@/app/lab/compare-questions";
import { CampFigures } from "../camp-figures";
import { epilogue1956, framedCase } from "@/lib/runs/story-frame";
import { StoryFramePanel } from "@/app/_components/story-frame";
import { loadRunHistory } from "@/lib/runs/history/run-history";
import { scenarioOfRun } from "@/lib/runs/store/custom-scenarios";
import { RunStatusBadge } from "../../status-badge";
import { PrintButton, PromptsEditor } from "./prompts-editor";
import { Replay } from "./replay";
import { SourceConflict } from "@/app/_components/source-conflict";
import { conflictsConcerning } from "@/lib/sources/conflicts";

export const metadata: Metadata = { title: "Debrief" };

/**
 * The debrief: the ended run beside history, a replay of its
 * timeline, one what-if, the discussion prompts and the exports — printable
 * as a report.
 */
export default async function DebriefPage({ params, searchParams }: PageProps<"/runs/[id]/debrief">) {
  const { id } = await params;
  const { whatif } = await searchParams;
  const user = await requireInstructorPage(`/runs/${id}/debrief`);
  const run = await getRunForOwner(user, id);
  if (!run) notFound();
  if (run.status !== "debrief" && run.status !== "archived") {
    return (
      <div className="space-y-4">
        <h1 className="text-3xl font-bold">Debrief: {run.title}</h1>
        <p className="card">
          The debrief opens when the run ends, so that the figures stand still. End the run from its page first.
        </p>
        <Link href={`/runs/${run.id}`} className="btn btn-secondary">
          Back to the run
        </Link>
      </div>
    );
  }
  if (isCampRun(run)) {
    // A 1945 camp run (ADR 0024): the camp at the end beside the source's tallies, and the comparison to discuss.
    const camp = await runStore.readEngine(run.id, (_run, engine) => {
      const { camp, scenario } = campOf(engine);
      return campConsole(camp, scenario);
    });
    return (
      <div className="space-y-6">
        <p>
          <Link href={`/runs/${run.id}`} className="text-accent">
            ← Back to the run
          </Link>
        </p>
        <h1 className="text-3xl font-bold">Debrief: {run.title}</h1>
        <PrintButton />
        <p className="max-w-3xl">
          Your class ran a camp&apos;s records department under the amnesty of 7 July 1945, which freed people by
          category. Set the camp beside the source&apos;s tallies, then beside a 1954–55 run, where every file was
          reviewed on its own.
        </p>
        <CampFigures camp={camp} heading="Your camp at the end" />
        <CompareQuestions />
        <p>
          <Link href="/lab?preset=category-vs-case" className="btn btn-secondary">
            Run both side by side in the what-if lab
          </Link>
        </p>
      </div>
    );
  }
  const scenario = scenarioOfRun(run)!;
  const history = await loadRunHistory(run.id);
  const result = history.world.result(run.seed);
  const ours = keyFigures(result);
  const comparison = historicalComparison(result, scenario);
  const district = await districtCases(run.id);
  const split = district.size > 0 ? districtSplit(history.events, history.world.caseCount, district) : null;
  const dates = history.series.map((d) => dateLabel(simDate(scenario.startDate, Math.floor(d.day))));
  const chosen = WHAT_IFS.find((w) => w.id === whatif);
  let alternative: { figures: KeyFigures; skipped: number } | null = null;
  if (chosen) {
    const entries = await getRunLogForOwner(user, run.id);
    alternative = whatIf(scenario, run.seed, entries, history.simDay, chosen.id);
  }
  const prompts = debriefPrompts(scenario.id, run.debriefPrompts);
  // The ending the teacher switched on: what became of the class's cases by February 1956.
  const epilogue = run.epilogue
    ? epilogue1956(
        (await classCases(run.id)).map((i) => framedCase(history.world, i)),
        "teacher",
      )
    : null;

  return (
    <div className="space-y-8 print:space-y-6">
      <header className="space-y-2">
        <p className="print:hidden">
          <Link href={`/runs/${run.id}`} className="text-accent">
            ← Back to the run
          </Link>
        </p>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-3xl font-bold">Debrief: {run.title}</h1>
          <RunStatusBadge status={run.status} />
        </div>
        <p className="text-muted">
          {scenario.title} · {run.seats.length} {run.seats.length === 1 ? "student" : "students"} · stopped on{" "}
          {dates.at(-1)} (day {Math.floor(history.simDay)} of {scenario.horizonDays}) · seed {run.seed}
        </p>
        <PrintButton />
      </header>
      {epilogue ? <StoryFramePanel frame={epilogue} id="epilogue" open /> : null}

      <section aria-labelledby="compare-heading" className="card space-y-3 print:break-inside-avoid">
        <h2 id="compare-heading" className="text-xl font-semibold">
          Your class and history
        </h2>
        <div className="overflow-x-auto">
          <table className="w-full text-left">
            <thead>
              <tr className="border-b border-line">
                <th scope="col" className="py-1 pr-3">
                  Figure
                </th>
                <th scope="col" className="py-1 pr-3">
                  Your class
                </th>
                <th scope="col" className="py-1">
                  In history
                </th>
              </tr>
            </thead>
            <tbody>
              {comparison.map((row) => (
                <tr key={row.metric} className="border-b border-line/60 align-top">
                  <th scope="row" className="py-2 pr-3 font-normal">
                    {row.what}
                  </th>
                  <td className="py-2 pr-3 text-lg font-semibold tabular-nums">{row.yours}</td>
                  <td className="py-2">
                    {row.history.length === 0 ? (
                      <span className="text-muted">The sources give no figure.</span>
                    ) : (
                      <ul className="space-y-1">
                        {row.history.map((h) => (
                          <li key={h.place + h.label}>
                            <strong className="tabular-nums">{h.value}</strong> — {h.place}
                            {h.here ? " (this scenario)" : ""}: {h.label}
                            <SourceTag source={h.source} />
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="text-sm text-muted">
          Shares are of the commission&rsquo;s decisions, as the provinces counted them. A class plays a few months of
          one province with a few students: expect differences, and ask where they come from.
        </p>
        {/* Where the sources disagree about this scenario's figures, say so beside them. */}
        {conflictsConcerning(`scenario:${scenario.id}`).map((c) => (
          <SourceConflict key={c.id} id={c.id} />
        ))}
      </section>

      {split ? (
        <section aria-labelledby="district-heading" className="card space-y-3 print:break-inside-avoid">
          <h2 id="district-heading" className="text-xl font-semibold">
            Your district and the rest of the province
          </h2>
          <p className="max-w-3xl text-muted">
            Your student procurators were the commission for the cases on their desks; the computer&rsquo;s desks worked
            the rest of the province. The figures above are the whole province&rsquo;s; these are each part.
          </p>
          <div className="overflow-x-auto">
            <table className="w-full text-left">
              <thead>
                <tr className="border-b border-line">
                  <th scope="col" className="py-1 pr-3">
                    Figure
                  </th>
                  <th scope="col" className="py-1 pr-3">
                    Your district (the class&rsquo;s desks)
                  </th>
                  <th scope="col" className="py-1">
                    The rest of the province (computer desks)
                  </th>
                </tr>
              </thead>
              <tbody>
                {(
                  [
                    ["Cases", "cases"],
                    ["Cases the commission decided", "decided"],
                    ["Decisions that upheld the sentence", "upheldShare"],
                    ["Fully rehabilitated (decisions)", "rehabilitated"],
                  ] as const
                ).map(([label, key]) => (
                  <tr key={key} className="border-b border-line/60">
                    <th scope="row" className="py-2 pr-3 font-normal">
                      {label}
                    </th>
                    <td className="py-2 pr-3 text-lg font-semibold tabular-nums">
                      {split.district[key].toLocaleString("en")}
                    </td>
                    <td className="py-2 tabular-nums">{split.province[key].toLocaleString("en")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      <section aria-labelledby="replay-heading" className="card space-y-3">
        <h2 id="replay-heading" className="text-xl font-semibold">
          Replay the run
        </h2>
        <Replay series={[...history.series]} dates={dates} total={history.world.caseCount} />
      </section>

      <section aria-labelledby="whatif-heading" className="card space-y-3 print:break-inside-avoid">
        <h2 id="whatif-heading" className="text-xl font-semibold">
          What if…
        </h2>
        <p className="max-w-3xl text-muted">
          Run your class&rsquo;s own run again — the same cases, the same chance and the same student actions — with one
          thing changed. (The size of each change is this game&rsquo;s choice; the sources only say which way it
          pushed.)
        </p>
        <form method="get" className="space-y-3 print:hidden" aria-label="What if">
          <fieldset className="space-y-1">
            <legend className="field-label">Change one thing</legend>
            {WHAT_IFS.map((w) => (
              <div key={w.id} className="flex flex-wrap items-baseline gap-x-2">
                <input
                  type="radio"
                  id={`whatif-${w.id}`}
                  name="whatif"
                  value={w.id}
                  defaultChecked={chosen?.id === w.id}
                  className="size-4"
                  required
                />
                <label htmlFor={`whatif-${w.id}`} className="font-medium">
                  {w.label}
                </label>
                <span className="text-sm text-muted">{w.note}</span>
              </div>
            ))}
          </fieldset>
          <button type="submit" className="btn btn-secondary">
            Run it again
          </button>
        </form>
        {chosen && alternative ? (
          <div>
            <KeyFiguresTable
              caption={`What if: ${chosen.label.toLowerCase()}`}
              columns={[
                { key: "ours", header: "Your run", values: ours },
                { key: "whatif", header: "What if", values: alternative.figures, emphasis: true },
              ]}
            />
            {alternative.skipped > 0 ? (
              <p className="mt-2 text-sm text-muted">
                {alternative.skipped} of your class&rsquo;s actions could not happen in this version of history (the
                case had moved on), so they were left out.
              </p>
            ) : null}
          </div>
        ) : null}
      </section>

      <section aria-labelledby="prompts-heading" className="card space-y-3 print:break-inside-avoid">
        <h2 id="prompts-heading" className="text-xl font-semibold">
          For discussion
        </h2>
        <PromptsEditor runId={run.id} prompts={prompts} />
      </section>

      <section aria-labelledby="data-heading" className="card space-y-2 print:hidden">
        <h2 id="data-heading" className="text-xl font-semibold">
          The data
        </h2>
        <p>
          The whole event log: every step of every case, every letter and decision, the desks&apos; work and the events
          you injected. With names and the students&apos; own words (letters and grounds):{" "}
          <a href={`/api/runs/${run.id}/export?format=csv`} className="text-accent underline">
            CSV
          </a>{" "}
          ·{" "}
          <a href={`/api/runs/${run.id}/export?format=xes`} className="text-accent underline">
            XES
          </a>
          . With seat labels instead of names, without their words:{" "}
          <a href={`/api/runs/${run.id}/export?format=csv&names=seats`} className="text-accent underline">
            CSV
          </a>{" "}
          ·{" "}
          <a href={`/api/runs/${run.id}/export?format=xes&names=seats`} className="text-accent underline">
            XES
          </a>{" "}
          · with their words:{" "}
          <a href={`/api/runs/${run.id}/export?format=csv&names=seats&texts=yes`} className="text-accent underline">
            CSV
          </a>{" "}
          ·{" "}
          <a href={`/api/runs/${run.id}/export?format=xes&names=seats&texts=yes`} className="text-accent underline">
            XES
          </a>
          .
        </p>
      </section>
    </div>
  );
}
