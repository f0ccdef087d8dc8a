import type { SourceKey } from "@/machines/vocabulary";

/** What a petitioner alone can hope to reach in a scenario, said before they start ("Can I win?"). */
export type SpravkaReach = { reachable: boolean; text: string; source: SourceKey };

/**
 * The scenarios whose runs end before a spravka can come, and why: the
 * history, not a rule of the game. lib/desk/persistent-petitioner.test.ts
 * plays a persistent petitioner through every scenario and holds this list
 * to it both ways (no spravka here; a spravka somewhere in every other).
 */
export const SPRAVKA_OUT_OF_REACH: Readonly<Record<string, { text: string; source: SourceKey }>> = {
  "rostov-1954": {
    text: "This run ends with the Rostov commission's last session in January 1955. It fully rehabilitated 56 of the 1,709 people it reviewed (3.2%). Here a persistent petitioner can reach that decision, but in this game the spravka does not come before the run ends.",
    source: "adler-ch3",
  },
  "stalingrad-1955": {
    text: "Stalingrad's 1955 tally records no full rehabilitations at all: 1,602 upheld, 360 reduced, 121 amnestied, 16 freed from exile. Here a shorter term or a release is the most a petitioner can reach.",
    source: "adler-ch3",
  },
};

const WITHIN_REACH =
  "There are no points. A spravka in hand is the goal, and a persistent, well-aimed petitioner can reach it in this run, but it is possible, not likely. Full rehabilitation was rare (in Rostov, 56 of 1,709 people reviewed, 3.2%), and in late 1955 courts were “not sending” spravki: the certificate was “a very long time in coming”.";

/** "Can I win?" for a petitioner in this scenario. */
export function spravkaReach(scenarioId: string): SpravkaReach {
  const out = SPRAVKA_OUT_OF_REACH[scenarioId];
  return out
    ? { reachable: false, text: `There are no points. ${out.text}`, source: out.source }
    : { reachable: true, text: WITHIN_REACH, source: "adler-ch3" };
}
