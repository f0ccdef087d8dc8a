"use client";

import { useRef, useState } from "react";
import { useLiveStream } from "@/app/_components/use-live-stream";
import { useSafeRefresh } from "@/app/_components/use-safe-refresh";
import { EyesUpCover, LessonCountdown, TeacherNotice } from "@/app/_components/room-screens";
import { SourceTag } from "@/app/_components/source-tag";
import { Term } from "@/app/_components/term";
import { SoloControls } from "./solo";
import { postJson, UNREACHABLE } from "@/app/_components/post-json";
import { SeatTop } from "./seat-top";
import type { CampSeatData } from "@/lib/runs/camp/camp-seat";
import type { CampClerkView, CampFile, CampNews, CampPrisonerView } from "@/lib/runs/camp/camp-views";
import type { ClockView } from "@/lib/runs/seat-view/views";

/**
 * A seat in a 1945 camp run (ADR 0024): a records clerk's desk or a
 * prisoner's wait. The page is rendered on the server; the live stream's
 * clock says when a simulated day has passed, and the page reads its camp
 * again then (and after every action).
 */
export function CampSeat({ data, welcome }: { data: CampSeatData; welcome: boolean }) {
  const [clock, setClock] = useState<ClockView>(data.clock);
  const [closed, setClosed] = useState<string | null>(null);
  const [said, setSaid] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const shownDay = useRef(`${Math.floor(data.clock.simDay)}|${data.clock.status}`);
  const { status, retry } = useLiveStream(`/api/runs/${data.runId}/events?as=seat`, {
    clock: (next) => {
      setClock(next);
      const key = `${Math.floor(next.simDay)}|${next.status}`;
      if (key !== shownDay.current) {
        shownDay.current = key;
        refresh();
      }
    },
    closed: (d) => setClosed(d.message),
  });
  const refresh = useSafeRefresh(status === "live");
  // A solo run has no teacher: no room screens, and the seat steers its own clock.
  const room = data.solo ? null : clock.room;
  const live = clock.status === "running";

  async function act(body: object) {
    setBusy(true);
    const result = await postJson<{ ok: true; message: string } | { ok: false; error: { message: string } }>(
      `/api/runs/${data.runId}/camp`,
      { requestId: crypto.randomUUID(), ...body },
    );
    if (!result) setSaid({ text: UNREACHABLE, error: true });
    else if (result.ok) setSaid({ text: result.message, error: false });
    else setSaid({ text: result.error.message, error: true });
    if (result) refresh();
    setBusy(false);
  }

  return (
    <>
      <EyesUpCover on={room?.eyesUp ?? false} />
      <div className="space-y-6" inert={room?.eyesUp ?? false}>
        <SeatTop
          context={`${data.solo ? "Exploring alone" : data.title} · ${data.scenarioTitle}`}
          seatNumber={data.seat.number}
          roleName={data.seat.roleName}
          displayName={data.seat.displayName}
          stream={{ status, retry }}
          closed={closed}
          clock={clock}
          solo={data.solo}
          controls={
            room ? null : (
              <SoloControls
                run={{ id: data.runId, scenarioTitle: data.scenarioTitle }}
                role={data.seat.role}
                clock={clock}
                camp
              />
            )
          }
        />

        {room ? (
          <div className="space-y-3">
            <LessonCountdown endsAt={room.lessonEndsAt} />
            <TeacherNotice notice={room.notice} />
          </div>
        ) : null}

        <p role="status" aria-live="polite" className={said?.error ? "font-medium text-danger" : "font-medium"}>
          {said?.text ?? ""}
        </p>

        {welcome ? (
          <section aria-labelledby="rejoin-heading" className="card border-accent">
            <h2 id="rejoin-heading" className="font-semibold">
              Your rejoin code: <span className="font-mono text-xl tracking-widest">{data.seat.rejoinCode}</span>
            </h2>
            <p className="text-muted">
              {data.solo
                ? "This browser remembers your run (Explore → Continue where you left off). From another device, use this code with the run's code."
                : "Write it down: with it you can return to this seat after a refresh or on another device (Join a class → Back to your seat)."}
            </p>
          </section>
        ) : null}

        <CampRoleCard card={data.roleCard} open={welcome || clock.status === "lobby"} />

        {data.view?.kind === "clerk" ? (
          <ClerkDesk view={data.view} live={live} busy={busy} act={act} />
        ) : data.view?.kind === "prisoner" ? (
          <PrisonerWait view={data.view} live={live} busy={busy} act={act} />
        ) : (
          <section className="card">
            <p>
              When your teacher starts the clock you will be given a prisoner of the camp: their sentence, and what the
              decree of 7 July 1945 does for them.
            </p>
          </section>
        )}

        <CampNewsPanel news={data.news} />
      </div>
    </>
  );
}

