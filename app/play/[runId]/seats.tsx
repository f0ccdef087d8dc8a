"use client";

import { lazyPart } from "@/app/_components/lazy-part";

// Few runs are 1945 camp runs: a review seat does not load the camp seat's code (rendered on the server
// as before; the browser preloads its code only when the page shows it).
export const CampSeat = lazyPart(() => import("./camp-seat"), "CampSeat");
