import { describe, expect, it } from 'vitest';
import {
  bandOf, collaborationSignal, combine, compatibility, FACT_WEIGHTS, governmentFundingSignal, ipSignal, textScore,
  sectorSignal, trlSignal, type NeedProfile, type OutputProfile,
} from '../../../matching';

const need: NeedProfile = { sectors: ['C'], minTrl: 5, collaborationTypes: ['licensing', 'contract_research'] };
const output: OutputProfile = {
  fields: ['energy'], sectors: ['C', 'D'], trl: 6, ipStatus: 'patent_granted',
  collaborationTypes: ['licensing'], governmentFunded: true,
};

describe('structured signals', () => {
  it('sector overlap counts fully, no overlap counts nothing', () => {
    expect(sectorSignal(need, output)).toMatchObject({ value: 1, weight: FACT_WEIGHTS.sector, effect: 'positive' });
    expect(sectorSignal(need, output).sentence).toContain('Manufacturing');
    expect(sectorSignal({ ...need, sectors: ['A'] }, output)).toMatchObject({ value: 0, effect: 'neutral' });
    expect(sectorSignal({ ...need, sectors: ['A'], fields: ['energy'] }, output).value).toBe(0.5);
  });

  it('TRL at or above the minimum counts fully; below it is penalised per missing level', () => {
    expect(trlSignal(need, output)).toMatchObject({ value: 1, sentence: 'Ready enough: TRL 6, your minimum is 5.' });
    expect(trlSignal(need, { ...output, trl: 4 }).value).toBeCloseTo(-1 / 3);
    expect(trlSignal(need, { ...output, trl: 3 }).value).toBeCloseTo(-2 / 3);
    expect(trlSignal(need, { ...output, trl: 1 }).value).toBe(-1);
    expect(trlSignal(need, { ...output, trl: 3 }).sentence).toBe('TRL 3 is 2 levels below your minimum of 5.');
    expect(trlSignal(need, { ...output, trl: 3 }, 'output').sentence).toBe("Your TRL 3 is 2 levels below the firm's minimum of 5.");
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
    expect(ipSignal({ ...need, wantsLicensing: true, collaborationTypes: ['student_project'] }, secret).value).toBe(-1);
  });

  it('a licence asked for among other types is no penalty when another asked-for type is offered', () => {
    const mixed: NeedProfile = { ...need, collaborationTypes: ['licensing', 'consultancy', 'contract_research'] };
    const noLicence = { ...output, ipStatus: 'patent_pending' as const, collaborationTypes: ['consultancy' as const, 'contract_research' as const] };
    expect(ipSignal(mixed, noLicence)).toMatchObject({ value: 0, effect: 'neutral' });
    expect(collaborationSignal(mixed, noLicence)).toMatchObject({ value: 1, sentence: 'Offers consultancy and contract research, which you asked for.' });
  });

  it('words sentences for the reader: the university reads the firm\'s side', () => {
    const sentences = compatibility(need, output, 'output').map((s) => s.sentence).join(' ');
    expect(sentences).toContain('The firm asks for licensing, which you offer.');
    expect(sentences).not.toMatch(/\byou asked\b|your minimum|your sector/);
  });

  it('government funding counts only when preferred', () => {
    expect(governmentFundingSignal(need, output).value).toBe(0);
    expect(governmentFundingSignal({ ...need, prefersGovernmentFunded: true }, output).value).toBe(1);
    expect(governmentFundingSignal({ ...need, prefersGovernmentFunded: true }, { ...output, governmentFunded: false }).value).toBe(0);
  });
});

describe('combine: text leads, facts adjust', () => {
  it('scales the text score by the facts; contributions add up to the score', () => {
    const signals = compatibility(need, output);
    const combined = combine(8, signals);
    expect(combined.textContribution).toBeCloseTo(textScore(8));
    expect(combined.score).toBeCloseTo(combined.signals.reduce((sum, s) => sum + s.contribution, combined.textContribution));
    expect(combine(0, signals).score).toBe(0);
    expect(combine(100, compatibility({ ...need, prefersGovernmentFunded: true }, output)).score).toBe(100);
  });

  it('never lets facts every candidate shares lift a weak text above a clearly better one', () => {
    const best = compatibility({ ...need, prefersGovernmentFunded: true }, output);
    const worst = compatibility({ ...need, sectors: ['A'] }, { ...output, trl: 1, collaborationTypes: ['spin_off'], ipStatus: 'trade_secret' });
    // The same facts scale both alike; even all facts for one and against the other only move ±32 %.
    expect(combine(10, best).score).toBeGreaterThan(combine(5, best).score);
    expect(combine(20, worst).score).toBeGreaterThan(combine(5, best).score);
  });

  it('bands mean the same score everywhere', () => {
    expect([bandOf(85), bandOf(70), bandOf(50), bandOf(20)]).toEqual(['strong', 'strong', 'possible', 'weak']);
  });
});
