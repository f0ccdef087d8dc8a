import type { Metadata } from "next";
import { Link } from "@/app/_components/link";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { requireInstructorPage } from "@/lib/authz";
import { simDate } from "@/lib/runs/calendar";
import { joinUrl } from "@/lib/runs/seats/join-url";
import { joinAddress } from "@/lib/runs/seats/join-address";
import { getRunForOwner } from "@/lib/runs/store/queries";
import { HELP_AFTER_DAYS } from "@/lib/runs/district-plan";
import { collidingNames } from "@/lib/runs/console/seat-status";
import { nameKey } from "@/lib/runs/seats/seat-controls";
import { ManageSeat, SeatNow } from "./seat-controls";
import { RoomControls } from "./room-controls";
import { runStore } from "@/lib/runs/store/store";
import { clockView } from "@/lib/runs/seat-view/views";
import type { SourceKey } from "@/machines/vocabulary";
import { SourceTag } from "@/app/_components/source-tag";
import { consoleData } from "@/lib/runs/console/console";
import { RunStatusBadge } from "../status-badge";
import { ControlForm, EndRunControl } from "./controls";
import { JoinPanel } from "./join-panel";
import { RunLive } from "./run-live";
import { ConsoleChartsView } from "./charts";
import { PipelineMap } from "./pipeline-map";
import { PipelineTable } from "./pipeline-table";
import { CampFigures } from "./camp-figures";
import { campConsole } from "@/lib/runs/camp/camp-views";
import { campRoleName } from "@/lib/runs/camp/camp-engine";
import { campSeatsNow } from "@/lib/runs/camp/camp-seat";

export const metadata: Metadata = { title: "Run" };

