import { Link } from "@/app/_components/link";
import { Term } from "@/app/_components/term";
import { SourceConflict } from "@/app/_components/source-conflict";
import { conflictsConcerning } from "@/lib/sources/conflicts";
import { SourceTag } from "@/app/_components/source-tag";

export default function HomePage() {
  return (
    <div className="space-y-12">
      <section aria-labelledby="intro-heading" className="space-y-5">
        <p className="text-sm font-semibold uppercase tracking-wider text-accent">
          A classroom simulation · USSR, 1954–55
        </p>
        <h1 id="intro-heading" className="max-w-3xl text-4xl font-bold leading-tight tracking-tight sm:text-5xl">
          Why did freeing the innocent take so long?
        </h1>
        <p className="max-w-3xl text-lg text-muted">
          After Stalin died, a decree of 19 May 1954 set up commissions to look again at the cases of people imprisoned
          for “counter-revolutionary crimes” under <Term id="article-58">article 58</Term>.
          <SourceTag source="adler-ch3" /> The review was real, but slow: prisoner lists did not arrive, complaints went
          to the officials they accused, and courts suspended cases without issuing the{" "}
          <em>
            <Term id="spravka">spravka</Term>
          </em>
          , the certificate of rehabilitation. In Spravka your class works that machine from the inside, as procurators
          reviewing files or as prisoners and relatives writing complaints, and feels where it jammed.
        </p>
      </section>

      <section aria-label="Get started" className="grid gap-4 sm:grid-cols-3">
        <Link href="/runs" className="card group block no-underline hover:border-accent">
          <h2 className="text-xl font-semibold text-ink group-hover:text-accent">Run a class</h2>
          <p className="mt-2 text-muted">
            For teachers: set up a scenario, project a join code, steer the clock, lead the debrief.
          </p>
        </Link>
        <Link href="/join" className="card group block no-underline hover:border-accent">
          <h2 className="text-xl font-semibold text-ink group-hover:text-accent">Join a class</h2>
          <p className="mt-2 text-muted">
            For students: type the code on the board and a display name. No account needed.
          </p>
        </Link>
        <Link href="/explore" className="card group block no-underline hover:border-accent">
          <h2 className="text-xl font-semibold text-ink group-hover:text-accent">Explore on your own</h2>
          <p className="mt-2 text-muted">Play a case alone, at your own pace, and see the sources behind every step.</p>
        </Link>
      </section>

      <section aria-labelledby="numbers-heading" className="space-y-4">
        <h2 id="numbers-heading" className="text-2xl font-semibold">
          The scale of it
        </h2>
        <ul className="grid gap-4 sm:grid-cols-3">
          <li className="card">
            <p className="text-3xl font-bold">467,946</p>
            <p className="mt-1 text-muted">
              people held for counter-revolutionary crimes in early 1954. <SourceTag source="adler-ch3" />
            </p>
          </li>
          <li className="card">
            <p className="text-3xl font-bold">24,036</p>
            <p className="mt-1 text-muted">
              released after the May 1954 review, by early 1956. <SourceTag source="adler-ch3" />
            </p>
            {/* Other sources and counts give other figures: shown, not hidden (lib/sources/conflicts.ts). */}
            <p className="mt-2 space-y-1">
              {conflictsConcerning("home:released-after-review").map((c) => (
                <SourceConflict key={c.id} id={c.id} />
              ))}
            </p>
          </li>
          <li className="card">
            <p className="text-3xl font-bold">56 of 1,709</p>
            <p className="mt-1 text-muted">
              people fully rehabilitated by the Rostov commission, June 1954 – January 1955.{" "}
              <SourceTag source="adler-ch3" />
            </p>
          </li>
        </ul>
      </section>

      <p className="text-muted">
        Teaching with Spravka?{" "}
        <Link href="/signup" className="font-semibold text-accent">
          Create an instructor account
        </Link>{" "}
        or{" "}
        <Link href="/login" className="font-semibold text-accent">
          sign in
        </Link>
        .
      </p>
    </div>
  );
}
