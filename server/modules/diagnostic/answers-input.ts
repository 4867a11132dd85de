import { HttpError } from '../../plugins/errors';
import { checkAnswers, questionIndex, type Answers, type Questionnaire } from './engine';

/**
 * The request's answers in the shape each question takes. The API's validator coerces a one-item
 * list to a plain string (and a number to a string); the question's type says which was meant.
 * Then every id and option is checked, and all problems come back in one 400.
 */
export function acceptAnswers(questionnaire: Questionnaire, raw: Answers): Answers {
  const questions = questionIndex(questionnaire);
  const answers: Answers = {};
  for (const [id, value] of Object.entries(raw)) {
    const type = questions.get(id)?.type;
    if (type === 'multi' && typeof value === 'string') answers[id] = [value];
    else if (type === 'single' && Array.isArray(value) && value.length === 1) answers[id] = value[0] as string;
    else answers[id] = value;
  }
  const problems = checkAnswers(questionnaire, answers);
  if (problems.length > 0) {
    throw new HttpError(400, 'validation_failed', `Some answers do not fit questionnaire ${questionnaire.version}: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`, problems);
  }
  return answers;
}
