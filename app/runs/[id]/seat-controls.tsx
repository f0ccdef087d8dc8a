import type { SeatFigures } from "@/lib/runs/console/console";
import { DISPLAY_NAME_MAX } from "@/lib/runs/policy";
import { ControlForm } from "./controls";

/** A seat's line in the console: where the student is, and whether they are active, idle or offline. */
export function SeatNow({ figures }: { figures: SeatFigures | undefined }) {
  if (!figures) return null;
  const tone =
    figures.status.kind === "active" ? "text-accent" : figures.status.kind === "idle" ? "text-stamp" : "text-muted";
  return (
    <>
      <span className={`block font-semibold ${tone}`}>{figures.status.text}</span>
      <span className="block">{figures.summary}</span>
    </>
  );
}

/**
 * Rename or remove one seat. Both are logged; a rename keeps the old name in
 * the log, a removal hands the seat's cases back to the computer and frees
 * its place (asked once more, as it cannot be undone).
 */
export function ManageSeat({
  runId,
  seat,
  canRemove,
}: {
  runId: string;
  seat: { id: string; number: number; displayName: string };
  canRemove: boolean;
}) {
  return (
    <details>
      <summary className="cursor-pointer text-accent">
        Rename or remove<span className="sr-only"> seat {seat.number}</span>
      </summary>
      <div className="mt-2 space-y-3">
        <ControlForm runId={runId} action="renameSeat" label={`Rename seat ${seat.number}`} className="space-y-1">
          <input type="hidden" name="seatId" value={seat.id} />
          <label htmlFor={`rename-${seat.id}`} className="block font-medium">
            New name<span className="sr-only"> for seat {seat.number}</span>
          </label>
          <span className="flex gap-2">
            <input
              id={`rename-${seat.id}`}
              name="name"
              defaultValue={seat.displayName}
              maxLength={DISPLAY_NAME_MAX}
              required
              className="w-40 rounded-md border border-muted/60 bg-surface px-2 py-1"
            />
            <button type="submit" className="font-semibold text-accent underline">
              Rename
            </button>
          </span>
        </ControlForm>
        {canRemove ? (
          <ControlForm runId={runId} action="removeSeat" label={`Remove seat ${seat.number}`} className="space-y-1">
            <input type="hidden" name="seatId" value={seat.id} />
            <p className="flex items-start gap-2">
              <input
                id={`remove-${seat.id}`}
                type="checkbox"
                name="confirm"
                value="yes"
                required
                className="mt-1 size-4"
              />
              <label htmlFor={`remove-${seat.id}`}>
                Remove {seat.displayName}: their cases go back to the computer and their browser stops.
              </label>
            </p>
            <button type="submit" className="font-semibold text-danger underline">
              Remove the seat
            </button>
          </ControlForm>
        ) : null}
      </div>
    </details>
  );
}
