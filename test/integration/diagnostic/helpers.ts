import type { Client } from '../../helpers/api';

type Answers = Record<string, string | string[]>;

/** Screening answers of a small bakery-equipment maker that exports, builds software and wants university technology. */
export const SCREENING: Answers = {
  s_offer: ['products', 'software'],
  s_markets: 'home',
  s_exports: 'yes',
  s_brand: 'yes',
  s_design: 'no',
  s_software: 'contractors',
  s_knowhow: 'yes',
  s_rnd: 'occasionally',
  s_collab: 'planned',
  s_tech_in: 'yes',
  s_funding: ['grants'],
};

/** Detailed answers that reveal gaps (no registration, no NDAs, contractors own the code, …). */
export const WEAK: Answers = {
  tm_registered: 'no',
  tm_search: 'no',
  tm_owner: 'founder',
  tm_domain: 'some',
  pt_novel: 'maybe',
  pt_disclosed: 'no',
  pt_filed: 'no',
  pt_search: 'no',
  pt_employees: 'not_sure',
  cs_contractor_assignment: 'no',
  cs_open_source: 'yes_not_tracked',
  cs_records: 'yes',
  cs_licensing_out: 'yes',
  ts_identified: 'no',
  ts_nda: 'never',
  ts_access: 'partly',
  ts_leavers: 'no',
  co_agreement: 'not_yet',
  co_background: 'not_sure',
  co_licence_in: 'yes',
  co_publication: 'no',
  fi_register: 'no',
  fi_ownership_clean: 'not_sure',
  fi_valuation: 'no',
  tp_fto: 'never',
  tp_received_claim: 'no',
  tp_licences_compliance: 'yes_known',
  tp_supplier_warranty: 'yes',
};

/** The same company a year later: brand registered at home, NDAs in place, contractors signed. */
export const IMPROVED: Answers = {
  ...WEAK,
  tm_registered: 'yes_home',
  tm_search: 'yes',
  tm_owner: 'company',
  ts_nda: 'always',
  ts_access: 'yes',
  cs_contractor_assignment: 'yes',
};

export const draftUrl = (organizationId: string) => `/api/diagnostics/organizations/${organizationId}/draft`;
export const submitUrl = (organizationId: string) => `/api/diagnostics/organizations/${organizationId}/submit`;

export function saveDraft(client: Client, organizationId: string, answers: Answers, revision: number) {
  return client.request({ method: 'PUT', url: draftUrl(organizationId), payload: { answers, revision } });
}

/** Saves `answers` as a new draft and submits it; returns the report. */
export async function takeDiagnostic(client: Client, organizationId: string, answers: Answers) {
  const current = await client.get(draftUrl(organizationId));
  const revision = current.statusCode === 200 ? current.json().revision : 0;
  const saved = await saveDraft(client, organizationId, answers, revision);
  if (saved.statusCode !== 200) throw new Error(`save failed: ${saved.statusCode} ${saved.body}`);
  const submitted = await client.post(submitUrl(organizationId), { revision: saved.json().revision });
  if (submitted.statusCode !== 201) throw new Error(`submit failed: ${submitted.statusCode} ${submitted.body}`);
  return submitted.json();
}
