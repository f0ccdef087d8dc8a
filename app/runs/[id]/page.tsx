import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { requireInstructorPage } from "@/lib/authz";
import { STAGE_LABELS } from "@/lib/labels";
import { simDate } from "@/lib/runs/clock";
import { joinUrl } from "@/lib/runs/join-url";
import { getRunForOwner, pausedByRestart } from "@/lib/runs/queries";
import { runStore } from "@/lib/runs/store";
import { clockView } from "@/lib/runs/views";
import { STAGES } from "@/machines/vocabulary";
import { RunStatusBadge } from "../status-badge";
import { ControlForm, EndRunControl } from "./controls";
import { JoinPanel } from "./join-panel";
import { RunLive } from "./run-live";

export const metadata: Metadata = { title: "Run" };

export default async function RunPage({ params }: PageProps<"/runs/[id]">) {
  const { id } = await params;
  const user = await requireInstructorPage(`/runs/${id}`);
  const owned = await getRunForOwner(user, id);
  if (!owned) notFound();
  // Reading through the store moves the clock to now first; its row is the fresh one (the seats do not move with it).
  const { current, clock, tally, startDate } = await runStore.read(id, (current, world, scenario) => ({
    current,
    clock: clockView(current, scenario),
    tally: world.tally(),
    startDate: scenario.startDate,
  }));
  const run = { ...owned, ...current };
  const status = run.status;
  const url = run.joinCode ? joinUrl(await headers(), run.joinCode) : null;
  const live = status === "running" || status === "paused";
  const restarted = status === "paused" && (await pausedByRestart(run.id));
  const byRole = { procurator: 0, petitioner: 0 };
  for (const seat of run.seats) byRole[seat.role as keyof typeof byRole]++;

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <p>
          <Link href="/runs" className="text-accent">
            ← My runs
          </Link>
        </p>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-3xl font-bold">{run.title}</h1>
          <RunStatusBadge status={status} />
        </div>
        <RunLive runId={run.id} initialClock={clock} />
      </header>

      {url && (status === "lobby" || live) ? (
        <section aria-labelledby="join-heading" className={status === "lobby" ? "card space-y-4" : "card space-y-3"}>
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h2 id="join-heading" className="text-xl font-semibold">
              {status === "lobby" ? "Join screen" : "Late arrivals can still join"}
            </h2>
            <Link href={`/runs/${run.id}/join-screen`} className="btn btn-secondary">
              Full-screen join screen for the projector
            </Link>
          </div>
          <JoinPanel code={run.joinCode!} joinUrl={url} />
          <p className="text-lg" aria-live="polite">
            <strong>{run.seats.length}</strong> of {run.procuratorSeats + run.petitionerSeats} seats taken: procurators{" "}
            {byRole.procurator} of {run.procuratorSeats}, petitioners {byRole.petitioner} of {run.petitionerSeats}.
          </p>
        </section>
      ) : null}

      <section aria-labelledby="clock-heading" className="card space-y-4">
        <h2 id="clock-heading" className="text-xl font-semibold">
          Clock
        </h2>
        {status === "lobby" ? (
          <ControlForm runId={run.id} action="start" label="Start">
            <p className="text-muted">Start when your students are in. Late arrivals can still join afterwards.</p>
            <button type="submit" className="btn btn-primary">
              Start the run
            </button>
          </ControlForm>
        ) : null}
        {live ? (
          <div className="flex flex-wrap items-end gap-6">
            {status === "running" ? (
              <ControlForm runId={run.id} action="pause" label="Pause">
                <button type="submit" className="btn btn-primary">
                  Pause
                </button>
              </ControlForm>
            ) : (
              <ControlForm runId={run.id} action="resume" label="Resume">
                {restarted ? (
                  <p className="max-w-sm text-sm">
                    The server restarted, so Spravka paused the run where its clock had reached. Nothing was lost.
                  </p>
                ) : null}
                <button type="submit" className="btn btn-primary">
                  Resume
                </button>
              </ControlForm>
            )}
            <ControlForm runId={run.id} action="setSpeed" label="Speed" className="flex flex-wrap items-end gap-2">
              <div>
                <label htmlFor="speed" className="field-label">
                  Days per minute
                </label>
                <input
                  id="speed"
                  name="speed"
                  type="number"
                  min={1}
                  max={120}
                  step="any"
                  defaultValue={run.speed}
                  className="field-input w-28"
                />
              </div>
              <button type="submit" className="btn btn-secondary">
                Set speed
              </button>
            </ControlForm>
            <ControlForm runId={run.id} action="jump" label="Jump" className="flex flex-wrap items-end gap-2">
              <div>
                <label htmlFor="toDate" className="field-label">
                  Jump to date
                </label>
                <input
                  id="toDate"
                  name="toDate"
                  type="date"
                  min={simDate(startDate, clock.simDay + 1)}
                  max={simDate(startDate, run.horizonDays)}
                  className="field-input"
                  required
                />
              </div>
              <button type="submit" className="btn btn-secondary">
                Jump
              </button>
            </ControlForm>
            <EndRunControl runId={run.id} />
          </div>
        ) : null}
        {status === "debrief" ? (
          <div className="space-y-3">
            <p>The run has ended; students&rsquo; desks are read-only. The debrief comes in a later version.</p>
            <ControlForm runId={run.id} action="archive" label="Archive">
              <p className="text-muted">Archiving stops the join code and keeps the run in your list.</p>
              <button type="submit" className="btn btn-secondary">
                Archive the run
              </button>
            </ControlForm>
          </div>
        ) : null}
        {status === "archived" ? <p>This run is archived. Its join code no longer works.</p> : null}
      </section>

      {status !== "lobby" ? (
        <section aria-labelledby="stages-heading" className="card space-y-3">
          <h2 id="stages-heading" className="text-xl font-semibold">
            Where the cases wait now
          </h2>
          <table className="w-full max-w-lg text-left">
            <thead>
              <tr className="border-b border-line">
                <th scope="col" className="py-1">
                  Stage
                </th>
                <th scope="col" className="py-1 text-right">
                  Cases
                </th>
              </tr>
            </thead>
            <tbody>
              {STAGES.map((stage) => (
                <tr key={stage} className="border-b border-line/60">
                  <th scope="row" className="py-1 font-normal">
                    {STAGE_LABELS[stage]}
                  </th>
                  <td className="py-1 text-right tabular-nums">{tally.stages[stage]}</td>
                </tr>
              ))}
              <tr className="border-b border-line/60">
                <th scope="row" className="py-1 font-normal">
                  No complaint yet, or nobody pursuing it
                </th>
                <td className="py-1 text-right tabular-nums">{tally.unpursued}</td>
              </tr>
              <tr>
                <th scope="row" className="py-1 font-normal">
                  Decided
                </th>
                <td className="py-1 text-right tabular-nums">{tally.decided}</td>
              </tr>
            </tbody>
          </table>
        </section>
      ) : null}

      <section aria-labelledby="seats-heading" className="card space-y-3">
        <h2 id="seats-heading" className="text-xl font-semibold">
          Seats ({run.seats.length})
        </h2>
        {run.seats.length === 0 ? (
          <p className="text-muted">No one has joined yet. Names appear here as students join.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left">
              <thead>
                <tr className="border-b border-line">
                  <th scope="col" className="py-1 pr-3">
                    Seat
                  </th>
                  <th scope="col" className="py-1 pr-3">
                    Name
                  </th>
                  <th scope="col" className="py-1 pr-3">
                    Role
                  </th>
                  <th scope="col" className="py-1">
                    Rejoin code
                  </th>
                </tr>
              </thead>
              <tbody>
                {run.seats.map((seat) => (
                  <tr key={seat.id} className="border-b border-line/60">
                    <td className="py-2 pr-3 tabular-nums">{seat.number}</td>
                    <td className="py-2 pr-3">{seat.displayName}</td>
                    <td className="py-2 pr-3">
                      {status === "lobby" ? (
                        <ControlForm runId={run.id} action="reassign" className="flex items-center gap-2">
                          <input type="hidden" name="seatId" value={seat.id} />
                          <label htmlFor={`role-${seat.id}`} className="sr-only">
                            Role for seat {seat.number}
                          </label>
                          <select
                            id={`role-${seat.id}`}
                            name="role"
                            defaultValue={seat.role}
                            className="rounded-md border border-muted/60 bg-surface px-2 py-1"
                          >
                            <option value="petitioner">Petitioner</option>
                            <option value="procurator">Procurator</option>
                          </select>
                          <button type="submit" className="text-sm font-semibold text-accent underline">
                            Change
                          </button>
                        </ControlForm>
                      ) : seat.role === "procurator" ? (
                        "Procurator"
                      ) : (
                        "Petitioner"
                      )}
                    </td>
                    <td className="py-2 text-sm">
                      {/* Hidden until asked for: this page may be on the projector, and a code opens the seat. */}
                      <details>
                        <summary className="cursor-pointer text-accent">
                          Show<span className="sr-only"> the rejoin code of seat {seat.number}</span>
                        </summary>
                        <span className="font-mono">
                          {seat.rejoinCode.slice(0, 4)}-{seat.rejoinCode.slice(4)}
                        </span>
                      </details>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="danger-heading" className="card space-y-3">
        <h2 id="danger-heading" className="text-xl font-semibold">
          Delete this run
        </h2>
        <ControlForm runId={run.id} action="delete" label="Delete" className="space-y-3">
          <p className="flex items-center gap-2">
            <input id="confirm-delete" type="checkbox" name="confirm" value="yes" className="size-5" />
            <label htmlFor="confirm-delete">I understand this removes the run, its seats and its log for good.</label>
          </p>
          <button type="submit" className="btn border border-danger/60 bg-surface text-danger hover:bg-danger-soft">
            Delete the run
          </button>
        </ControlForm>
      </section>
    </div>
  );
}
