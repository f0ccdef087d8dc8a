import { Link } from "@/app/_components/link";
import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { courierPrime, plexSans } from "@/app/fonts";
import { SiteHeader } from "@/app/_components/site-header";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Spravka", template: "%s · Spravka" },
  description:
    "A classroom simulation of the 1954–55 review of political prisoners' cases in the Soviet Union: why rehabilitation took so long.",
  icons: { icon: "/favicon.svg" },
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: "#1f4e79",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" className={`${plexSans.variable} ${courierPrime.variable}`}>
      <body className="flex min-h-dvh flex-col">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-surface focus:px-3 focus:py-2"
        >
          Skip to content
        </a>
        <SiteHeader />
        <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 sm:px-6 sm:py-12">
          {children}
        </main>
        <footer className="border-t border-line bg-surface print:hidden">
          <div className="mx-auto max-w-5xl px-4 py-6 text-sm text-muted sm:px-6">
            Spravka is a teaching simulation. People in it are composites; historical claims name their{" "}
            <Link href="/sources" className="underline">
              sources
            </Link>
            . Words of the time are in the{" "}
            <Link href="/glossary" className="underline">
              glossary
            </Link>
            .
          </div>
        </footer>
      </body>
    </html>
  );
}
