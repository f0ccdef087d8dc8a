import { SourceTag } from "@/app/_components/source-tag";
import type { ReturnCard, Sourced } from "@/lib/runs/return-card";

const tagOf = (line: Sourced) => <SourceTag source={line.source} {...(line.basis ? { basis: line.basis } : {})} />;

/**
 * What coming home meant for a released person (lib/runs/return-card.ts):
 * where they stand, what release gave, then one row per question (where they
 * can live, passport, work, union, vote, university, exile, spravka), each
 * with its short answer in words and its source. `id` makes the heading's id
 * unique on the page; the heading is an h4, under the reveal's case heading.
 */
export function ReturnCardView({
  card,
  id,
  caseLabel,
}: {
  card: ReturnCard;
  id: string;
  /** names the case for screen readers, where several cards share a page */
  caseLabel?: string;
}) {
  const headingId = `${id}-heading`;
  return (
    <section aria-labelledby={headingId} className="space-y-2 rounded border border-line p-3">
      <h4 id={headingId} className="font-semibold">
        {card.heading}
        {caseLabel ? <span className="sr-only">: {caseLabel}</span> : null}
      </h4>
      <p>
        {card.summary.text}
        {tagOf(card.summary)}
      </p>
      <p>
        <strong>On release: </strong>
        {card.release.text}
        {tagOf(card.release)}
      </p>
      <dl className="grid gap-x-4 gap-y-2 sm:grid-cols-[minmax(8rem,auto)_1fr]">
        {card.rows.map((row) => (
          <div key={row.topic} className="contents">
            <dt className="font-semibold">{row.label}</dt>
            <dd>
              <strong>{row.answer}.</strong> {row.text}
              {tagOf(row)}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
