"use client";

import NextLink from "next/link";
import { useState, type ComponentProps } from "react";

/**
 * next/link that prefetches a page when the reader reaches for its link (the
 * pointer over it, keyboard focus, a finger on it) instead of as soon as the
 * link is on screen, which is next/link's default.
 *
 * Why: with the default, opening the home page made the browser ask the
 * server for every page its header, footer and buttons lead to, twice over
 * (fourteen server renders), before anyone chose one. A class of 300 opening
 * the same page on one server and one crowded Wi-Fi pays that 300 times, and
 * each phone decodes the answers on its main thread while the page starts.
 * Reaching for a link still gives its page a head start of a few hundred
 * milliseconds before the click.
 *
 * Every link in app/ comes from here (ESLint refuses next/link elsewhere).
 * `prefetch={false}` still turns prefetching off altogether, and
 * `prefetch={true}` prefetches the whole page once the link is reached for.
 */
export function Link({ prefetch, onMouseEnter, onFocus, onTouchStart, ...props }: ComponentProps<typeof NextLink>) {
  const [reachedFor, setReachedFor] = useState(false);
  return (
    <NextLink
      {...props}
      // null is next/link's own default ("auto"): used only after the reader has shown intent.
      prefetch={prefetch === false || !reachedFor ? false : (prefetch ?? null)}
      onMouseEnter={(event) => {
        setReachedFor(true);
        onMouseEnter?.(event);
      }}
      onFocus={(event) => {
        setReachedFor(true);
        onFocus?.(event);
      }}
      onTouchStart={(event) => {
        setReachedFor(true);
        onTouchStart?.(event);
      }}
    />
  );
}
