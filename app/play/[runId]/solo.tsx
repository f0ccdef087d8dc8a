"use client";

import { useEffect, useState, useSyncExternalStore, type ReactNode } from "react";
import { postJson, UNREACHABLE } from "@/app/_components/post-json";
import { SourceTag } from "@/app/_components/source-tag";
import type { ControlResponse, SoloControlRequest } from "@/lib/api-types";
import { simDate } from "@/lib/runs/calendar";
import type { ClockView, SeatView } from "@/lib/runs/seat-view/views";
import type { SpravkaReach } from "@/lib/runs/seat-view/spravka-reach";
import { SOLO_RUNS_KEY, type SoloRunNote } from "./solo-runs";
import { SKIP_AHEAD_MAX_DAYS, SOLO_PACES, SOLO_WATCHING_PACE } from "@/lib/runs/policy";

/** The paces offered: those a run can start at, and faster ones for watching the machine run. */
const PACES = [...SOLO_PACES, SOLO_WATCHING_PACE];
const SPEEDS: readonly number[] = PACES.map((p) => p.daysPerMinute);
const paceName = (speed: number) => PACES.find((p) => p.daysPerMinute === speed)?.name ?? `${speed} days a minute`;

/**
 * A self-guided player's clock: pause (and go on working while paused), resume,
 * pace, skip ahead to the next news or by a month, end. The server checks it is their run.
 */
export function SoloControls({
  run,
  role,
  clock,
  camp = false,
}: {
  run: { id: string; scenarioTitle: string };
  role: SeatView["seat"]["role"];
  clock: ClockView;
  /** a 1945 camp: its clock skips by the month only */
  camp?: boolean;
}) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const runId = run.id;

  // Remember this run in this browser, so the Explore page can offer it again.
  useEffect(() => {
    try {
      const notes = JSON.parse(localStorage.getItem(SOLO_RUNS_KEY) ?? "[]") as SoloRunNote[];
      const others = notes.filter((n) => n.runId !== runId).slice(0, 9);
      const note = { runId, title: run.scenarioTitle, role, at: Date.now() };
      localStorage.setItem(SOLO_RUNS_KEY, JSON.stringify([note, ...others]));
    } catch {
      // Storage may be off (private mode): the rejoin code still brings the player back.
    }
  }, [runId, run.scenarioTitle, role]);

  async function control(body: SoloControlRequest) {
    setPending(true);
    setError(null);
    const result = await postJson<ControlResponse>(`/api/runs/${runId}/solo`, body);
    if (!result) setError(UNREACHABLE);
    else if (!result.ok) setError(result.error.message);
    setPending(false);
  }

  if (clock.status !== "running" && clock.status !== "paused") return null;
  const monthOn = Math.min(clock.horizonDays, Math.floor(clock.simDay) + 30);
  const paused = clock.status === "paused";
  return (
    // Drawn inside the seat's date card (SeatTop's controls), under the date it moves.
    <section aria-labelledby="solo-clock-heading" className="w-full space-y-3 border-t border-line pt-3 print:hidden">
      {/* On a phone the buttons say what they are: the heading is for screen readers there. */}
      <h2 id="solo-clock-heading" className="font-semibold max-sm:sr-only">
        Your clock
      </h2>
      {/* Two to a row on a phone, so the letter box stays near the top of the page. */}
      <div className="grid grid-cols-2 items-end gap-2 sm:flex sm:flex-wrap sm:gap-3">
        {paused ? (
          <button
            type="button"
            className="btn btn-primary"
            disabled={pending}
            onClick={() => void control({ action: "resume" })}
          >
            Resume
          </button>
        ) : (
          <button
            type="button"
            className="btn btn-primary"
            disabled={pending}
            onClick={() => void control({ action: "pause" })}
          >
            Pause
          </button>
        )}
        <div>
          <label htmlFor="solo-speed" className="field-label">
            Pace
          </label>
          <select
            id="solo-speed"
            className="field-input max-sm:text-sm"
            value={clock.speed}
            disabled={pending}
            onChange={(e) => void control({ action: "setSpeed", speed: Number(e.target.value) })}
          >
            {SPEEDS.includes(clock.speed) ? null : <option value={clock.speed}>{paceName(clock.speed)}</option>}
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {paceName(s)}
              </option>
            ))}
          </select>
        </div>
        {camp ? null : (
          <button
            type="button"
            className="btn btn-secondary col-span-2"
            disabled={pending}
            onClick={() => void control({ action: "skipAhead" })}
          >
            Skip ahead until something happens
          </button>
        )}
        <button
          type="button"
          className="btn btn-secondary"
          disabled={pending || monthOn <= clock.simDay}
          onClick={() => void control({ action: "jump", toDate: simDate(clock.startDate, monthOn) })}
        >
          {/* "Skip a month" on a phone, so it fits on one line; its name stays the same. */}
          <span>
            Skip<span className="max-sm:sr-only"> ahead</span> a month
          </span>
        </button>
        <button
          type="button"
          className="btn btn-secondary"
          disabled={pending}
          onClick={() => void control({ action: "end" })}
        >
          End my run now
        </button>
      </div>
      {paused ? (
        <p className="text-sm">
          {role === "procurator"
            ? `Paused on ${clock.dateLabel}. You can still work your files: what you do counts against that day's hours.`
            : `Paused on ${clock.dateLabel}. You can still write and send a letter: it is dated ${clock.dateLabel} and goes into the post when you resume.`}
        </p>
      ) : null}
      {camp ? null : (
        <p className="text-sm text-muted max-sm:hidden">
          Skipping ahead stops at the first day that brings you news, or after {Math.round(SKIP_AHEAD_MAX_DAYS / 30)}{" "}
          months at most.
        </p>
      )}
      {error ? (
        <p role="alert" className="text-sm font-medium text-danger">
          {error}
        </p>
      ) : null}
    </section>
  );
}

