// Structured compatibility between an SME need and a research output, and the final score.
// Text leads, facts adjust: the text similarity gives the base score (0–100), and each structured
// signal (a value in [−1, 1]) scales it up or down by at most its weight. Facts that every
// candidate shares therefore scale every candidate alike and can never lift a weak text above a
// clearly better one; only facts that differ between candidates reorder them.
import {
  COLLABORATION_TYPE_LABELS, IP_STATUS_LABELS, RESEARCH_FIELD_LABELS, SECTOR_LABELS,
  type CollaborationType, type IpStatus, type ResearchField, type Sector,
} from './taxonomy';

/**
 * Text similarity (cosine × 100) at which the text score reaches 1 − 1/e ≈ 63. Chosen on
 * fixtures/eval: the median pair judged "solves the problem" has similarity ≈ 18, i.e. a text
 * score of ≈ 78; the median unrelated candidate ≈ 3, i.e. ≈ 22 (matching/README.md).
 */
export const TEXT_SCALE = 12;

/**
 * Largest share of the text score each fact can add (value +1) or take away (value −1). Together
 * they move a score by at most ±32 %.
 */
export const FACT_WEIGHTS = {
  sector: 0.08,
  trl: 0.08,
  collaboration: 0.08,
  ip: 0.05,
  governmentFunding: 0.03,
} as const;

/** Bands by final score, the same for every need and output (see matching/README.md). */
export const MATCH_BANDS = { strong: 70, possible: 45 } as const;
export type MatchBand = 'strong' | 'possible' | 'weak';

export function bandOf(score: number): MatchBand {
  return score >= MATCH_BANDS.strong ? 'strong' : score >= MATCH_BANDS.possible ? 'possible' : 'weak';
}

/** Who reads the explanation: the SME owning the need, or the university owning the output. */
export type Reader = 'need' | 'output';

export interface NeedProfile {
  sectors: readonly Sector[];
  fields?: readonly ResearchField[];
  minTrl: number;
  collaborationTypes: readonly CollaborationType[];
  /** Defaults to "licensing is among the collaboration types sought". */
  wantsLicensing?: boolean;
  prefersGovernmentFunded?: boolean;
}

export interface OutputProfile {
  fields: readonly ResearchField[];
  sectors: readonly Sector[];
  trl: number;
  ipStatus: IpStatus;
  collaborationTypes: readonly CollaborationType[];
  governmentFunded: boolean;
}

export type SignalName = keyof typeof FACT_WEIGHTS;

export interface Signal {
  name: SignalName;
  /** −1 (counts against) … 0 (neutral) … 1 (fully in favour). */
  value: number;
  /** Largest share of the text score this signal moves (FACT_WEIGHTS). */
  weight: number;
  /** Score points it adds or takes: text score × value × weight (0 until `combine`). */
  contribution: number;
  effect: 'positive' | 'neutral' | 'negative';
  /** Written for the reader: the SME (reader 'need') or the university (reader 'output'). */
  sentence: string;
}

const signal = (name: SignalName, value: number, sentence: string): Signal => {
  const effect = value > 0 ? 'positive' : value < 0 ? 'negative' : 'neutral';
  return { name, value, weight: FACT_WEIGHTS[name], contribution: 0, effect, sentence };
};

