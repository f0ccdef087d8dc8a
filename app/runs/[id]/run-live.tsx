"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { StreamBadge, useLiveStream } from "@/app/_components/use-live-stream";
import type { ClockView } from "@/lib/runs/seat-view/views";

/**
 * The instructor's live link: shows the clock as it moves and refreshes the
 * server-rendered page (seats, figures) when the run changes, at most once a
 * second however busy the class is.
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
  const lastRefresh = useRef(0);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  // Refreshing while the server is away would make Next.js fall back to a full page load, and the
  // projector would show the browser's "site can't be reached" page. So the page keeps its last
  // picture until the stream is live again, then refreshes once.
  const live = useRef(false);
  const wanted = useRef(false);
  const refresh = () => {
    if (!live.current) {
      wanted.current = true;
      return;
    }
    if (pending.current) return;
    const wait = Math.max(0, 1000 - (Date.now() - lastRefresh.current));
    pending.current = setTimeout(() => {
      pending.current = null;
      if (!live.current) {
        wanted.current = true;
        return;
      }
      lastRefresh.current = Date.now();
      router.refresh();
    }, wait);
  };
  const { status, retry } = useLiveStream(`/api/runs/${runId}/events`, {
    clock: (next) => {
      if (next.status !== clock.status) refresh();
      setClock(next);
    },
    run: () => refresh(),
    closed: () => router.push("/runs"),
  });
  useEffect(() => {
    live.current = status === "live";
    if (live.current && wanted.current) {
      wanted.current = false;
      refresh();
    }
  });
  useEffect(
    () => () => {
      if (pending.current) clearTimeout(pending.current);
    },
    [],
  );
  return (
    <div className="flex flex-wrap items-center gap-4">
      <p className={`font-typewriter font-bold ${size === "huge" ? "text-6xl" : "text-2xl"}`}>
        <span className="sr-only">Simulated date: </span>
        <time dateTime={clock.date}>{clock.dateLabel}</time>
      </p>
      <p className="text-muted">
        Day {Math.floor(clock.simDay)} of {clock.horizonDays} · {clock.speed} {clock.speed === 1 ? "day" : "days"} per
        minute
      </p>
      <StreamBadge status={status} retry={retry} />
    </div>
  );
}
