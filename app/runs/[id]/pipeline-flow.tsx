"use client";

import { Handle, MarkerType, Position, ReactFlow, type Edge, type Node, type NodeProps } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import type { PipelineView } from "@/lib/runs/console/pipeline";

type BoxData = {
  title: string;
  count: number;
  /** "mean 12 d · p90 40 d", or a note */
  detail: string;
  heat: number;
  worst: boolean;
  kind: "stage" | "end" | "branch";
};

const days = (d: number | null) => (d === null ? "—" : `${Math.round(d)} d`);

/** Paper at no queue to a warm red at the longest one; the text stays dark, so contrast holds at every heat. */
function heatColour(heat: number): string {
  const mix = (a: number, b: number) => Math.round(a + (b - a) * heat);
  return `rgb(${mix(250, 246)}, ${mix(246, 178)}, ${mix(236, 160)})`;
}

function Box({ data }: NodeProps<Node<BoxData>>) {
  return (
    <div
      className={`w-44 rounded-md border-2 px-3 py-2 text-center font-sans text-ink shadow-sm ${
        data.worst ? "border-danger" : data.kind === "branch" ? "border-dashed border-muted" : "border-line"
      }`}
      style={{ background: data.kind === "stage" ? heatColour(data.heat) : undefined }}
    >
      <Handle type="target" position={Position.Left} className="!opacity-0" />
      <Handle type="target" position={Position.Top} id="top" className="!opacity-0" />
      <p className="text-sm font-semibold leading-tight">{data.title}</p>
      <p className="text-3xl font-bold tabular-nums">{data.count.toLocaleString("en")}</p>
      <p className="text-xs">{data.detail}</p>
      {data.worst ? <p className="mt-1 text-xs font-bold uppercase tracking-wider text-danger">Bottleneck</p> : null}
      <Handle type="source" position={Position.Right} className="!opacity-0" />
      <Handle type="source" position={Position.Bottom} id="bottom" className="!opacity-0" />
    </div>
  );
}

const nodeTypes = { box: Box };
const X = 220;

/** The diagram itself, filling the box PipelineMap (pipeline-map.tsx) gives it once it comes into view. */
export default function PipelineFlow({ pipeline }: { pipeline: PipelineView }) {
  const stage = (s: PipelineView["stages"][number], x: number): Node<BoxData> => ({
    id: s.stage,
    type: "box",
    position: { x, y: 0 },
    data: {
      title: s.label,
      count: s.count,
      detail:
        s.count === 0
          ? "nobody waiting"
          : pipeline.waits
            ? `mean ${days(s.meanWait)} · p90 ${days(s.p90Wait)}`
            : "waiting",
      heat: s.heat,
      worst: pipeline.worst === s.stage,
      kind: "stage",
    },
  });
  const end = (id: string, title: string, count: number, detail: string, x: number, y: number, kind: BoxData["kind"]) =>
    ({
      id,
      type: "box",
      position: { x, y },
      data: { title, count, detail, heat: 0, worst: false, kind },
    }) satisfies Node<BoxData>;
  const nodes: Node<BoxData>[] = [
    ...pipeline.stages.map((s, k) => stage(s, k * X)),
    end("decided", "Decided", pipeline.decided, "final outcomes", 5 * X, 0, "end"),
    end("unpursued", "Nobody pursuing", pipeline.unpursued, "no letter yet, or gave up", 0, 170, "branch"),
    ...(pipeline.branches
      ? [
          end(
            "psychiatric",
            "Serbsky Institute",
            pipeline.branches.psychiatric,
            "instead of release",
            3 * X,
            170,
            "branch",
          ),
          end("exile", "Still in exile", pipeline.branches.exile, "a separate decision", 4 * X, 170, "branch"),
          end(
            "minus",
            "Passport “minuses”",
            pipeline.branches.passportMinus,
            "free, barred cities",
            5 * X,
            170,
            "branch",
          ),
        ]
      : []),
  ];
  const arrow = { type: MarkerType.ArrowClosed, width: 18, height: 18 };
  const edge = (source: string, target: string, dashed = false, down = false): Edge => ({
    id: `${source}-${target}`,
    source,
    target,
    ...(down ? { sourceHandle: "bottom", targetHandle: "top" } : {}),
    markerEnd: arrow,
    style: dashed ? { strokeDasharray: "6 4" } : { strokeWidth: 2 },
  });
  const edges: Edge[] = [
    edge("complaint", "lists"),
    edge("lists", "commission"),
    edge("commission", "court"),
    edge("court", "spravka"),
    edge("spravka", "decided"),
    edge("complaint", "unpursued", true, true),
    ...(pipeline.branches ? [edge("court", "psychiatric", true, true), edge("decided", "minus", true, true)] : []),
  ];
  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      fitView
      fitViewOptions={{ padding: 0.08 }}
      nodesDraggable={false}
      nodesConnectable={false}
      nodesFocusable={false}
      edgesFocusable={false}
      elementsSelectable={false}
      panOnDrag={false}
      zoomOnScroll={false}
      zoomOnPinch={false}
      zoomOnDoubleClick={false}
      preventScrolling={false}
      disableKeyboardA11y
      proOptions={{ hideAttribution: true }}
      minZoom={0.2}
    />
  );
}
