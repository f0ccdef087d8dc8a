"use client";

import { StoryFramePanel } from "@/app/_components/story-frame";
import { useRef, useState } from "react";
import { useLiveStream } from "@/app/_components/use-live-stream";
import { ADDRESSEE_LABELS } from "@/lib/labels";
import { Document, DocumentText } from "@/app/_components/document";
import { SourceTag } from "@/app/_components/source-tag";
import { postJson, UNREACHABLE } from "@/app/_components/post-json";
import type { Ask } from "@/machines/vocabulary";
import { Term } from "@/app/_components/term";
import { EyesUpCover, LessonCountdown, TeacherNotice } from "@/app/_components/room-screens";
import { PetitionForm } from "./petition-form";
import { ProcuratorFileView } from "./procurator-file";
import { GuidedStart, SoloControls } from "./solo";
import { PersonalDebrief } from "./personal-debrief";
import type { Reveal } from "@/lib/runs/seat-view/reveal";
import { SeatTop } from "./seat-top";
import type { ActRequest, ActResponse } from "@/lib/api-types";
import type { CaseView, ClockView, LetterView, ProtocolView, SeatView } from "@/lib/runs/seat-view/views";
import type { InboxLetter } from "@/lib/runs/seat-view/inbox";
import { playerName } from "@/lib/runs/seat-view/player-name";
import type { SeatAction } from "@/lib/runs/validation";
import { deskStatus } from "@/lib/runs/clock";
import { daysText } from "@/lib/runs/days-text";

