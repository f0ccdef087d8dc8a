import { Link } from "@/app/_components/link";
import {
  CONFLICT_KIND_LABELS,
  conflictFor,
  conflictHref,
  conflictSummary,
  type ConflictId,
} from "@/lib/sources/conflicts";

/**
 * Beside a figure the sources disagree about: what each source says, and a
 * link to the conflict on the sources page. The app shows the conflict rather
 * than silently picking one figure (../shared/domain/README.md).
 */
export function SourceConflict({
  id,
  newTab = false,
  className = "",
}: {
  id: ConflictId;
  /** inside a form: open the sources page in a new tab, so nothing typed is lost */
  newTab?: boolean;
  className?: string;
}) {
  const conflict = conflictFor(id);
  return (
    // A span (shown as a block), so it can sit inside a paragraph or a definition.
    <span className={`block text-sm text-muted ${className}`}>
      <strong className="font-semibold text-ink">{CONFLICT_KIND_LABELS[conflict.kind]}:</strong>{" "}
      {conflictSummary(conflict)}.{" "}
      <Link
        href={conflictHref(id)}
        className="text-accent underline"
        {...(newTab ? { target: "_blank", rel: "noopener" } : {})}
      >
        Why<span className="sr-only"> — {conflict.topic}</span>
        {newTab ? <span className="sr-only"> (opens in a new tab)</span> : null}
      </Link>
    </span>
  );
}
