"use client";

import { useRef, useState, type ReactNode } from "react";
import { useLiveStream } from "@/app/_components/use-live-stream";
import { ADDRESSEE_LABELS } from "@/lib/labels";
import { Document, dateRow } from "@/app/_components/document";
import { SourceTag } from "@/app/_components/source-tag";
import { postJson, UNREACHABLE } from "@/app/_components/post-json";
import type { Ask } from "@/machines/vocabulary";
import { EyesUpCover, LessonCountdown, TeacherNotice } from "@/app/_components/room-screens";
import { lazyPart } from "@/app/_components/lazy-part";
import type { Reveal } from "@/lib/runs/seat-view/reveal";
import { SeatTop } from "./seat-top";
import type { ActRequest, ActResponse } from "@/lib/api-types";
import type { CaseView, ClockView, LetterView, ProtocolView, SeatView } from "@/lib/runs/seat-view/views";
import type { SeatAction } from "@/lib/runs/validation";
import { deskStatus } from "@/lib/runs/run-status";
import { daysText } from "@/lib/runs/days-text";

// A desk shows one role's tools, the self-guided controls only when playing alone, and the personal
// debrief only at the end: each part's code loads when the desk shows it (preloaded when the server renders it).
const PetitionForm = lazyPart(() => import("./petition-form"), "PetitionForm");
const ProcuratorFileView = lazyPart(() => import("./procurator-file"), "ProcuratorFileView");
const SoloControls = lazyPart(() => import("./solo"), "SoloControls");
const GuidedStart = lazyPart(() => import("./solo"), "GuidedStart");
const Timeline = lazyPart(() => import("./timeline"), "Timeline");
const Protocols = lazyPart(() => import("./procurator-records"), "Protocols");
const Inbox = lazyPart(() => import("./procurator-records"), "Inbox");
// A prologue or epilogue only when the teacher added one (with the sources' conflicts it quotes).
const StoryFramePanel = lazyPart(() => import("@/app/_components/story-frame"), "StoryFramePanel");
const PersonalDebrief = lazyPart(() => import("./personal-debrief"), "PersonalDebrief");

