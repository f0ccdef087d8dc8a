import type { ReactNode } from "react";

/**
 * The archival register (../shared/product.md): letters and official papers
 * as typewritten documents on paper tone — real, selectable text, never an
 * image of text. `meta` is the header block (To, Date, File …).
 */
export function Document({
  title,
  meta = [],
  children,
  headingLevel = 3,
  id,
}: {
  title: string;
  meta?: [label: string, value: ReactNode][];
  children?: ReactNode;
  headingLevel?: 2 | 3 | 4;
  id?: string;
}) {
  const Heading = `h${headingLevel}` as const;
  const headingId = id ? `${id}-title` : undefined;
  return (
    <article aria-labelledby={headingId} className="document h-full space-y-3">
      <Heading id={headingId} className="text-lg font-bold">
        {title}
      </Heading>
      {meta.length > 0 ? (
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
          {meta.map(([label, value]) => (
            <div key={label} className="contents">
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {children}
    </article>
  );
}

/** A document's body in the writer's own words: kept as typed (line breaks included) and always inert text. */
export function DocumentText({ text }: { text: string }) {
  return <p className="whitespace-pre-wrap break-words border-t border-paper-line pt-3">{text}</p>;
}

/** A document's "Date" row, machine-readable for assistive tech. */
export function dateRow(d: { date: string; dateLabel: string }): [string, ReactNode] {
  return [
    "Date",
    <time key="d" dateTime={d.date}>
      {d.dateLabel}
    </time>,
  ];
}
