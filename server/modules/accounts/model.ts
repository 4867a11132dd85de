import { Schema, type Connection, type InferSchemaType, type Model, type Types } from 'mongoose';

export const ORG_ROLES = ['admin', 'member'] as const;
export type OrgRole = (typeof ORG_ROLES)[number];

const membershipSchema = new Schema(
  {
    organizationId: { type: Schema.Types.ObjectId, required: true },
    role: { type: String, enum: ORG_ROLES, required: true },
  },
  { _id: false },
);

const userSchema = new Schema(
  {
    email: { type: String, required: true, lowercase: true, trim: true, unique: true },
    name: { type: String, required: true, trim: true },
    passwordHash: { type: String, required: true },
    platformAdmin: { type: Boolean, default: false },
    memberships: { type: [membershipSchema], default: [] },
  },
  { timestamps: true },
);
userSchema.index({ 'memberships.organizationId': 1 });

export type UserDoc = InferSchemaType<typeof userSchema> & { _id: Types.ObjectId };
export type UserModel = Model<InferSchemaType<typeof userSchema>>;

export function userModel(connection: Connection): UserModel {
  return (connection.models['User'] as UserModel | undefined) ?? connection.model('User', userSchema);
}
