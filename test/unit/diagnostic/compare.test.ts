import { describe, expect, it } from 'vitest';
import { compareReports, evaluate } from '../../../server/modules/diagnostic/engine';
import { questionnaireV1 as questionnaire } from '../../../server/modules/diagnostic/questionnaire/v1';

describe('compareReports', () => {
  it('names new assets, resolved risks and done, new and open recommendations', () => {
    const before = evaluate(questionnaire, { s_brand: 'yes', tm_registered: 'no', tm_search: 'no', s_knowhow: 'yes', ts_nda: 'never' });
    const after = evaluate(questionnaire, { s_brand: 'yes', tm_registered: 'yes_home', tm_search: 'no', s_knowhow: 'yes', ts_nda: 'always', s_exports: 'yes' });
    const changes = compareReports(after, before);
    expect(changes.newAssets.map((a) => a.id)).toEqual(['asset_trademark_registered']);
    expect(changes.goneAssets.map((a) => a.id)).toEqual(['asset_brand_goodwill']);
    expect(changes.resolvedRisks.map((r) => r.id)).toEqual(['tm_risk_unregistered', 'ts_risk_leak']);
    expect(changes.newRisks.map((r) => r.id)).toEqual(['tm_risk_export']);
    expect(changes.doneRecommendations.map((r) => r.id).sort()).toEqual(['tm_register', 'ts_awareness', 'ts_nda']);
    expect(changes.newRecommendations.map((r) => r.id)).toEqual(['tm_international']);
    expect(changes.openRecommendations.map((r) => r.id)).toEqual(['tm_clearance']);
  });

  it('finds nothing changed between identical reports', () => {
    const report = evaluate(questionnaire, { s_brand: 'yes', tm_registered: 'no' });
    const changes = compareReports(report, report);
    expect([changes.newAssets, changes.goneAssets, changes.newRisks, changes.resolvedRisks, changes.newRecommendations, changes.doneRecommendations]).toEqual([[], [], [], [], [], []]);
    expect(changes.openRecommendations.map((r) => r.id)).toEqual(report.recommendations.map((r) => r.id));
  });
});
