"use client";

import { Suspense, useEffect, useRef, useState, type ReactNode } from "react";

/** How far below the screen a box starts loading, so it is usually drawn by the time it scrolls in. */
const AHEAD = "400px";

/**
 * A box whose contents are rendered only once it comes near the screen (or the
 * page is printed): heavy drawings (charts, the pipeline diagram) load their
 * code when they are about to be seen, not with the page. The box keeps its
 * size (give it a height in `className`), so nothing moves when they appear.
 */
export function WhenVisible({
  className,
  children,
  ...rest
}: {
  className: string;
  children: ReactNode;
  "aria-hidden"?: boolean | "true";
}) {
  const box = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const element = box.current;
    if (!element || shown) return;
    const show = () => setShown(true);
    window.addEventListener("beforeprint", show);
    if (typeof IntersectionObserver === "undefined") {
      show();
      return () => window.removeEventListener("beforeprint", show);
    }
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && show(), {
      rootMargin: AHEAD,
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      window.removeEventListener("beforeprint", show);
    };
  }, [shown]);
  return (
    <div ref={box} className={className} {...rest}>
      {shown ? <Suspense fallback={null}>{children}</Suspense> : null}
    </div>
  );
}
