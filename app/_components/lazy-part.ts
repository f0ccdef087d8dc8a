import { lazy, type ComponentType } from "react";

/**
 * A component from another module whose code the browser fetches only when
 * React first renders it. The server renders it as any other component, so
 * the page's HTML is the same; hydration waits for the code of the parts the
 * page shows. React's own `lazy`, not next/dynamic: the seat would otherwise
 * carry next/dynamic's runtime (about 3 kB gzipped) on every student's phone.
 */
export function lazyPart<M, K extends keyof M>(load: () => Promise<M>, name: K): M[K] {
  const part = lazy(async () => ({ default: (await load())[name] as unknown as ComponentType<object> }));
  return part as unknown as M[K];
}
