import type { Metadata } from "next";
import { ComingSoon } from "@/app/_components/coming-soon";

export const metadata: Metadata = { title: "Explore on your own" };

export default function ExplorePage() {
  return (
    <ComingSoon title="Explore on your own">
      <p>
        Here you will pick a historical scenario, such as the Rostov commission of 1954–55, and play it alone as a
        petitioner or a procurator, with the source for every rule and delay beside it.
      </p>
      <p>Self-guided runs are not available yet in this version of Spravka.</p>
    </ComingSoon>
  );
}
