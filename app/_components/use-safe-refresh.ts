"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";

/** The bits of the Navigation API used here (Chromium, Firefox and Safari have it; older browsers do not). */
type NavigateEvent = Event & {
  cancelable: boolean;
  userInitiated: boolean;
  hashChange: boolean;
  navigationType: "push" | "replace" | "reload" | "traverse";
  destination: { url: string };
};

/** How long after asking for a refresh its fallback (below) can come. */
const REFRESH_WINDOW_MS = 15_000;

/**
 * A refresh of the server-rendered page that never leaves it. When a
 * refresh cannot reach the server, Next.js falls back to loading the page
 * afresh, and a projector then shows the browser's "This site can't be
 * reached". So: no refresh while the live stream is down, at most one a
 * second, and a fallback load of this same page that the page itself
 * started during a refresh is cancelled. The page keeps its last picture
 * while the server is away and loads afresh once the stream is live again
 * (then the server answers).
 */
export function useSafeRefresh(live: boolean): () => void {
  const router = useRouter();
  const isLive = useRef(live);
  const wanted = useRef(false);
  const last = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const refreshingUntil = useRef(0);
  /**
   * The stream was live and dropped (the server went away), or a fallback load was cancelled: Next.js's
   * router may wait for good on the request that failed, so only a real load revives the page.
   */
  const reloadWhenLive = useRef(false);
  const wasLive = useRef(false);

  const refresh = () => {
    if (!isLive.current) {
      wanted.current = true;
      return;
    }
    if (timer.current) return;
    timer.current = setTimeout(
      () => {
        timer.current = null;
        if (!isLive.current) {
          wanted.current = true;
          return;
        }
        last.current = Date.now();
        refreshingUntil.current = Date.now() + REFRESH_WINDOW_MS;
        router.refresh();
      },
      Math.max(0, 1000 - (Date.now() - last.current)),
    );
  };

  useEffect(() => {
    isLive.current = live;
    if (wasLive.current && !live) reloadWhenLive.current = true;
    if (live) wasLive.current = true;
    if (live && reloadWhenLive.current) {
      // The server answers again (the stream is live): loading the page afresh is safe now.
      window.location.reload();
      return;
    }
    if (live && wanted.current) {
      wanted.current = false;
      refresh();
    }
  });

  useEffect(() => {
    const navigation = (window as unknown as { navigation?: EventTarget }).navigation;
    if (!navigation) return;
    const onNavigate = (event: Event) => {
      const e = event as NavigateEvent;
      const samePage = new URL(e.destination.url).pathname === window.location.pathname;
      if (Date.now() > refreshingUntil.current || !e.cancelable || e.userInitiated || e.hashChange) return;
      if (e.navigationType === "traverse" || !samePage) return;
      e.preventDefault();
      reloadWhenLive.current = true;
    };
    navigation.addEventListener("navigate", onNavigate);
    return () => {
      navigation.removeEventListener("navigate", onNavigate);
      if (timer.current) clearTimeout(timer.current);
    };
  }, []);

  return refresh;
}
