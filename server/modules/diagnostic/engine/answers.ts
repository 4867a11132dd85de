import { answerValues, matchCondition } from './conditions';
import type { Answers, Question, Questionnaire, Section } from './types';

/** One thing wrong with submitted answers, named so a person can fix it. */
export interface AnswerProblem {
  field: string;
  message: string;
}

/** Every question of the questionnaire by id (screening and detailed). */
export function questionIndex(questionnaire: Questionnaire): Map<string, Question> {
  const all = [...questionnaire.profile, ...questionnaire.screening, ...questionnaire.sections.flatMap((section) => section.questions)];
  return new Map(all.map((question) => [question.id, question]));
}

/** The detailed sections the screening answers call for, in questionnaire order. */
export function applicableSections(questionnaire: Questionnaire, answers: Answers): Section[] {
  const questions = questionIndex(questionnaire);
  const screening = screeningAnswers(questionnaire, answers);
  return questionnaire.sections.filter((section) => matchCondition(section.appliesWhen, screening, questions) !== null);
}

/** The questions the company is asked: all screening ones, then those of the sections that apply. */
export function visibleQuestions(questionnaire: Questionnaire, answers: Answers): Question[] {
  return [...questionnaire.screening, ...applicableSections(questionnaire, answers).flatMap((section) => section.questions)];
}

/** Visible questions still without an answer, in the order they are asked. */
export function missingAnswers(questionnaire: Questionnaire, answers: Answers): string[] {
  return visibleQuestions(questionnaire, answers)
    .filter((question) => answerValues(answers[question.id]).length === 0)
    .map((question) => question.id);
}

/**
 * Only the profile facts and the answers to questions the company is currently asked. Answers to
 * a section that no longer applies (the screening answer changed) stay in the draft but never count.
 */
export function effectiveAnswers(questionnaire: Questionnaire, answers: Answers): Answers {
  const visible = new Set([...questionnaire.profile, ...visibleQuestions(questionnaire, answers)].map((question) => question.id));
  return Object.fromEntries(Object.entries(answers).filter(([id]) => visible.has(id)));
}

/** The answers sections may depend on: profile facts and screening answers. */
function screeningAnswers(questionnaire: Questionnaire, answers: Answers): Answers {
  const questions = [...questionnaire.profile, ...questionnaire.screening];
  return Object.fromEntries(questions.filter((q) => q.id in answers).map((q) => [q.id, answers[q.id] as string | string[]]));
}

/**
 * What is wrong with answers a company sent: unknown questions, profile facts (those come from the
 * organization's profile, not from the company's answers), unknown or repeated options, a list
 * for a one-choice question.
 */
export function checkAnswers(questionnaire: Questionnaire, answers: Answers): AnswerProblem[] {
  const questions = questionIndex(questionnaire);
  const profile = new Set(questionnaire.profile.map((question) => question.id));
  const problems: AnswerProblem[] = [];
  for (const [id, answer] of Object.entries(answers)) {
    const question = questions.get(id);
    const field = `answers.${id}`;
    if (profile.has(id)) {
      problems.push({ field, message: "comes from your organization's profile; change it there" });
      continue;
    }
    if (!question) {
      problems.push({ field, message: `is not a question of questionnaire ${questionnaire.version}` });
      continue;
    }
    if (question.type === 'single' && typeof answer !== 'string') {
      problems.push({ field, message: 'takes one option, not a list' });
      continue;
    }
    if (question.type === 'multi' && !Array.isArray(answer)) {
      problems.push({ field, message: 'takes a list of options' });
      continue;
    }
    const values = answerValues(answer);
    if (new Set(values).size !== values.length) problems.push({ field, message: 'names an option twice' });
    const allowed = new Set(question.options.map((option) => option.value));
    const unknown = values.filter((value) => !allowed.has(value));
    if (unknown.length > 0) {
      problems.push({ field, message: `has unknown option ${unknown.map((v) => `"${v}"`).join(', ')}; choose from ${[...allowed].join(', ')}` });
    }
  }
  return problems;
}
