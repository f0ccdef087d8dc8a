import { Link } from "@/app/_components/link";
import { citationText, notRecordedText, SOURCES, type SourceKey } from "@/lib/sources";

/**
 * A source as a bibliography lists it — author, title, where it appeared,
 * year, pages, as far as Spravka's copy records them — with a plain word on
 * what the copy does not record, and a link to everything that rests on it.
 * Never the source's key alone: a student cannot cite "adler-ch3".
 */
export function SourceCitation({ sourceKey }: { sourceKey: SourceKey }) {
  const source = SOURCES[sourceKey];
  const missing = notRecordedText(sourceKey);
  return (
    <>
      <p>
        <cite className="not-italic">{citationText(sourceKey)}</cite>
      </p>
      <p className="text-sm text-muted">
        {source.citation.kind}; {source.weight}.{missing ? ` ${missing}` : ""}{" "}
        <Link href={`/sources#${sourceKey}`} className="text-accent underline">
          How to cite it, and what else rests on it<span className="sr-only"> ({source.short})</span>
        </Link>
      </p>
    </>
  );
}
