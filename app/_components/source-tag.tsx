import Link from "next/link";
import { SOURCES, type SourceKey } from "@/lib/sources";

/** A claim's source, shown beside it: links to the sources page. */
export function SourceTag({ source }: { source: SourceKey }) {
  return (
    <Link
      href={`/sources#${source}`}
      className="ml-1 inline-block whitespace-nowrap rounded border border-line bg-canvas px-1.5 py-0.5 align-baseline text-xs font-medium text-muted no-underline hover:text-accent"
    >
      <span className="sr-only">Source: </span>
      {SOURCES[source].short}
    </Link>
  );
}
