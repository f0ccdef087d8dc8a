/** One step of a case: when (ISO date, and as shown), what happened, who took it. */
export type Step = { date: string; dateLabel: string; what: string; who: string };

/**
 * A case's steps as a table: When · What happened · Who. The console's case
 * timeline and a student's reveal at the end both show a case this way;
 * `paper` draws the rules for a page set as a document.
 */
export function StepsTable({
  caption,
  steps,
  paper = false,
}: {
  caption: string;
  steps: readonly Step[];
  paper?: boolean;
}) {
  // Whole class names, so Tailwind finds them in the source.
  const head = paper ? "border-b border-paper-line" : "border-b border-line";
  const row = paper ? "border-b border-paper-line/60" : "border-b border-line/60";
  return (
    <div className="overflow-x-auto">
      <table className={paper ? "w-full text-left" : "w-full text-left text-sm"}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className={head}>
            <th scope="col" className="py-1 pr-3">
              When
            </th>
            <th scope="col" className="py-1 pr-3">
              What happened
            </th>
            <th scope="col" className="py-1">
              Who
            </th>
          </tr>
        </thead>
        <tbody>
          {steps.map((s, k) => (
            <tr key={k} className={row}>
              <td className="py-1 pr-3 whitespace-nowrap">
                <time dateTime={s.date}>{s.dateLabel}</time>
              </td>
              <td className="py-1 pr-3">{s.what}</td>
              <td className="py-1">{s.who}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