/** What a seat's part needs to act: whether the clock runs, whether an action is under way, and how to send one. */
type Acting = { live: boolean; busy: boolean; act: (body: object) => Promise<void> };

function ClerkDesk({ view, live, busy, act }: Acting & { view: CampClerkView }) {
  // A file just sent for a check leaves the list at once (the page reads the camp again when the answer comes).
  const [sent, setSent] = useState<{ key: string; files: number[] }>({ key: "", files: [] });
  const key = `${view.news.date}|${view.mine.checked}`;
  const gone = sent.key === key ? sent.files : [];
  const check = (file: number, thorough: boolean) => {
    setSent({ key, files: [...gone, file] });
    void act({ action: "check", file, thorough });
  };
  const canStart = live && !busy && view.hoursLeft > 0;
  const fileCard = (f: CampFile) => (
    <li key={f.index} className="document space-y-2">
      <h4 className="font-bold">{f.label}</h4>
      <p>
        Sentenced to {f.termYears} year{f.termYears === 1 ? "" : "s"} for {f.offence}; {f.group};{" "}
        {f.inColony ? "in a labour colony" : "in a camp"}. Waiting {f.waitingDays} days.
      </p>
      <p className="flex flex-wrap gap-2">
        <button type="button" className="btn btn-primary" disabled={!canStart} onClick={() => check(f.index, true)}>
          Check {f.label} thoroughly ({view.thoroughHours} h)
        </button>
        <button type="button" className="btn btn-secondary" disabled={!canStart} onClick={() => check(f.index, false)}>
          Hurried check of {f.label} ({view.hurriedHours} h)
        </button>
      </p>
    </li>
  );
  const mine = view.files.filter((f) => !gone.includes(f.index));
  const classmates = view.classmates.filter((f) => !gone.includes(f.index));
  return (
    <section aria-labelledby="desk-heading" className="space-y-4">
      <div className="card space-y-2">
        <h2 id="desk-heading" className="text-xl font-semibold">
          The <Term id="ourz">records department</Term>: release files to check
        </h2>
        <p>
          A thorough check asks the card index for earlier convictions: it takes {view.thoroughHours} working hours (
          {view.thoroughHours / view.hoursPerDay} working days) and finds them. A hurried check reads the file alone:{" "}
          {view.hurriedHours} hour{view.hurriedHours === 1 ? "" : "s"}, and it can miss them.{" "}
          <SourceTag source="invented" basis="alexopoulos-1945" />
        </p>
        <p>
          <strong>{view.filesWaiting.toLocaleString("en-GB")}</strong> files wait for a check; the clerks of your class
          take them in turn. Your checks so far: <strong>{view.mine.checked}</strong> ({view.mine.thorough} thorough,{" "}
          {view.mine.hurried} hurried).
        </p>
        {view.orderComesOn ? (
          <p className="font-medium">
            No file can be checked until the order on who goes first comes, on {view.orderComesOn}.
          </p>
        ) : view.news.left === 0 && view.news.qualifying > 0 ? (
          <p className="font-medium">No one has left yet: every release file waits for a clerk&apos;s check.</p>
        ) : null}
        {view.hurriedErrors ? (
          <p className="font-medium">
            Of the people you let through with a hurried check, {view.hurriedErrors.letThrough} had earlier convictions;{" "}
            {view.hurriedErrors.returned} of them had been found and brought back by the end.{" "}
            <SourceTag source="alexopoulos-1945" />
          </p>
        ) : null}
      </div>
      <p className="sticky top-0 z-10 rounded-md bg-accent-soft px-3 py-2 font-semibold text-accent-strong">
        Your working day: {view.hoursLeft} of {view.hoursPerDay} hours left
      </p>
      {mine.length === 0 ? (
        <p className="card">None of your release files is waiting for a check.</p>
      ) : (
        <section aria-labelledby="files-heading" className="space-y-3">
          <h3 id="files-heading" className="font-semibold">
            Your next files, in the order of 12 July
          </h3>
          <ol className="space-y-3" aria-label="Next files, in the order of 12 July">
            {mine.map(fileCard)}
          </ol>
        </section>
      )}
      {classmates.length > 0 ? (
        <section aria-labelledby="classmates-heading" className="space-y-3">
          <h3 id="classmates-heading" className="font-semibold">
            Your classmates&apos; prisoners, waiting for a check
          </h3>
          <p className="text-sm text-muted">
            The order of 12 July says who goes first; checking one of these out of turn is your choice — the
            game&apos;s, not the source&apos;s. <SourceTag source="invented" basis="alexopoulos-1945" />
          </p>
          <ul className="space-y-3" aria-label="Your classmates' prisoners">
            {classmates.map(fileCard)}
          </ul>
        </section>
      ) : null}
    </section>
  );
}

