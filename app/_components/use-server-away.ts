"use client";

import { useEffect, useState } from "react";

/** How often a page that lost its server looks for it again. */
const PROBE_EVERY_MS = 2000;

/**
 * Whether the server is away, for an error page. A page usually fails in a
 * lesson because the server restarted while the page was refreshing itself;
 * then the error page should say so as a student's desk does ("Offline —
 * reconnecting…") and load the page afresh once the server answers, with no
 * one pressing anything. A real fault (the server answers at once) returns
 * false, and the page keeps its plain message and its Try again button.
 */
export function useServerAway(): boolean {
  const [away, setAway] = useState(false);
  useEffect(() => {
    let stopped = false;
    let wasAway = false;
    const probe = async () => {
      try {
        const reply = await fetch("/", { method: "HEAD", cache: "no-store" });
        if (stopped) return;
        if (wasAway && reply.status < 500) window.location.reload();
        if (reply.status < 500) return;
      } catch {
        // no answer: the server is away
      }
      if (stopped) return;
      wasAway = true;
      setAway(true);
      setTimeout(() => void probe(), PROBE_EVERY_MS);
    };
    void probe();
    return () => {
      stopped = true;
    };
  }, []);
  return away;
}