export function SeatDesk({
  initial,
  initialLetters,
  initialProtocols,
  welcome,
  nameTaken = false,
  observer = false,
  reveal,
}: {
  initial: SeatView;
  initialLetters: LetterView[];
  initialProtocols: ProtocolView[];
  welcome: boolean;
  /** just joined under a name a classmate already had: the seat took a number ("Alex 2") */
  nameTaken?: boolean;
  /** the teacher looking at this desk: read-only, no codes, no stream of its own (its page refreshes it) */
  observer?: boolean;
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
          <GuidedStart role={role} reach={view.reach} />
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
            ) : role === "procurator" ? (
              <>
                You sit on a <Term id="commission">review commission</Term> set up after 19 May 1954 to review{" "}
                <Term id="article-58">article 58</Term> cases. Files reach your desk only after a complaint or a camp
                list, and after clerks have assembled them. When a file is ready for review, decide it: a court&rsquo;s
                sentence only by a <Term id="protest">protest</Term>.
              </>
            ) : (
              <>
                Sentenced under <Term id="article-58">article 58</Term>: nothing happens unless someone writes. You will
                not see where your letter goes, only what comes back. The goal is a <Term id="spravka">spravka</Term>.
              </>
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

type TimelineEntry =
  | { kind: "sent"; date: string; letter: LetterView }
  | { kind: "received"; date: string; id: string; item: NonNullable<CaseView["received"]>[number]; caseLabel: string };

/** The petitioner's own record: what they sent and what came back, in order, to keep (print view). */
/** What last reached a petitioner, in a sentence for a screen reader ("" before anything has). */
function latestArrival(cases: readonly CaseView[]): string {
  const arrived = cases
    .flatMap((c) => c.received ?? [])
    .filter((r) => r.kind === "received")
    .sort((a, b) => a.date.localeCompare(b.date));
  const last = arrived.at(-1);
  return last ? `Arrived ${last.dateLabel}: ${last.title}` : "";
}

function Timeline({ letters, cases, view }: { letters: LetterView[]; cases: CaseView[]; view: SeatView }) {
  const entries: TimelineEntry[] = [
    ...letters.map((letter) => ({ kind: "sent" as const, date: letter.date, letter })),
    ...cases.flatMap((c) =>
      (c.received ?? []).map((item, k) => ({
        kind: "received" as const,
        date: item.date,
        id: `${c.index}-${k}`,
        item,
        caseLabel: c.label,
      })),
    ),
  ].sort((a, b) => a.date.localeCompare(b.date) || (a.kind === b.kind ? 0 : a.kind === "sent" ? -1 : 1));
  return (
    <section aria-labelledby="timeline-heading" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="timeline-heading" className="text-xl font-semibold">
          Your timeline
        </h2>
        <button type="button" className="btn btn-secondary print:hidden" onClick={() => window.print()}>
          Print or save my timeline
        </button>
      </div>
      {/* The answers are composites: their tag says what they rest on, not that the words are on record. */}
      <p className="max-w-3xl text-muted">
        The papers that come back are written for this game in the sources&rsquo; terms; only words in quotation marks
        are a source&rsquo;s.
      </p>
      {/* On paper, say whose timeline this is and how it ended. */}
      <div className="hidden print:block">
        <p className="font-semibold">
          {view.character ? `${view.character.name} — ` : ""}
          {playerName(view.seat.displayName, view.solo) === null
            ? "played alone"
            : `played by ${view.seat.displayName}`}
          , seat {view.seat.number}
        </p>
        <p>
          {view.run.title} · {view.run.scenarioTitle}
        </p>
        {cases.map((c) => (
          <p key={c.index}>
            {c.label} ({c.article}, {c.termYears} years): {c.outcome === "pending" ? c.stageLabel : c.outcomeLabel}
          </p>
        ))}
      </div>
      <ol className="space-y-4">
        {entries.map((e) =>
          e.kind === "sent" ? (
            <li key={e.letter.id}>
              <Document
                id={`letter-${e.letter.id}`}
                title={`Letter to ${e.letter.addresseeLabel}`}
                meta={[
                  dateRow(e.letter),
                  ["About", e.letter.caseLabel],
                  ["Asking for", e.letter.askLabel],
                  ["Grounds", e.letter.groundsLabel],
                  ["Sent", e.letter.carrierLabel],
                ]}
              >
                <DocumentText text={e.letter.body} />
              </Document>
            </li>
          ) : (
            <li key={e.id}>
              <Document id={`received-${e.id}`} title={e.item.title} meta={[dateRow(e.item), ["About", e.caseLabel]]}>
                <p className="border-t border-paper-line pt-3">
                  {e.item.text}
                  {e.item.source ? <SourceTag source={e.item.source} /> : null}
                </p>
                {/* The app's voice, not the paper's: what a person in this position could try next. */}
                <aside
                  aria-label={`What could you try now? (${e.item.title})`}
                  className="mt-3 rounded-md border border-line bg-surface px-3 py-2 font-sans text-sm"
                >
                  <p className="font-semibold">What could you try now?</p>
                  <p>
                    {e.item.nextStep.text}
                    <SourceTag source={e.item.nextStep.source} />
                  </p>
                  {/* What the game itself does, apart from the history and labelled as the game's rule. */}
                  {e.item.nextStep.game ? (
                    <p className="mt-1">
                      {e.item.nextStep.game}
                      <SourceTag source="invented" />
                    </p>
                  ) : null}
                </aside>
              </Document>
            </li>
          ),
        )}
      </ol>
    </section>
  );
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

/** The procurator's record: throughput, backlog, and each decision as the commission's protocol. */
function Protocols({ protocols, cases }: { protocols: ProtocolView[]; cases: CaseView[] }) {
  const atReview = cases.filter((c) => c.file?.menu).length;
  const undecided = cases.filter((c) => c.outcome === "pending" && c.stage !== "court").length;
  return (
    <section aria-labelledby="protocols-heading" className="space-y-3">
      <h2 id="protocols-heading" className="text-xl font-semibold">
        Your protocols
      </h2>
      <p>
        Decided by you: <strong>{protocols.length}</strong> · files still on your desk: <strong>{undecided}</strong>{" "}
        (ready for review: <strong>{atReview}</strong>)
      </p>
      {protocols.length === 0 ? (
        <p className="text-muted">No decisions yet. Each one you record is written up here as a protocol.</p>
      ) : (
        <ol className="space-y-4">
          {protocols.map((p) => (
            <li key={p.id}>
              <Document
                id={`protocol-${p.id}`}
                title={`Protocol: ${p.caseLabel}`}
                meta={[
                  dateRow(p),
                  ["Decision", p.decisionLabel],
                  ...(p.detail ? [["In detail", p.detail] as [string, string]] : []),
                  ["Present", p.deputy ? "You, and the deputy procurator" : "You alone (the deputy did not take part)"],
                  ["Force", p.final ? "Final: an out-of-court sentence" : "A protest: a court must rule on it"],
                  ...(p.final ? [] : [courtRow(p, cases)]),
                ]}
              >
                <DocumentText text={p.justification} />
              </Document>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** A protest's "Court" row: the court's rulings on it so far (they come back as notices), or that it waits. */
function courtRow(p: ProtocolView, cases: CaseView[]): [string, React.ReactNode] {
  const rulings = cases.find((c) => c.index === p.caseIndex)?.file?.rulings.filter((r) => r.date >= p.date) ?? [];
  if (rulings.length === 0) return ["Court", "Waiting for the court's ruling"];
  return [
    "Court",
    <span key="c">
      {rulings.map((r) => (
        <span key={r.date + r.text} className="block">
          <time dateTime={r.date}>{r.dateLabel}</time>: {r.text}
        </span>
      ))}
    </span>,
  ];
}

/** A document's "Date" row, machine-readable for assistive tech. */
function dateRow(d: { date: string; dateLabel: string }): [string, React.ReactNode] {
  return [
    "Date",
    <time key="d" dateTime={d.date}>
      {d.dateLabel}
    </time>,
  ];
}

/**
 * A procurator's inbox: classmates' letters about the desk's cases, in their
 * own words, once they have reached the commission; the longest waiting first.
 * New arrivals are announced politely (the list itself is not a live region:
 * reading a letter aloud while the student works would interrupt them).
 */
function Inbox({ letters, solo }: { letters: InboxLetter[]; solo: boolean }) {
  const waiting = letters.filter((l) => !l.answered).length;
  return (
    <section aria-labelledby="inbox-heading" className="card space-y-3">
      <h2 id="inbox-heading" className="text-xl font-semibold">
        Inbox: letters from petitioners
      </h2>
      <p role="status" className="text-sm text-muted">
        {letters.length === 0
          ? solo
            ? "No petitioner's letter has reached you. Played alone, nobody writes here: in a class, the students playing petitioners write letters about the files on your desk, and those that reach the commission arrive here."
            : "No letter about your cases has reached the commission yet. Letters written by classmates about the files on your desk arrive here, if they arrive at all."
          : `${letters.length} ${letters.length === 1 ? "letter has" : "letters have"} reached you; ${waiting} still ${waiting === 1 ? "waits" : "wait"} for your decision on the case.`}
      </p>
      {letters.length > 0 ? (
        <ol className="space-y-3">
          {letters.map((l) => (
            <li key={`${l.caseIndex}-${l.arrivedDay}-${l.fromSeat}`} className="rounded border border-line p-3">
              <p className="text-sm">
                <strong>{l.caseLabel}</strong> · from the petitioner at seat {l.fromSeat} · arrived {l.arrivedLabel} ·{" "}
                {l.answered
                  ? `waited ${daysText(l.waitedDays)} for your decision`
                  : `waiting ${daysText(l.waitedDays)}`}
              </p>
              {l.body === null ? (
                <p className="mt-2 text-sm">
                  Not read yet. Reading it takes a quarter of an hour of your desk&apos;s day:{" "}
                  <a href={`#case-${l.caseIndex}-title`} className="underline">
                    open {l.caseLabel}
                  </a>{" "}
                  and choose &ldquo;Read the petitioner&apos;s letter&rdquo;.
                </p>
              ) : (
                <blockquote className="mt-2 whitespace-pre-wrap border-l-4 border-line pl-3">{l.body}</blockquote>
              )}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
