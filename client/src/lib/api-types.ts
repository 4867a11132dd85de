// API types, derived from the server's TypeBox schemas. `import type` only: these imports vanish
// at build time, so no server code (mongoose, fastify) ever reaches the browser bundle.
import type { Static } from '@sinclair/typebox';
import type { MailView as MailSchema, UserView as UserSchema } from '../../../server/modules/accounts/schema';
import type {
  CreateOrganizationBody as CreateOrganizationSchema,
  InvitationView as InvitationSchema,
  MemberView as MemberSchema,
  OrganizationView as OrganizationSchema,
  UpdateOrganizationBody as UpdateOrganizationSchema,
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

/** A cursor page as the server's `Page(item)` returns it. */
export interface Page<T> {
  items: T[];
  next: string | null;
}