export function SeatDesk({
  initial,
  initialLetters,
  initialProtocols,
  welcome,
  nameTaken = false,
  observer = false,
  reveal,
  roleIntro,
  soloWho = null,
}: {
  initial: SeatView;
  initialLetters: LetterView[];
  initialProtocols: ProtocolView[];
  welcome: boolean;
  /** just joined under a name a classmate already had: the seat took a number ("Alex 2") */
  nameTaken?: boolean;
  /** the teacher looking at this desk: read-only, no codes, no stream of its own (its page refreshes it) */
  observer?: boolean;
  /** what the seat's role is, rendered on the server (role-intro.tsx) */
  roleIntro: ReactNode;
  /** "Who am I?" for the guide of a run played alone (role-intro.tsx) */
  soloWho?: ReactNode;
  /** a self-guided run's reveal, shown in its personal debrief (page.tsx loads it once the run has ended) */
  reveal?: Reveal | null;
}) {
  const [view, setView] = useState(initial);
  const [letters, setLetters] = useState(initialLetters);
  const [protocols, setProtocols] = useState(initialProtocols);
  const [clock, setClock] = useState<ClockView>(initial.clock);
  const [closed, setClosed] = useState<string | null>(null);
  const { status, retry } = useLiveStream(observer ? null : `/api/runs/${initial.run.id}/events?as=seat`, {
    clock: setClock,
    seat: (next) => {
      setView(next);
      setClock(next.clock);
    },
    closed: (data) => setClosed(data.message),
  });
  const role = view.seat.role;

  // Right after joining the codes come first; afterwards they wait at the bottom, out of the way.
  const rejoin = (
    <section aria-labelledby="rejoin-heading" className={`${welcome ? "card border-accent" : "card"} print:hidden`}>
      <h2 id="rejoin-heading" className="font-semibold">
        Your rejoin code: <span className="font-mono text-xl tracking-widest">{view.seat.rejoinCode}</span>
      </h2>
      {view.run.joinCode ? (
        <p className="font-semibold">
          {view.solo ? "Run code" : "Class code"}:{" "}
          <span className="font-mono text-xl tracking-widest">{view.run.joinCode}</span>
        </p>
      ) : null}
      {nameTaken ? (
        <p role="status" className="font-semibold">
          Someone in this class already had your name, so you are “{view.seat.displayName}” here: your teacher can tell
          you apart.
        </p>
      ) : null}
      <p className="text-muted">
        {view.solo
          ? "This browser remembers your run (Explore → Continue where you left off). From another browser or device, use the resume link below, or write both codes down."
          : "Write both down. With them you can return to this seat after a refresh, in another browser or on another device (Join a class → Back to your seat)."}
      </p>
      {view.solo && view.run.joinCode ? (
        <p>
          <a
            href={`/join?code=${view.run.joinCode}&rejoin=${view.seat.rejoinCode.replace(/-/g, "")}#rejoin-heading`}
            className="text-accent underline"
          >
            Resume link
          </a>{" "}
          (bookmark it: it opens &ldquo;Back to your seat&rdquo; with both codes filled in)
        </p>
      ) : null}
    </section>
  );
  const seatStatus = clock.status;
  // A solo run has no teacher; the teacher's own view of a desk is never covered.
  const room = view.solo || observer ? null : clock.room;
  const frozen = room?.eyesUp ?? false;

  return (
    <>
      <EyesUpCover on={frozen} />
      <div className="space-y-6" inert={frozen}>
        <SeatTop
          context={`${view.run.title} · ${view.run.scenarioTitle}`}
          seatNumber={view.seat.number}
          roleName={role === "procurator" ? "Procurator" : "Petitioner"}
          displayName={view.seat.displayName}
          stream={observer ? null : { status, retry }}
          closed={closed}
          clock={clock}
          solo={view.solo}
          controls={view.solo && !observer ? <SoloControls run={view.run} role={view.seat.role} clock={clock} /> : null}
        />

        {room ? (
          <div className="space-y-3 print:hidden">
            <LessonCountdown endsAt={room.lessonEndsAt} />
            <TeacherNotice notice={room.notice} />
          </div>
        ) : null}

        {view.solo && !observer && welcome && (seatStatus === "running" || seatStatus === "paused") ? (
          <GuidedStart role={role} who={soloWho} reach={view.reach} />
        ) : null}
        {view.debrief && view.personal && !observer ? (
          <PersonalDebrief
            role={role}
            rows={view.debrief}
            personal={view.personal}
            reveal={reveal}
            protocols={role === "procurator" ? protocols : null}
            share={{ runId: view.run.id }}
          />
        ) : null}
        {view.epilogue ? <StoryFramePanel frame={view.epilogue} id="epilogue" open /> : null}
        {view.prologue ? (
          // Unfolded while the class waits for the clock; folded (not gone) once there is work to do.
          <StoryFramePanel frame={view.prologue} id="prologue" open={seatStatus === "lobby"} />
        ) : null}

        {welcome && !observer && !view.solo ? rejoin : null}

        {view.hours && (seatStatus === "debrief" || seatStatus === "archived") ? (
          <section aria-labelledby="hours-heading" className="card space-y-2 print:hidden">
            <h2 id="hours-heading" className="font-semibold">
              Your working days are over
            </h2>
            <p className="text-sm text-muted">The run has ended: your desk is read-only now.</p>
          </section>
        ) : view.hours ? (
          <section aria-labelledby="hours-heading" className="card space-y-2 print:hidden">
            <h2 id="hours-heading" className="font-semibold">
              Your working day: {view.hours.left} of {view.hours.perDay} hours left
            </h2>
            <div
              role="progressbar"
              aria-labelledby="hours-heading"
              aria-valuemin={0}
              aria-valuemax={view.hours.perDay}
              aria-valuenow={view.hours.left}
              className="h-3 w-full overflow-hidden rounded bg-canvas"
            >
              <div
                className="h-full bg-accent"
                style={{ width: `${(100 * view.hours.left) / Math.max(1, view.hours.perDay)}%` }}
              />
            </div>
            <p className="text-sm text-muted">
              {view.hours.left === 0
                ? "Today is over for you: your files wait for tomorrow's hours."
                : "Reading a file, writing to Moscow, checking testimony and writing decisions all take hours; new hours come each simulated day. (How long each task takes is this game's estimate: the sources give no figures.)"}
            </p>
          </section>
        ) : null}

        {view.character ? (
          <section aria-labelledby="character-heading" className="card space-y-2 !p-4 sm:!p-6">
            <p className="text-sm font-semibold uppercase tracking-wider text-muted">Who you are</p>
            <h2 id="character-heading" className="text-2xl font-bold">
              {view.character.name}
            </h2>
            <p>{view.character.who}</p>
            {view.character.story ? (
              <p className="text-sm text-muted">
                {view.character.story.text}
                <SourceTag source={view.character.story.source} basis={view.character.story.basis} />
              </p>
            ) : null}
            {/* Folded, so what the student does now (the letter) is near the top on a phone. */}
            <details>
              <summary className="cursor-pointer font-semibold text-accent">
                Where they are and what you want<span className="sr-only"> ({view.character.name})</span>
              </summary>
              <p className="mt-2 text-sm text-muted">
                A composite character, not a real person: {view.character.card.replace(/^Card \d+: /, "")}
                <SourceTag source={view.character.source} />
              </p>
              <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
                <dt className="font-semibold">When the review begins</dt>
                <dd>{view.character.where}</dd>
                <dt className="font-semibold">What you want</dt>
                <dd>{view.character.wants}</dd>
              </dl>
            </details>
          </section>
        ) : null}

        {/* Always present, so a teacher's injected event is announced when it arrives. */}
        <p className="sr-only" aria-live="polite">
          {view.news.length > 0 ? `News: ${view.news.at(-1)!.text}` : ""}
        </p>
        {/* Always present too, so a reply or a decision reaching the petitioner is announced as it arrives. */}
        <p className="sr-only" aria-live="polite" data-testid="arrivals">
          {latestArrival(view.cases)}
        </p>
        {view.news.length > 0 ? (
          <section aria-labelledby="news-heading" className="card space-y-2 border-accent print:hidden">
            <h2 id="news-heading" className="text-xl font-semibold">
              News
            </h2>
            <ol className="space-y-2">
              {[...view.news].reverse().map((n) => (
                <li key={n.id}>
                  <p>
                    <time dateTime={n.date} className="font-semibold">
                      {n.dateLabel}
                    </time>
                    : {n.text}
                    <SourceTag source={n.source} />
                  </p>
                </li>
              ))}
            </ol>
          </section>
        ) : null}

        {/* Alone, the guide above says this; on a phone the letter box comes first. */}
        <section
          aria-labelledby="role-heading"
          className={`space-y-2 print:hidden ${view.solo && seatStatus !== "debrief" && seatStatus !== "archived" ? "max-sm:hidden" : ""}`}
        >
          <h2 id="role-heading" className="text-xl font-semibold">
            {role === "procurator" ? "Your desk at the review commission" : "Your case"}
          </h2>
          <p className="max-w-3xl text-muted">
            {seatStatus === "debrief" || seatStatus === "archived" ? (
              observer ? (
                "The run has ended: this desk is now a record of what happened."
              ) : (
                <>
                  The run has ended: this desk is now a record of what happened.{" "}
                  {/* A full load: the reveal is drawn on the server once the run is over. */}
                  <a href={`/play/${view.run.id}#reveal-heading`} className="text-accent underline">
                    See what really happened behind the curtain
                  </a>
                  .
                </>
              )
            ) : (
              roleIntro
            )}
          </p>
        </section>

        {view.inbox ? <Inbox letters={view.inbox} solo={view.solo} /> : null}

        {view.cases.length === 0 ? (
          <p className="card text-muted">
            {clock.status === "lobby"
              ? role === "procurator"
                ? "Your teacher has not started the run yet. Your case files arrive when the clock starts."
                : "Your teacher has not started the run yet. Your case arrives when the clock starts."
              : "No cases on your desk."}
          </p>
        ) : (
          <ul
            className={`grid gap-4 print:hidden ${view.cases.length > 1 ? "md:grid-cols-2" : "max-w-3xl"}`}
            aria-label="Your cases"
          >
            {view.cases.map((c) => (
              <li key={c.index}>
                <CaseCard
                  draftKey={`spravka-draft:${view.run.id}:${c.index}`}
                  status={observer ? "debrief" : deskStatus(seatStatus, view.solo)}
                  pausedBy={clock.pausedBy}
                  relative={view.character?.relative ?? false}
                  runId={view.run.id}
                  role={role}
                  item={observer ? readOnly(c) : c}
                  friendUsed={Boolean(c.petition?.friendBar)}
                  defaultAsk={view.character?.ask}
                  onCase={(next) => setView((v) => withCase(v, next))}
                  onLetter={(l) => setLetters((all) => [...all, l])}
                  onHours={(left) => setView((v) => (v.hours ? { ...v, hours: { ...v.hours, left } } : v))}
                  onProtocol={(p) => setProtocols((all) => [...all, p])}
                />
              </li>
            ))}
          </ul>
        )}

        {role === "petitioner" && (letters.length > 0 || view.cases.some((c) => c.received?.length)) ? (
          <Timeline letters={letters} cases={view.cases} view={view} />
        ) : null}

        {view.memos && view.memos.length > 0 ? (
          <section aria-labelledby="memos-heading" className="space-y-3 print:hidden">
            <h2 id="memos-heading" className="text-xl font-semibold">
              Memos from above
            </h2>
            <p className="max-w-3xl text-muted">
              They tell you what your superiors want. They do not change what you may decide. The wording is this
              game&rsquo;s; only words in quotation marks are a source&rsquo;s.
            </p>
            <ol className="grid gap-3 md:grid-cols-2">
              {[...view.memos].reverse().map((m) => (
                <li key={m.id}>
                  <Document id={`memo-${m.id}`} title={m.title} meta={[dateRow(m)]}>
                    <p className="border-t border-paper-line pt-3">
                      {m.text}
                      <SourceTag source={m.source} basis={m.basis} />
                    </p>
                  </Document>
                </li>
              ))}
            </ol>
          </section>
        ) : null}

        {role === "procurator" && view.cases.length > 0 ? <Protocols protocols={protocols} cases={view.cases} /> : null}

        {/* (A class seat shows its codes first on arrival; a self-guided one keeps them here, under the desk.) */}
        {observer || (welcome && !view.solo) ? null : rejoin}
      </div>
    </>
  );
}

