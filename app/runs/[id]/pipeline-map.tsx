"use client";

import { lazy } from "react";
import { WhenVisible } from "@/app/_components/when-visible";
import type { PipelineView } from "@/lib/runs/console/pipeline";

// React Flow is large: its code (and its stylesheet) loads when the map comes into view, not with the page.
const PipelineFlow = lazy(() => import("./pipeline-flow"));

/**
 * The pipeline as a diagram (React Flow): complaint → camp list → commission
 * → court → spravka, decided cases, and the side branches the sources name.
 * Numbers, not dots, so a long queue stays readable on a projector. The
 * table beside it (PipelineTable) says the same for screen readers.
 */
export function PipelineMap({
  pipeline,
  className = "h-72 lg:h-96",
}: {
  pipeline: PipelineView;
  /** the map's height: the console's fixed band, or the presenter screen's whole free space */
  className?: string;
}) {
  return (
    // On paper the map gives way to its table (PipelineTable), which prints within the page.
    <WhenVisible
      className={`${className} w-full rounded-md border border-line bg-surface print:hidden`}
      aria-hidden="true"
    >
      <PipelineFlow pipeline={pipeline} />
    </WhenVisible>
  );
}
