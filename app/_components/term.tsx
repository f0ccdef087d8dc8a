import { Link } from "@/app/_components/link";
import { glossaryEntry } from "@/lib/glossary";

/**
 * A term of the time, linked to its glossary entry; the short explanation is
 * also its title (a hover hint). Throws at build time for an unknown id, so a
 * typo cannot ship a dead link.
 */
export function Term({ id, children }: { id: string; children: React.ReactNode }) {
  const entry = glossaryEntry(id);
  if (!entry) throw new Error(`No glossary entry "${id}".`);
  return (
    <Link href={`/glossary#${id}`} className="underline decoration-dotted underline-offset-2" title={entry.text}>
      {children}
    </Link>
  );
}
