import { Type, type Static } from '@sinclair/typebox';
import { ObjectIdString, PageQuery, StringEnum } from '../shared/schema';
import { ACCESS_REQUEST_STATUSES, AUDIT_ACTIONS, READ_VIA } from './model';
import { LongText } from '../shared/text';

export const CreateAccessRequestBody = Type.Object(
  {
    message: LongText({ minLength: 10, maxLength: 2000, description: 'why your SME wants the details; the owner reads it' }),
    // The SME asking; needed only when the caller belongs to several SMEs.
    organizationId: Type.Optional(ObjectIdString),
  },
  { additionalProperties: false },
);
export type CreateAccessRequestBody = Static<typeof CreateAccessRequestBody>;

export const RefuseAccessRequestBody = Type.Object(
  { reason: Type.Optional(LongText({ maxLength: 2000, description: 'sent to the requester' })) },
  { additionalProperties: false },
);

export const AccessRequestListQuery = Type.Object(
  {
    direction: StringEnum(['incoming', 'outgoing'] as const, {
      description: "incoming: requests for your organizations' outputs; outgoing: your organizations' requests",
    }),
    status: Type.Optional(StringEnum(ACCESS_REQUEST_STATUSES)),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type AccessRequestListQuery = Static<typeof AccessRequestListQuery>;

export const AccessRequestView = Type.Object(
  {
    id: ObjectIdString,
    outputId: ObjectIdString,
    outputTitle: Type.String(),
    ownerOrganizationId: ObjectIdString,
    ownerOrganizationName: Type.String(),
    requestingOrganizationId: ObjectIdString,
    requestingOrganizationName: Type.String(),
    requestedBy: Type.Object({ id: ObjectIdString, name: Type.String() }),
    message: Type.String(),
    status: StringEnum(ACCESS_REQUEST_STATUSES),
    reason: Type.Optional(Type.String()),
    decidedAt: Type.Optional(Type.String({ format: 'date-time' })),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
);
export type AccessRequestView = Static<typeof AccessRequestView>;

export const ConfidentialDetailsView = Type.Object(
  {
    outputId: ObjectIdString,
    title: Type.String(),
    confidentialDetails: Type.String(),
    via: StringEnum(READ_VIA, { description: 'owner: you belong to the owner; grant: your SME was granted access' }),
    readAt: Type.String({ format: 'date-time', description: 'this read is in the owner’s audit log' }),
  },
  { additionalProperties: false },
);
export type ConfidentialDetailsView = Static<typeof ConfidentialDetailsView>;

export const AuditEntryView = Type.Object(
  {
    id: ObjectIdString,
    outputId: ObjectIdString,
    action: StringEnum(AUDIT_ACTIONS),
    userId: ObjectIdString,
    userName: Type.String(),
    organizationId: ObjectIdString,
    via: Type.Optional(StringEnum(READ_VIA)),
    accessRequestId: Type.Optional(ObjectIdString),
    requestingOrganizationId: Type.Optional(ObjectIdString),
    at: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
);
export type AuditEntryView = Static<typeof AuditEntryView>;

export const AuditLogQuery = Type.Object({ ...PageQuery }, { additionalProperties: false });
