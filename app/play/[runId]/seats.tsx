"use client";

import type { ComponentProps } from "react";
import { lazyPart } from "@/app/_components/lazy-part";

// Few runs are 1945 camp runs: a review seat does not load the camp seat's code (rendered on the server
// as before; the browser fetches its code only when the page shows it).
const CampSeatPart = lazyPart(() => import("./camp-seat"), "CampSeat");

/** A plain component around the lazy one: exported as the lazy object itself, the server-rendered camp seat failed (e2e/camp-1945.spec.ts). */
export function CampSeat(props: ComponentProps<typeof CampSeatPart>) {
  return <CampSeatPart {...props} />;
}