function PrisonerWait({ view, live, busy, act }: Acting & { view: CampPrisonerView }) {
  return (
    <section aria-labelledby="prisoner-heading" className="space-y-4">
      <div className="document space-y-2">
        <h2 id="prisoner-heading" className="text-xl font-bold">
          {view.label}
        </h2>
        <p>
          Sentenced to {view.termYears} year{view.termYears === 1 ? "" : "s"} for {view.offence}; {view.group};{" "}
          {view.inColony ? "in a labour colony" : "in a camp"}.
        </p>
      </div>
      <div className="card space-y-2">
        <h3 className="font-semibold">What the decree of 7 July 1945 does for you</h3>
        <p className="font-medium">{view.decree.verdict}</p>
        <p>
          {view.decree.why} <SourceTag source={view.decree.rule.source} />
        </p>
      </div>
      <div className="card space-y-2" aria-live="polite">
        <h3 className="font-semibold">Where you are now</h3>
        <p>
          {view.status.text} <SourceTag source={view.status.source} />
        </p>
        {view.filesAhead !== null ? (
          <p>
            {view.filesAhead.toLocaleString("en-GB")} release files are ahead of yours in the records department&apos;s
            queue.
          </p>
        ) : null}
        {view.checkedOn || view.freedOn || view.departedOn ? (
          <ul className="list-disc pl-5">
            {view.checkedOn ? <li>Your file was checked on {view.checkedOn}.</li> : null}
            {view.freedOn ? <li>You were given your passport and freed on {view.freedOn}.</li> : null}
            {view.departedOn ? <li>You boarded a railcar home on {view.departedOn}.</li> : null}
          </ul>
        ) : null}
        {view.canSign ? (
          <button
            type="button"
            className="btn btn-primary"
            disabled={!live || busy}
            onClick={() => void act({ action: "sign" })}
          >
            Sign the determination
          </button>
        ) : null}
      </div>
    </section>
  );
}

/** "Who am I?": the role, each line with its source; open on arrival, one click to fold away. */
function CampRoleCard({ card, open }: { card: CampSeatData["roleCard"]; open: boolean }) {
  return (
    <details open={open} className="card">
      <summary className="cursor-pointer text-lg font-semibold">{card.title}</summary>
      <ul className="mt-3 space-y-2">
        {card.lines.map((line) => (
          <li key={line.text}>
            {line.text} <SourceTag source={line.source} />
          </li>
        ))}
      </ul>
    </details>
  );
}

function CampNewsPanel({ news }: { news: CampNews }) {
  return (
    <section aria-labelledby="news-heading" className="card space-y-3">
      <h2 id="news-heading" className="text-xl font-semibold">
        The camp on {news.dateLabel}
      </h2>
      <p>
        {news.headline} <SourceTag source="alexopoulos-1945" />
      </p>
      {news.tallies.length > 0 ? (
        <table className="w-full text-left text-sm">
          <caption className="text-left text-muted">The source&apos;s tallies, scaled to this camp</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">What it marks</th>
              <th scope="col">Freed here</th>
              <th scope="col">The source (scaled)</th>
            </tr>
          </thead>
          <tbody>
            {news.tallies.map((t) => (
              <tr key={t.date}>
                <td>{t.date}</td>
                <td>{t.label}</td>
                <td>{t.freed === null ? "—" : t.freed.toLocaleString("en-GB")}</td>
                <td>{t.historical === null ? "—" : t.historical.toLocaleString("en-GB")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
