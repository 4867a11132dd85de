import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerValues, evaluate, priorityOf, questionsOf, type Answers } from '../../../server/modules/diagnostic/engine';
import { questionnaireV1 as questionnaire } from '../../../server/modules/diagnostic/questionnaire/v1';
import { arbitraryAnswers, arbitraryCompleteScreening } from './arbitraries';

const anyAnswers = fc.oneof(arbitraryAnswers(questionnaire), arbitraryCompleteScreening(questionnaire));
const rulesById = new Map([...questionnaire.assets, ...questionnaire.risks, ...questionnaire.recommendations].map((rule) => [rule.id, rule]));
const sectionsById = new Map(questionnaire.sections.map((section) => [section.id, section]));

/** Only the answers a finding cites, plus those that made its section apply. */
function citedAnswers(answers: Answers, questionIds: string[]): Answers {
  return Object.fromEntries(questionIds.filter((id) => id in answers).map((id) => [id, answers[id] as string | string[]]));
}

describe('the rule engine over random answer sets', () => {
  it('every recommendation, risk and asset cites at least one answer the company actually gave, read by its rule', () => {
    fc.assert(
      fc.property(anyAnswers, (answers) => {
        const report = evaluate(questionnaire, answers);
        for (const item of [...report.assets, ...report.risks, ...report.recommendations]) {
          expect(item.evidence.length).toBeGreaterThan(0);
          const read = questionsOf(rulesById.get(item.id)!.when);
          for (const evidence of item.evidence) {
            expect(read).toContain(evidence.questionId);
            const given = answerValues(answers[evidence.questionId]);
            for (const value of evidence.answer) expect(given).toContain(value);
            expect(evidence.answerLabels).toHaveLength(evidence.answer.length);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('the cited answers alone trigger a recommendation, and without them it disappears', () => {
    fc.assert(
      fc.property(anyAnswers, (answers) => {
        const report = evaluate(questionnaire, answers);
        for (const recommendation of report.recommendations) {
          const section = report.sections.find((applied) => applied.id === recommendation.section)!;
          const cited = [...recommendation.evidence, ...section.evidence].map((evidence) => evidence.questionId);
          const alone = evaluate(questionnaire, citedAnswers(answers, cited));
          expect(alone.recommendations.map((r) => r.id)).toContain(recommendation.id);

          const own = new Set(recommendation.evidence.map((evidence) => evidence.questionId));
          const without = Object.fromEntries(Object.entries(answers).filter(([id]) => !own.has(id)));
          expect(evaluate(questionnaire, without).recommendations.map((r) => r.id)).not.toContain(recommendation.id);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('only findings of sections that apply appear, and each applying section cites screening answers', () => {
    fc.assert(
      fc.property(anyAnswers, (answers) => {
        const report = evaluate(questionnaire, answers);
        const applying = new Set(report.sections.map((section) => section.id));
        for (const item of [...report.assets, ...report.risks, ...report.recommendations]) expect(applying).toContain(item.section);
        const screening = new Set(questionnaire.screening.map((question) => question.id));
        for (const section of report.sections) {
          expect(section.evidence.length).toBeGreaterThan(0);
          for (const evidence of section.evidence) expect(screening).toContain(evidence.questionId);
          expect(questionsOf(sectionsById.get(section.id)!.appliesWhen)).toEqual(expect.arrayContaining(section.evidence.map((e) => e.questionId)));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('priorities are deterministic: key order does not matter, ranks follow scores, bands follow priorityOf', () => {
    fc.assert(
      fc.property(anyAnswers, (answers) => {
        const report = evaluate(questionnaire, answers);
        const entries = Object.entries(answers);
        expect(evaluate(questionnaire, Object.fromEntries([...entries].reverse()))).toEqual(report);
        expect(evaluate(questionnaire, Object.fromEntries([...entries].sort(([a], [b]) => a.localeCompare(b))))).toEqual(report);
        report.recommendations.forEach((recommendation, index) => {
          expect(recommendation.rank).toBe(index + 1);
          expect(recommendation.priority).toBe(priorityOf(recommendation.score));
          const next = report.recommendations[index + 1];
          if (next) expect(recommendation.score).toBeGreaterThanOrEqual(next.score);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('a recommendation that addresses a triggered risk outranks the same rule without that risk', () => {
    // tm_register addresses tm_risk_unregistered: both fire on tm_registered = no.
    const report = evaluate(questionnaire, { s_brand: 'yes', tm_registered: 'no' });
    const register = report.recommendations.find((r) => r.id === 'tm_register')!;
    expect(register.addresses).toEqual(['tm_risk_unregistered']);
    expect(register.score).toBe(3 * 3 + 3);
    expect(register.priority).toBe('high');
  });
});
