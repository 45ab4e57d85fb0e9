// Under an answer: whether a reviewer checked its figures against an official source, when, and which.
import type { AnswerCheckMark } from "@/lib/articles/read";
import { answerCheckText } from "@/lib/domain/checks";

export function AnswerCheckLine({ check, today }: { check: AnswerCheckMark; today: string }) {
  const { text, stale } = answerCheckText(check, today);
  const s = check.source;
  return (
    <p className={`answer-check answer-check-${check.outcome}${stale ? " stale" : ""}`}>
      {check.outcome === "verified" && !stale ? <span aria-hidden="true">✓ </span> : null}
      {text}
      {s ? (
        <>
          ：
          {s.url ? (
            <a href={s.url} rel="noopener noreferrer" target="_blank">
              {s.title}
            </a>
          ) : (
            s.title
          )}
          {s.number ? `（${s.number}）` : null}
          <span className="meta">
            {" "}
            {s.publisher}
            {s.date ? ` · ${s.date}` : null}
          </span>
        </>
      ) : null}
    </p>
  );
}
