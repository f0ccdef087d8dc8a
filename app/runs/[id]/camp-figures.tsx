import { SourceTag } from "@/app/_components/source-tag";
import type { CampConsoleView } from "@/lib/runs/camp/camp-views";

const n = (x: number) => x.toLocaleString("en-GB");

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
          <thead>
            <tr className="border-b border-line">
              <th scope="col" className="py-1 pr-3">
                Queue
              </th>
              <th scope="col" className="py-1 pr-3">
                Waiting
              </th>
              <th scope="col" className="py-1 pr-3">
                Mean wait so far (days)
              </th>
              <th scope="col" className="py-1">
                Source
              </th>
            </tr>
          </thead>
          <tbody>
            {camp.stages.map((s) => (
              <tr key={s.stage} className="border-b border-line/60">
                <th scope="row" className="py-1 pr-3 font-normal">
                  {s.label}
                </th>
                <td className="py-1 pr-3 tabular-nums">{n(s.waiting)}</td>
                <td className="py-1 pr-3 tabular-nums">{s.meanWaitDays}</td>
                <td className="py-1">
                  <SourceTag source={s.source} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="overflow-x-auto">
        <table className="w-full text-left">
          <caption className="text-left font-semibold">
            The camp beside the source&apos;s tallies (scaled to this camp)
          </caption>
          <thead>
            <tr className="border-b border-line">
              <th scope="col" className="py-1 pr-3">
                Date
              </th>
              <th scope="col" className="py-1 pr-3">
                What it marks
              </th>
              <th scope="col" className="py-1 pr-3">
                Freed here
              </th>
              <th scope="col" className="py-1">
                The source
              </th>
            </tr>
          </thead>
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
              <tr key={o.label} className="border-b border-line/60">
                <th scope="row" className="py-1 pr-3 font-normal">
                  {o.label}
                </th>
                <td className="py-1 pr-3 tabular-nums">{n(o.count)}</td>
                <td className="py-1">
                  <SourceTag source={o.source} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
