// Structured compatibility between an SME need and a research output. Every signal returns a
// value in [−1, 1], its weight and its explicit contribution in score points, plus a sentence
// a person can read. `combine` adds the text similarity; all weights live in MATCH_WEIGHTS.
import {
  COLLABORATION_TYPE_LABELS, IP_STATUS_LABELS, RESEARCH_FIELD_LABELS, SECTOR_LABELS,
  type CollaborationType, type IpStatus, type ResearchField, type Sector,
} from './taxonomy';

/**
 * Points each part can add at most; they sum to 100. Text dominates because the words say what
 * the problem is; structure separates candidates that talk about the same thing.
 */
export const MATCH_WEIGHTS = {
  text: 60,
  sector: 12,
  trl: 10,
  collaboration: 10,
  ip: 5,
  governmentFunding: 3,
} as const;

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

export type SignalName = 'sector' | 'trl' | 'collaboration' | 'ip' | 'governmentFunding';

export interface Signal {
  name: SignalName;
  /** −1 (counts against) … 0 (neutral) … 1 (fully in favour). */
  value: number;
  weight: number;
  /** value × weight, in score points. */
  contribution: number;
  effect: 'positive' | 'neutral' | 'negative';
  sentence: string;
}

const signal = (name: SignalName, value: number, sentence: string): Signal => {
  const weight = MATCH_WEIGHTS[name];
  const effect = value > 0 ? 'positive' : value < 0 ? 'negative' : 'neutral';
  return { name, value, weight, contribution: value * weight, effect, sentence };
};

const list = (items: readonly string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

export function sectorSignal(need: NeedProfile, output: OutputProfile): Signal {
  const sectors = need.sectors.filter((s) => output.sectors.includes(s));
  const fields = (need.fields ?? []).filter((f) => output.fields.includes(f));
  if (need.sectors.length === 0 && (need.fields ?? []).length === 0) {
    return signal('sector', 0, 'You did not name a sector, so sector fit is not counted.');
  }
  const parts: number[] = [];
  if (need.sectors.length > 0) parts.push(sectors.length > 0 ? 1 : 0);
  if ((need.fields ?? []).length > 0) parts.push(fields.length > 0 ? 1 : 0);
  const value = parts.reduce((a, b) => a + b, 0) / parts.length;
  const names = [...sectors.map((s) => SECTOR_LABELS[s]), ...fields.map((f) => RESEARCH_FIELD_LABELS[f])];
  const sentence = value > 0
    ? `Works in your area: ${list(names)}.`
    : `Targets other sectors (${list(output.sectors.map((s) => SECTOR_LABELS[s]))}).`;
  return signal('sector', value, sentence);
}

/** TRL at or above the minimum counts fully; each level short costs a third of the weight. */
export function trlSignal(need: NeedProfile, output: OutputProfile): Signal {
  if (output.trl >= need.minTrl) {
    return signal('trl', 1, `Output TRL ${output.trl} meets your minimum of ${need.minTrl}.`);
  }
  const gap = need.minTrl - output.trl;
  return signal('trl', -Math.min(1, gap / 3), `Output TRL ${output.trl} is ${gap} level${gap > 1 ? 's' : ''} below your minimum of ${need.minTrl}.`);
}

export function collaborationSignal(need: NeedProfile, output: OutputProfile): Signal {
  if (need.collaborationTypes.length === 0) {
    return signal('collaboration', 0, 'You did not say how you want to collaborate.');
  }
  const common = need.collaborationTypes.filter((c) => output.collaborationTypes.includes(c));
  if (common.length > 0) {
    return signal('collaboration', 1, `Offers what you are looking for: ${list(common.map((c) => COLLABORATION_TYPE_LABELS[c].toLowerCase()))}.`);
  }
  return signal('collaboration', -0.5, `Offers ${list(output.collaborationTypes.map((c) => COLLABORATION_TYPE_LABELS[c].toLowerCase()))}, not what you asked for.`);
}

/** Only matters for a licensing need: is there something the SME can actually license? */
export function ipSignal(need: NeedProfile, output: OutputProfile): Signal {
  const wantsLicensing = need.wantsLicensing ?? need.collaborationTypes.includes('licensing');
  const ip = IP_STATUS_LABELS[output.ipStatus];
  if (!wantsLicensing) return signal('ip', 0, `IP status (${ip}) does not matter for the collaboration you seek.`);
  if (output.collaborationTypes.includes('licensing')) {
    return signal('ip', 1, `${ip}, offered for licensing.`);
  }
  if (output.ipStatus === 'open') return signal('ip', 0.5, 'Results are open: no licence is needed to use them.');
  return signal('ip', -1, `${ip}, not offered for licensing.`);
}

export function governmentFundingSignal(need: NeedProfile, output: OutputProfile): Signal {
  if (!need.prefersGovernmentFunded) return signal('governmentFunding', 0, 'You did not ask for government-funded research.');
  return output.governmentFunded
    ? signal('governmentFunding', 1, 'Government-funded research, as you prefer.')
    : signal('governmentFunding', 0, 'Not government-funded research.');
}

export function compatibility(need: NeedProfile, output: OutputProfile): Signal[] {
  return [
    sectorSignal(need, output),
    trlSignal(need, output),
    collaborationSignal(need, output),
    ipSignal(need, output),
    governmentFundingSignal(need, output),
  ];
}

export interface CombinedScore {
  /** 0–100 */
  score: number;
  /** Points from text similarity (similarity × MATCH_WEIGHTS.text / 100). */
  textContribution: number;
  signals: Signal[];
}

/** Final score: text points + each signal's contribution, clamped to 0–100. */
export function combine(textSimilarity: number, signals: readonly Signal[]): CombinedScore {
  const textContribution = (Math.max(0, Math.min(100, textSimilarity)) * MATCH_WEIGHTS.text) / 100;
  const total = signals.reduce((sum, s) => sum + s.contribution, textContribution);
  return { score: Math.max(0, Math.min(100, total)), textContribution, signals: [...signals] };
}
