import type { Question } from '../../engine/types';
import { YES_NO, YES_NO_UNSURE } from './options';

// Level 1: about ten short questions any manager can answer in five minutes. Their answers decide
// which detailed sections follow (see sections-*.ts, `appliesWhen`).
export const screening: Question[] = [
  {
    id: 's_offer',
    text: 'What does your company sell?',
    help: 'Choose everything that applies.',
    type: 'multi',
    options: [
      { value: 'products', label: 'Physical products' },
      { value: 'services', label: 'Services' },
      { value: 'software', label: 'Software, apps or online platforms' },
      { value: 'content', label: 'Creative content (texts, images, music, video, games)' },
      { value: 'processes', label: 'Products made with our own recipes, formulas or processes' },
    ],
  },
  {
    id: 's_markets',
    text: 'Where do you sell today?',
    type: 'single',
    options: [
      { value: 'home', label: 'Only in our home country' },
      { value: 'some_abroad', label: 'At home and in a few other countries' },
      { value: 'international', label: 'In many countries, or mainly abroad' },
    ],
  },
  {
    id: 's_exports',
    text: 'Do you plan to start selling in new countries within the next three years?',
    type: 'single',
    options: YES_NO,
  },
  {
    id: 's_brand',
    text: 'Do customers recognise you by a company name, brand, logo or product name?',
    type: 'single',
    options: [
      { value: 'yes', label: 'Yes' },
      { value: 'planned', label: 'We are choosing a new name or brand' },
      { value: 'no', label: 'No, we sell under generic names or other firms’ brands' },
    ],
  },
  {
    id: 's_design',
    text: 'Do customers choose your products for their look — shape, pattern, packaging or screen design?',
    type: 'single',
    options: YES_NO,
  },
  {
    id: 's_software',
    text: 'Do you create software, apps, websites or digital content?',
    type: 'single',
    options: [
      { value: 'in_house', label: 'Yes, with our own staff' },
      { value: 'contractors', label: 'Yes, through contractors or freelancers' },
      { value: 'both', label: 'Yes, both' },
      { value: 'no', label: 'No' },
    ],
  },
  {
    id: 's_knowhow',
    text: 'Does your edge rest on confidential know-how — recipes, processes, algorithms, customer or supplier information?',
    type: 'single',
    options: YES_NO_UNSURE,
  },
  {
    id: 's_rnd',
    text: 'Do you develop new technical solutions (products, processes or improvements)?',
    type: 'single',
    options: [
      { value: 'regularly', label: 'Regularly, with staff or a budget for it' },
      { value: 'occasionally', label: 'Occasionally, when a customer problem calls for it' },
      { value: 'no', label: 'No' },
    ],
  },
  {
    id: 's_collab',
    text: 'Do you develop things together with universities, research labs or other companies?',
    type: 'single',
    options: [
      { value: 'current', label: 'Yes, we do now' },
      { value: 'planned', label: 'We plan to' },
      { value: 'no', label: 'No' },
    ],
  },
  {
    id: 's_tech_in',
    text: 'Are you looking for technology from universities or other firms to use in your products or processes?',
    type: 'single',
    options: [
      { value: 'yes', label: 'Yes, we are looking now' },
      { value: 'maybe', label: 'Perhaps, if something fits' },
      { value: 'no', label: 'No' },
    ],
  },
  {
    id: 's_funding',
    text: 'Do you plan to raise money in the next two years?',
    help: 'Choose everything that applies.',
    type: 'multi',
    options: [
      { value: 'investors', label: 'From investors (business angels, venture capital)' },
      { value: 'loans', label: 'Bank loans' },
      { value: 'grants', label: 'Public grants or innovation programmes' },
      { value: 'sale', label: 'Selling the company or a share of it' },
      { value: 'none', label: 'None of these' },
    ],
  },
];
