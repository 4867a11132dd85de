// API types, derived from the server's TypeBox schemas. `import type` only: these imports vanish
// at build time, so no server code (mongoose, fastify) ever reaches the browser bundle.
import type { Static } from '@sinclair/typebox';
import type { StatsView as StatsSchema } from '../../../server/modules/admin/schema';
import type { MailView as MailSchema, UserView as UserSchema } from '../../../server/modules/accounts/schema';
import type {
  CreateOrganizationBody as CreateOrganizationSchema,
  InvitationView as InvitationSchema,
  MemberView as MemberSchema,
  OrganizationView as OrganizationSchema,
  UpdateOrganizationBody as UpdateOrganizationSchema,
  VerificationItem as VerificationItemSchema,
} from '../../../server/modules/organizations/schema';

export type UserView = Static<typeof UserSchema>;
export type MailView = Static<typeof MailSchema>;
export type OrganizationView = Static<typeof OrganizationSchema>;
export type OrganizationKind = OrganizationView['kind'];
export type SizeClass = NonNullable<OrganizationView['sizeClass']>;
export type CreateOrganizationBody = Static<typeof CreateOrganizationSchema>;
export type UpdateOrganizationBody = Static<typeof UpdateOrganizationSchema>;
export type MemberView = Static<typeof MemberSchema>;
export type OrgRole = MemberView['role'];
export type InvitationView = Static<typeof InvitationSchema>;
/** One organization in the platform admins' verification queue. */
export type VerificationItem = Static<typeof VerificationItemSchema>;
export type VerificationState = 'pending' | 'verified' | 'rejected';

/** A cursor page as the server's `Page(item)` returns it. */
export interface Page<T> {
  items: T[];
  next: string | null;
}

// Research outputs, needs and access requests.
import type {
  CreateResearchOutputBody as CreateOutputSchema,
  ResearchOutputListQuery as OutputListQuerySchema,
  ResearchOutputView as OutputSchema,
  UpdateResearchOutputBody as UpdateOutputSchema,
} from '../../../server/modules/research-outputs/schema';
import type {
  CreateNeedBody as CreateNeedSchema,
  NeedListQuery as NeedListQuerySchema,
  NeedView as NeedSchema,
  UpdateNeedBody as UpdateNeedSchema,
} from '../../../server/modules/needs/schema';
import type {
  AccessRequestView as AccessRequestSchema,
  AuditEntryView as AuditEntrySchema,
  ConfidentialDetailsView as ConfidentialSchema,
} from '../../../server/modules/access-requests/schema';

export type ResearchOutputView = Static<typeof OutputSchema>;
export type CreateResearchOutputBody = Static<typeof CreateOutputSchema>;
export type UpdateResearchOutputBody = Static<typeof UpdateOutputSchema>;
export type ResearchOutputListQuery = Static<typeof OutputListQuerySchema>;
export type ListingStatus = ResearchOutputView['status'];
export type NeedView = Static<typeof NeedSchema>;
export type CreateNeedBody = Static<typeof CreateNeedSchema>;
export type UpdateNeedBody = Static<typeof UpdateNeedSchema>;
export type NeedListQuery = Static<typeof NeedListQuerySchema>;
export type BudgetBand = NeedView['budgetBand'];
export type Timeline = NeedView['timeline'];
export type AccessRequestView = Static<typeof AccessRequestSchema>;
export type AuditEntryView = Static<typeof AuditEntrySchema>;
export type ConfidentialDetailsView = Static<typeof ConfidentialSchema>;

// Matches, notifications and search.
import type {
  ExplanationView as ExplanationSchema,
  FeedbackBody as FeedbackBodySchema,
  MatchListQuery as MatchListQuerySchema,
  NeedMatchView as NeedMatchSchema,
  OutputMatchView as OutputMatchSchema,
} from '../../../server/modules/matches/schema';
import type { NotificationPage as NotificationPageSchema, NotificationView as NotificationSchema } from '../../../server/modules/notifications/schema';

export type NeedMatchView = Static<typeof NeedMatchSchema>;
export type OutputMatchView = Static<typeof OutputMatchSchema>;
export type MatchStatus = NeedMatchView['status'];
export type FeedbackStatus = Static<typeof FeedbackBodySchema>['status'];
export type MatchListQuery = Static<typeof MatchListQuerySchema>;
export type ExplanationView = Static<typeof ExplanationSchema>;
export type SignalView = ExplanationView['signals'][number];
export type SharedTermView = ExplanationView['sharedTerms'][number];
export type NotificationView = Static<typeof NotificationSchema>;
export type NotificationPage = Static<typeof NotificationPageSchema>;

/** A search hit as `/api/search/*` returns it (the route builds its schema inline). */
export interface SearchHit<T> {
  similarity: number;
  matchedWords: string[];
  item: T;
}

/** `/api/admin/stats`: queue numbers, feedback figures and the latest full rescore. */
export type AdminStats = Static<typeof StatsSchema>;

// Intermediaries directory, help requests and sectors (issue 9).
import type {
  DirectoryHit as DirectoryHitSchema,
  DirectoryQuery as DirectoryQuerySchema,
  IntermediaryView as IntermediarySchema,
  ProfileBody as ProfileBodySchema,
} from '../../../server/modules/intermediaries/schema';
import type { HelpRequestView as HelpRequestSchema } from '../../../server/modules/intermediaries/help-request.schema';
import type { SectorDetail as SectorDetailSchema, SectorSummary as SectorSummarySchema } from '../../../server/modules/sectors/schema';

export type IntermediaryView = Static<typeof IntermediarySchema>;
export type InstitutionType = NonNullable<IntermediaryView['institutionType']>;
export type DirectoryHit = Static<typeof DirectoryHitSchema>;
export type DirectoryQuery = Static<typeof DirectoryQuerySchema>;
export type ProfileBody = Static<typeof ProfileBodySchema>;
export type HelpRequestView = Static<typeof HelpRequestSchema>;
export type HelpRequestStatus = HelpRequestView['status'];
export type SectorSummary = Static<typeof SectorSummarySchema>;
export type SectorDetail = Static<typeof SectorDetailSchema>;
export type ConsentState = NonNullable<NeedView['consent']>;
