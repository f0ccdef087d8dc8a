import { Link } from "@/app/_components/link";
import { SOURCE_SHORT_NAMES } from "@/lib/source-names";
import type { SourceKey } from "@/machines/vocabulary";

const TAG =
  "ml-1 inline-block whitespace-nowrap rounded border border-line bg-canvas px-1.5 py-0.5 align-baseline text-xs font-medium text-muted";

/**
 * A claim's source, shown beside it: links to the sources page. Where the
 * sources are silent, the claim is labelled as this game's invention; an
 * invented text that acts out something a source reports (a memo no archive
 * holds, about a pressure that is on record) names that source as its basis,
 * so the words are never passed off as the source's.
 */
export function SourceTag({
  source,
  basis,
  newTab = false,
}: {
  source: SourceKey | "invented";
  /** for an invented text: the source for what it is based on */
  basis?: SourceKey;
  /** inside a form: open the sources page in a new tab, so nothing typed is lost */
  newTab?: boolean;
}) {
  const target = newTab ? { target: "_blank", rel: "noopener" } : {};
  const opensNewTab = newTab ? <span className="sr-only"> (opens in a new tab)</span> : null;
  if (source === "invented") {
    return (
      <>
        <span className={TAG}>invented for this game</span>
        {basis ? (
          <Link href={`/sources#${basis}`} className={`${TAG} no-underline hover:text-accent`} {...target}>
            based on {SOURCE_SHORT_NAMES[basis]}
            {opensNewTab}
          </Link>
        ) : null}
      </>
    );
  }
  return (
    <Link href={`/sources#${source}`} className={`${TAG} no-underline hover:text-accent`} {...target}>
      <span className="sr-only">Source: </span>
      {SOURCE_SHORT_NAMES[source]}
      {opensNewTab}
    </Link>
  );
}
