// The guided questionnaire's steps and progress, computed from the questionnaire and the sections
// the server says apply (the rules stay on the server).
import type { DiagnosticAnswers, Question, QuestionnaireView } from './diagnostic-types';

export interface Step {
  /** 'screening' or a section id. */
  id: string;
  title: string;
  intro: string;
  questions: Question[];
}

export function stepsFor(questionnaire: QuestionnaireView, applicable: readonly string[]): Step[] {
  const screening: Step = { id: 'screening', title: 'About your company', intro: questionnaire.intro, questions: questionnaire.screening };
  const sections = questionnaire.sections.filter((section) => applicable.includes(section.id));
  return [screening, ...sections.map(({ id, title, intro, questions }) => ({ id, title, intro, questions }))];
}

export function isAnswered(answers: DiagnosticAnswers, question: Question): boolean {
  const answer = answers[question.id];
  return Array.isArray(answer) ? answer.length > 0 : typeof answer === 'string' && answer !== '';
}

export function unanswered(answers: DiagnosticAnswers, step: Step): Question[] {
  return step.questions.filter((question) => !isAnswered(answers, question));
}

/** Answered and total questions over the steps currently known. */
export function progress(answers: DiagnosticAnswers, steps: Step[]): { answered: number; total: number } {
  const questions = steps.flatMap((step) => step.questions);
  return { answered: questions.filter((question) => isAnswered(answers, question)).length, total: questions.length };
}

/** The first step with an open question (where a resumed diagnostic continues), else the last. */
export function resumeStep(answers: DiagnosticAnswers, steps: Step[]): number {
  const index = steps.findIndex((step) => unanswered(answers, step).length > 0);
  return index === -1 ? steps.length - 1 : index;
}

export const PRIORITY_LABELS: Record<string, string> = { high: 'High priority', medium: 'Medium priority', low: 'Low priority' };
export const SEVERITY_LABELS: Record<string, string> = { high: 'High risk', medium: 'Medium risk', low: 'Low risk' };
