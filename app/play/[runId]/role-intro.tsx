import { Term } from "@/app/_components/term";
import type { SeatRole } from "@/lib/runs/deal-cases";

/**
 * What a seat's role is, with its terms of the time linked to the glossary.
 * Rendered on the server and handed to the desk (SeatDesk's `roleIntro`), so
 * the glossary's text stays out of the code a student's phone downloads
 * (likewise SoloWho below).
 */
export function RoleIntro({ role }: { role: SeatRole }) {
  return role === "procurator" ? (
    <>
      You sit on a <Term id="commission">review commission</Term> set up after 19 May 1954 to review{" "}
      <Term id="article-58">article 58</Term> cases. Files reach your desk only after a complaint or a camp list, and
      after clerks have assembled them. When a file is ready for review, decide it: a court&rsquo;s sentence only by a{" "}
      <Term id="protest">protest</Term>.
    </>
  ) : (
    <>
      Sentenced under <Term id="article-58">article 58</Term>: nothing happens unless someone writes. You will not see
      where your letter goes, only what comes back. The goal is a <Term id="spravka">spravka</Term>.
    </>
  );
}

/** "Who am I?" in the guide of a run played alone (GuidedStart in solo.tsx). */
export function SoloWho({ role }: { role: SeatRole }) {
  return role === "petitioner" ? (
    <>
      A prisoner sentenced under <Term id="article-58">article 58</Term>, or a relative writing for one, in 1954. The
      computer plays everyone else: other prisoners, clerks, procurators and courts.
    </>
  ) : (
    <>
      A procurator on a <Term id="commission">review commission</Term> set up after 19 May 1954. The computer plays the
      prisoners writing in, the clerks, the other procurators and the courts.
    </>
  );
}