const NARROW = "(max-width: 639px)";
const subscribeToWidth = (onChange: () => void) => {
  const query = window.matchMedia(NARROW);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
};

/**
 * What am I, what can I do, what should I watch for: open on arrival, one
 * click to fold away. On a phone it arrives folded, so the letter box is
 * within two screens; its summary says it is there to read.
 */
export function GuidedStart({
  role,
  who,
  reach,
}: {
  role: "petitioner" | "procurator";
  /** "Who am I?", rendered on the server (role-intro.tsx), so the glossary stays out of this code */
  who: ReactNode;
  /** a petitioner's hope in this scenario (lib/runs/seat-view/spravka-reach.ts) */
  reach?: SpravkaReach;
}) {
  const narrow = useSyncExternalStore(
    subscribeToWidth,
    () => window.matchMedia(NARROW).matches,
    () => false,
  );
  return (
    <details open={!narrow} className="card !p-4 sm:!p-6 print:hidden">
      <summary className="cursor-pointer text-lg font-semibold">
        How to play alone<span className="text-base font-normal text-muted sm:hidden"> — read this first</span>
      </summary>
      <dl className="mt-3 space-y-3">
        <div>
          <dt className="font-semibold">Who am I?</dt>
          <dd>{who}</dd>
        </div>
        <div>
          <dt className="font-semibold">What can I do?</dt>
          <dd>
            {role === "petitioner"
              ? "Write letters — choose to whom, on what grounds and how they travel — and, once cleared, ask for your spravka. Then wait, and read what comes back."
              : "Work your files within the day's hours: request originals, check testimony, read, and decide from the May 19 menu with written grounds."}{" "}
            The clock runs by itself. Pause it whenever you like: you can still{" "}
            {role === "petitioner" ? "write and send" : "work"} while it stands. &ldquo;Skip ahead until something
            happens&rdquo; moves it to the next day that brings you news.
          </dd>
        </div>
        <div>
          <dt className="font-semibold">What should I watch for?</dt>
          <dd>
            {role === "petitioner"
              ? "Where your letter goes (you will not see it), how long nothing happens, and what a decision does and does not give you."
              : "How far your hours go, what the file is missing, and what the memos from above ask of you."}{" "}
            At the end, your run is set beside the historical figures.
            <SourceTag source="adler-ch3" />
          </dd>
        </div>
        <div>
          <dt className="font-semibold">Can I win?</dt>
          <dd>
            {reach
              ? reach.text
              : "There are no points for upholding or for releasing. What you can do is decide your files on their grounds, and see how far one desk gets."}
            <SourceTag source={reach?.source ?? "adler-ch3"} />
          </dd>
        </div>
      </dl>
    </details>
  );
}
