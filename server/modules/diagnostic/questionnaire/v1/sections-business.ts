import type { Section } from '../../engine/types';
import { any, is, YES_NO, YES_NO_UNSURE } from './options';

// Level 2, the rights that arise without registration and the business situations around IP.
export const businessSections: Section[] = [
  {
    id: 'copyright_software',
    title: 'Copyright and software',
    intro: 'Copyright protects original works — code, texts, images, music, video, manuals — automatically, from the moment they are created.',
    appliesWhen: any(is('s_software', 'in_house', 'contractors', 'both'), is('s_offer', 'software', 'content')),
    questions: [
      {
        id: 'cs_contractor_assignment',
        text: 'When contractors or freelancers create code, images or texts for you, do written contracts transfer the rights to the company?',
        type: 'single',
        options: [...YES_NO_UNSURE, { value: 'not_applicable', label: 'We use no contractors' }],
      },
      {
        id: 'cs_open_source',
        text: 'Does your software use open-source components?',
        type: 'single',
        options: [
          { value: 'yes_tracked', label: 'Yes, and we track their licences' },
          { value: 'yes_not_tracked', label: 'Yes, but we do not track their licences' },
          { value: 'no', label: 'No' },
          { value: 'not_sure', label: 'Not sure' },
        ],
      },
      {
        id: 'cs_records',
        text: 'Do you keep dated records of your code and creative work (version control, archived files)?',
        type: 'single',
        options: YES_NO,
      },
      {
        id: 'cs_licensing_out',
        text: 'Do customers use your software or content under written licence terms (licence, subscription terms, terms of use)?',
        type: 'single',
        options: [...YES_NO, { value: 'not_applicable', label: 'We supply no software or content to customers' }],
      },
    ],
  },
  {
    id: 'trade_secrets',
    title: 'Trade secrets and confidentiality',
    intro: 'Valuable business information stays protected as a trade secret only as long as you take reasonable steps to keep it secret.',
    appliesWhen: any(is('s_knowhow', 'yes', 'not_sure'), is('s_offer', 'processes')),
    questions: [
      {
        id: 'ts_identified',
        text: 'Have you listed which information is confidential and who may access it?',
        type: 'single',
        options: [
          { value: 'yes', label: 'Yes' },
          { value: 'partly', label: 'Partly' },
          { value: 'no', label: 'No' },
        ],
      },
      {
        id: 'ts_nda',
        text: 'Do employees, partners and visitors who see confidential information sign confidentiality agreements?',
        type: 'single',
        options: [
          { value: 'always', label: 'Always' },
          { value: 'sometimes', label: 'Sometimes' },
          { value: 'never', label: 'Never' },
        ],
      },
      {
        id: 'ts_access',
        text: 'Is access to confidential files and areas restricted (passwords, need-to-know, “confidential” marks)?',
        type: 'single',
        options: [
          { value: 'yes', label: 'Yes' },
          { value: 'partly', label: 'Partly' },
          { value: 'no', label: 'No' },
        ],
      },
      {
        id: 'ts_leavers',
        text: 'When people leave, do you recover documents and devices and remind them of their confidentiality duties?',
        type: 'single',
        options: YES_NO,
      },
    ],
  },
  {
    id: 'collaborations',
    title: 'IP in collaborations and licensing',
    intro: 'Working with universities, labs and other firms creates shared results; agreements decide who owns and may use them.',
    appliesWhen: any(is('s_collab', 'current', 'planned'), is('s_tech_in', 'yes', 'maybe')),
    questions: [
      {
        id: 'co_agreement',
        text: 'Before a collaboration starts, do you sign an agreement on who owns and may use the results?',
        type: 'single',
        options: [
          { value: 'always', label: 'Always' },
          { value: 'sometimes', label: 'Sometimes' },
          { value: 'never', label: 'Never' },
          { value: 'not_yet', label: 'No collaboration has started yet' },
        ],
      },
      {
        id: 'co_background',
        text: 'Do your agreements list what each party brings (its “background” IP) and what it may use afterwards?',
        type: 'single',
        options: YES_NO_UNSURE,
      },
      {
        id: 'co_licence_in',
        text: 'Would you license a technology from a university or research lab instead of developing it yourself?',
        type: 'single',
        options: [
          { value: 'yes', label: 'Yes' },
          { value: 'maybe', label: 'Maybe' },
          { value: 'no', label: 'No' },
        ],
      },
      {
        id: 'co_publication',
        text: 'Do agreements with researchers let you review their publications before they appear?',
        type: 'single',
        options: [...YES_NO, { value: 'not_applicable', label: 'We do not work with researchers' }],
      },
    ],
  },
  {
    id: 'financing',
    title: 'IP in financing',
    intro: 'Investors, banks and grant bodies look at what a company owns; well-managed IP raises its value and can secure funding.',
    appliesWhen: is('s_funding', 'investors', 'loans', 'grants', 'sale'),
    questions: [
      {
        id: 'fi_register',
        text: 'Do you keep an up-to-date list of your IP assets with owners, countries, dates and renewal deadlines?',
        type: 'single',
        options: YES_NO,
      },
      {
        id: 'fi_ownership_clean',
        text: 'Is every key IP asset owned by the company itself — not by founders, employees, contractors or partners?',
        type: 'single',
        options: YES_NO_UNSURE,
      },
      {
        id: 'fi_valuation',
        text: 'Have you estimated what your IP is worth, or which revenues it supports?',
        type: 'single',
        options: YES_NO,
      },
    ],
  },
  {
    id: 'third_party',
    title: 'Risks from other people’s IP',
    intro: 'New products, new markets and borrowed technology can run into patents, designs, trademarks or copyright that others hold.',
    appliesWhen: any(is('s_exports', 'yes'), is('s_rnd', 'regularly', 'occasionally'), is('s_tech_in', 'yes'), is('s_brand', 'planned')),
    questions: [
      {
        id: 'tp_fto',
        text: 'Before a launch or a new market, do you check that you do not infringe others’ patents, designs or trademarks there?',
        type: 'single',
        options: [
          { value: 'always', label: 'Always' },
          { value: 'sometimes', label: 'Sometimes' },
          { value: 'never', label: 'Never' },
        ],
      },
      {
        id: 'tp_received_claim',
        text: 'Have you received a warning letter or claim that you infringe someone’s IP?',
        type: 'single',
        options: YES_NO,
      },
      {
        id: 'tp_licences_compliance',
        text: 'Do you use fonts, images, software or technology under someone else’s licence?',
        type: 'single',
        options: [
          { value: 'yes_known', label: 'Yes, and we know the terms' },
          { value: 'yes_unsure', label: 'Yes, but we are not sure of the terms' },
          { value: 'no', label: 'No' },
        ],
      },
      {
        id: 'tp_supplier_warranty',
        text: 'Do supplier and customer contracts say who is liable if a product infringes someone’s IP?',
        type: 'single',
        options: YES_NO_UNSURE,
      },
    ],
  },
];
