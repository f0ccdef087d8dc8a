import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { Link } from "@/app/_components/link";
import { cookies } from "next/headers";
import { SEAT_COOKIE } from "@/lib/runs/policy";
import { getHeldSeat } from "@/lib/runs/seats/seat-access";
import { JoinForm, RejoinForm } from "./join-forms";

export const metadata: Metadata = { title: "Join a class" };

export default async function JoinPage({ searchParams }: PageProps<"/join">) {
  const { code, rejoin } = await searchParams;
  const prefill = typeof code === "string" ? code.slice(0, 12) : "";
  // A self-guided player's resume link carries both codes (app/play/[runId]/seat-desk.tsx).
  const rejoinPrefill = typeof rejoin === "string" ? rejoin.slice(0, 12) : "";
  const held = await getHeldSeat((await cookies()).get(SEAT_COOKIE)?.value);
  if (rejoinPrefill) {
    // A resume link (from a run played alone, or a code someone wrote down as a link): the way back only,
    // without the class's join form and its talk of a teacher.
    return (
      <div className="mx-auto max-w-xl space-y-8">
        <h1 className="text-3xl font-bold">Return to your run</h1>
        <section className="card space-y-4" aria-labelledby="rejoin-heading">
          <h2 id="rejoin-heading" className="text-xl font-semibold">
            Back to your seat
          </h2>
          <p className="text-muted">Your resume link carries the run&rsquo;s code and your rejoin code.</p>
          <RejoinForm code={prefill} rejoinCode={rejoinPrefill} codeLabel="Run code" />
        </section>
        <p>
          <Link href="/join" className="text-accent underline">
            Joining a class instead?
          </Link>
        </p>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-xl space-y-8">
      <h1 className="text-3xl font-bold">Join a class</h1>
      {held ? (
        <p className="card">
          This browser already has seat {held.number} in <strong>{held.runTitle}</strong>.{" "}
          <Link href={`/play/${held.runId}`} className="font-semibold text-accent">
            Go to your seat
          </Link>
        </p>
      ) : null}
      <section className="card space-y-4" aria-labelledby="join-heading">
        <h2 id="join-heading" className="text-xl font-semibold">
          New seat
        </h2>
        <JoinForm code={prefill} requestId={randomUUID()} />
      </section>
      <section className="card space-y-4" aria-labelledby="rejoin-heading">
        <h2 id="rejoin-heading" className="text-xl font-semibold">
          Back to your seat
        </h2>
        <p className="text-muted">
          On another device, or after clearing your browser: type the class code and the rejoin code your seat showed
          you.
        </p>
        <RejoinForm code={prefill} rejoinCode={rejoinPrefill} />
      </section>
    </div>
  );
}
