"use client";

import dynamic from "next/dynamic";

// Few runs are 1945 camp runs: a review seat does not load the camp seat's code (rendered on the server
// as before; the browser preloads its code only when the page shows it).
export const CampSeat = dynamic(() => import("./camp-seat").then((m) => m.CampSeat));
