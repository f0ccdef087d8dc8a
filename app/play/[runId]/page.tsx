import type { Metadata } from "next";
import { Link } from "@/app/_components/link";
import { cookies } from "next/headers";
import { getSeatView } from "@/lib/runs/seat-view/get-seat-view";
import { SEAT_COOKIE } from "@/lib/runs/policy";
import { seatReveal } from "@/lib/runs/seat-view/reveal";
import { RevealSection } from "./reveal";
import { SeatDesk } from "./seat-desk";
import { CampSeat } from "./seats";
import { RoleIntro, SoloWho } from "./role-intro";
import { getCampSeat, runIsCamp } from "@/lib/runs/camp/camp-seat";

export const metadata: Metadata = { title: "Your seat" };

export default async function PlayPage({ params, searchParams }: PageProps<"/play/[runId]">) {
  const { runId } = await params;
  const { welcome, nameTaken } = await searchParams;
  const cookie = (await cookies()).get(SEAT_COOKIE)?.value;
  // A 1945 camp run has its own seats: a records clerk's desk or a prisoner's wait (ADR 0024).
  const camp = (await runIsCamp(runId)) ? await getCampSeat(runId, cookie) : null;
  if (camp?.ok) return <CampSeat data={camp.data} welcome={welcome === "1"} />;
  // A camp seat this browser cannot open gets the same answer (and links) as any other seat.
  const result = await getSeatView(runId, cookie);
  if (!result.ok) {
    return (
      <div className="mx-auto max-w-xl space-y-4">
        <h1 className="text-3xl font-bold">You cannot open this seat</h1>
        <p role="alert" className="card">
          {result.error.message}
        </p>
        <p className="flex flex-wrap gap-3">
          {result.otherRunId ? (
            <Link href={`/play/${result.otherRunId}`} className="btn btn-primary">
              Go to your own seat
            </Link>
          ) : null}
          <Link href="/join" className="btn btn-secondary">
            Join or rejoin a class
          </Link>
        </p>
      </div>
    );
  }
  // Once the run has ended, each student sees what really happened to their own cases (null before).
  const reveal = await seatReveal(
    runId,
    result.view.seat,
    result.view.cases.map((c) => c.index),
  );
  return (
    <div className="space-y-8">
      <SeatDesk
        initial={result.view}
        initialLetters={result.letters}
        initialProtocols={result.protocols}
        welcome={welcome === "1"}
        nameTaken={nameTaken === "1"}
        roleIntro={<RoleIntro role={result.view.seat.role} />}
        soloWho={result.view.solo ? <SoloWho role={result.view.seat.role} /> : null}
        reveal={result.view.solo ? reveal : undefined}
      />
      {/* A self-guided run shows its reveal inside its personal debrief. */}
      {reveal && !result.view.solo ? <RevealSection reveal={reveal} /> : null}
    </div>
  );
}
