import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerValues, evaluate, priorityOf, questionsOf, type Answers, type Report } from '../../../server/modules/diagnostic/engine';
import { questionnaireV1 as questionnaire } from '../../../server/modules/diagnostic/questionnaire/v1';
import { arbitraryAnswers, arbitraryCompleteScreening } from './arbitraries';

// Each property collects its violations as sentences and expects none: a failing run shows what
// broke for which answers, and the checks stay cheap enough for many runs on a busy machine.
const anyAnswers = fc.oneof(arbitraryAnswers(questionnaire), arbitraryCompleteScreening(questionnaire));
const rulesById = new Map([...questionnaire.assets, ...questionnaire.risks, ...questionnaire.recommendations].map((rule) => [rule.id, rule]));
const sectionsById = new Map(questionnaire.sections.map((section) => [section.id, section]));
const screeningIds = new Set([...questionnaire.profile, ...questionnaire.screening].map((question) => question.id));
const RUNS = { numRuns: 150 };
const TIMEOUT = 60_000; // a wait limit for slow shared machines, not a speed requirement

function findings(report: Report) {
  return [...report.assets, ...report.risks, ...report.recommendations];
}

/** Only the answers to the given questions. */
function only(answers: Answers, questionIds: string[]): Answers {
  return Object.fromEntries(questionIds.filter((id) => id in answers).map((id) => [id, answers[id] as string | string[]]));
}

describe('the rule engine over random answer sets', () => {
  it('every recommendation, risk and asset cites at least one answer the company actually gave, read by its rule', () => {
    fc.assert(
      fc.property(anyAnswers, (answers) => {
        const problems: string[] = [];
        for (const item of findings(evaluate(questionnaire, answers))) {
          if (item.evidence.length === 0) problems.push(`${item.id} cites nothing`);
          const read = questionsOf(rulesById.get(item.id)!.when);
          for (const evidence of item.evidence) {
            if (!read.includes(evidence.questionId)) problems.push(`${item.id} cites ${evidence.questionId}, which its rule does not read`);
            const given = answerValues(answers[evidence.questionId]);
            for (const value of evidence.answer) if (!given.includes(value)) problems.push(`${item.id} cites ${evidence.questionId}=${value}, not given`);
            if (evidence.answerLabels.length !== evidence.answer.length) problems.push(`${item.id} labels do not match values`);
          }
        }
        expect(problems).toEqual([]);
      }),
      RUNS,
    );
  }, TIMEOUT);

  it('the cited answers alone trigger a recommendation, and without them it disappears', () => {
    fc.assert(
      fc.property(anyAnswers, (answers) => {
        const problems: string[] = [];
        const report = evaluate(questionnaire, answers);
        for (const recommendation of report.recommendations) {
          const section = report.sections.find((applied) => applied.id === recommendation.section);
          const cited = [...recommendation.evidence, ...(section?.evidence ?? [])].map((evidence) => evidence.questionId);
          if (!evaluate(questionnaire, only(answers, cited)).recommendations.some((r) => r.id === recommendation.id)) {
            problems.push(`${recommendation.id} does not fire on its cited answers alone`);
          }
          const own = new Set(recommendation.evidence.map((evidence) => evidence.questionId));
          const without = Object.fromEntries(Object.entries(answers).filter(([id]) => !own.has(id)));
          if (evaluate(questionnaire, without).recommendations.some((r) => r.id === recommendation.id)) {
            problems.push(`${recommendation.id} still fires without its cited answers`);
          }
        }
        expect(problems).toEqual([]);
      }),
      { numRuns: 100 },
    );
  }, TIMEOUT);

  it('only findings of sections that apply appear, and each applying section cites profile or screening answers it reads', () => {
    fc.assert(
      fc.property(anyAnswers, (answers) => {
        const problems: string[] = [];
        const report = evaluate(questionnaire, answers);
        const applying = new Set(report.sections.map((section) => section.id));
        for (const item of findings(report)) if (!applying.has(item.section)) problems.push(`${item.id} of ${item.section}, which does not apply`);
        for (const section of report.sections) {
          if (section.evidence.length === 0) problems.push(`${section.id} applies without evidence`);
          const read = questionsOf(sectionsById.get(section.id)!.appliesWhen);
          for (const evidence of section.evidence) {
            if (!screeningIds.has(evidence.questionId) || !read.includes(evidence.questionId)) problems.push(`${section.id} cites ${evidence.questionId}`);
          }
        }
        expect(problems).toEqual([]);
      }),
      RUNS,
    );
  }, TIMEOUT);

  it('priorities are deterministic: key order does not matter, ranks follow scores, bands follow priorityOf', () => {
    fc.assert(
      fc.property(anyAnswers, (answers) => {
        const report = evaluate(questionnaire, answers);
        const entries = Object.entries(answers);
        expect(evaluate(questionnaire, Object.fromEntries([...entries].reverse()))).toEqual(report);
        expect(evaluate(questionnaire, Object.fromEntries([...entries].sort(([a], [b]) => a.localeCompare(b))))).toEqual(report);
        const problems: string[] = [];
        report.recommendations.forEach((recommendation, index) => {
          if (recommendation.rank !== index + 1) problems.push(`${recommendation.id} has rank ${recommendation.rank} at ${index + 1}`);
          if (recommendation.priority !== priorityOf(recommendation.score)) problems.push(`${recommendation.id} priority does not match its score`);
          const next = report.recommendations[index + 1];
          if (next && next.score > recommendation.score) problems.push(`${next.id} outscores ${recommendation.id} but ranks below it`);
        });
        expect(problems).toEqual([]);
      }),
      RUNS,
    );
  }, TIMEOUT);

  it('a recommendation that addresses a triggered risk gets that risk’s bonus', () => {
    // tm_register addresses tm_risk_unregistered: both fire on tm_registered = no.
    const report = evaluate(questionnaire, { s_brand: 'yes', tm_registered: 'no' });
    const register = report.recommendations.find((r) => r.id === 'tm_register')!;
    expect(register.addresses).toEqual(['tm_risk_unregistered']);
    expect(register.score).toBe(3 * 3 + 3);
    expect(register.priority).toBe('high');
  });
});
