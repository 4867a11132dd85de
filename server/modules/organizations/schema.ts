import { Type, type Static } from '@sinclair/typebox';
import { SECTORS } from '../../../matching/taxonomy';
import { OrgRoleSchema } from '../accounts/schema';
import { Email, HttpUrl, ObjectIdString, PageQuery, StringEnum } from '../shared/schema';
import { ORGANIZATION_KINDS } from './model';
import { SIZE_CLASSES } from './size-class';
import { VERIFICATION_STATUSES } from './verification';
import { Line, LongText } from '../shared/text';

export const OrganizationKindSchema = StringEnum(ORGANIZATION_KINDS);
export const SectorSchema = StringEnum(SECTORS, { description: 'NACE Rev. 2 section' });
const CountryCode = Type.String({ pattern: '^[A-Za-z]{2}$', description: 'ISO 3166-1 alpha-2 country code' });

export const VerificationStatusSchema = StringEnum(VERIFICATION_STATUSES, {
  description: 'pending or rejected organizations prepare drafts only: they do not publish, receive access requests, run events or appear in directories',
});

export const Evidence = Type.Object(
  {
    webDomain: Type.String({ maxLength: 253, description: "the organization's official web domain, e.g. uni.example" }),
    contact: Type.String({ maxLength: 300, description: 'someone at the organization who can confirm the account: name, role, e-mail or phone' }),
  },
  { additionalProperties: false },
);
export type Evidence = Static<typeof Evidence>;

const editableFields = {
  name: Line({ minLength: 2, maxLength: 200 }),
  country: CountryCode,
  region: Type.Optional(Line({ maxLength: 120 })),
  sectors: Type.Optional(Type.Array(SectorSchema, { maxItems: 21, uniqueItems: true })),
  website: Type.Optional(Type.Union([Type.Literal(''), HttpUrl({ maxLength: 300 })])),
  description: Type.Optional(LongText({ maxLength: 5000 })),
  headcount: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000_000, description: 'SMEs: staff in annual work units' })),
  annualTurnoverEur: Type.Optional(Type.Number({ minimum: 0, maximum: 1e13, description: 'SMEs: annual turnover in euros' })),
  evidence: Type.Optional(Evidence),
};

export const CreateOrganizationBody = Type.Object({ kind: OrganizationKindSchema, ...editableFields }, { additionalProperties: false });
export type CreateOrganizationBody = Static<typeof CreateOrganizationBody>;

export const UpdateOrganizationBody = Type.Partial(Type.Object(editableFields), { additionalProperties: false, minProperties: 1 });
export type UpdateOrganizationBody = Static<typeof UpdateOrganizationBody>;

export const OrganizationView = Type.Object({
  id: ObjectIdString,
  kind: OrganizationKindSchema,
  name: Type.String(),
  country: Type.String(),
  region: Type.String(),
  sectors: Type.Array(Type.String()),
  website: Type.String(),
  description: Type.String(),
  headcount: Type.Optional(Type.Integer()),
  annualTurnoverEur: Type.Optional(Type.Number()),
  sizeClass: Type.Optional(StringEnum(SIZE_CLASSES)),
  sizeClassDefinition: Type.Optional(Type.String()),
  verificationStatus: VerificationStatusSchema,
});
export type OrganizationView = Static<typeof OrganizationView>;

export const OrganizationListQuery = Type.Object(
  {
    kind: Type.Optional(OrganizationKindSchema),
    country: Type.Optional(CountryCode),
    sector: Type.Optional(SectorSchema),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type OrganizationListQuery = Static<typeof OrganizationListQuery>;

export const InviteBody = Type.Object({ email: Email, role: OrgRoleSchema }, { additionalProperties: false });
export const AcceptInvitationBody = Type.Object({ token: Type.String({ minLength: 20, maxLength: 200 }) }, { additionalProperties: false });

export const MemberView = Type.Object({ userId: ObjectIdString, name: Type.String(), email: Email, role: OrgRoleSchema });
export const InvitationView = Type.Object({
  id: ObjectIdString,
  email: Email,
  role: OrgRoleSchema,
  expiresAt: Type.String({ format: 'date-time' }),
});

export const VerificationQueueQuery = Type.Object(
  { status: Type.Optional(StringEnum(['pending', 'verified', 'rejected'] as const, { description: 'pending (the default): the queue' })), ...PageQuery },
  { additionalProperties: false },
);
export type VerificationQueueQuery = Static<typeof VerificationQueueQuery>;

export const VerificationDecisionBody = Type.Object(
  { note: Type.Optional(Type.String({ maxLength: 1000, description: 'why, told to the organization' })) },
  { additionalProperties: false },
);
export type VerificationDecisionBody = Static<typeof VerificationDecisionBody>;

/** One organization as the admin queue shows it: the evidence and the e-mail-domain hint. */
export const VerificationItem = Type.Object({
  organization: OrganizationView,
  evidence: Evidence,
  creator: Type.Union([Type.Object({ name: Type.String(), email: Email }), Type.Null()]),
  emailDomainMatch: Type.Union([Type.Boolean(), Type.Null()], {
    description: "does the creator's e-mail domain equal (or lie under) the evidence's web domain? null when either is missing",
  }),
  createdAt: Type.String({ format: 'date-time' }),
  note: Type.String(),
  decidedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export type VerificationItem = Static<typeof VerificationItem>;
