import { HttpError } from '../../../plugins/errors';
import type { Questionnaire } from '../engine/types';
import { questionnaireV1 } from './v1';

/** Every questionnaire version ever published, by version; the newest is the current one. */
export const QUESTIONNAIRES: ReadonlyMap<string, Questionnaire> = new Map([[questionnaireV1.version, questionnaireV1]]);
export const CURRENT_VERSION = questionnaireV1.version;

export function questionnaireFor(version: string): Questionnaire {
  const questionnaire = QUESTIONNAIRES.get(version);
  if (!questionnaire) throw new HttpError(404, 'not_found', `No questionnaire version ${version}; the current one is ${CURRENT_VERSION}.`);
  return questionnaire;
}
