import { SourceTag } from "@/app/_components/source-tag";
import type { CampConsoleView } from "@/lib/runs/camp/camp-views";
import type { SourceKey } from "@/lib/sources";

const n = (x: number) => x.toLocaleString("en-GB");

/** A row: what it counts, its figures, and the source it rests on. */
function SourcedRow({ label, figures, source }: { label: string; figures: string[]; source: SourceKey }) {
  return (
    <tr className="border-b border-line/60">
      <th scope="row" className="py-1 pr-3 font-normal">
        {label}
      </th>
      {figures.map((f, k) => (
        <td key={k} className="py-1 pr-3 tabular-nums">
          {f}
        </td>
      ))}
      <td className="py-1">
        <SourceTag source={source} />
      </td>
    </tr>
  );
}

/** A table's column headings, the last one without right padding. */
function HeadRow({ columns }: { columns: string[] }) {
  return (
    <thead>
      <tr className="border-b border-line">
        {columns.map((c, k) => (
          <th key={c} scope="col" className={k < columns.length - 1 ? "py-1 pr-3" : "py-1"}>
            {c}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/**
 * A 1945 camp run's figures for the console and the debrief: the queues,
 * where people ended up, and the camp beside the source's tallies (scaled
 * to the camp). Tables, so they read on a projector, a phone and paper.
 */
export function CampFigures({ camp, heading = "The camp" }: { camp: CampConsoleView; heading?: string }) {
  const { news } = camp;
  return (
    <section aria-labelledby="camp-heading" className="card space-y-4">
      <h2 id="camp-heading" className="text-xl font-semibold">
        {heading} on {news.dateLabel}
      </h2>
      <p className="text-lg">
        <strong>{n(news.freed)}</strong> of {n(news.qualifying)} prisoners the decree covers have left (
        {Math.round(camp.freedShare * 100)}%); {n(news.waitingInside)} still wait inside. {n(news.newPrisoners)} new
        prisoners have arrived. <SourceTag source="alexopoulos-1945" />
      </p>
      <div className="overflow-x-auto">
        <table className="w-full text-left">
          <caption className="text-left font-semibold">Where people wait now</caption>
          <HeadRow columns={["Queue", "Waiting", "Mean wait so far (days)", "Source"]} />
          <tbody>
            {camp.stages.map((s) => (
              <SourcedRow
                key={s.stage}
                label={s.label}
                figures={[n(s.waiting), String(s.meanWaitDays)]}
                source={s.source}
              />
            ))}
          </tbody>
        </table>
      </div>
      <div className="overflow-x-auto">
        <table className="w-full text-left">
          <caption className="text-left font-semibold">
            The camp beside the source&apos;s tallies (scaled to this camp)
          </caption>
          <HeadRow columns={["Date", "What it marks", "Freed here", "The source"]} />
          <tbody>
            {camp.tallies.map((t) => (
              <tr key={t.date} className="border-b border-line/60">
                <td className="py-1 pr-3">{t.date}</td>
                <td className="py-1 pr-3">{t.label}</td>
                <td className="py-1 pr-3 tabular-nums">{t.freed === null ? "not yet" : n(t.freed)}</td>
                <td className="py-1 tabular-nums">{t.historical === null ? "—" : n(t.historical)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="overflow-x-auto">
        <table className="w-full text-left">
          <caption className="text-left font-semibold">Where people ended up so far</caption>
          <tbody>
            {camp.outcomes.map((o) => (
              <SourcedRow key={o.label} label={o.label} figures={[n(o.count)]} source={o.source} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
