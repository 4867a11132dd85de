import { describe, expect, it } from 'vitest';
import {
  collaborationSignal, combine, compatibility, governmentFundingSignal, ipSignal, MATCH_WEIGHTS,
  sectorSignal, trlSignal, type NeedProfile, type OutputProfile,
} from '../../../matching';

const need: NeedProfile = { sectors: ['C'], minTrl: 5, collaborationTypes: ['licensing', 'contract_research'] };
const output: OutputProfile = {
  fields: ['energy'], sectors: ['C', 'D'], trl: 6, ipStatus: 'patent_granted',
  collaborationTypes: ['licensing'], governmentFunded: true,
};

describe('structured signals', () => {
  it('sector overlap counts fully, no overlap counts nothing', () => {
    expect(sectorSignal(need, output)).toMatchObject({ value: 1, contribution: MATCH_WEIGHTS.sector, effect: 'positive' });
    expect(sectorSignal(need, output).sentence).toContain('Manufacturing');
    expect(sectorSignal({ ...need, sectors: ['A'] }, output)).toMatchObject({ value: 0, effect: 'neutral' });
    expect(sectorSignal({ ...need, sectors: ['A'], fields: ['energy'] }, output).value).toBe(0.5);
  });

  it('TRL at or above the minimum counts fully; below it is penalised per missing level', () => {
    expect(trlSignal(need, output)).toMatchObject({ value: 1, sentence: 'Output TRL 6 meets your minimum of 5.' });
    expect(trlSignal(need, { ...output, trl: 4 }).value).toBeCloseTo(-1 / 3);
    expect(trlSignal(need, { ...output, trl: 3 }).value).toBeCloseTo(-2 / 3);
    expect(trlSignal(need, { ...output, trl: 1 }).value).toBe(-1);
    expect(trlSignal(need, { ...output, trl: 3 }).sentence).toBe('Output TRL 3 is 2 levels below your minimum of 5.');
  });

  it('collaboration types in common count; none in common counts against', () => {
    expect(collaborationSignal(need, output).value).toBe(1);
    expect(collaborationSignal(need, { ...output, collaborationTypes: ['student_project'] }).value).toBe(-0.5);
    expect(collaborationSignal({ ...need, collaborationTypes: [] }, output).value).toBe(0);
  });

  it('an output not available for licensing ranks lower for a licensing need', () => {
    const secret = { ...output, ipStatus: 'trade_secret' as const, collaborationTypes: ['consultancy' as const] };
    expect(ipSignal(need, output)).toMatchObject({ value: 1, sentence: 'Granted patent, offered for licensing.' });
    expect(ipSignal(need, secret)).toMatchObject({ value: -1, effect: 'negative' });
    expect(ipSignal(need, { ...secret, ipStatus: 'open' }).value).toBe(0.5);
    // Not a licensing need: IP does not matter.
    expect(ipSignal({ ...need, collaborationTypes: ['consultancy'] }, secret).value).toBe(0);
    expect(ipSignal({ ...need, wantsLicensing: true, collaborationTypes: ['consultancy'] }, secret).value).toBe(-1);
  });

  it('government funding counts only when preferred', () => {
    expect(governmentFundingSignal(need, output).value).toBe(0);
    expect(governmentFundingSignal({ ...need, prefersGovernmentFunded: true }, output).value).toBe(1);
    expect(governmentFundingSignal({ ...need, prefersGovernmentFunded: true }, { ...output, governmentFunded: false }).value).toBe(0);
  });
});

describe('combine', () => {
  it('adds text points and each signal contribution, within 0–100', () => {
    const signals = compatibility(need, output);
    const combined = combine(50, signals);
    const expected = 50 * MATCH_WEIGHTS.text / 100 + signals.reduce((sum, s) => sum + s.contribution, 0);
    expect(combined.score).toBeCloseTo(expected);
    expect(combined.textContribution).toBe(30);
    expect(combine(100, compatibility({ ...need, prefersGovernmentFunded: true }, output)).score).toBe(100);
    const worst = compatibility({ ...need, sectors: ['A'] }, { ...output, trl: 1, collaborationTypes: ['spin_off'], ipStatus: 'trade_secret' });
    expect(combine(0, worst).score).toBe(0);
  });

  it('weights sum to 100', () => {
    expect(Object.values(MATCH_WEIGHTS).reduce((a, b) => a + b, 0)).toBe(100);
  });
});
