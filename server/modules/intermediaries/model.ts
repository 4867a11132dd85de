import { Schema, type Connection, type InferSchemaType, type Model, type Types } from 'mongoose';
import { SECTORS } from '../../../matching/taxonomy';

export const INSTITUTION_TYPES = ['tech_transfer_office', 'ip_office', 'chamber_of_commerce', 'innovation_agency', 'incubator', 'other'] as const;
export type InstitutionType = (typeof INSTITUTION_TYPES)[number];

/**
 * An intermediary's directory profile, one per organization of kind `intermediary` (keyed by its
 * id, unique). Kept apart from the organization itself: only intermediaries have one, and the
 * organization's name, country and description stay in one place (joined in the service).
 * Flat lists of strings: FerretDB converts nested documents slowly.
 */
const intermediaryProfileSchema = new Schema(
  {
    organizationId: { type: Schema.Types.ObjectId, required: true, unique: true },
    institutionType: { type: String, enum: INSTITUTION_TYPES, required: true },
    services: { type: [String], default: [] },
    /** NACE Rev. 2 sections the intermediary works with. */
    sectors: { type: [{ type: String, enum: SECTORS }], default: [] },
    /** Regions it serves, in its own words ("Norte", "Kaunas County", "Latvia"). */
    regions: { type: [String], default: [] },
    /** ISO 639-1 codes of the languages it works in. */
    languages: { type: [String], default: [] },
    contactName: { type: String, trim: true, default: '' },
    contactEmail: { type: String, trim: true, lowercase: true, required: true },
    contactPhone: { type: String, trim: true, default: '' },
    updatedBy: { type: Schema.Types.ObjectId },
  },
  { timestamps: true },
);

export type IntermediaryProfileDoc = InferSchemaType<typeof intermediaryProfileSchema> & { _id: Types.ObjectId; createdAt: Date; updatedAt: Date };
export type IntermediaryProfileModel = Model<InferSchemaType<typeof intermediaryProfileSchema>>;

export function intermediaryProfileModel(connection: Connection): IntermediaryProfileModel {
  return (
    (connection.models['IntermediaryProfile'] as IntermediaryProfileModel | undefined) ??
    connection.model('IntermediaryProfile', intermediaryProfileSchema)
  );
}
