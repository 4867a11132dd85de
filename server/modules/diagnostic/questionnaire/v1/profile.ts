import { SECTOR_LABELS, SECTORS } from '../../../../../matching/taxonomy';
import type { Question } from '../../engine/types';

// Facts from the organization's profile that rules may read: the NACE sections it works in. Not
// asked in the questionnaire; a report cites them as "your organization's sectors".
export const profile: Question[] = [
  {
    id: 'p_sectors',
    text: 'Your organization’s sectors (from its profile)',
    type: 'multi',
    options: SECTORS.map((code) => ({ value: code, label: `${code} ${SECTOR_LABELS[code]}` })),
  },
];
