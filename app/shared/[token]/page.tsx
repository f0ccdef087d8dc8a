import type { Metadata } from "next";
import { Link } from "@/app/_components/link";
import { notFound } from "next/navigation";
import { getSharedDebrief } from "@/lib/runs/seat-view/shared-debrief";
import { PersonalDebrief } from "@/app/play/[runId]/personal-debrief";

// A shared debrief is for the people it was given to, not for search engines; and no referrer carries its token away.
export const metadata: Metadata = {
  title: "A shared Spravka run",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

/**
 * The read-only debrief behind a share link (ADR 0026): no seat, no codes,
 * no controls. A token that names no ended self-guided run is a 404, the
 * same for a mistyped, a withdrawn or an expired link.
 */
export default async function SharedDebriefPage({ params }: PageProps<"/shared/[token]">) {
  const { token } = await params;
  const shared = await getSharedDebrief(token);
  if (!shared) notFound();
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <p className="font-typewriter text-sm uppercase tracking-widest text-stamp print:text-ink">
          A simulation run, shared read-only
        </p>
        <h1 className="text-3xl font-bold">
          A {shared.role === "procurator" ? "procurator's" : "petitioner's"} run: {shared.scenarioTitle}
        </h1>
        <p className="max-w-3xl text-muted">
          Someone played this run of Spravka alone and shared its debrief. Spravka is a classroom simulation of the
          1954–55 review of article 58 cases: the cases and people are invented; the rules and many figures come from
          the sources named beside each claim.
        </p>
      </header>
      <PersonalDebrief
        role={shared.role}
        rows={shared.rows}
        personal={shared.personal}
        reveal={shared.reveal}
        protocols={shared.protocols}
        sharedToken={token}
      />
      <p className="print:hidden">
        <Link href="/explore" className="text-accent underline">
          Play a run yourself
        </Link>
      </p>
    </div>
  );
}
