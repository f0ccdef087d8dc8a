import { cookies } from "next/headers";
import { getSessionUser } from "@/lib/authz";
import { failure, failureResponse } from "@/lib/failure";
import { withDatabaseErrors } from "@/lib/http";
import { batchedWriter } from "@/lib/runs/live/batched-writer";
import { liveHub, type StreamAudience } from "@/lib/runs/live/hub";
import { isRunOwner } from "@/lib/runs/is-run-owner";
import { SEAT_COOKIE } from "@/lib/runs/policy";
import { getSeatAccess, SEAT_ACCESS_MESSAGES } from "@/lib/runs/seats/seat-access";

const HEARTBEAT_MS = 15_000;

/**
 * GET: Server-Sent Events for one run, to its owner (clock and figures) or
 * to a seat in it (clock and the seat's own desk). Browsers reconnect by
 * themselves; anyone else is refused before the stream opens.
 */
export const GET = withDatabaseErrors(async function GET(
  request: Request,
  ctx: RouteContext<"/api/runs/[id]/events">,
): Promise<Response> {
  const { id } = await ctx.params;
  let subscriber: StreamAudience;
  // ?as=seat: a seat's page asks for its desk even in a browser where the run's owner is signed in (a teacher trying it).
  const asSeat = new URL(request.url).searchParams.get("as") === "seat";
  const user = asSeat ? null : await getSessionUser();
  if (user && (await isRunOwner(user, id))) {
    subscriber = { kind: "instructor" };
  } else {
    const cookie = (await cookies()).get(SEAT_COOKIE)?.value;
    const access = await getSeatAccess(id, cookie);
    if (access.status !== "ok") return failureResponse(failure("forbidden", SEAT_ACCESS_MESSAGES[access.status]));
    subscriber = { kind: "seat", seatId: access.seat.id, holderHash: access.seat.holderHash };
  }
  const encoder = new TextEncoder();
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true;
      // The clock and the desk of one update leave as one chunk: one write to the socket, not two.
      const { write, flush } = batchedWriter((text) => {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      });
      const heartbeat = setInterval(() => write(": still here\n\n"), HEARTBEAT_MS);
      const unsubscribe = liveHub.subscribe(id, {
        ...subscriber,
        // The hub serialises each message once for every stream that gets it.
        send: (_message, frame) => write(frame),
        close: () => cleanup(),
      });
      cleanup = () => {
        if (!open) return;
        flush(); // a last message (why the stream closes) before the end
        open = false;
        clearInterval(heartbeat);
        unsubscribe();
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      write("retry: 2000\n\n");
      request.signal.addEventListener("abort", () => cleanup());
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-store, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
});
