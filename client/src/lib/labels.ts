// Words the UI shows for the API's codes. Sector labels come from the shared taxonomy, a file of
// plain constants that the server uses too.
import { SECTOR_LABELS, SECTORS, type Sector } from '../../../matching/taxonomy';
import type { OrganizationKind, SizeClass } from './api-types';
import { formatDateTime } from './datetime';

export { SECTORS, SECTOR_LABELS, type Sector };

export const KIND_LABELS: Record<OrganizationKind, string> = {
  sme: 'Small or medium-sized enterprise (SME)',
  university: 'University or research institute',
  intermediary: 'Intermediary (technology transfer office, cluster, chamber)',
  government: 'Government body or public lab',
  organizer: 'Event organizer',
};

export const KIND_SHORT: Record<OrganizationKind, string> = {
  sme: 'SME',
  university: 'University',
  intermediary: 'Intermediary',
  government: 'Government',
  organizer: 'Event organizer',
};

export const SIZE_CLASS_LABELS: Record<SizeClass, string> = {
  micro: 'Micro enterprise',
  small: 'Small enterprise',
  medium: 'Medium-sized enterprise',
  large: 'Large enterprise (not an SME)',
};

export function sectorLabel(code: string): string {
  return SECTOR_LABELS[code as Sector] ?? code;
}

const euros = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
export const formatEuros = (value: number) => euros.format(value);

export function countryName(code: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'region' }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** A date and time in the viewer's zone, in the one format of lib/datetime.ts. */
export const formatDate = (iso: string) => formatDateTime(iso);

export type { Language } from '../../../matching/taxonomy';
export {
  COLLABORATION_TYPE_LABELS,
  COLLABORATION_TYPES,
  IP_STATUS_LABELS,
  IP_STATUSES,
  LANGUAGES,
  RESEARCH_FIELD_LABELS,
  RESEARCH_FIELDS,
  TRLS,
} from '../../../matching/taxonomy';

/** What each technology readiness level means, in short (EU Horizon definitions). */
export const TRL_LABELS: Record<number, string> = {
  1: 'basic principles observed',
  2: 'technology concept formulated',
  3: 'experimental proof of concept',
  4: 'validated in the lab',
  5: 'validated in a relevant environment',
  6: 'demonstrated in a relevant environment',
  7: 'prototype demonstrated in operation',
  8: 'system complete and qualified',
  9: 'proven in operation',
};

export const BUDGET_LABELS: Record<string, string> = {
  under_25k: 'Under €25,000',
  '25k_100k': '€25,000 – €100,000',
  '100k_500k': '€100,000 – €500,000',
  over_500k: 'Over €500,000',
};

export const TIMELINE_LABELS: Record<string, string> = {
  under_3_months: 'Within 3 months',
  '3_to_12_months': '3 to 12 months',
  over_12_months: 'More than a year',
};

export const STATUS_LABELS: Record<string, string> = { draft: 'Draft', published: 'Published', archived: 'Archived' };

export function label(labels: Record<string, string>, code: string): string {
  return labels[code] ?? code;
}

/** What the match statuses mean to the person giving feedback. */
export const MATCH_STATUS_LABELS: Record<string, string> = { new: 'New', saved: 'Saved', dismissed: 'Dismissed', contacted: 'Contacted' };

/** The structured signals of a match explanation (matching/compatibility.ts). */
export const SIGNAL_LABELS: Record<string, string> = {
  sector: 'Sector',
  trl: 'Readiness (TRL)',
  collaboration: 'Way to work together',
  ip: 'IP protection',
  governmentFunding: 'Public funding',
};

/** A signal's effect in words and as a symbol, so it never rests on colour alone. */
export const EFFECT_LABELS: Record<string, { text: string; icon: string }> = {
  positive: { text: 'In favour', icon: '✓' },
  neutral: { text: 'Neutral', icon: '–' },
  negative: { text: 'Against', icon: '✕' },
};

/** Score points with a sign: "+4.2", "−1.5", "0". */
export function points(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  if (rounded === 0) return '0';
  return rounded > 0 ? `+${rounded}` : `−${Math.abs(rounded)}`;
}
