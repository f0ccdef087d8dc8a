import { LessonCountdown } from "@/app/_components/room-screens";
import { MESSAGE_MAX } from "@/lib/runs/policy";
import type { ClockView } from "@/lib/runs/seat-view/views";
import { ControlForm } from "./controls";

/**
 * The teacher's hold on the room, as classroom tools have it: a message to
 * every screen, "eyes up" to cover students' screens while the teacher
 * talks, and a lesson timer counting down on every screen.
 */
export function RoomControls({ runId, room }: { runId: string; room: ClockView["room"] }) {
  return (
    <section aria-labelledby="room-heading" className="card space-y-4 print:hidden">
      <h2 id="room-heading" className="text-xl font-semibold">
        The room
      </h2>
      <div className="grid gap-6 lg:grid-cols-3">
        <ControlForm runId={runId} action="message" label="Message to the class" className="space-y-2">
          <label htmlFor="room-message" className="field-label">
            Message to every screen
          </label>
          <textarea
            id="room-message"
            name="text"
            rows={2}
            maxLength={MESSAGE_MAX}
            required
            className="field-input"
            aria-describedby="room-message-hint"
          />
          <p id="room-message-hint" className="field-hint">
            {room.notice
              ? `Showing now: “${room.notice.text}”. A new message replaces it.`
              : `Up to ${MESSAGE_MAX} characters; it stays on every seat until you send another.`}
          </p>
          <button type="submit" className="btn btn-secondary">
            Send to every screen
          </button>
        </ControlForm>
        <ControlForm runId={runId} action="eyesUp" label="Eyes up" className="space-y-2">
          <input type="hidden" name="on" value={room.eyesUp ? "no" : "yes"} />
          <p role="status" className="font-semibold">
            {room.eyesUp ? "Students' screens are covered: “Eyes up”." : "Students' screens are theirs."}
          </p>
          <p className="field-hint">Covers every seat with a notice while you talk; nothing on their desks is lost.</p>
          <button type="submit" className={room.eyesUp ? "btn btn-primary" : "btn btn-secondary"}>
            {room.eyesUp ? "Give the screens back" : "Eyes up: cover their screens"}
          </button>
        </ControlForm>
        <ControlForm runId={runId} action="lessonTimer" label="Lesson timer" className="space-y-2">
          <label htmlFor="room-minutes" className="field-label">
            Minutes left in the lesson
          </label>
          <input
            id="room-minutes"
            name="minutes"
            type="number"
            inputMode="numeric"
            min={0}
            max={180}
            required
            className="field-input w-32"
            aria-describedby="room-minutes-hint"
          />
          <p id="room-minutes-hint" className="field-hint">
            Every screen counts down and warns five minutes before the end. 0 stops the timer.
          </p>
          <button type="submit" className="btn btn-secondary">
            Set the timer
          </button>
          <LessonCountdown endsAt={room.lessonEndsAt} />
        </ControlForm>
      </div>
    </section>
  );
}