/** A case as the teacher sees it on a student's desk: everything the student sees, nothing to press. */
function readOnly(c: CaseView): CaseView {
  return {
    ...c,
    ...(c.petition ? { petition: { ...c.petition, canWrite: false, spravkaFrom: null, spravkaLater: null } } : {}),
    ...(c.file ? { file: { ...c.file, work: [], menu: null } } : {}),
  };
}

/** What last reached a petitioner, in a sentence for a screen reader ("" before anything has). */
function latestArrival(cases: readonly CaseView[]): string {
  const arrived = cases
    .flatMap((c) => c.received ?? [])
    .filter((r) => r.kind === "received")
    .sort((a, b) => a.date.localeCompare(b.date));
  const last = arrived.at(-1);
  return last ? `Arrived ${last.dateLabel}: ${last.title}` : "";
}

/** Never older than what the page shows: a live update may have brought a newer version first. */
function withCase(view: SeatView, next: CaseView): SeatView {
  return { ...view, cases: view.cases.map((c) => (c.index === next.index && next.version >= c.version ? next : c)) };
}

/**
 * A one-time id for a request. crypto.randomUUID exists only on HTTPS and
 * localhost, and a classroom often reaches a laptop over plain HTTP.
 */
function newRequestId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
}

function CaseCard({
  runId,
  role,
  item,
  friendUsed,
  defaultAsk,
  draftKey,
  status,
  pausedBy,
  relative,
  onCase,
  onLetter,
  onHours,
  onProtocol,
}: {
  runId: string;
  role: "procurator" | "petitioner";
  item: CaseView;
  friendUsed: boolean;
  defaultAsk?: Ask;
  draftKey: string;
  status: ClockView["status"];
  pausedBy: ClockView["pausedBy"];
  relative: boolean;
  onCase: (c: CaseView) => void;
  onLetter: (l: LetterView) => void;
  onHours: (left: number) => void;
  onProtocol: (p: ProtocolView) => void;
}) {
  const [pending, setPending] = useState(false);
  // A message belongs to the case and the run as they were then: once either moves on
  // (the case changes, the clock stops or the run ends), it is no longer shown.
  const [message, setMessage] = useState<{
    ok: boolean;
    text: string;
    version: number;
    status: ClockView["status"];
  } | null>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const headingId = `case-${item.index}`;
  const shown = message && message.version === item.version && message.status === status ? message : null;

  /** Sends one action; resolves true if the server took it. */
  async function send(action: SeatAction, letter?: string): Promise<boolean> {
    setPending(true);
    setMessage(null);
    const result = await postJson<ActResponse>(`/api/runs/${runId}/act`, {
      requestId: newRequestId(),
      caseIndex: item.index,
      expectedVersion: item.version,
      action,
      ...(letter !== undefined ? { letter } : {}),
    } satisfies ActRequest);
    setPending(false);
    // The form may be gone now (nothing more to do): keep keyboard focus on the outcome, not the page top.
    requestAnimationFrame(() => statusRef.current?.focus());
    if (!result) {
      setMessage({ ok: false, text: UNREACHABLE, version: item.version, status });
      return false;
    }
    if (result.case) onCase(result.case);
    if (result.ok && result.letter) onLetter(result.letter);
    if (result.ok && result.hoursLeft !== undefined) onHours(result.hoursLeft);
    if (result.ok && result.protocol) onProtocol(result.protocol);
    const version = result.case?.version ?? item.version;
    setMessage(
      result.ok
        ? { ok: true, text: doneText(action), version, status }
        : { ok: false, text: result.error.message, version, status },
    );
    return result.ok;
  }

  return (
    <Document
      id={headingId}
      title={item.label}
      meta={[
        ["Article", item.article],
        ["Sentenced by", item.organ],
        ["Term", `${item.termYears} years`],
        ...(item.persons > 1 ? [["Persons in the case", String(item.persons)] as [string, string]] : []),
      ]}
    >
      <p>
        <strong>{item.outcome === "pending" ? item.stageLabel : item.outcomeLabel}</strong>
        {item.source ? <SourceTag source={item.source} /> : null}
        {item.waitingDays !== null
          ? role === "petitioner"
            ? ` · ${item.waitingDays === 0 ? "today" : item.waitingDays === 1 ? "a day ago" : `${item.waitingDays} days ago`}`
            : ` · waiting ${daysText(item.waitingDays)}`
          : null}
      </p>
      <p className="text-sm">{item.state}</p>
      {item.why ? (
        <details className="font-sans text-sm">
          <summary className="cursor-pointer font-semibold text-accent">
            Why is nothing happening?<span className="sr-only"> ({item.label})</span>
          </summary>
          <ul className="mt-2 list-disc space-y-2 pl-5">
            {item.why.map((reason) => (
              <li key={reason.text}>
                {reason.text}
                <SourceTag source={reason.source} {...(reason.basis ? { basis: reason.basis } : {})} />
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {item.petition?.spravkaFrom ? (
        <form
          className="font-sans"
          onSubmit={(e) => {
            e.preventDefault();
            void send({ type: "spravka.request" });
          }}
        >
          <button type="submit" className="btn btn-secondary w-full" disabled={pending}>
            Ask {item.petition.spravkaFrom} for your spravka
          </button>
        </form>
      ) : null}
      {item.petition?.spravkaLater ? (
        <p className="font-sans text-sm">
          If nothing comes, you can ask {item.petition.spravkaLater.office} from {item.petition.spravkaLater.dateLabel}.
        </p>
      ) : null}
      {item.petition && (item.petition.canWrite || status === "paused") ? (
        <details
          className="font-sans"
          open={!item.petition.decided && !item.received?.length && item.waitingDays === null}
        >
          <summary className="cursor-pointer font-semibold text-accent">
            Write a letter<span className="sr-only"> about {item.label}</span>
          </summary>
          <div className="mt-3 space-y-3">
            {item.petition.decided ? (
              <p className="text-sm">
                A decision has come. You can still write — many people went on writing for years — but in this run no
                new review will follow.
              </p>
            ) : null}
            <PetitionForm
              idPrefix={headingId}
              draftKey={draftKey}
              relative={relative}
              closedReason={
                status === "paused"
                  ? `${pausedBy === "restart" ? "The clock is paused: the server restarted." : "Your teacher has paused the clock."} Keep writing: your draft is kept, and you can send it when the clock runs again.`
                  : item.petition.letterBar
              }
              caseLabel={item.label}
              friendUsed={friendUsed}
              defaultAsk={defaultAsk}
              pending={pending}
              onSend={(action, body) => send(action, body)}
            />
          </div>
        </details>
      ) : null}
      {role === "procurator" && item.file ? (
        <ProcuratorFileView
          item={item}
          file={item.file}
          idPrefix={headingId}
          pending={pending}
          onWork={(type) => void send({ type })}
          onDecide={(action) => send(action)}
          onInvalid={(text) => {
            setMessage({ ok: false, text, version: item.version, status });
            requestAnimationFrame(() => statusRef.current?.focus());
          }}
        />
      ) : null}
      <p
        role="status"
        ref={statusRef}
        tabIndex={-1}
        className={shown?.ok === false ? "font-sans font-medium text-danger" : "font-sans"}
      >
        {shown?.text}
      </p>
    </Document>
  );
}

function doneText(action: SeatAction): string {
  switch (action.type) {
    case "complaint.file":
      return `Your letter to ${ADDRESSEE_LABELS[action.addressee]} is on its way.`;
    case "spravka.request":
      return "Your request is sent. Now you wait again.";
    case "desk.read":
      return "You read the file for as long as the day allowed.";
    case "letter.read":
      return "You read the letter: it is in your inbox now, in the petitioner's words.";
    case "desk.deputy":
      return "The deputy procurator will take part in the review.";
    case "file.requestOriginals":
      return "The request for the originals is sent. They will take weeks.";
    case "file.crossCheck":
      return "You checked the testimony against another case.";
    case "lists.request":
      return "Your letter to the camp is sent. Its list may come in weeks — or never.";
    case "lists.proceedWithout":
      return "You go ahead on the complaint alone.";
    default:
      return "Your decision is recorded in the commission's protocol.";
  }
}
