import type { Metadata } from "next";
import { Link } from "@/app/_components/link";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { requireInstructorPage } from "@/lib/authz";
import { joinUrl } from "@/lib/runs/seats/join-url";
import { getRunForOwner } from "@/lib/runs/store/queries";
import { runStore } from "@/lib/runs/store/store";
import { clockView } from "@/lib/runs/seat-view/views";
import { RunLive } from "../run-live";
import { JoinPanel } from "../join-panel";

export const metadata: Metadata = { title: "Join screen" };

/**
 * For the projector: the code, the QR code and the names as they arrive, in
 * type readable from the back row, over the whole screen (no site navigation
 * or account links on the wall).
 */
export default async function JoinScreenPage({ params }: PageProps<"/runs/[id]/join-screen">) {
  const { id } = await params;
  const user = await requireInstructorPage(`/runs/${id}/join-screen`);
  const run = await getRunForOwner(user, id);
  if (!run) notFound();
  const clock = await runStore.readEngine(id, (r, engine) => clockView(r, engine.scenario));
  return (
    <div className="fixed inset-0 z-40 overflow-auto bg-canvas px-6 py-6 sm:px-12 sm:py-10">
      <div className="mx-auto flex min-h-full max-w-[1800px] flex-col gap-8">
        <div className="flex flex-wrap items-center justify-between gap-4">
          <h1 className="text-[clamp(1.5rem,3vw,3rem)] font-bold">{run.title}: join the class</h1>
          <Link href={`/runs/${run.id}`} className="btn btn-secondary">
            Back to the run
          </Link>
        </div>
        {run.joinCode ? (
          <JoinPanel code={run.joinCode} joinUrl={joinUrl(await headers(), run.joinCode)} size="huge" />
        ) : (
          <p className="text-2xl">This run no longer takes new students.</p>
        )}
        <section aria-labelledby="joined-heading" className="space-y-3">
          <h2 id="joined-heading" className="text-[clamp(1.5rem,3vw,3rem)] font-semibold" aria-live="polite">
            {run.seats.length} joined
          </h2>
          <ul className="flex flex-wrap gap-3 text-[clamp(1.1rem,2vw,2rem)]">
            {run.seats.map((seat) => (
              <li key={seat.id} className="rounded-md bg-surface px-3 py-1 shadow-sm">
                {seat.displayName}
              </li>
            ))}
          </ul>
        </section>
        <div className="mt-auto">
          <RunLive runId={run.id} initialClock={clock} />
        </div>
      </div>
    </div>
  );
}
