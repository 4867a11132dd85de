import { Type, type Static } from '@sinclair/typebox';
import { SectorSchema, VerificationStatusSchema } from '../organizations/schema';
import { Email, ObjectIdString, PageQuery, StringEnum } from '../shared/schema';
import { INSTITUTION_TYPES } from './model';
import { Line } from '../shared/text';

export const InstitutionTypeSchema = StringEnum(INSTITUTION_TYPES, { description: 'kind of support institution' });
const LanguageCode = Type.String({ pattern: '^[a-z]{2,3}$', description: 'ISO 639-1 language code, lower case (e.g. "pt")' });
const CountryCode = Type.String({ pattern: '^[A-Za-z]{2}$', description: 'ISO 3166-1 alpha-2 country code' });

/** The whole profile is written at once (PUT): an intermediary's admins keep it up to date. */
export const ProfileBody = Type.Object(
  {
    institutionType: InstitutionTypeSchema,
    services: Type.Array(Line({ minLength: 2, maxLength: 120 }), { minItems: 1, maxItems: 20, description: 'what it offers SMEs' }),
    sectors: Type.Array(SectorSchema, { minItems: 1, maxItems: 21, uniqueItems: true }),
    regions: Type.Array(Line({ minLength: 2, maxLength: 120 }), { minItems: 1, maxItems: 30, description: 'regions it serves' }),
    languages: Type.Array(LanguageCode, { minItems: 1, maxItems: 15, uniqueItems: true }),
    contactName: Type.Optional(Line({ maxLength: 120 })),
    contactEmail: Email,
    contactPhone: Type.Optional(Type.String({ maxLength: 40, pattern: '^[0-9+()\\-. ]*$', description: 'digits, spaces, + ( ) - .' })),
  },
  { additionalProperties: false },
);
export type ProfileBody = Static<typeof ProfileBody>;

export const IntermediaryView = Type.Object(
  {
    organizationId: ObjectIdString,
    name: Type.String(),
    country: Type.String(),
    region: Type.String(),
    website: Type.String(),
    description: Type.String(),
    hasProfile: Type.Boolean({ description: 'false: the intermediary has not filled in its directory profile yet' }),
    verificationStatus: Type.Optional(VerificationStatusSchema),
    institutionType: Type.Optional(InstitutionTypeSchema),
    services: Type.Array(Type.String()),
    sectors: Type.Array(SectorSchema, { description: "the profile's sectors, else the organization's" }),
    regions: Type.Array(Type.String()),
    languages: Type.Array(Type.String()),
    contactName: Type.String(),
    contactEmail: Type.String(),
    contactPhone: Type.String(),
    updatedAt: Type.Optional(Type.String({ format: 'date-time' })),
  },
  { additionalProperties: false },
);
export type IntermediaryView = Static<typeof IntermediaryView>;

export const DirectoryHit = Type.Object(
  {
    intermediary: IntermediaryView,
    similarity: Type.Optional(Type.Number({ description: 'with q: 0–100 text similarity' })),
    matchedWords: Type.Array(Type.String(), { description: 'with q: words the query and the profile share' }),
  },
  { additionalProperties: false },
);
export type DirectoryHit = Static<typeof DirectoryHit>;

export const DirectoryQuery = Type.Object(
  {
    q: Type.Optional(Line({ minLength: 2, maxLength: 200, description: 'words to look for in names, descriptions, services and regions; ranks by relevance' })),
    type: Type.Optional(InstitutionTypeSchema),
    sector: Type.Optional(SectorSchema),
    region: Type.Optional(Line({ minLength: 2, maxLength: 120, description: 'part of a served region’s name (accents and case ignored)' })),
    language: Type.Optional(LanguageCode),
    country: Type.Optional(CountryCode),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type DirectoryQuery = Static<typeof DirectoryQuery>;
