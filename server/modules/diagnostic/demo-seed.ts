import type { CurrentUser } from '../accounts/current-user';
import type { Answers } from './engine';
import type { DiagnosticService } from './service';

// The demo data's diagnostics: the bakery (Ostsee Backstube) took the diagnostic twice, so the
// demo shows a report, its history and what changed. Used by scripts/seed.ts only.

const DEMO_SME = 'sme-ostsee-backstube';
const DEMO_MEMBER = 'sme-admin@ostsee-backstube.example';

const screening: Answers = {
  s_offer: ['products', 'processes'],
  s_markets: 'home',
  s_exports: 'yes',
  s_brand: 'yes',
  s_design: 'yes',
  s_software: 'no',
  s_knowhow: 'yes',
  s_rnd: 'occasionally',
  s_collab: 'planned',
  s_tech_in: 'yes',
  s_funding: ['grants', 'loans'],
};

const first: Answers = {
  ...screening,
  tm_registered: 'no',
  tm_search: 'not_sure',
  tm_owner: 'founder',
  tm_domain: 'some',
  pt_novel: 'maybe',
  pt_disclosed: 'not_sure',
  pt_filed: 'no',
  pt_search: 'no',
  pt_employees: 'not_sure',
  ds_registered: 'no',
  ds_public: 'within_12_months',
  ds_copies: 'no',
  ts_identified: 'no',
  ts_nda: 'never',
  ts_access: 'partly',
  ts_leavers: 'no',
  co_agreement: 'not_yet',
  co_background: 'not_sure',
  co_licence_in: 'yes',
  co_publication: 'not_applicable',
  fi_register: 'no',
  fi_ownership_clean: 'not_sure',
  fi_valuation: 'no',
  tp_fto: 'never',
  tp_received_claim: 'no',
  tp_licences_compliance: 'yes_known',
  tp_supplier_warranty: 'not_sure',
};

/** Half a year later: the brand is registered at home, recipes are listed, NDAs are the rule. */
const second: Answers = { ...first, tm_registered: 'yes_home', tm_search: 'yes', tm_owner: 'company', ds_registered: 'yes', ts_identified: 'yes', ts_nda: 'always', fi_register: 'yes' };

export async function seedDemoDiagnostics(
  services: { diagnostics: DiagnosticService; accounts: { listUsers(limit: number): Promise<CurrentUser[]> } },
  orgIds: Map<string, string>,
): Promise<void> {
  const organizationId = orgIds.get(DEMO_SME);
  const user = (await services.accounts.listUsers(1000)).find((candidate) => candidate.email === DEMO_MEMBER);
  if (!organizationId || !user) throw new Error(`demo diagnostics need ${DEMO_SME} and ${DEMO_MEMBER}`);
  for (const answers of [first, second]) {
    const draft = await services.diagnostics.saveDraft(user, organizationId, { answers, revision: 0 });
    await services.diagnostics.submit(user, organizationId, draft.revision);
  }
}
