import type { ReactNode } from "react";
import { KEY_FIGURE_LABELS, type KeyFigures } from "@/lib/runs/debrief/debrief";

/** Runs side by side, one row per key figure (the lab's comparison, the debrief's what-if). */
export function KeyFiguresTable({
  caption,
  columns,
}: {
  caption?: ReactNode;
  columns: { key: string | number; header: ReactNode; figures: KeyFigures; emphasis?: boolean }[];
}) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full max-w-4xl text-left">
        {caption ? <caption className="mb-2 text-left font-semibold">{caption}</caption> : null}
        <thead>
          <tr className="border-b border-line">
            <th scope="col" className="py-1 pr-3">
              Figure
            </th>
            {columns.map((c) => (
              <th key={c.key} scope="col" className="py-1 pr-3 text-right align-bottom">
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {(Object.keys(KEY_FIGURE_LABELS) as (keyof KeyFigures)[]).map((k) => (
            <tr key={k} className="border-b border-line/60">
              <th scope="row" className="py-1 pr-3 font-normal">
                {KEY_FIGURE_LABELS[k]}
              </th>
              {columns.map((c) => (
                <td key={c.key} className={`py-1 pr-3 text-right tabular-nums ${c.emphasis ? "font-semibold" : ""}`}>
                  {c.figures[k].toLocaleString("en")}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
