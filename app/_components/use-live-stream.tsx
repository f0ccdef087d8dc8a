"use client";

import { useEffect, useRef, useState } from "react";

export type StreamStatus = "connecting" | "live" | "reconnecting" | "closed";

type Handlers = Record<string, (data: unknown) => void>;

/**
 * Subscribes to a Server-Sent Events stream. The browser reconnects by
 * itself after a network drop (or to another instance when this one goes
 * away); the status says so, so the page can show that it is offline instead
 * of silently showing old news, as it does when the server says its database
 * is not answering. A null url subscribes to nothing.
 */
export function useLiveStream(url: string | null, handlers: Handlers): { status: StreamStatus; retry: () => void } {
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
    const listen = (type: string) =>
      source.addEventListener(type, (event) => {
        const data: unknown = JSON.parse((event as MessageEvent<string>).data);
        if (type === "closed") {
          closedByServer = true;
          source.close();
          setStatus("closed");
        }
        // The server is up but its database is not answering (restarting, failing over): same state for people.
        if (type === "status") setStatus((data as { state?: string }).state === "live" ? "live" : "reconnecting");
        latest.current[type]?.(data);
      });
    for (const type of ["clock", "seat", "run", "closed", "status"]) listen(type);
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
