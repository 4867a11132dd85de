import { Type, type Static } from '@sinclair/typebox';
import { SectorSchema } from '../organizations/schema';
import { CollaborationTypeSchema, CountryCode, ListingStatusSchema, TrlSchema } from '../research-outputs/schema';
import { LanguageSchema } from '../shared/listing-language';
import { ObjectIdString, PageQuery, StringEnum } from '../shared/schema';
import { BUDGET_BANDS, CONSENT_STATES, TIMELINES } from './model';
import { Line, LongText } from '../shared/text';

export const BudgetBandSchema = StringEnum(BUDGET_BANDS, { description: 'budget in euros' });
export const TimelineSchema = StringEnum(TIMELINES);
export const ConsentStateSchema = StringEnum(CONSENT_STATES, { description: "on-behalf needs: the SME's consent to publish" });

const editableFields = {
  title: Line({ minLength: 5, maxLength: 200 }),
  problem: LongText({ minLength: 20, maxLength: 5000 }),
  desiredOutcome: LongText({ minLength: 10, maxLength: 3000 }),
  sectors: Type.Array(SectorSchema, { minItems: 1, maxItems: 6, uniqueItems: true, description: 'the first is the main sector' }),
  minTrl: TrlSchema,
  collaborationTypes: Type.Array(CollaborationTypeSchema, { minItems: 1, maxItems: 7, uniqueItems: true }),
  budgetBand: BudgetBandSchema,
  timeline: TimelineSchema,
  language: Type.Optional(LanguageSchema),
};

export const CreateNeedBody = Type.Object(
  {
    organizationId: ObjectIdString,
    postedByOrganizationId: Type.Optional(
      Type.String({ ...ObjectIdString, description: 'an intermediary you belong to, drafting this need on behalf of the SME `organizationId`' }),
    ),
    ...editableFields,
  },
  { additionalProperties: false },
);
export type CreateNeedBody = Static<typeof CreateNeedBody>;

export const UpdateNeedBody = Type.Partial(Type.Object(editableFields), { additionalProperties: false, minProperties: 1 });
export type UpdateNeedBody = Static<typeof UpdateNeedBody>;

export const NeedView = Type.Object(
  {
    id: ObjectIdString,
    organizationId: ObjectIdString,
    country: Type.String(),
    status: ListingStatusSchema,
    title: Type.String(),
    problem: Type.String(),
    desiredOutcome: Type.String(),
    language: Type.Optional(LanguageSchema),
    sectors: Type.Array(SectorSchema),
    minTrl: TrlSchema,
    collaborationTypes: Type.Array(CollaborationTypeSchema),
    budgetBand: BudgetBandSchema,
    timeline: TimelineSchema,
    publishedAt: Type.Optional(Type.String({ format: 'date-time' })),
    postedByOrganizationId: Type.Optional(Type.String({ ...ObjectIdString, description: 'the intermediary that posted this need on the SME’s behalf' })),
    consent: Type.Optional(ConsentStateSchema),
    consentDecidedAt: Type.Optional(Type.String({ format: 'date-time' })),
    consentNote: Type.Optional(Type.String()),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
);
export type NeedView = Static<typeof NeedView>;

export const NeedListQuery = Type.Object(
  {
    mine: Type.Optional(Type.Boolean({ description: "true: your organizations' needs in any status" })),
    status: Type.Optional(ListingStatusSchema),
    sector: Type.Optional(SectorSchema),
    trlMin: Type.Optional(Type.Integer({ minimum: 1, maximum: 9, description: 'needs whose minimum TRL is at least this' })),
    trlMax: Type.Optional(Type.Integer({ minimum: 1, maximum: 9, description: 'needs whose minimum TRL is at most this' })),
    collaborationType: Type.Optional(CollaborationTypeSchema),
    country: Type.Optional(CountryCode),
    budgetBand: Type.Optional(BudgetBandSchema),
    organizationId: Type.Optional(ObjectIdString),
    consent: Type.Optional(ConsentStateSchema),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type NeedListQuery = Static<typeof NeedListQuery>;

export const ConsentBody = Type.Object(
  {
    decision: StringEnum(['give', 'refuse'] as const, { description: 'give publishes the need; refuse keeps it a private draft' }),
    note: Type.Optional(LongText({ maxLength: 1000, description: 'shown to the intermediary, e.g. why you refused' })),
  },
  { additionalProperties: false },
);
export type ConsentBody = Static<typeof ConsentBody>;
