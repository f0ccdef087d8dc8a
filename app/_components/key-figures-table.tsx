import type { ReactNode } from "react";
import { KEY_FIGURE_LABELS } from "@/lib/runs/debrief/debrief";

/** A column: one run's values by row key; null (or a missing key) is a figure that does not apply to that run. */
export type FiguresColumn = {
  key: string | number;
  header: ReactNode;
  values: Readonly<Record<string, string | number | null | undefined>>;
  emphasis?: boolean;
};

/** The debrief's key figures, in their order. */
const KEY_FIGURE_ROWS = Object.entries(KEY_FIGURE_LABELS).map(([key, label]) => ({ key, label }));

/**
 * Runs side by side, one row per figure: the debrief's what-if (its key
 * figures, the default rows) and the lab's comparison (rows of both kinds of
 * run, where a figure that does not apply to a run reads "—").
 */
export function KeyFiguresTable({
  caption,
  rows = KEY_FIGURE_ROWS,
  columns,
}: {
  caption?: ReactNode;
  rows?: readonly { key: string; label: string }[];
  columns: readonly FiguresColumn[];
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
          {rows.map((row) => (
            <tr key={row.key} className="border-b border-line/60">
              <th scope="row" className="py-1 pr-3 font-normal">
                {row.label}
              </th>
              {columns.map((c) => {
                const value = c.values[row.key];
                return (
                  <td key={c.key} className={`py-1 pr-3 text-right tabular-nums ${c.emphasis ? "font-semibold" : ""}`}>
                    {value === null || value === undefined ? (
                      <>
                        <span aria-hidden="true">—</span>
                        <span className="sr-only">does not apply</span>
                      </>
                    ) : (
                      value.toLocaleString("en")
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
