// The diagnostic rule engine: pure functions from a questionnaire and answers to a report.
export * from './types';
export { answerValues, matchCondition, questionsOf } from './conditions';
export { applicableSections, checkAnswers, effectiveAnswers, missingAnswers, questionIndex, visibleQuestions, type AnswerProblem } from './answers';
export { evaluate, priorityOf } from './evaluate';
export { compareReports, type ReportChanges } from './compare';
export { validateQuestionnaire } from './validate-questionnaire';
