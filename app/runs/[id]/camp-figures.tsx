import type { ReactNode } from "react";
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
        <strong>
          {n(news.freed)} of {n(news.qualifying)} covered by the decree freed ({Math.round(camp.freedShare * 100)}%).
        </strong>{" "}
        {news.headline} <SourceTag source="alexopoulos-1945" />
      </p>
      <div className="overflow-x-auto">
        <table className="w-full text-left">
          <caption className="text-left font-semibold">Where people wait now</caption>
          <HeadRow columns={["Queue", "Waiting", "Mean wait of those who moved on (days)", "Source"]} />
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
                <td className="py-1 pr-3 tabular-nums">{t.freed === null ? "—" : n(t.freed)}</td>
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

/**
 * The camp on the projector: one 1920×1080 screen, large type — the key
 * counts and the queues on the left, the source's tallies and the strip for
 * late arrivals on the right.
 */
export function CampPresenter({ camp, lateArrivals }: { camp: CampConsoleView; lateArrivals: ReactNode }) {
  const { news } = camp;
  return (
    <div className="grid min-h-0 flex-1 grid-cols-[1fr_34rem] gap-6">
      <section aria-labelledby="present-camp" className="card min-h-0 space-y-3 overflow-hidden">
        <h2 id="present-camp" className="text-2xl font-semibold">
          The camp: who has gone where
        </h2>
        <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1 text-2xl">
          <dt>Covered by the decree</dt>
          <dd className="text-right font-bold tabular-nums">{n(news.qualifying)}</dd>
          <dt>Freed (passport issued)</dt>
          <dd className="text-right font-bold tabular-nums">
            {n(news.freed)} ({Math.round(camp.freedShare * 100)}%)
          </dd>
          <dt>Left the camp</dt>
          <dd className="text-right font-bold tabular-nums">{n(news.left)}</dd>
          <dt>Kept on as “voluntary” labour</dt>
          <dd className="text-right font-bold tabular-nums">{n(news.keptOn)}</dd>
          <dt>New prisoners since the decree</dt>
          <dd className="text-right font-bold tabular-nums">{n(news.newPrisoners)}</dd>
        </dl>
        <h3 className="pt-2 text-2xl font-semibold">Waiting now</h3>
        <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1 text-xl">
          {camp.stages.map((s) => (
            <div key={s.stage} className="contents">
              <dt>{s.label}</dt>
              <dd className="text-right font-bold tabular-nums">{n(s.waiting)}</dd>
            </div>
          ))}
        </dl>
        <p className="text-base">
          <SourceTag source="alexopoulos-1945" />
        </p>
      </section>
      <aside className="flex min-h-0 flex-col gap-4">
        <section aria-labelledby="present-tallies" className="card space-y-2">
          <h2 id="present-tallies" className="text-2xl font-semibold">
            Beside the source (scaled)
          </h2>
          <dl className="grid grid-cols-[1fr_auto_auto] gap-x-4 gap-y-1 text-xl">
            {camp.tallies
              .filter((t) => t.historical !== null)
              .map((t) => (
                <div key={t.date} className="contents">
                  <dt>{t.label}</dt>
                  <dd className="text-right tabular-nums">{t.freed === null ? "—" : n(t.freed)}</dd>
                  <dd className="text-right text-muted tabular-nums">{n(t.historical!)}</dd>
                </div>
              ))}
          </dl>
          <p className="text-base text-muted">Here · the source, scaled to this camp</p>
        </section>
        {lateArrivals}
      </aside>
    </div>
  );
}
