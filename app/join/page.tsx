import type { Metadata } from "next";
import { ComingSoon } from "@/app/_components/coming-soon";

export const metadata: Metadata = { title: "Join a class" };

export default function JoinPage() {
  return (
    <ComingSoon title="Join a class">
      <p>
        Here you will type the join code your teacher shows on the board and a display name, and land on your seat as a
        procurator or a petitioner. No email and no real name will be needed.
      </p>
      <p>Classroom runs are not available yet in this version of Spravka.</p>
    </ComingSoon>
  );
}
