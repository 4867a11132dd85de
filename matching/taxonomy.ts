// Shared vocabulary for needs, research outputs and matches. Server schemas, workers and the
// client import these lists so every layer spells a sector, field or IP status the same way.

/** NACE Rev. 2 sections with their official short names. */
export const SECTORS = [
  'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K',
  'L', 'M', 'N', 'O', 'P', 'Q', 'R', 'S', 'T', 'U',
] as const;
export type Sector = (typeof SECTORS)[number];

export const SECTOR_LABELS: Record<Sector, string> = {
  A: 'Agriculture, forestry and fishing',
  B: 'Mining and quarrying',
  C: 'Manufacturing',
  D: 'Electricity, gas, steam and air conditioning supply',
  E: 'Water supply, sewerage, waste management and remediation',
  F: 'Construction',
  G: 'Wholesale and retail trade',
  H: 'Transportation and storage',
  I: 'Accommodation and food service',
  J: 'Information and communication',
  K: 'Financial and insurance',
  L: 'Real estate',
  M: 'Professional, scientific and technical',
  N: 'Administrative and support service',
  O: 'Public administration and defence',
  P: 'Education',
  Q: 'Human health and social work',
  R: 'Arts, entertainment and recreation',
  S: 'Other service activities',
  T: 'Households as employers',
  U: 'Extraterritorial organisations',
};

export const RESEARCH_FIELDS = [
  'materials', 'energy', 'biotechnology', 'medical_devices', 'pharmaceuticals', 'agrifood',
  'environment', 'ict_ai', 'electronics', 'manufacturing_robotics', 'chemistry', 'construction',
  'transport',
] as const;
export type ResearchField = (typeof RESEARCH_FIELDS)[number];

export const RESEARCH_FIELD_LABELS: Record<ResearchField, string> = {
  materials: 'Advanced materials',
  energy: 'Energy',
  biotechnology: 'Biotechnology',
  medical_devices: 'Medical devices',
  pharmaceuticals: 'Pharmaceuticals',
  agrifood: 'Agriculture and food',
  environment: 'Environment and water',
  ict_ai: 'ICT and artificial intelligence',
  electronics: 'Electronics and photonics',
  manufacturing_robotics: 'Manufacturing and robotics',
  chemistry: 'Chemistry',
  construction: 'Construction and buildings',
  transport: 'Transport and mobility',
};

export const IP_STATUSES = [
  'patent_granted', 'patent_pending', 'utility_model', 'design', 'copyright', 'trade_secret',
  'trademark', 'open',
] as const;
export type IpStatus = (typeof IP_STATUSES)[number];

export const IP_STATUS_LABELS: Record<IpStatus, string> = {
  patent_granted: 'Granted patent',
  patent_pending: 'Patent pending',
  utility_model: 'Utility model',
  design: 'Registered design',
  copyright: 'Copyright',
  trade_secret: 'Trade secret / know-how',
  trademark: 'Trademark',
  open: 'No IP protection (open)',
};

export const COLLABORATION_TYPES = [
  'licensing', 'contract_research', 'joint_development', 'consultancy', 'spin_off',
  'testing_facilities', 'student_project',
] as const;
export type CollaborationType = (typeof COLLABORATION_TYPES)[number];

export const COLLABORATION_TYPE_LABELS: Record<CollaborationType, string> = {
  licensing: 'Licensing',
  contract_research: 'Contract research',
  joint_development: 'Joint development',
  consultancy: 'Consultancy',
  spin_off: 'Spin-off / start-up',
  testing_facilities: 'Access to testing facilities',
  student_project: 'Student project',
};

/** Technology readiness levels 1 (basic principles) to 9 (proven in operation). */
export const TRLS = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;
export type Trl = (typeof TRLS)[number];

/** Languages the text pipeline stems; all but English are bridged to English (matching/lang). */
export const LANGUAGES = ['en', 'fr', 'es', 'de', 'pt', 'it'] as const;
export type Language = (typeof LANGUAGES)[number];
