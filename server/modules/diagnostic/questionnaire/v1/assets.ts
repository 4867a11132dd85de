import type { AssetRule } from '../../engine/types';
import { all, any, is } from './options';

// The IP assets a company likely holds, given its answers. Descriptions say what the right is and
// what it is worth to an SME; they do not repeat the answer (the report cites it).
export const assets: AssetRule[] = [
  {
    id: 'asset_trademark_registered',
    section: 'trademarks',
    title: 'Registered trademark',
    description: 'An exclusive right to use your brand for the goods and services listed, in the countries where it is registered, renewable every ten years for as long as you use it.',
    when: is('tm_registered', 'yes_all', 'yes_home'),
  },
  {
    id: 'asset_brand_goodwill',
    section: 'trademarks',
    title: 'Brand reputation (not yet registered)',
    description: 'The recognition your name and logo have earned is valuable, but without registration most countries protect it weakly or not at all — you would have to prove reputation to stop copycats.',
    when: all(is('s_brand', 'yes'), is('tm_registered', 'applied', 'no', 'not_sure')),
  },
  {
    id: 'asset_domains',
    section: 'trademarks',
    title: 'Domain names and online accounts',
    description: 'Your web addresses and social-media accounts carry your brand online and are assets you can transfer or lose.',
    when: is('tm_domain', 'yes', 'some'),
  },
  {
    id: 'asset_inventions',
    section: 'patents',
    title: 'Inventions',
    description: 'Technical solutions you developed. Until they are filed or published they are also know-how; filed in time, they may become patents or utility models.',
    when: is('pt_novel', 'yes', 'maybe'),
  },
  {
    id: 'asset_patents',
    section: 'patents',
    title: 'Patents or utility models',
    description: 'Exclusive rights over an invention for a limited time (up to 20 years for patents, usually 6–10 for utility models) in the countries where they are granted; they can be licensed, sold or used as collateral.',
    when: is('pt_filed', 'granted', 'pending'),
  },
  {
    id: 'asset_designs',
    section: 'designs',
    title: 'Product designs',
    description: 'The look of your products. Some places protect unregistered designs against deliberate copying for a short time (three years in the EU); registration gives stronger, longer rights.',
    when: is('s_design', 'yes'),
  },
  {
    id: 'asset_registered_designs',
    section: 'designs',
    title: 'Registered designs',
    description: 'Exclusive rights over a product’s appearance, in many countries for up to 25 years in five-year terms, against anyone using a design that gives the same overall impression.',
    when: is('ds_registered', 'yes'),
  },
  {
    id: 'asset_software',
    section: 'copyright_software',
    title: 'Software (protected by copyright)',
    description: 'Source code, object code and much of the preparatory design material are protected by copyright from creation, without registration — provided the company owns them.',
    when: any(is('s_software', 'in_house', 'contractors', 'both'), is('s_offer', 'software')),
  },
  {
    id: 'asset_content',
    section: 'copyright_software',
    title: 'Creative content',
    description: 'Texts, images, videos, music, manuals and website content are copyright works you can license and defend.',
    when: is('s_offer', 'content'),
  },
  {
    id: 'asset_customer_licences',
    section: 'copyright_software',
    title: 'Licence agreements with customers',
    description: 'Written terms that turn your software or content into recurring, controllable revenue.',
    when: is('cs_licensing_out', 'yes'),
  },
  {
    id: 'asset_trade_secrets',
    section: 'trade_secrets',
    title: 'Trade secrets and know-how',
    description: 'Confidential recipes, processes, algorithms, customer and supplier information. Protected without registration and without time limit — for as long as they stay secret.',
    when: any(is('s_knowhow', 'yes'), is('s_offer', 'processes')),
  },
  {
    id: 'asset_collaboration_results',
    section: 'collaborations',
    title: 'Results of collaborations',
    description: 'Inventions, data, prototypes and software created with partners; who owns and may use them depends on your agreements.',
    when: is('s_collab', 'current'),
  },
  {
    id: 'asset_ip_register',
    section: 'financing',
    title: 'An IP register',
    description: 'A documented overview of your rights that investors, banks and buyers can check quickly.',
    when: is('fi_register', 'yes'),
  },
];
