import { describe, expect, it } from 'vitest';
import { applicableSections, checkAnswers, effectiveAnswers, evaluate, missingAnswers } from '../../../server/modules/diagnostic/engine';
import { questionnaireV1 as questionnaire } from '../../../server/modules/diagnostic/questionnaire/v1';

describe('answers', () => {
  it('names unknown questions, unknown options, repeated options and the wrong shape', () => {
    expect(checkAnswers(questionnaire, { s_brand: 'yes', s_offer: ['software'] })).toEqual([]);
    const problems = checkAnswers(questionnaire, { nope: 'yes', s_brand: 'maybe', s_offer: 'software', s_funding: ['grants', 'grants'], s_rnd: ['no'] });
    expect(problems.map((p) => p.field)).toEqual(['answers.nope', 'answers.s_brand', 'answers.s_offer', 'answers.s_funding', 'answers.s_rnd']);
    expect(problems[0]?.message).toBe('is not a question of questionnaire v1');
    expect(problems[1]?.message).toContain('unknown option "maybe"; choose from yes, planned, no');
    expect(problems[2]?.message).toBe('takes a list of options');
    expect(problems[3]?.message).toBe('names an option twice');
    expect(problems[4]?.message).toBe('takes one option, not a list');
  });

  it('asks the detailed questions of the sections the screening answers call for, and lists what is missing', () => {
    const screeningOnly = Object.fromEntries(questionnaire.screening.map((q) => [q.id, q.type === 'multi' ? ['services'] : q.options.at(-1)!.value]));
    // Every screening answer is the "no"-like last option: no section applies except via s_offer/s_funding.
    screeningOnly['s_funding'] = ['none'];
    screeningOnly['s_knowhow'] = 'no';
    expect(applicableSections(questionnaire, screeningOnly)).toEqual([]);
    expect(missingAnswers(questionnaire, screeningOnly)).toEqual([]);

    const withBrand = { ...screeningOnly, s_brand: 'yes' };
    expect(applicableSections(questionnaire, withBrand).map((s) => s.id)).toEqual(['trademarks']);
    expect(missingAnswers(questionnaire, withBrand)).toEqual(['tm_registered', 'tm_search', 'tm_owner', 'tm_domain']);
  });

  it('ignores answers to a section that no longer applies', () => {
    const answers = { s_brand: 'no', tm_registered: 'no', s_rnd: 'regularly', pt_disclosed: 'yes' };
    expect(effectiveAnswers(questionnaire, answers)).toEqual({ s_brand: 'no', s_rnd: 'regularly', pt_disclosed: 'yes' });
    const report = evaluate(questionnaire, answers);
    expect(report.risks.map((r) => r.id)).toEqual(['pt_risk_disclosure']);
    expect(report.recommendations.map((r) => r.id)).not.toContain('tm_register');
  });

  it('cites the question text and answer labels the company saw', () => {
    const report = evaluate(questionnaire, { s_brand: 'yes', tm_registered: 'not_sure' });
    expect(report.recommendations[0]).toMatchObject({
      id: 'tm_register',
      evidence: [{ questionId: 'tm_registered', question: 'Is your main brand (name or logo) registered as a trademark?', answer: ['not_sure'], answerLabels: ['Not sure'] }],
    });
  });

  it('takes the sectors from the profile: companies may not answer them, rules cite them', () => {
    expect(checkAnswers(questionnaire, { p_sectors: ['A'] })).toEqual([{ field: 'answers.p_sectors', message: "comes from your organization's profile; change it there" }]);
    const answers = { s_offer: ['products'], s_brand: 'yes', tm_registered: 'yes_home' };
    const withoutSector = evaluate(questionnaire, answers).recommendations.map((r) => r.id);
    expect(withoutSector).not.toContain('tm_customs');
    expect(withoutSector).not.toContain('tm_origin_marks');
    const manufacturing = evaluate(questionnaire, { ...answers, p_sectors: ['C'] });
    const customs = manufacturing.recommendations.find((r) => r.id === 'tm_customs');
    expect(customs?.evidence.map((e) => [e.questionId, e.answerLabels])).toEqual([
      ['p_sectors', ['C Manufacturing']],
      ['tm_registered', ['Yes, but only in our home country']],
    ]);
    // The profile is never a question the company is asked.
    expect(missingAnswers(questionnaire, { p_sectors: ['C'] })).not.toContain('p_sectors');
  });
});
