import { describe, expect, it } from 'vitest';
import { validateQuestionnaire, type Questionnaire } from '../../../server/modules/diagnostic/engine';
import { questionnaireV1 } from '../../../server/modules/diagnostic/questionnaire/v1';
import { witnesses } from './witnesses';

/** A deep copy of v1 changed by `edit`: each test breaks one thing and expects it named. */
function broken(edit: (copy: Questionnaire) => void): string[] {
  const copy = structuredClone(questionnaireV1);
  edit(copy);
  return validateQuestionnaire(copy);
}

describe('validateQuestionnaire', () => {
  it('names a rule that reads an unknown question', () => {
    expect(broken((q) => (q.risks[0]!.when = { question: 'tm_registred', anyOf: ['no'] }))).toContain('risk "tm_risk_unregistered" reads unknown question "tm_registred"');
  });

  it('names a rule that expects an option the question does not have', () => {
    expect(broken((q) => (q.assets[0]!.when = { question: 'tm_registered', anyOf: ['yes_everywhere'] }))).toContain(
      'asset "asset_trademark_registered" expects unknown option "yes_everywhere" of question "tm_registered"',
    );
  });

  it('names a rule reading a question of another section (one that may never be asked with it)', () => {
    expect(broken((q) => (q.recommendations[0]!.when = { question: 'ds_copies', anyOf: ['yes'] }))).toContain(
      'recommendation "tm_register" reads question "ds_copies" of section "designs", which may not be asked',
    );
  });

  it('only lets screening questions decide which sections apply', () => {
    expect(broken((q) => (q.sections[0]!.appliesWhen = { question: 'pt_filed', anyOf: ['granted'] }))).toContain(
      'section "trademarks" appliesWhen reads question "pt_filed" of section "patents", which may not be asked',
    );
  });

  it('names duplicate ids, unknown sections, unknown and unaddressed risks, empty combinators', () => {
    const problems = broken((q) => {
      q.screening.push({ ...q.screening[0]! });
      q.assets[1]!.id = q.assets[0]!.id;
      q.assets[2]!.section = 'marketing';
      q.recommendations[0]!.addresses = ['tm_risk_typo'];
      q.risks[3]!.when = { any: [] };
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'question id "s_offer" is used twice',
        'rule id "asset_trademark_registered" is used twice',
        'asset "asset_domains" belongs to unknown section "marketing"',
        'recommendation "tm_register" addresses unknown risk "tm_risk_typo"',
        'risk "tm_risk_unregistered" is addressed by no recommendation',
        'risk "tm_risk_owner" has an empty any',
      ]),
    );
  });

  it('names questions with repeated or too few options, and a bad version', () => {
    const problems = broken((q) => {
      q.version = '1.0';
      q.screening[2]!.options = [{ value: 'yes', label: 'Yes' }];
      q.screening[3]!.options.push({ value: 'yes', label: 'Again' });
    });
    expect(problems).toEqual(
      expect.arrayContaining(['version "1.0" must look like v1, v2, …', 'question "s_exports" needs at least two options', 'question "s_brand" lists option "yes" twice']),
    );
  });

  it('the reachability helper finds no answer set for a contradictory rule (so the reachability test can fail)', () => {
    expect(witnesses(questionnaireV1, { all: [{ question: 's_rnd', anyOf: ['no'] }, { question: 's_rnd', anyOf: ['regularly'] }] })).toEqual([]);
  });
});
