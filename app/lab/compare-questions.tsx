import { SourceConflict } from "@/app/_components/source-conflict";
import { SourceTag } from "@/app/_components/source-tag";
import type { SourceKey } from "@/lib/sources";

/**
 * Questions for a class comparing release by category (1945) with the review
 * of one file at a time (1954–56). Each rests on the sources named beside it;
 * the questions are the game's, the figures are the sources'.
 */
export const COMPARE_QUESTIONS: readonly { text: string; sources: readonly SourceKey[] }[] = [
  {
    text: "In 1945, 611,804 people had been freed by 5 October, three months after the decree, and 620,753 in all; the May 19 review released 24,036 people in almost two years. What did each process have to find out about a person before letting them go?",
    sources: ["alexopoulos-1945", "adler-ch3"],
  },
  {
    text: "In 1945 people waited for paperwork: a check of the file for earlier convictions, a signature, a passport with two photographs. In 1954–55, where did files wait? Look at the waits in both runs.",
    sources: ["alexopoulos-1945", "adler-ch3"],
  },
  {
    text: "While the amnestied went out, 194,074 new prisoners came in by October 1, 1945, most of them for leaving work (“shirking”). What does this “revolving door” say about what the amnesty was for?",
    sources: ["alexopoulos-1945"],
  },
  {
    text: "Counter-revolutionaries with more than three years were left out in 1945, and politicals with long terms in 1953 (“There cannot be any mercy for enemies of the people”). Why might the state free people by category, yet insist on reviewing political cases one by one?",
    sources: ["alexopoulos-1945", "adler-ch3"],
  },
  {
    text: "Freed was not the same as home or cleared: in 1945 some were kept on as “voluntary” labour or sent back after a mistake; in 1955 many released people had no spravka and a passport with “minuses”. What did release leave unfinished in each case?",
    sources: ["alexopoulos-1945", "adler-ch3"],
  },
];

/** Shown under the lab's results when a 1945 run and a 1954–55 run stand side by side. */
export function CompareQuestions() {
  return (
    <section aria-labelledby="compare-questions-heading" className="card space-y-3">
      <h2 id="compare-questions-heading" className="text-xl font-semibold">
        Release by category or review case by case: questions to discuss
      </h2>
      <ol className="list-decimal space-y-2 pl-6">
        {COMPARE_QUESTIONS.map((q) => (
          <li key={q.text}>
            {q.text}
            {q.sources.map((source) => (
              <SourceTag key={source} source={source} newTab />
            ))}
          </li>
        ))}
      </ol>
      {/* The review's release figure is one the sources count differently. */}
      <SourceConflict id="may-1954-review-releases" newTab />
    </section>
  );
}
