import fc from 'fast-check';
import type { Answers, Question, Questionnaire } from '../../../server/modules/diagnostic/engine';

/** A random answer to one question: one option, or a non-empty set of options for a multi question. */
function answerTo(question: Question): fc.Arbitrary<string | string[]> {
  const values = question.options.map((option) => option.value);
  return question.type === 'single' ? fc.constantFrom(...values) : fc.subarray(values, { minLength: 1 });
}

/** Random answer sets: any subset of all questions (profile facts, screening, detailed) answered at random. */
export function arbitraryAnswers(questionnaire: Questionnaire): fc.Arbitrary<Answers> {
  const questions = [...questionnaire.profile, ...questionnaire.screening, ...questionnaire.sections.flatMap((section) => section.questions)];
  return fc.record(Object.fromEntries(questions.map((question) => [question.id, answerTo(question)])), { requiredKeys: [] }) as fc.Arbitrary<Answers>;
}

/** Random answer sets in which every screening question is answered (so many sections apply). */
export function arbitraryCompleteScreening(questionnaire: Questionnaire): fc.Arbitrary<Answers> {
  const screening = fc.record(Object.fromEntries(questionnaire.screening.map((question) => [question.id, answerTo(question)])));
  return fc.tuple(screening, arbitraryAnswers(questionnaire)).map(([first, rest]) => ({ ...rest, ...first }) as Answers);
}
