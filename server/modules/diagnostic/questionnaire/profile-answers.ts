import type { Answers, Questionnaire } from '../engine/types';

/**
 * The profile facts a questionnaire's rules may read, taken from the organization (today its NACE
 * sectors). Added to the company's answers by the service, never typed in by the company.
 */
export function profileAnswers(questionnaire: Questionnaire, organization: { sectors: readonly string[] }): Answers {
  const facts: Record<string, readonly string[]> = { p_sectors: organization.sectors };
  return Object.fromEntries(
    questionnaire.profile.flatMap((question) => {
      const values = (facts[question.id] ?? []).filter((value) => question.options.some((option) => option.value === value));
      return values.length > 0 ? [[question.id, [...values]]] : [];
    }),
  );
}
