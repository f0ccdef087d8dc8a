import type { Metadata } from "next";
import { Link } from "@/app/_components/link";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { LessonCountdown } from "@/app/_components/room-screens";
import { statusText } from "@/app/_components/clock-status";
import { requireInstructorPage } from "@/lib/authz";
import { consoleData } from "@/lib/runs/console/console";
import { campConsole } from "@/lib/runs/camp/camp-views";
import { CampPresenter } from "../camp-figures";
import { joinUrl } from "@/lib/runs/seats/join-url";
import { joinAddress } from "@/lib/runs/seats/join-address";
import { clockView } from "@/lib/runs/seat-view/views";
import { getRunForOwner } from "@/lib/runs/store/queries";
import { runStore } from "@/lib/runs/store/store";
import { JoinPanel } from "../join-panel";
import { PipelineMap } from "../pipeline-map";
import { RunLive } from "../run-live";

export const metadata: Metadata = { title: "Presenter" };

/**
 * The projector's screen: one 1920×1080 view with no scrolling — the date
 * and the clock, the map with its bottleneck, the key counts, the latest
 * news, and the class code in a small strip for late arrivals. Large type
 * for the back row; the full console stays on the teacher's own laptop.
 */
export default async function PresenterPage({ params }: PageProps<"/runs/[id]/present">) {
  const { id } = await params;
  const user = await requireInstructorPage(`/runs/${id}/present`);
  const run = await getRunForOwner(user, id);
  if (!run) notFound();
  const { clock, camp } = await runStore.readEngine(id, (r, engine) => ({
    clock: clockView(r, engine.scenario),
    camp: engine.kind === "camp" && r.status !== "lobby" ? campConsole(engine.camp, engine.scenario) : null,
  }));
  const data = clock.status === "lobby" || camp ? null : await consoleData(run.id);
  const url = run.joinCode ? joinUrl(await headers(), run.joinCode) : null;
  const seats = run.seats.filter((seat) => !seat.removedAt);
  const pipeline = data?.pipeline;
  const upheld = pipeline?.outcomes.find((o) => o.outcome === "upheld")?.count ?? 0;
  const freed = pipeline ? pipeline.outcomes.filter((o) => o.outcome !== "upheld" && o.outcome !== "pending") : [];
  const news = data?.injections.filter((i) => i.injectedOn !== null).slice(-2) ?? [];
  const worst = pipeline?.stages.find((s) => s.stage === pipeline.worst);
  return (
    <div className="fixed inset-0 z-40 flex flex-col gap-4 overflow-hidden bg-canvas px-8 py-6 text-xl">
      <header className="flex items-start justify-between gap-6">
        <div>
          <h1 className="text-4xl font-bold">{run.title}</h1>
          <p className="text-2xl text-muted">{statusText(clock, false)}</p>
        </div>
        <div className="flex items-center gap-4">
          <LessonCountdown endsAt={clock.room.lessonEndsAt} large />
          <Link href={`/runs/${run.id}`} className="btn btn-secondary text-base">
            Back to the console
          </Link>
        </div>
      </header>
      <RunLive runId={run.id} initialClock={clock} size="huge" />
      {clock.room.notice ? <p className="card border-accent text-2xl font-semibold">{clock.room.notice.text}</p> : null}

      {camp ? (
        <CampPresenter
          camp={camp}
          lateArrivals={
            url && run.joinCode ? (
              <p className="card mt-auto text-lg">
                Late? Join at <strong>{joinAddress(url)}</strong> with code{" "}
                <strong className="font-mono tracking-widest">{run.joinCode}</strong> · {seats.length} in the class
              </p>
            ) : null
          }
        />
      ) : null}
      {pipeline ? (
        <div className="grid min-h-0 flex-1 grid-cols-[1fr_26rem] gap-6">
          <section aria-labelledby="present-map" className="flex min-h-0 flex-col gap-2">
            <h2 id="present-map" className="text-2xl font-semibold">
              Where the cases are
              {worst ? (
                <span className="ml-3 text-danger">
                  Bottleneck: {worst.label} ({worst.count.toLocaleString("en")})
                </span>
              ) : null}
            </h2>
            <PipelineMap pipeline={pipeline} className="min-h-0 flex-1" />
          </section>
          <aside className="flex min-h-0 flex-col gap-4">
            <section aria-labelledby="present-counts" className="card space-y-2">
              <h2 id="present-counts" className="text-2xl font-semibold">
                So far, of {pipeline.total.toLocaleString("en")} cases
              </h2>
              <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1 text-2xl">
                <dt>Decided</dt>
                <dd className="text-right font-bold tabular-nums">{pipeline.decided.toLocaleString("en")}</dd>
                <dt>Sentence upheld</dt>
                <dd className="text-right font-bold tabular-nums">{upheld.toLocaleString("en")}</dd>
                <dt>Freed or eased</dt>
                <dd className="text-right font-bold tabular-nums">
                  {freed.reduce((n, o) => n + o.count, 0).toLocaleString("en")}
                </dd>
                <dt>Nobody pursuing</dt>
                <dd className="text-right font-bold tabular-nums">{pipeline.unpursued.toLocaleString("en")}</dd>
                {data?.district ? (
                  <>
                    <dt>Your district decided</dt>
                    <dd className="text-right font-bold tabular-nums">
                      {data.district.decided} of {data.district.files}
                    </dd>
                  </>
                ) : null}
              </dl>
            </section>
            <section aria-labelledby="present-news" className="card min-h-0 space-y-2 overflow-hidden">
              <h2 id="present-news" className="text-2xl font-semibold">
                Latest news
              </h2>
              {news.length === 0 ? (
                <p className="text-muted">No event injected yet.</p>
              ) : (
                <ul className="space-y-2">
                  {news.map((n) => (
                    <li key={n.id}>
                      <strong>{n.title}</strong> · {n.injectedOn}
                    </li>
                  ))}
                </ul>
              )}
            </section>
            {url && run.joinCode ? (
              <p className="card mt-auto text-lg">
                Late? Join at <strong>{joinAddress(url)}</strong> with code{" "}
                <strong className="font-mono tracking-widest">{run.joinCode}</strong> · {seats.length} in the class
              </p>
            ) : null}
          </aside>
        </div>
      ) : !camp && url && run.joinCode ? (
        <div className="min-h-0 flex-1">
          <JoinPanel code={run.joinCode} joinUrl={url} size="huge" />
          <p className="mt-4 text-3xl" aria-live="polite">
            {seats.length} joined
          </p>
        </div>
      ) : null}
    </div>
  );
}
