import type { AnyStateNode } from "xstate";
import { caseMachine } from "@/machines/case.machine";

/** Each case state's `description` from the machines, by dotted path ("complaint.inTransit"). */
function collect(node: AnyStateNode, out: Map<string, string>): Map<string, string> {
  const path = node.path.join(".");
  if (path && node.description) out.set(path, node.description);
  for (const child of Object.values(node.states)) collect(child, out);
  return out;
}

const DESCRIPTIONS = collect(caseMachine.root, new Map());

/** What a case state meant historically: the deepest described state on its path. */
export function describeCaseState(path: string): string {
  const parts = path.split(".");
  for (let k = parts.length; k > 0; k--) {
    const d = DESCRIPTIONS.get(parts.slice(0, k).join("."));
    if (d) return d;
  }
  return "";
}
