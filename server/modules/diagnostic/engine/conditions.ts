import type { Answers, Condition, Evidence, Question } from './types';

/** The values an answer holds, whatever its shape (a single answer is a one-value list). */
export function answerValues(answer: string | string[] | undefined): string[] {
  if (answer === undefined) return [];
  return Array.isArray(answer) ? answer : [answer];
}

/** Every question id a condition reads, in order of appearance (duplicates kept once). */
export function questionsOf(condition: Condition): string[] {
  if ('question' in condition) return [condition.question];
  const children = 'all' in condition ? condition.all : condition.any;
  return [...new Set(children.flatMap(questionsOf))];
}

/**
 * The answers that make `condition` true, or null when it is false. `all` needs every part and
 * cites them all; `any` cites every part that holds, so removing all cited answers always turns
 * the condition false (the engine's tests check exactly that).
 */
export function matchCondition(condition: Condition, answers: Answers, questions: ReadonlyMap<string, Question>): Evidence[] | null {
  if ('question' in condition) {
    const matched = answerValues(answers[condition.question]).filter((value) => condition.anyOf.includes(value));
    if (matched.length === 0) return null;
    return [evidenceFor(condition.question, matched, questions)];
  }
  if ('all' in condition) {
    const parts = condition.all.map((child) => matchCondition(child, answers, questions));
    if (parts.length === 0 || parts.some((part) => part === null)) return null;
    return mergeEvidence(parts.flatMap((part) => part ?? []));
  }
  const parts = condition.any.map((child) => matchCondition(child, answers, questions)).filter((part) => part !== null);
  return parts.length === 0 ? null : mergeEvidence(parts.flat());
}

function evidenceFor(questionId: string, values: string[], questions: ReadonlyMap<string, Question>): Evidence {
  const question = questions.get(questionId);
  const labelOf = (value: string) => question?.options.find((option) => option.value === value)?.label ?? value;
  return { questionId, question: question?.text ?? questionId, answer: values, answerLabels: values.map(labelOf) };
}

/** One entry per question: two parts citing the same question merge their matched values. */
export function mergeEvidence(evidence: Evidence[]): Evidence[] {
  const byQuestion = new Map<string, Evidence>();
  for (const item of evidence) {
    const seen = byQuestion.get(item.questionId);
    if (!seen) {
      byQuestion.set(item.questionId, { ...item, answer: [...item.answer], answerLabels: [...item.answerLabels] });
      continue;
    }
    item.answer.forEach((value, index) => {
      if (seen.answer.includes(value)) return;
      seen.answer.push(value);
      seen.answerLabels.push(item.answerLabels[index] ?? value);
    });
  }
  return [...byQuestion.values()];
}