export default async function RunPage({ params }: PageProps<"/runs/[id]">) {
  const { id } = await params;
  const user = await requireInstructorPage(`/runs/${id}`);
  const owned = await getRunForOwner(user, id);
  if (!owned) notFound();
  // Reading through the store moves the clock to now first; its row is the fresh one (the seats do not move with it).
  const { current, clock, startDate, camp } = await runStore.readEngine(id, (current, engine) => ({
    current,
    clock: clockView(current, engine.scenario),
    startDate: engine.scenario.startDate,
    // A 1945 camp run (ADR 0024): its own figures instead of the review's pipeline, charts and exports.
    camp: engine.kind === "camp" ? campConsole(engine.camp, engine.scenario) : null,
  }));
  const run = { ...owned, ...current };
  // A removed seat stays in the log and the exports, not in the room.
  const seats = owned.seats.filter((seat) => !seat.removedAt);
  // Names the class would mix up (a rename can make two alike; joining adds a number instead).
  const sameNames = collidingNames(seats.map((seat) => ({ number: seat.number, key: nameKey(seat.displayName) })));
  const data = current.status === "lobby" || camp ? null : await consoleData(run.id);
  const campNow = camp && current.status !== "lobby" ? await campSeatsNow(run.id) : null;
  const roleName = (role: string) =>
    camp
      ? campRoleName(role === "procurator" ? "procurator" : "petitioner")
      : role === "procurator"
        ? "Procurator"
        : "Petitioner";
  const status = run.status;
  const url = run.joinCode ? joinUrl(await headers(), run.joinCode) : null;
  const live = status === "running" || status === "paused";
  const restarted = status === "paused" && run.restartPause;
  const byRole = { procurator: 0, petitioner: 0 };
  for (const seat of seats) byRole[seat.role as keyof typeof byRole]++;

  return (
    // On a wide screen (a projector) the console breaks out of the page's reading width.
    <div className="space-y-8 xl:relative xl:left-1/2 xl:w-[min(94vw,96rem)] xl:-translate-x-1/2">
      <header className="space-y-2">
        <p>
          <Link href="/runs" className="text-accent">
            ← My runs
          </Link>
        </p>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-3xl font-bold">{run.title}</h1>
          <RunStatusBadge status={status} />
          {status !== "archived" ? (
            <Link href={`/runs/${run.id}/present`} className="btn btn-secondary ml-auto">
              Presenter mode (for the projector)
            </Link>
          ) : null}
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
          {status === "lobby" ? (
            <JoinPanel code={run.joinCode!} joinUrl={url} />
          ) : (
            // Once the run is under way the code is a strip for latecomers, not the page's first screen.
            <p className="text-lg">
              Code <strong className="font-mono tracking-widest">{run.joinCode}</strong> at{" "}
              <strong>{joinAddress(url)}</strong>
            </p>
          )}
          <p className="text-lg" aria-live="polite">
            <strong>{seats.length}</strong> of {run.procuratorSeats + run.petitionerSeats} seats taken:{" "}
            {camp ? "records clerks" : "procurators"} {byRole.procurator} of {run.procuratorSeats},{" "}
            {camp ? "prisoners" : "petitioners"} {byRole.petitioner} of {run.petitionerSeats}.
          </p>
          <ControlForm
            runId={run.id}
            action="lockJoining"
            label="Joining"
            className="flex flex-wrap items-center gap-3"
          >
            <input type="hidden" name="locked" value={run.joinLocked ? "no" : "yes"} />
            <p role="status" className="font-semibold">
              {run.joinLocked
                ? "Joining is closed: new students are turned away; rejoin codes still work."
                : "Joining is open."}
            </p>
            <button type="submit" className="btn btn-secondary">
              {run.joinLocked ? "Open joining again" : "Close joining"}
            </button>
          </ControlForm>
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
            <p>The run has ended; students&rsquo; desks are read-only.</p>
            <Link href={`/runs/${run.id}/debrief`} className="btn btn-primary">
              Open the debrief
            </Link>{" "}
            <Link href={`/runs/${run.id}/report`} className="btn btn-secondary">
              Per-student report
            </Link>
            <ControlForm runId={run.id} action="archive" label="Archive">
              <p className="text-muted">Archiving stops the join code and keeps the run in your list.</p>
              <button type="submit" className="btn btn-secondary">
                Archive the run
              </button>
            </ControlForm>
          </div>
        ) : null}
        {status === "archived" ? (
          <div className="space-y-3">
            <p>This run is archived. Its join code no longer works.</p>
            <Link href={`/runs/${run.id}/debrief`} className="btn btn-secondary">
              Open the debrief
            </Link>
          </div>
        ) : null}
      </section>

      {live ? <RoomControls runId={run.id} room={clock.room} /> : null}

      {data ? (
        <section aria-labelledby="stages-heading" className="card space-y-4">
          <h2 id="stages-heading" className="text-xl font-semibold">
            Where the cases are
          </h2>
          <PipelineMap pipeline={data.pipeline} />
          <PipelineTable pipeline={data.pipeline} />
        </section>
      ) : null}

      {data && live ? (
        <section aria-labelledby="inject-heading" className="card space-y-3">
          <h2 id="inject-heading" className="text-xl font-semibold">
            Inject a historical event
          </h2>
          <p className="max-w-3xl text-muted">
            It takes effect in the engine from today&rsquo;s simulated date, and every student&rsquo;s desk shows a line
            of news about it. Each event can be injected once; one the scenario already has cannot be injected again. An
            event whose date has not yet come can be injected only as a what-if, and every screen says so.
          </p>
          <ControlForm runId={run.id} action="inject" label="Inject" className="space-y-3">
            <fieldset className="space-y-2">
              <legend className="field-label">Event</legend>
              {data.injections.map((inj) => (
                <div key={inj.id} className="flex flex-wrap items-baseline gap-x-2">
                  <input
                    type="radio"
                    id={`inject-${inj.id}`}
                    name="eventId"
                    value={inj.id}
                    disabled={inj.injectedOn !== null || inj.scheduled}
                    className="size-4"
                  />
                  <label htmlFor={`inject-${inj.id}`} className="font-medium">
                    {inj.title}
                  </label>
                  <SourceTag source={inj.source as SourceKey} />
                  <span className="basis-full pl-6 text-sm text-muted">
                    {inj.injectedOn ? `Injected on ${inj.injectedOn}${inj.whatIf ? ", as a what-if" : ""}. ` : ""}
                    {inj.scheduled ? "Already in force: the scenario has it. " : ""}
                    {!inj.scheduled && inj.injectedOn === null && inj.early
                      ? `Its date (${inj.dateLabel}) has not come yet: only as a what-if. `
                      : ""}
                    {inj.effectNote}
                    {inj.sizeSource === "invented" ? " (The size of the effect is this game's estimate.)" : ""}
                  </span>
                </div>
              ))}
            </fieldset>
            <div className="flex items-center gap-2">
              <input type="checkbox" id="inject-counterfactual" name="counterfactual" className="size-4" />
              <label htmlFor="inject-counterfactual">
                Inject it early, as a what-if (for an event whose date has not come)
              </label>
            </div>
            <button type="submit" className="btn btn-primary">
              Inject the event
            </button>
          </ControlForm>
        </section>
      ) : null}

      {data ? (
        <section aria-labelledby="charts-heading" className="card space-y-4">
          <h2 id="charts-heading" className="text-xl font-semibold">
            Charts
          </h2>
          <ConsoleChartsView charts={data.charts} pipeline={data.pipeline} />
        </section>
      ) : null}

      {camp && status !== "lobby" ? <CampFigures camp={camp} /> : null}

      <section aria-labelledby="seats-heading" className="card space-y-3">
        <h2 id="seats-heading" className="text-xl font-semibold">
          Seats ({seats.length})
        </h2>
        {seats.length === 0 ? (
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
                  {data || campNow ? (
                    <th scope="col" className="py-1 pr-3">
                      Now
                    </th>
                  ) : null}
                  <th scope="col" className="py-1 pr-3">
                    Rejoin code
                  </th>
                  <th scope="col" className="py-1">
                    Manage
                  </th>
                </tr>
              </thead>
              <tbody>
                {seats.map((seat) => (
                  <tr key={seat.id} className="border-b border-line/60">
                    <td className="py-2 pr-3 tabular-nums">{seat.number}</td>
                    <td className="py-2 pr-3">
                      {data ? (
                        <Link
                          href={`/runs/${run.id}/seats/${seat.number}`}
                          className="text-accent underline"
                          aria-label={`${seat.displayName}: open their desk (read-only)`}
                        >
                          {seat.displayName}
                        </Link>
                      ) : (
                        seat.displayName
                      )}
                      {sameNames.has(seat.number) ? (
                        <span className="ml-2 rounded bg-danger-soft px-1.5 py-0.5 text-xs font-semibold text-danger">
                          same name as seat {sameNames.get(seat.number)!.join(", ")}
                        </span>
                      ) : null}
                    </td>
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
                            <option value="petitioner">{roleName("petitioner")}</option>
                            <option value="procurator">{roleName("procurator")}</option>
                          </select>
                          <button type="submit" className="text-sm font-semibold text-accent underline">
                            Change
                          </button>
                        </ControlForm>
                      ) : (
                        roleName(seat.role)
                      )}
                    </td>
                    {data ? (
                      <td className="py-2 pr-3 text-sm">
                        <SeatNow figures={data.seats.find((f) => f.id === seat.id)} />
                      </td>
                    ) : campNow ? (
                      <td className="py-2 pr-3 text-sm">{campNow.get(seat.id)}</td>
                    ) : null}
                    <td className="py-2 pr-3 text-sm">
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
                    <td className="py-2 text-sm">
                      <ManageSeat
                        runId={run.id}
                        seat={seat}
                        canRemove={status !== "debrief" && status !== "archived"}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {data ? (
          <form action={`/runs/${run.id}/cases/lookup`} method="get" className="flex flex-wrap items-end gap-2">
            <div>
              <label htmlFor="case-number" className="field-label">
                Look up any case by its number
              </label>
              <input
                id="case-number"
                name="n"
                type="number"
                min={1}
                max={data.pipeline.total}
                required
                className="field-input w-32"
              />
            </div>
            <button type="submit" className="btn btn-secondary">
              Show its timeline
            </button>
          </form>
        ) : null}
        {data?.district ? (
          <p>
            <strong>Your class is the commission for its district:</strong> {data.district.files} files on{" "}
            {data.district.desks} student {data.district.desks === 1 ? "desk" : "desks"}, {data.district.decided}{" "}
            decided or closed.{" "}
            {data.district.waiting === 0
              ? "No classmate's letter is waiting in an inbox."
              : `${data.district.waiting} classmates' ${data.district.waiting === 1 ? "letter waits" : "letters wait"} in the inboxes, the oldest for ${data.district.oldestWaitDays} days.`}{" "}
            {run.computerHelps
              ? `The computer helps: a computer desk decides any file left ${HELP_AFTER_DAYS} days at review on a student's desk.`
              : "The computer does not help: what the class does not decide stays undecided."}
          </p>
        ) : null}
        {run.prologue || run.epilogue ? (
          <p>
            {run.prologue ? "Every seat opens with a prologue on the March 1953 amnesty. " : ""}
            {run.epilogue ? "When the run ends, every seat and the debrief close with an epilogue: February 1956." : ""}
          </p>
        ) : null}
        {data ? (
          <p className="text-muted">
            The computer plays the other {data.botCases.toLocaleString("en")} cases: their petitioners, procurators,
            clerks and courts{data.district ? ", the rest of the province beyond your district" : ""}.
          </p>
        ) : null}
      </section>

      {data ? (
        <section aria-labelledby="exports-heading" className="card space-y-3">
          <h2 id="exports-heading" className="text-xl font-semibold">
            Take the data home
          </h2>
          <p className="max-w-3xl text-muted">
            The run&rsquo;s event log — every case, every step, every letter, decision and piece of desk work, when and
            by whom, and the events you injected — for a spreadsheet (CSV) or a process-mining tool such as ProM or
            Disco (XES). The personal data is students&rsquo; display names (choose seat labels to leave them out) and,
            if you include them, their own words.
          </p>
          <form method="get" action={`/api/runs/${run.id}/export`} className="flex flex-wrap items-end gap-4">
            <fieldset className="space-y-1">
              <legend className="field-label">Format</legend>
              <label className="mr-4 inline-flex items-center gap-2">
                <input type="radio" name="format" value="csv" defaultChecked className="size-4" /> CSV
              </label>
              <label className="inline-flex items-center gap-2">
                <input type="radio" name="format" value="xes" className="size-4" /> XES
              </label>
            </fieldset>
            <fieldset className="space-y-1">
              <legend className="field-label">Students appear as</legend>
              <label className="mr-4 inline-flex items-center gap-2">
                <input type="radio" name="names" value="names" defaultChecked className="size-4" /> their display names
              </label>
              <label className="inline-flex items-center gap-2">
                <input type="radio" name="names" value="seats" className="size-4" /> seat labels (Seat 1, Seat 2…)
              </label>
            </fieldset>
            <fieldset className="space-y-1">
              <legend className="field-label">Their letters and decisions&rsquo; grounds</legend>
              <label className="mr-4 inline-flex items-center gap-2">
                <input type="radio" name="texts" value="no" defaultChecked className="size-4" /> leave them out
              </label>
              <label className="inline-flex items-center gap-2">
                <input type="radio" name="texts" value="yes" className="size-4" /> include them, in their words
              </label>
            </fieldset>
            <button type="submit" className="btn btn-secondary">
              Download the event log
            </button>
          </form>
        </section>
      ) : null}

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
