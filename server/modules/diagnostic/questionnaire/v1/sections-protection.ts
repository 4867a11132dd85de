import type { Section } from '../../engine/types';
import { any, is, YES_NO, YES_NO_UNSURE } from './options';

// Level 2, the registrable rights: trademarks, patents and utility models, designs.
export const protectionSections: Section[] = [
  {
    id: 'trademarks',
    title: 'Trademarks and brands',
    intro: 'A trademark protects the signs that tell your goods or services apart from others’: names, logos, slogans, sometimes colours or sounds.',
    appliesWhen: is('s_brand', 'yes', 'planned'),
    questions: [
      {
        id: 'tm_registered',
        text: 'Is your main brand (name or logo) registered as a trademark?',
        type: 'single',
        options: [
          { value: 'yes_all', label: 'Yes, in every country where we sell' },
          { value: 'yes_home', label: 'Yes, but only in our home country' },
          { value: 'applied', label: 'We have applied' },
          { value: 'no', label: 'No' },
          { value: 'not_sure', label: 'Not sure' },
        ],
      },
      {
        id: 'tm_search',
        text: 'Before choosing the brand, did you check that nobody had registered or used a similar one?',
        type: 'single',
        options: YES_NO_UNSURE,
      },
      {
        id: 'tm_owner',
        text: 'In whose name are the brand’s registrations and domain names held?',
        type: 'single',
        options: [
          { value: 'company', label: 'The company' },
          { value: 'founder', label: 'A founder or manager personally' },
          { value: 'agency', label: 'An agency, distributor or other outside party' },
          { value: 'none', label: 'Nothing is registered yet' },
        ],
      },
      {
        id: 'tm_domain',
        text: 'Do you hold the domain names and social-media accounts that match your brand?',
        type: 'single',
        options: [
          { value: 'yes', label: 'Yes, all of them' },
          { value: 'some', label: 'Some of them' },
          { value: 'no', label: 'No' },
        ],
      },
    ],
  },
  {
    id: 'patents',
    title: 'Patents and utility models',
    intro: 'Patents and utility models protect technical inventions — how something works or is made — in exchange for publishing them.',
    appliesWhen: is('s_rnd', 'regularly', 'occasionally'),
    questions: [
      {
        id: 'pt_novel',
        text: 'Have you developed a technical solution that you believe is new and would not be obvious to an expert?',
        type: 'single',
        options: [
          { value: 'yes', label: 'Yes' },
          { value: 'maybe', label: 'Possibly — we are not sure it is new' },
          { value: 'no', label: 'No' },
        ],
      },
      {
        id: 'pt_disclosed',
        text: 'Has such a solution been shown, published or sold before any application was filed?',
        help: 'Trade fairs, demos to customers, papers, websites and sales all count.',
        type: 'single',
        options: YES_NO_UNSURE,
      },
      {
        id: 'pt_filed',
        text: 'Do you have patents or utility models?',
        type: 'single',
        options: [
          { value: 'granted', label: 'Yes, granted' },
          { value: 'pending', label: 'Yes, applications pending' },
          { value: 'no', label: 'No' },
        ],
      },
      {
        id: 'pt_search',
        text: 'Do you search patent databases when you start developing something new?',
        type: 'single',
        options: YES_NO,
      },
      {
        id: 'pt_employees',
        text: 'Do employment and contractor agreements say that inventions made for you belong to the company?',
        type: 'single',
        options: YES_NO_UNSURE,
      },
    ],
  },
  {
    id: 'designs',
    title: 'Industrial designs',
    intro: 'A design right protects how a product looks — its shape, lines, colours, pattern, packaging or on-screen interface — not how it works.',
    appliesWhen: any(is('s_design', 'yes')),
    questions: [
      {
        id: 'ds_registered',
        text: 'Are the designs of your key products registered?',
        type: 'single',
        options: YES_NO_UNSURE,
      },
      {
        id: 'ds_public',
        text: 'When was your newest design first shown in public (trade fair, web shop, catalogue)?',
        type: 'single',
        options: [
          { value: 'within_12_months', label: 'Within the last 12 months' },
          { value: 'earlier', label: 'More than 12 months ago' },
          { value: 'not_yet', label: 'It has not been shown yet' },
        ],
      },
      {
        id: 'ds_copies',
        text: 'Have you seen copies or close imitations of your products?',
        type: 'single',
        options: YES_NO,
      },
    ],
  },
];
