"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { StreamBadge, useLiveStream } from "@/app/_components/use-live-stream";
import { useSafeRefresh } from "@/app/_components/use-safe-refresh";
import { statusText } from "@/app/_components/clock-status";
import type { ClockView } from "@/lib/runs/seat-view/views";

/**
 * The instructor's live link: shows the clock as it moves and refreshes the
 * server-rendered page (seats, figures) when the run changes, at most once a
 * second however busy the class is, and never while the server is away
 * (useSafeRefresh).
 */
export function RunLive({
  runId,
  initialClock,
  size = "normal",
}: {
  runId: string;
  initialClock: ClockView;
  /** "huge" on the presenter screen: the date readable from the back row */
  size?: "normal" | "huge";
}) {
  const router = useRouter();
  const [streamed, setClock] = useState<ClockView | null>(null);
  // Whichever is newer: the last server render or the stream.
  const clock = streamed && streamed.at >= initialClock.at ? streamed : initialClock;
  // The stream's handlers run on its events, after render: by then this holds the current refresh.
  const refreshRef = useRef<() => void>(() => {});
  const { status, retry } = useLiveStream(`/api/runs/${runId}/events`, {
    clock: (next) => {
      if (next.status !== clock.status || next.pausedBy !== clock.pausedBy) refreshRef.current();
      setClock(next);
    },
    run: () => refreshRef.current(),
    closed: () => router.push("/runs"),
  });
  // Never leaves the page: a restarting server leaves the last picture, not the browser's error page.
  const refresh = useSafeRefresh(status === "live");
  useEffect(() => {
    refreshRef.current = refresh;
  });
  return (
    <div className="flex flex-wrap items-center gap-4">
      <p className={`font-typewriter font-bold ${size === "huge" ? "text-6xl" : "text-2xl"}`}>
        <span className="sr-only">Simulated date: </span>
        <time dateTime={clock.date}>{clock.dateLabel}</time>
      </p>
      <p className="text-muted">
        Day {Math.floor(clock.simDay)} of {clock.horizonDays} · {clock.speed} {clock.speed === 1 ? "day" : "days"} per
        minute
        {clock.status === "paused" ? <strong className="ml-2 text-ink">{statusText(clock, false)}</strong> : null}
      </p>
      <StreamBadge status={status} retry={retry} />
    </div>
  );
}
