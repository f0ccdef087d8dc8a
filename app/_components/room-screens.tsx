"use client";

import { useEffect, useState } from "react";
import { LESSON_WARNING_MS } from "@/lib/runs/policy";
import type { ClockView } from "@/lib/runs/seat-view/views";

/** The time now, ticking every `everyMs` while the component is shown (for a countdown). */
function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(id);
  }, [everyMs]);
  return now;
}

/** "12 min", "45 s": how long is left, in the largest unit that says it. */
function left(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return s >= 60 ? `${Math.ceil(s / 60)} min` : `${s} s`;
}

/**
 * The lesson's countdown, as the teacher set it: quiet until the last few
 * minutes, then marked, and announced once (not every second) to screen
 * readers.
 */
export function LessonCountdown({ endsAt, large = false }: { endsAt: number | null; large?: boolean }) {
  const now = useNow(1000);
  if (endsAt === null) return null;
  const remaining = endsAt - now;
  const warning = remaining <= LESSON_WARNING_MS;
  const text = remaining <= 0 ? "The lesson time is over." : `Lesson ends in ${left(remaining)}`;
  return (
    <p
      className={`rounded-md px-3 py-2 font-semibold ${large ? "text-3xl" : ""} ${warning ? "bg-danger-soft text-danger" : "bg-accent-soft text-accent-strong"}`}
    >
      <span aria-hidden="true">{text}</span>
      {/* What a screen reader hears: the timer once set, the warning once, the end once. */}
      <span className="sr-only" role="status">
        {remaining <= 0
          ? "The lesson time is over."
          : warning
            ? `Less than ${LESSON_WARNING_MS / 60_000} minutes of the lesson left.`
            : "A lesson timer is running."}
      </span>
    </p>
  );
}

/** The teacher's latest message to the class, on every seat, announced when it arrives. */
export function TeacherNotice({ notice }: { notice: ClockView["room"]["notice"] }) {
  return (
    <div role="status" aria-live="polite">
      {notice ? (
        <section aria-label="Message from your teacher" className="card border-accent">
          <p className="text-sm font-semibold uppercase tracking-wider text-muted">Message from your teacher</p>
          <p className="text-lg font-semibold">{notice.text}</p>
        </section>
      ) : null}
    </div>
  );
}

/**
 * "Eyes up": while the teacher talks, the student's screen is covered with a
 * notice; the desk under it is inert (no typing, no buttons) until released.
 */
export function EyesUpCover({ on }: { on: boolean }) {
  if (!on) return null;
  return (
    <div
      role="alert"
      className="fixed inset-0 z-50 flex items-center justify-center bg-ink/90 p-6 text-center text-surface"
    >
      <div className="max-w-lg space-y-3">
        <p className="text-4xl font-bold">Eyes up</p>
        <p className="text-xl">Your teacher is talking to the class. Your screen comes back when they release it.</p>
      </div>
    </div>
  );
}
