import type { Answers, Condition, Questionnaire } from '../../../server/modules/diagnostic/engine';
import { questionIndex } from '../../../server/modules/diagnostic/engine';

/**
 * Answer sets that satisfy a condition, built from the condition alone (not from the engine): one
 * per way of satisfying it, conflicting combinations dropped. Used to prove every rule reachable.
 */
export function witnesses(questionnaire: Questionnaire, condition: Condition): Answers[] {
  const questions = questionIndex(questionnaire);
  const build = (node: Condition): Answers[] => {
    if ('question' in node) {
      const multi = questions.get(node.question)?.type === 'multi';
      return node.anyOf.map((value) => ({ [node.question]: multi ? [value] : value }));
    }
    if ('any' in node) return node.any.flatMap(build);
    let sets: Answers[] = [{}];
    for (const child of node.all) sets = sets.flatMap((set) => build(child).flatMap((extra) => combine(set, extra)));
    return sets;
  };
  return build(condition);
}

/** Two answer sets combined, or null when they give one single-choice question different answers. */
export function merged(a: Answers, b: Answers): Answers | null {
  const result: Answers = { ...a };
  for (const [id, value] of Object.entries(b)) {
    const seen = result[id];
    if (seen === undefined) result[id] = value;
    else if (Array.isArray(seen) && Array.isArray(value)) result[id] = [...new Set([...seen, ...value])];
    else if (seen !== value) return null;
  }
  return result;
}

/** `merged` as a list of zero or one answer sets, for flatMap. */
export function combine(a: Answers, b: Answers): Answers[] {
  const result = merged(a, b);
  return result ? [result] : [];
}
