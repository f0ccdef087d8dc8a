import { StreamBadge, type StreamStatus } from "@/app/_components/use-live-stream";
import { statusText } from "@/app/_components/clock-status";
import type { ReactNode } from "react";
import type { ClockView } from "@/lib/runs/seat-view/views";
import { playerName } from "@/lib/runs/seat-view/player-name";

/**
 * The top of every seat's page, whatever the run plays: who the student is
 * (the run, the seat and its role, their name), whether the live stream is
 * up (or why the server closed it), and the simulated date with the
 * clock's status.
 */
export function SeatTop({
  context,
  seatNumber,
  roleName,
  displayName,
  stream,
  closed,
  clock,
  solo,
  controls = null,
}: {
  /** "Period 3 · Rostov…": the run and what it plays */
  context: string;
  seatNumber: number;
  roleName: string;
  displayName: string;
  /** the live stream's state and how to retry it; null for a read-only view with no stream */
  stream: { status: StreamStatus; retry: () => void } | null;
  /** why the server closed this seat's stream (moved to another browser, removed), or null */
  closed: string | null;
  clock: ClockView;
  solo: boolean;
  /** a player alone steers the clock from here: beside the date it moves, and one card less on a phone */
  controls?: ReactNode;
}) {
  return (
    <>
      <header className="print:hidden">
        {/* The stream's badge shares the first line with the run's name: one row less on a phone. */}
        <div className="flex items-start justify-between gap-3">
          <p className="text-muted">{context}</p>
          {/* Once the run is over nothing more arrives live, so "Live" would promise what will not come. */}
          {stream && clock.status !== "debrief" && clock.status !== "archived" ? (
            <div className="shrink-0">
              <StreamBadge status={closed ? "closed" : stream.status} retry={closed ? undefined : stream.retry} />
            </div>
          ) : null}
        </div>
        <h1 className="text-3xl font-bold">
          Seat {seatNumber}: {roleName}
        </h1>
        {/* Alone, the line above already says so ("Exploring alone"), and the seat's name is nobody's. */}
        {playerName(displayName, solo) === null ? null : <p className="text-muted">Playing as {displayName}</p>}
      </header>

      {closed ? (
        <p role="alert" className="rounded-md border border-danger/40 bg-danger-soft px-4 py-3 font-medium text-danger">
          {closed}{" "}
          <a href="/join" className="underline">
            Rejoin
          </a>
        </p>
      ) : null}

      <section
        aria-labelledby="clock-heading"
        className="card flex flex-wrap items-center justify-between gap-3 !p-4 sm:!p-6 print:hidden"
      >
        <div>
          <h2 id="clock-heading" className="text-sm font-semibold uppercase tracking-wider text-muted">
            Simulated date
          </h2>
          <p className="font-typewriter text-3xl font-bold">
            <time dateTime={clock.date}>{clock.dateLabel}</time>
          </p>
          <p className="text-muted">
            Day {Math.floor(clock.simDay)} of {clock.horizonDays}
          </p>
        </div>
        <p className="rounded-md bg-accent-soft px-3 py-2 font-semibold text-accent-strong">
          {statusText(clock, solo)}
        </p>
        {controls}
      </section>
    </>
  );
}
