import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireInstructorPage } from "@/lib/authz";
import {
  CUSTOM_FIELDS,
  customFormValues,
  customScenarioById,
  SHIPPED_FOR_CLASSES,
} from "@/lib/runs/store/custom-scenarios";
import { ScenarioForm } from "./scenario-form";

export const metadata: Metadata = { title: "Edit a scenario" };

/** ?from=<shipped id>: a new duplicate; ?id=<yours>: edit it. */
export default async function EditScenarioPage({ searchParams }: PageProps<"/scenarios/edit">) {
  const user = await requireInstructorPage("/scenarios");
  const { from, id } = await searchParams;
  const own = typeof id === "string" ? await customScenarioById(user, id) : null;
  if (typeof id === "string" && !own) notFound();
  const shipped = SHIPPED_FOR_CLASSES.find((s) => s.id === from);
  if (!own && !shipped) notFound();
  const values = own
    ? customFormValues(own.scenario)
    : customFormValues({ ...shipped!, title: `${shipped!.title} (my version)` });
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-3xl font-bold">{own ? "Edit your scenario" : `Your version of ${shipped!.title}`}</h1>
      <ScenarioForm
        id={own?.id ?? ""}
        baseId={own?.baseId ?? shipped!.id}
        fields={CUSTOM_FIELDS.map((f) => ({ ...f }))}
        values={values}
      />
    </div>
  );
}
