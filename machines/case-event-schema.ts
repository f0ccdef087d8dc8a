import { z } from "zod";
import type { CaseEvent } from "./case-setup";
import { ADDRESSEES, COURT_RULINGS, DECISIONS } from "./vocabulary";

const bare = <T extends CaseEvent["type"]>(type: T) => z.strictObject({ type: z.literal(type) });

/**
 * A case event as data that came from outside the process (a run's stored
 * log): parsed before it reaches a machine. It mirrors `CaseEvent`; the
 * machine tests check both say the same (case-event-schema.test.ts).
 */
export const caseEventSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("complaint.file"), addressee: z.enum(ADDRESSEES) }),
  bare("complaint.register"),
  bare("complaint.forwardToAccused"),
  bare("complaint.lose"),
  bare("complaint.formReply"),
  bare("lists.arrive"),
  bare("lists.proceedWithout"),
  bare("file.assemble"),
  bare("file.requestOriginals"),
  bare("file.originalsArrive"),
  bare("file.crossCheck"),
  bare("file.complete"),
  bare("review.start"),
  z.strictObject({ type: z.literal("review.decide"), decision: z.enum(DECISIONS) }),
  z.strictObject({ type: z.literal("court.rule"), ruling: z.enum(COURT_RULINGS) }),
  bare("spravka.request"),
  bare("spravka.issue"),
  bare("presidium.pardon"),
  bare("spravka.refuse"),
  bare("presidium.petition"),
  bare("law.reclassification"),
  bare("law.collaboratorsAmnesty"),
  bare("release.leaveCamp"),
]) satisfies z.ZodType<CaseEvent>;
