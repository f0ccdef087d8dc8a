"use client";

import { useEffect, useState } from "react";
import { SourceTag } from "@/app/_components/source-tag";
import { Term } from "@/app/_components/term";
import type { ControlResponse, SoloControlRequest } from "@/lib/api-types";
import { simDate } from "@/lib/runs/clock";
import type { ClockView, SeatView } from "@/lib/runs/seat-view/views";

const SPEEDS = [7, 30, 60, 120];

/** The runs this browser has played alone, for "continue where you left off" on the Explore page. */
export const SOLO_RUNS_KEY = "spravka-solo-runs";
export type SoloRunNote = { runId: string; title: string; role: string; at: number };

/** A self-guided player's clock: pause, resume, speed, skip a month, end (the server checks it is their run). */
export function SoloControls({
  run,
  role,
  clock,
}: {
  run: { id: string; scenarioTitle: string };
  role: SeatView["seat"]["role"];
  clock: ClockView;
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
    try {
      const response = await fetch(`/api/runs/${runId}/solo`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
      const result = (await response.json()) as ControlResponse;
      if (!result.ok) setError(result.error.message);
    } catch {
      setError("Could not reach the server. Check your connection and try again.");
    } finally {
      setPending(false);
    }
  }

  if (clock.status !== "running" && clock.status !== "paused") return null;
  const monthOn = Math.min(clock.horizonDays, Math.floor(clock.simDay) + 30);
  return (
    <section aria-labelledby="solo-clock-heading" className="card space-y-3 print:hidden">
      <h2 id="solo-clock-heading" className="font-semibold">
        Your clock
      </h2>
      <div className="flex flex-wrap items-end gap-3">
        {clock.status === "running" ? (
          <button
            type="button"
            className="btn btn-primary"
            disabled={pending}
            onClick={() => void control({ action: "pause" })}
          >
            Pause
          </button>
        ) : (
          <button
            type="button"
            className="btn btn-primary"
            disabled={pending}
            onClick={() => void control({ action: "resume" })}
          >
            Resume
          </button>
        )}
        <div>
          <label htmlFor="solo-speed" className="field-label">
            Speed
          </label>
          <select
            id="solo-speed"
            className="field-input"
            value={SPEEDS.includes(clock.speed) ? clock.speed : ""}
            disabled={pending}
            onChange={(e) => void control({ action: "setSpeed", speed: Number(e.target.value) })}
          >
            {SPEEDS.includes(clock.speed) ? null : <option value="">{clock.speed} days a minute</option>}
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s === 7 ? "A week a minute" : `${s} days a minute`}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          className="btn btn-secondary"
          disabled={pending || monthOn <= clock.simDay}
          onClick={() => void control({ action: "jump", toDate: simDate(clock.startDate, monthOn) })}
        >
          Skip ahead a month
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
      {error ? (
        <p role="alert" className="text-sm font-medium text-danger">
          {error}
        </p>
      ) : null}
    </section>
  );
}

/** What am I, what can I do, what should I watch for: open on arrival, one click to fold away. */
export function GuidedStart({ role }: { role: "petitioner" | "procurator" }) {
  return (
    <details open className="card print:hidden">
      <summary className="cursor-pointer text-lg font-semibold">How to play alone</summary>
      <dl className="mt-3 space-y-3">
        <div>
          <dt className="font-semibold">Who am I?</dt>
          <dd>
            {role === "petitioner" ? (
              <>
                A prisoner sentenced under <Term id="article-58">article 58</Term>, or a relative writing for one, in
                1954. The computer plays everyone else: other prisoners, clerks, procurators and courts.
              </>
            ) : (
              <>
                A procurator on a <Term id="commission">review commission</Term> set up after 19 May 1954. The computer
                plays the prisoners writing in, the clerks, the other procurators and the courts.
              </>
            )}
          </dd>
        </div>
        <div>
          <dt className="font-semibold">What can I do?</dt>
          <dd>
            {role === "petitioner"
              ? "Write letters — choose to whom, on what grounds and how they travel — and, once cleared, ask for your spravka. Then wait, and read what comes back."
              : "Work your files within the day's hours: request originals, check testimony, read, and decide from the May 19 menu with written grounds."}{" "}
            The clock runs by itself; pause it, speed it up or skip ahead a month below.
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
      </dl>
    </details>
  );
}
