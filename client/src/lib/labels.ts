// Words the UI shows for the API's codes. Sector labels come from the shared taxonomy, a file of
// plain constants that the server uses too.
import { SECTOR_LABELS, SECTORS, type Sector } from '../../../matching/taxonomy';
import type { OrganizationKind, SizeClass } from './api-types';

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

export const formatDate = (iso: string) =>
  new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
