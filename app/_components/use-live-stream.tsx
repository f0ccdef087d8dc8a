"use client";

import { useEffect, useRef, useState } from "react";
import type { LiveData, LiveMessageType } from "@/lib/api-types";

export type StreamStatus = "connecting" | "live" | "reconnecting" | "closed";

/** One handler per message type the page cares about, each given that message's data (lib/api-types.ts). */
export type LiveHandlers = { [K in LiveMessageType]?: (data: LiveData<K>) => void };

const MESSAGE_TYPES = ["clock", "seat", "run", "closed", "status"] as const satisfies readonly LiveMessageType[];

/**
 * Subscribes to a Server-Sent Events stream. The browser reconnects by
 * itself after a network drop (or to another instance when this one goes
 * away); the status says so, so the page can show that it is offline instead
 * of silently showing old news, as it does when the server says its database
 * is not answering. A null url subscribes to nothing.
 */
export function useLiveStream(url: string | null, handlers: LiveHandlers): { status: StreamStatus; retry: () => void } {
  const [status, setStatus] = useState<StreamStatus>("connecting");
  const [attempt, setAttempt] = useState(0);
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    if (url === null) return; // nothing to follow (a read-only view that its page refreshes)
    const source = new EventSource(url);
    let closedByServer = false;
    source.onopen = () => setStatus("live");
    source.onerror = () => {
      if (closedByServer) return;
      setStatus(source.readyState === EventSource.CLOSED ? "closed" : "reconnecting");
    };
    const listen = <K extends LiveMessageType>(type: K) =>
      source.addEventListener(type, (event) => {
        // The server writes each event's data from a LiveMessage of this type (app/api/runs/[id]/events).
        const data = JSON.parse((event as MessageEvent<string>).data) as LiveData<K>;
        if (type === "closed") {
          closedByServer = true;
          source.close();
          setStatus("closed");
        }
        // The server is up but its database is not answering (restarting, failing over): same state for people.
        if (type === "status") setStatus((data as LiveData<"status">).state === "live" ? "live" : "reconnecting");
        (latest.current[type] as ((data: LiveData<K>) => void) | undefined)?.(data);
      });
    for (const type of MESSAGE_TYPES) listen(type);
    const offline = () => setStatus("reconnecting");
    window.addEventListener("offline", offline);
    return () => {
      window.removeEventListener("offline", offline);
      source.close();
    };
  }, [url, attempt]);
  return {
    status,
    retry: () => {
      setStatus("connecting");
      setAttempt((a) => a + 1);
    },
  };
}

/** The stream's state for people; `retry` is offered only where retrying can help. */
export function StreamBadge({ status, retry }: { status: StreamStatus; retry?: (() => void) | undefined }) {
  const text = {
    connecting: "Connecting…",
    live: "Live",
    reconnecting: "Offline — reconnecting…",
    closed: "Disconnected",
  }[status];
  const tone =
    status === "live"
      ? "border-green-700/40 bg-green-50 text-green-900"
      : status === "connecting"
        ? "border-line bg-canvas text-muted"
        : "border-danger/40 bg-danger-soft text-danger";
  return (
    <p
      role="status"
      className={`inline-flex items-center gap-2 rounded-full border px-3 py-1 text-sm font-semibold ${tone}`}
    >
      <span aria-hidden="true">{status === "live" ? "●" : "○"}</span>
      <span>{text}</span>
      {status === "closed" && retry ? (
        <button type="button" onClick={retry} className="underline">
          Retry
        </button>
      ) : null}
    </p>
  );
}
