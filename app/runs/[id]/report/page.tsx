import type { Metadata } from "next";
import { Link } from "@/app/_components/link";
import { notFound } from "next/navigation";
import { requireInstructorPage } from "@/lib/authz";
import { OUTCOME_LABELS } from "@/lib/labels";
import { studentReport } from "@/lib/runs/console/student-report";
import { PrintButton } from "../debrief/prompts-editor";

export const metadata: Metadata = { title: "Per-student report" };

/**
 * The teacher's per-student report: each seat's letters and decision grounds
 * in the student's own words, each case's outcome, each letter's fate and
 * wait. Printable; `?labels=seats` names no student.
 */
export default async function ReportPage({ params, searchParams }: PageProps<"/runs/[id]/report">) {
  const { id } = await params;
  const user = await requireInstructorPage(`/runs/${id}/report`);
  const seatLabels = (await searchParams).labels === "seats";
  const report = await studentReport(user, id, { seatLabels });
  if (!report) notFound();
  return (
    <div className="space-y-6">
      <p className="print:hidden">
        <Link href={`/runs/${id}`} className="text-accent">
          ← Back to the console
        </Link>
      </p>
      <h1 className="text-3xl font-bold">Per-student report: {report.title}</h1>
      <p className="flex flex-wrap items-center gap-3 print:hidden">
        {seatLabels ? (
          <Link href={`/runs/${id}/report`} className="text-accent underline">
            Show display names
          </Link>
        ) : (
          <Link href={`/runs/${id}/report?labels=seats`} className="text-accent underline">
            Show seat labels instead of names
          </Link>
        )}
        <PrintButton />
      </p>
      {report.students.length === 0 ? <p className="card">Nobody took a seat in this run.</p> : null}
      {report.students.map((s) => (
        <section key={s.number} aria-labelledby={`student-${s.number}`} className="card space-y-3 break-inside-avoid">
          <h2 id={`student-${s.number}`} className="text-xl font-semibold">
            {seatLabels ? s.name : `${s.name} · seat ${s.number}`} · {s.role}
          </h2>
          {s.cases.length === 0 ? <p className="text-muted">No case on this seat&rsquo;s desk.</p> : null}
          {s.role === "petitioner" ? (
            <>
              {s.cases.map((c) => (
                <div key={c.label}>
                  <p>
                    <strong>{c.label}</strong>: {c.outcome}
                  </p>
                  {c.fates.length > 0 ? (
                    <ul className="list-disc pl-5">
                      {c.fates.map((f) => (
                        <li key={f}>{f}</li>
                      ))}
                    </ul>
                  ) : null}
                </div>
              ))}
              <h3 className="font-semibold">Letters ({s.letters.length})</h3>
              {s.letters.length === 0 ? <p className="text-muted">No letter written.</p> : null}
              <ol className="space-y-2">
                {s.letters.map((l) => (
                  <li key={l.id}>
                    <p className="text-sm text-muted">
                      {l.dateLabel} · to {l.addresseeLabel} · asking for {l.askLabel} · {l.groundsLabel} ·{" "}
                      {l.carrierLabel}
                    </p>
                    <blockquote className="whitespace-pre-wrap border-l-4 border-line pl-3">{l.body}</blockquote>
                  </li>
                ))}
              </ol>
            </>
          ) : (
            <>
              <p>
                {s.cases.length} files on the desk; {s.cases.filter((c) => c.outcome !== OUTCOME_LABELS.pending).length}{" "}
                decided or closed by the end.
              </p>
              <h3 className="font-semibold">Decisions ({s.decisions.length})</h3>
              {s.decisions.length === 0 ? <p className="text-muted">No decision recorded.</p> : null}
              <ol className="space-y-2">
                {s.decisions.map((d) => (
                  <li key={d.id}>
                    <p className="text-sm text-muted">
                      {d.dateLabel} · {d.caseLabel} · {d.decisionLabel}
                      {d.detail ? ` (${d.detail})` : ""}
                    </p>
                    <blockquote className="whitespace-pre-wrap border-l-4 border-line pl-3">
                      {d.justification}
                    </blockquote>
                  </li>
                ))}
              </ol>
            </>
          )}
        </section>
      ))}
    </div>
  );
}
