import type { PipelineView } from "@/lib/runs/console/pipeline";

const days = (d: number | null) => (d === null ? "—" : `${Math.round(d)}`);

/** The pipeline map's figures as a table: what a screen reader reads, and what a teacher can scan. */
export function PipelineTable({ pipeline }: { pipeline: PipelineView }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full max-w-3xl text-left">
        <caption className="sr-only">Cases waiting in each stage now, with how long they have waited</caption>
        <thead>
          <tr className="border-b border-line">
            <th scope="col" className="py-1 pr-3">
              Stage
            </th>
            <th scope="col" className="py-1 pr-3 text-right">
              Cases
            </th>
            {pipeline.waits ? (
              <>
                <th scope="col" className="py-1 pr-3 text-right">
                  Mean wait (days)
                </th>
                <th scope="col" className="py-1 text-right">
                  90% waited less than (days)
                </th>
              </>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {pipeline.stages.map((s) => (
            <tr key={s.stage} className="border-b border-line/60">
              <th scope="row" className="py-1 pr-3 font-normal">
                {s.label}
                {pipeline.worst === s.stage ? <strong className="ml-2 text-danger">the bottleneck</strong> : null}
              </th>
              <td className="py-1 pr-3 text-right tabular-nums">{s.count.toLocaleString("en")}</td>
              {pipeline.waits ? (
                <>
                  <td className="py-1 pr-3 text-right tabular-nums">{days(s.meanWait)}</td>
                  <td className="py-1 text-right tabular-nums">{days(s.p90Wait)}</td>
                </>
              ) : null}
            </tr>
          ))}
          <tr className="border-b border-line/60">
            <th scope="row" className="py-1 pr-3 font-normal">
              No complaint yet, or nobody pursuing it
            </th>
            <td className="py-1 pr-3 text-right tabular-nums">{pipeline.unpursued.toLocaleString("en")}</td>
            {pipeline.waits ? <td colSpan={2} /> : null}
          </tr>
          <tr className="border-b border-line/60">
            <th scope="row" className="py-1 pr-3 font-normal">
              Decided
            </th>
            <td className="py-1 pr-3 text-right tabular-nums">{pipeline.decided.toLocaleString("en")}</td>
            {pipeline.waits ? <td colSpan={2} /> : null}
          </tr>
        </tbody>
      </table>
      {pipeline.branches ? (
        <p className="mt-2 text-sm text-muted">
          Also: {pipeline.branches.exile} still in exile · {pipeline.branches.passportMinus} free with passport
          &ldquo;minuses&rdquo; · {pipeline.branches.psychiatric} sent to the Serbsky Institute · {pipeline.total} cases
          in all.
        </p>
      ) : null}
    </div>
  );
}
