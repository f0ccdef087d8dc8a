import localFont from "next/font/local";

// Committed woff2 files (from @fontsource, SIL OFL 1.1; licences beside them):
// Fonts fetched from Google at build time would need the internet, which schools may not have.
// Not preloaded: text shows at once in a fallback sized to match (next/font's adjusted Arial, so nothing
// moves when the font arrives), and the page's first bytes go to its stylesheet and scripts. Four faces,
// no 500: `font-medium` is drawn at 600 (globals.css), so a phone fetches one file fewer.
export const plexSans = localFont({
  src: [
    { path: "./fonts/ibm-plex-sans-latin-400-normal.woff2", weight: "400", style: "normal" },
    { path: "./fonts/ibm-plex-sans-latin-400-italic.woff2", weight: "400", style: "italic" },
    { path: "./fonts/ibm-plex-sans-latin-600-normal.woff2", weight: "600", style: "normal" },
    { path: "./fonts/ibm-plex-sans-latin-700-normal.woff2", weight: "700", style: "normal" },
  ],
  variable: "--font-plex",
  display: "swap",
  preload: false,
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
