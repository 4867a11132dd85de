import { Type, type Static } from '@sinclair/typebox';
import { COLLABORATION_TYPES, IP_STATUSES, RESEARCH_FIELDS } from '../../../matching/taxonomy';
import { SectorSchema } from '../organizations/schema';
import { ObjectIdString, PageQuery, StringEnum } from '../shared/schema';
import { LanguageSchema } from '../shared/listing-language';
import { LISTING_STATUSES } from './listing';
import { Line, LongText } from '../shared/text';

export const ListingStatusSchema = StringEnum(LISTING_STATUSES);
export const ResearchFieldSchema = StringEnum(RESEARCH_FIELDS, { description: 'research field' });
export const IpStatusSchema = StringEnum(IP_STATUSES, { description: 'IP protection of the output' });
export const CollaborationTypeSchema = StringEnum(COLLABORATION_TYPES);
export const TrlSchema = Type.Integer({ minimum: 1, maximum: 9, description: 'technology readiness level 1–9' });
export const CountryCode = Type.String({ pattern: '^[A-Za-z]{2}$', description: 'ISO 3166-1 alpha-2 country code' });

const editableFields = {
  title: Line({ minLength: 5, maxLength: 200 }),
  summary: LongText({ minLength: 20, maxLength: 5000, description: 'public: anyone may read it' }),
  language: Type.Optional(LanguageSchema),
  confidentialDetails: Type.Optional(
    LongText({ maxLength: 20_000, description: 'only owner-organization members and SMEs with a granted access request read it' }),
  ),
  fields: Type.Array(ResearchFieldSchema, { minItems: 1, maxItems: 5, uniqueItems: true }),
  sectors: Type.Array(SectorSchema, { minItems: 1, maxItems: 6, uniqueItems: true }),
  trl: TrlSchema,
  ipStatus: IpStatusSchema,
  patentNumber: Type.Optional(
    Line({ minLength: 2, maxLength: 60, description: 'required for patent_granted, patent_pending and utility_model' }),
  ),
  collaborationTypes: Type.Array(CollaborationTypeSchema, { minItems: 1, maxItems: 7, uniqueItems: true }),
  governmentFunded: Type.Optional(Type.Boolean({ description: 'false when left out at creation' })),
  fundingProgramme: Type.Optional(Line({ minLength: 2, maxLength: 200, description: 'only for government-funded outputs' })),
};

export const CreateResearchOutputBody = Type.Object(
  { organizationId: ObjectIdString, ...editableFields },
  { additionalProperties: false },
);
export type CreateResearchOutputBody = Static<typeof CreateResearchOutputBody>;

export const UpdateResearchOutputBody = Type.Partial(Type.Object(editableFields), { additionalProperties: false, minProperties: 1 });
export type UpdateResearchOutputBody = Static<typeof UpdateResearchOutputBody>;

/**
 * The public view: it has no confidentialDetails property at all, and every route returns it, so
 * Fastify's serializer drops the details even if a document carrying them slipped through.
 */
export const ResearchOutputView = Type.Object(
  {
    id: ObjectIdString,
    organizationId: ObjectIdString,
    country: Type.String(),
    status: ListingStatusSchema,
    title: Type.String(),
    summary: Type.String(),
    language: Type.Optional(LanguageSchema),
    fields: Type.Array(ResearchFieldSchema),
    sectors: Type.Array(SectorSchema),
    trl: TrlSchema,
    ipStatus: IpStatusSchema,
    patentNumber: Type.Optional(Type.String()),
    collaborationTypes: Type.Array(CollaborationTypeSchema),
    governmentFunded: Type.Boolean(),
    fundingProgramme: Type.Optional(Type.String()),
    publishedAt: Type.Optional(Type.String({ format: 'date-time' })),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
);
export type ResearchOutputView = Static<typeof ResearchOutputView>;

export const ResearchOutputListQuery = Type.Object(
  {
    mine: Type.Optional(Type.Boolean({ description: "true: your organizations' outputs in any status" })),
    status: Type.Optional(ListingStatusSchema),
    sector: Type.Optional(SectorSchema),
    field: Type.Optional(ResearchFieldSchema),
    trlMin: Type.Optional(TrlSchema),
    trlMax: Type.Optional(TrlSchema),
    ipStatus: Type.Optional(IpStatusSchema),
    collaborationType: Type.Optional(CollaborationTypeSchema),
    country: Type.Optional(CountryCode),
    governmentFunded: Type.Optional(Type.Boolean()),
    organizationId: Type.Optional(ObjectIdString),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type ResearchOutputListQuery = Static<typeof ResearchOutputListQuery>;
