"use client";

import { useRef, useState } from "react";
import { useLiveStream } from "@/app/_components/use-live-stream";
import { useSafeRefresh } from "@/app/_components/use-safe-refresh";
import { EyesUpCover, LessonCountdown, TeacherNotice } from "@/app/_components/room-screens";
import { SourceTag } from "@/app/_components/source-tag";
import { Term } from "@/app/_components/term";
import { SoloControls } from "./solo";
import { SeatTop } from "./seat-top";
import type { CampSeatData } from "@/lib/runs/camp/camp-seat";
import type { CampClerkView, CampNews, CampPrisonerView } from "@/lib/runs/camp/camp-views";
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
    try {
      const response = await fetch(`/api/runs/${data.runId}/camp`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ requestId: crypto.randomUUID(), ...body }),
      });
      const result = (await response.json().catch(() => null)) as
        { ok: true; message: string } | { ok: false; error: { message: string } } | null;
      if (!result) setSaid({ text: "The server did not answer. Try again in a moment.", error: true });
      else if (result.ok) setSaid({ text: result.message, error: false });
      else setSaid({ text: result.error.message, error: true });
      refresh();
    } catch {
      setSaid({ text: "You are offline. Nothing was sent; try again once you are back.", error: true });
    } finally {
      setBusy(false);
    }
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
        />

        {room ? (
          <div className="space-y-3">
            <LessonCountdown endsAt={room.lessonEndsAt} />
            <TeacherNotice notice={room.notice} />
          </div>
        ) : (
          <SoloControls
            run={{ id: data.runId, scenarioTitle: data.scenarioTitle }}
            role={data.seat.role}
            clock={clock}
          />
        )}

        <p role="status" aria-live="polite" className={said?.error ? "font-medium text-danger" : "font-medium"}>
          {said?.text ?? ""}
        </p>

        {welcome ? (
          <section aria-labelledby="rejoin-heading" className="card border-accent">
            <h2 id="rejoin-heading" className="font-semibold">
              Your rejoin code: <span className="font-mono text-xl tracking-widest">{data.seat.rejoinCode}</span>
            </h2>
            <p className="text-muted">
              Write it down: with it you can return to this seat after a refresh or on another device (Join a class →
              Back to your seat).
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
  return (
    <section aria-labelledby="desk-heading" className="space-y-4">
      <div className="card space-y-2">
        <h2 id="desk-heading" className="text-xl font-semibold">
          The <Term id="ourz">records department</Term>: release files to check
        </h2>
        <p>
          Your working day: <strong>{view.hoursLeft}</strong> of {view.hoursPerDay} hours left. A thorough check takes{" "}
          {view.thoroughHours} hours and finds any earlier convictions; a hurried one takes {view.hurriedHours} hours
          and can miss them. <strong>{view.filesWaiting.toLocaleString("en-GB")}</strong> files wait for a check.
        </p>
        {view.orderComesOn ? (
          <p className="font-medium">
            No file can be checked until the order on who goes first comes, on {view.orderComesOn}.
          </p>
        ) : null}
        <ul className="space-y-1 text-sm text-muted">
          {view.rules.map((r) => (
            <li key={r.text}>
              {r.text} <SourceTag source={r.source} />
            </li>
          ))}
        </ul>
      </div>
      {view.files.length === 0 ? (
        <p className="card">No release file is waiting for a check.</p>
      ) : (
        <ol className="space-y-3" aria-label="Next files, in the order of 12 July">
          {view.files.map((f) => (
            <li key={f.index} className="document space-y-2">
              <h3 className="font-bold">{f.label}</h3>
              <p>
                Sentenced to {f.termYears} year{f.termYears === 1 ? "" : "s"} for {f.offence}; {f.group};{" "}
                {f.inColony ? "in a labour colony" : "in a camp"}. Waiting {f.waitingDays} days.
              </p>
              <p className="flex flex-wrap gap-2">
                <button
                  type="button"
                  className="btn btn-primary"
                  disabled={!live || busy || view.hoursLeft < view.thoroughHours}
                  onClick={() => void act({ action: "check", file: f.index, thorough: true })}
                >
                  Check {f.label} thoroughly ({view.thoroughHours} h)
                </button>
                <button
                  type="button"
                  className="btn btn-secondary"
                  disabled={!live || busy || view.hoursLeft < view.hurriedHours}
                  onClick={() => void act({ action: "check", file: f.index, thorough: false })}
                >
                  Hurried check of {f.label} ({view.hurriedHours} h)
                </button>
              </p>
            </li>
          ))}
        </ol>
      )}
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
        {view.freedOn ? <p>You left the camp on {view.freedOn}.</p> : null}
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
        Of {news.prisoners.toLocaleString("en-GB")} prisoners, {news.qualifying.toLocaleString("en-GB")} qualified for
        release; <strong>{news.freed.toLocaleString("en-GB")}</strong> have left,{" "}
        {news.waitingInside.toLocaleString("en-GB")} still wait inside. {news.newPrisoners.toLocaleString("en-GB")} new
        prisoners have arrived since the decree. <SourceTag source="alexopoulos-1945" />
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
                <td>{t.freed.toLocaleString("en-GB")}</td>
                <td>{t.historical === null ? "—" : t.historical.toLocaleString("en-GB")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
