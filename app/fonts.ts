import localFont from "next/font/local";

// Committed woff2 files (from @fontsource, SIL OFL 1.1; licences beside them):
// Fonts fetched from Google at build time would need the internet, which schools may not have.
// Each is written by scripts/subset-fonts.ts from its original in fonts/source/: every character
// kept, without hinting and the layout features nobody turns on, about 40% smaller.
// Preloaded: the fallback next/font sizes to match is Arial, which phones (and Linux) do not have, so
// a face arriving after the first paint rewraps the text and moves the page. Every face is preloaded
// on every page, so there are only three: no 500 (`font-medium` is drawn at 600, globals.css) and no
// italic (the few words in <em> are slanted by the browser).
export const plexSans = localFont({
  src: [
    { path: "./fonts/ibm-plex-sans-latin-400-normal.woff2", weight: "400", style: "normal" },
    { path: "./fonts/ibm-plex-sans-latin-600-normal.woff2", weight: "600", style: "normal" },
    { path: "./fonts/ibm-plex-sans-latin-700-normal.woff2", weight: "700", style: "normal" },
  ],
  variable: "--font-plex",
  display: "swap",
});

export const courierPrime = localFont({
  src: [
    { path: "./fonts/courier-prime-latin-400-normal.woff2", weight: "400", style: "normal" },
    { path: "./fonts/courier-prime-latin-700-normal.woff2", weight: "700", style: "normal" },
  ],
  variable: "--font-courier",
  display: "swap",
  preload: false,
});
