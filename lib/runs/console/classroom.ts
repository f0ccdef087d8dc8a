import type { Run } from "@/.generated/prisma/client";
import type { Change } from "@/lib/runs/store/store";
import type { ControlInput } from "@/lib/runs/validation";

/** The teacher's controls over the room's screens: the part of ControlInput they cover. */
export type ClassroomControl = Extract<ControlInput, { action: "message" | "eyesUp" | "lessonTimer" }>;

/**
 * What a classroom control changes: a message shown on every seat until the
 * next, students' screens covered ("eyes up") until released, a lesson
 * timer counting down on every screen. Each is logged, so the record of the
 * lesson shows when the teacher spoke to the class. None touches the
 * simulated world, so replays are unchanged. Refused (with why) once the run
 * has ended.
 */
export function classroomChange(run: Pick<Run, "status">, input: ClassroomControl, now: Date): Change | string {
  if (run.status === "debrief" || run.status === "archived") {
    return "The run has ended: the class's screens show the debrief now.";
  }
  switch (input.action) {
    case "message":
      return {
        run: { notice: input.text, noticeAt: now },
        entries: [{ type: "run.message", actor: "instructor", payload: { text: input.text } }],
      };
    case "eyesUp":
      return {
        run: { eyesUp: input.on },
        entries: [{ type: "run.eyesUp", actor: "instructor", payload: { on: input.on } }],
      };
    case "lessonTimer": {
      const endsAt = input.minutes === 0 ? null : new Date(now.getTime() + input.minutes * 60_000);
      return {
        run: { lessonEndsAt: endsAt },
        entries: [
          { type: "run.lessonTimer", actor: "instructor", payload: { endsAt: endsAt ? endsAt.toISOString() : null } },
        ],
      };
    }
  }
}
