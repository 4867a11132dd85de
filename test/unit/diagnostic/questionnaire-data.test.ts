import { describe, expect, it } from 'vitest';
import { evaluate, questionsOf, validateQuestionnaire, visibleQuestions } from '../../../server/modules/diagnostic/engine';
import { QUESTIONNAIRES } from '../../../server/modules/diagnostic/questionnaire';
import { combine, witnesses } from './witnesses';

// Generic checks over every published questionnaire version: they hold for any future data file.
describe.each([...QUESTIONNAIRES.values()])('questionnaire $version', (questionnaire) => {
  it('passes its own validation (known question ids and options, addressed risks, …)', () => {
    expect(validateQuestionnaire(questionnaire)).toEqual([]);
  });

  it('has about ten screening questions and detailed sections for every topic of the diagnostic', () => {
    expect(questionnaire.screening.length).toBeGreaterThanOrEqual(9);
    expect(questionnaire.screening.length).toBeLessThanOrEqual(12);
    expect(questionnaire.sections.map((section) => section.id)).toEqual(
      expect.arrayContaining(['trademarks', 'patents', 'designs', 'copyright_software', 'trade_secrets', 'collaborations', 'financing', 'third_party']),
    );
  });

  it.each(questionnaire.sections.map((section) => [section.id, section] as const))('section %s is reachable from some screening answers', (_id, section) => {
    const reaching = witnesses(questionnaire, section.appliesWhen).filter((answers) =>
      evaluate(questionnaire, answers).sections.some((applied) => applied.id === section.id),
    );
    expect(reaching.length).toBeGreaterThan(0);
    // Its questions are then asked.
    const asked = visibleQuestions(questionnaire, reaching[0] ?? {}).map((question) => question.id);
    expect(asked).toEqual(expect.arrayContaining(section.questions.map((question) => question.id)));
  });

  const rules = [
    ...questionnaire.assets.map((rule) => ['asset', rule, 'assets'] as const),
    ...questionnaire.risks.map((rule) => ['risk', rule, 'risks'] as const),
    ...questionnaire.recommendations.map((rule) => ['recommendation', rule, 'recommendations'] as const),
  ];
  it.each(rules.map(([kind, rule, list]) => [`${kind} ${rule.id}`, rule, list] as const))('%s is reachable and cites only answers its rule reads', (_name, rule, list) => {
    const section = questionnaire.sections.find((candidate) => candidate.id === rule.section);
    const candidates = witnesses(questionnaire, section?.appliesWhen ?? { any: [] }).flatMap((applies) =>
      witnesses(questionnaire, rule.when).flatMap((fires) => combine(applies, fires)),
    );
    const reports = candidates.map((answers) => ({ answers, report: evaluate(questionnaire, answers) }));
    const hit = reports.find(({ report }) => report[list].some((item) => item.id === rule.id));
    expect(hit, `no answer set triggers ${rule.id}`).toBeDefined();
    const item = hit?.report[list].find((candidate) => candidate.id === rule.id);
    expect(item?.evidence.length).toBeGreaterThan(0);
    for (const evidence of item?.evidence ?? []) {
      expect(questionsOf(rule.when)).toContain(evidence.questionId);
      expect(hit?.answers[evidence.questionId]).toBeDefined();
    }
  });

  it('fires nothing and asks only the screening questions when nothing is answered', () => {
    const report = evaluate(questionnaire, {});
    expect(report).toMatchObject({ sections: [], assets: [], risks: [], recommendations: [] });
    expect(visibleQuestions(questionnaire, {})).toEqual(questionnaire.screening);
  });
});
