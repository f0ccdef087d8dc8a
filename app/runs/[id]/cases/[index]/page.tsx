import type { Metadata } from "next";
import { Link } from "@/app/_components/link";
import { notFound } from "next/navigation";
import { Document } from "@/app/_components/document";
import { StepsTable } from "@/app/_components/steps-table";
import { requireInstructorPage } from "@/lib/authz";
import { caseLabel } from "@/lib/runs/case-label";
import { logRows } from "@/lib/runs/exports/exports";
import { getRunForOwner } from "@/lib/runs/store/queries";
import { isCampRun } from "@/lib/runs/camp/camp-scenario";
import { loadRunHistory } from "@/lib/runs/history/run-history";
import { ORGAN_LABELS, OUTCOME_LABELS } from "@/lib/labels";
import { scenarioOfRun } from "@/lib/runs/store/custom-scenarios";

export const metadata: Metadata = { title: "A case's timeline" };

/** Any case's full timeline, every step with its date and who took it. */
export default async function CasePage({ params }: PageProps<"/runs/[id]/cases/[index]">) {
  const { id, index } = await params;
  const user = await requireInstructorPage(`/runs/${id}/cases/${index}`);
  const run = await getRunForOwner(user, id);
  // A 1945 camp has prisoners, not the review's cases (ADR 0024).
  if (!run || run.status === "lobby" || isCampRun(run)) notFound();
  const history = await loadRunHistory(run.id);
  // "Case 0417" is case index 416; anything else is not a case of this run.
  const number = /^\d{1,7}$/.test(index) ? Number(index) : NaN;
  if (!(number >= 1 && number <= history.world.caseCount)) notFound();
  const i = number - 1;
  const scenario = scenarioOfRun(run)!;
  const events = history.events.filter((e) => e.caseIndex === i);
  const rows = logRows({ events, world: history.world }, scenario.startDate, run.seats);
  const facts = history.world.caseFacts(i);
  const { outcome } = history.world.caseState(i);
  return (
    <div className="space-y-6">
      <p>
        <Link href={`/runs/${run.id}`} className="text-accent">
          ← Back to the console
        </Link>
      </p>
      <Document
        id="case"
        title={caseLabel(i)}
        meta={[
          ["Article", facts.article],
          ["Sentenced by", ORGAN_LABELS[facts.organ]],
          ["Term", `${facts.termYears} years`],
          ["Persons", String(facts.persons)],
          ["Now", OUTCOME_LABELS[outcome]],
        ]}
      >
        {rows.length === 0 ? (
          <p className="font-sans">Nothing has happened to this case yet: nobody has written and no list has come.</p>
        ) : (
          <div className="font-sans">
            <StepsTable
              caption={`Every step of ${caseLabel(i)}`}
              steps={rows.map((r) => ({
                date: r.timestamp,
                dateLabel: r.timestamp.slice(0, 10),
                what: r.activity,
                who: r.resource,
              }))}
              paper
            />
          </div>
        )}
      </Document>
    </div>
  );
}
