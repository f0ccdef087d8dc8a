import type { Metadata } from "next";
import { Link } from "@/app/_components/link";
import { notFound } from "next/navigation";
import { SeatDesk } from "@/app/play/[runId]/seat-desk";
import { RoleIntro } from "@/app/play/[runId]/role-intro";
import { requireInstructorPage } from "@/lib/authz";
import { seatDesk } from "@/lib/runs/seat-view/get-seat-view";
import { getRunForOwner } from "@/lib/runs/store/queries";
import { isCampRun } from "@/lib/runs/camp/camp-scenario";
import { clockView, seatViewKey } from "@/lib/runs/seat-view/views";
import { runStore } from "@/lib/runs/store/store";
import { RunLive } from "../../run-live";

export const metadata: Metadata = { title: "A student's desk" };

/** The teacher looks at one student's desk as the student sees it, read-only. */
export default async function SeatPage({ params }: PageProps<"/runs/[id]/seats/[number]">) {
  const { id, number } = await params;
  const user = await requireInstructorPage(`/runs/${id}/seats/${number}`);
  const run = await getRunForOwner(user, id);
  const seat = run?.seats.find((s) => String(s.number) === number);
  // A 1945 camp seat has no desk of cases to show (ADR 0024).
  if (!run || !seat || isCampRun(run)) notFound();
  const desk = await seatDesk(run.id, seat);
  const cases = desk.view.cases.map((c) => c.index);
  const { clock, key } = await runStore.read(run.id, (current, world, scenario) => ({
    clock: clockView(current, scenario),
    key: seatViewKey(world, current.status, seat.role, cases, desk.letters.length),
  }));
  return (
    <div className="space-y-6">
      <header className="space-y-2 print:hidden">
        <p>
          <Link href={`/runs/${run.id}`} className="text-accent">
            ← Back to the console
          </Link>
        </p>
        <p className="card border-accent">
          You are looking at <strong>{seat.displayName}</strong>&rsquo;s desk as they see it. It is read-only: nothing
          here acts for them.
        </p>
        <RunLive runId={run.id} initialClock={clock} />
      </header>
      {/* Remounted when what the student sees changes (its page refreshes as the run moves). */}
      <SeatDesk
        key={key}
        initial={desk.view}
        initialLetters={desk.letters}
        initialProtocols={desk.protocols}
        welcome={false}
        observer
        roleIntro={<RoleIntro role={desk.view.seat.role} />}
      />
    </div>
  );
}
