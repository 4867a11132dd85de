// Words for the intermediaries directory, help requests and on-behalf needs.
import type { HelpRequestStatus, InstitutionType } from '../../lib/api-types';

export const INSTITUTION_TYPES: InstitutionType[] = ['tech_transfer_office', 'ip_office', 'chamber_of_commerce', 'innovation_agency', 'incubator', 'other'];

export const INSTITUTION_TYPE_LABELS: Record<InstitutionType, string> = {
  tech_transfer_office: 'Technology transfer office',
  ip_office: 'IP office or IP help desk',
  chamber_of_commerce: 'Chamber of commerce',
  innovation_agency: 'Innovation agency',
  incubator: 'Incubator or accelerator',
  other: 'Other support institution',
};

/** Languages offered in the directory filter (ISO 639-1); the profile form accepts any code. */
export const LANGUAGE_CODES = [
  'en', 'bg', 'ca', 'cs', 'da', 'de', 'el', 'es', 'et', 'fi', 'fr', 'ga', 'gl', 'hr', 'hu', 'it', 'lt', 'lv', 'mt', 'nl', 'pl', 'pt', 'ro', 'ru', 'sk', 'sl', 'sr', 'sv', 'sw',
] as const;

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });
export function languageName(code: string): string {
  try {
    return languageNames.of(code) ?? code;
  } catch {
    return code;
  }
}

export const HELP_STATUS_LABELS: Record<HelpRequestStatus, string> = {
  open: 'waiting for an answer',
  accepted: 'taken on',
  answered: 'answered',
  declined: 'declined',
  closed: 'closed',
};

/** A sector as a chart label: the code and the start of its name, short enough for the chart's label column. */
export function shortSectorLabel(code: string, label: string, max = 16): string {
  const text = `${code} ${label}`;
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}
