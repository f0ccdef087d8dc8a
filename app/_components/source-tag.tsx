import Link from "next/link";
import { SOURCES, type SourceKey } from "@/lib/sources";

const TAG =
  "ml-1 inline-block whitespace-nowrap rounded border border-line bg-canvas px-1.5 py-0.5 align-baseline text-xs font-medium text-muted";

/**
 * A claim's source, shown beside it: links to the sources page. Where the
 * sources are silent, the claim is labelled as this game's invention.
 */
export function SourceTag({
  source,
  newTab = false,
}: {
  source: SourceKey | "invented";
  /** inside a form: open the sources page in a new tab, so nothing typed is lost */
  newTab?: boolean;
}) {
  if (source === "invented") return <span className={TAG}>invented for this game</span>;
  return (
    <Link
      href={`/sources#${source}`}
      className={`${TAG} no-underline hover:text-accent`}
      {...(newTab ? { target: "_blank", rel: "noopener" } : {})}
    >
      <span className="sr-only">Source: </span>
      {SOURCES[source].short}
      {newTab ? <span className="sr-only"> (opens in a new tab)</span> : null}
    </Link>
  );
}