const list = (items: readonly string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
const collaborations = (types: readonly CollaborationType[]) => list(types.map((c) => COLLABORATION_TYPE_LABELS[c].toLowerCase()));

export function sectorSignal(need: NeedProfile, output: OutputProfile, reader: Reader = 'need'): Signal {
  const sectors = need.sectors.filter((s) => output.sectors.includes(s));
  const fields = (need.fields ?? []).filter((f) => output.fields.includes(f));
  if (need.sectors.length === 0 && (need.fields ?? []).length === 0) {
    return signal('sector', 0, reader === 'need' ? 'You did not name a sector.' : 'The firm did not name a sector.');
  }
  const parts: number[] = [];
  if (need.sectors.length > 0) parts.push(sectors.length > 0 ? 1 : 0);
  if ((need.fields ?? []).length > 0) parts.push(fields.length > 0 ? 1 : 0);
  const value = parts.reduce((a, b) => a + b, 0) / parts.length;
  const names = list([...sectors.map((s) => SECTOR_LABELS[s]), ...fields.map((f) => RESEARCH_FIELD_LABELS[f])]);
  if (value > 0) return signal('sector', value, reader === 'need' ? `Aimed at your sector: ${names}.` : `The firm works in ${names}, a sector your output targets.`);
  return signal('sector', 0, reader === 'need'
    ? `Aimed at other sectors (${list(output.sectors.map((s) => SECTOR_LABELS[s]))}).`
    : `The firm works in ${list(need.sectors.map((s) => SECTOR_LABELS[s]))}, outside the sectors your output targets.`);
}

/** TRL at or above the minimum counts fully; each level short costs a third of the weight. */
export function trlSignal(need: NeedProfile, output: OutputProfile, reader: Reader = 'need'): Signal {
  if (output.trl >= need.minTrl) {
    return signal('trl', 1, reader === 'need'
      ? `Ready enough: TRL ${output.trl}, your minimum is ${need.minTrl}.`
      : `Your TRL ${output.trl} meets the firm's minimum of ${need.minTrl}.`);
  }
  const gap = need.minTrl - output.trl;
  const levels = `${gap} level${gap > 1 ? 's' : ''}`;
  return signal('trl', -Math.min(1, gap / 3), reader === 'need'
    ? `TRL ${output.trl} is ${levels} below your minimum of ${need.minTrl}.`
    : `Your TRL ${output.trl} is ${levels} below the firm's minimum of ${need.minTrl}.`);
}

/** Any collaboration type both sides name counts fully. */
export function collaborationSignal(need: NeedProfile, output: OutputProfile, reader: Reader = 'need'): Signal {
  if (need.collaborationTypes.length === 0) {
    return signal('collaboration', 0, reader === 'need' ? 'You did not say how you want to collaborate.' : 'The firm did not say how it wants to collaborate.');
  }
  const common = need.collaborationTypes.filter((c) => output.collaborationTypes.includes(c));
  if (common.length > 0) {
    return signal('collaboration', 1, reader === 'need'
      ? `Offers ${collaborations(common)}, which you asked for.`
      : `The firm asks for ${collaborations(common)}, which you offer.`);
  }
  return signal('collaboration', -0.5, reader === 'need'
    ? `Offers ${collaborations(output.collaborationTypes)}; you asked for ${collaborations(need.collaborationTypes)}.`
    : `The firm asks for ${collaborations(need.collaborationTypes)}; you offer ${collaborations(output.collaborationTypes)}.`);
}

/**
 * Only matters when the need asks for a licence. A licence asked for among other types is no
 * penalty when the output offers another type the need asked for.
 */
export function ipSignal(need: NeedProfile, output: OutputProfile, reader: Reader = 'need'): Signal {
  const wantsLicensing = need.wantsLicensing ?? need.collaborationTypes.includes('licensing');
  const ip = IP_STATUS_LABELS[output.ipStatus];
  if (!wantsLicensing) return signal('ip', 0, reader === 'need' ? 'You did not ask for a licence.' : 'The firm did not ask for a licence.');
  if (output.collaborationTypes.includes('licensing')) {
    return signal('ip', 1, reader === 'need' ? `${ip}, offered for licensing.` : 'The firm wants a licence, and you offer one.');
  }
  if (output.ipStatus === 'open') {
    return signal('ip', 0.5, reader === 'need' ? 'Results are open: no licence is needed to use them.' : 'The firm wants a licence; your results are open, so it needs none.');
  }
  const otherwise = need.collaborationTypes.filter((c) => c !== 'licensing' && output.collaborationTypes.includes(c));
  if (otherwise.length > 0) {
    return signal('ip', 0, reader === 'need'
      ? `Not offered for licensing, but ${collaborations(otherwise)} is, which you also asked for.`
      : `The firm also asks for a licence, which you do not offer; ${collaborations(otherwise)} fits.`);
  }
  return signal('ip', -1, reader === 'need' ? `${ip}, not offered for licensing.` : `The firm wants a licence; your output (${ip.toLowerCase()}) is not offered for licensing.`);
}

export function governmentFundingSignal(need: NeedProfile, output: OutputProfile, reader: Reader = 'need'): Signal {
  if (!need.prefersGovernmentFunded) {
    return signal('governmentFunding', 0, reader === 'need' ? 'You did not ask for government-funded research.' : 'The firm did not ask for government-funded research.');
  }
  if (output.governmentFunded) {
    return signal('governmentFunding', 1, reader === 'need' ? 'Government-funded research, as you prefer.' : 'The firm prefers government-funded research, as yours is.');
  }
  return signal('governmentFunding', 0, reader === 'need' ? 'Not government-funded research.' : 'The firm prefers government-funded research; yours is not.');
}

export function compatibility(need: NeedProfile, output: OutputProfile, reader: Reader = 'need'): Signal[] {
  return [
    sectorSignal(need, output, reader),
    trlSignal(need, output, reader),
    collaborationSignal(need, output, reader),
    ipSignal(need, output, reader),
    governmentFundingSignal(need, output, reader),
  ];
}

export interface CombinedScore {
  /** 0–100 */
  score: number;
  /** The text score: 100 × (1 − e^(−similarity / TEXT_SCALE)). */
  textContribution: number;
  /** The signals with their contributions in score points. */
  signals: Signal[];
  band: MatchBand;
}

export function textScore(textSimilarity: number): number {
  return 100 * (1 - Math.exp(-Math.max(0, textSimilarity) / TEXT_SCALE));
}

/** Final score: text score × (1 + Σ value × weight), clamped to 0–100; contributions add up to it. */
export function combine(textSimilarity: number, signals: readonly Signal[]): CombinedScore {
  const base = textScore(textSimilarity);
  const scored = signals.map((s) => ({ ...s, contribution: base * s.value * s.weight }));
  const total = scored.reduce((sum, s) => sum + s.contribution, base);
  const score = Math.max(0, Math.min(100, total));
  return { score, textContribution: base, signals: scored, band: bandOf(score) };
}
