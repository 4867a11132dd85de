import { Type, type Static } from '@sinclair/typebox';
import { Email, ObjectIdString, Password, StringEnum } from '../shared/schema';
import { ORG_ROLES } from './model';
import { Line } from '../shared/text';

export const OrgRoleSchema = StringEnum(ORG_ROLES);

export const UserView = Type.Object({
  id: ObjectIdString,
  email: Email,
  name: Type.String(),
  platformAdmin: Type.Boolean(),
  memberships: Type.Array(Type.Object({ organizationId: ObjectIdString, role: OrgRoleSchema })),
});
export type UserView = Static<typeof UserView>;

/** "Who am I": signed out is an answer (`user: null`), not an error, so a signed-out page load logs nothing red. */
export const WhoAmIView = Type.Object({ user: Type.Union([UserView, Type.Null()]) });
export type WhoAmIView = Static<typeof WhoAmIView>;

export const RegisterBody = Type.Object(
  {
    email: Email,
    password: Password,
    name: Line({ minLength: 1, maxLength: 120 }),
    next: Type.Optional(
      Type.String({ maxLength: 500, pattern: '^/(?![/\\\\])', description: 'a local path the web app opens after confirming' }),
    ),
  },
  { additionalProperties: false },
);
export type RegisterBody = Static<typeof RegisterBody>;

export const ConfirmRegistrationBody = Type.Object({ token: Type.String({ minLength: 20, maxLength: 200 }) }, { additionalProperties: false });

export const LoginBody = Type.Object(
  { email: Email, password: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);

export const ChangePasswordBody = Type.Object(
  { currentPassword: Type.String({ minLength: 1, maxLength: 200 }), newPassword: Password },
  { additionalProperties: false },
);

export const ResetRequestBody = Type.Object({ email: Email }, { additionalProperties: false });

export const ResetConfirmBody = Type.Object(
  { token: Type.String({ minLength: 20, maxLength: 200 }), newPassword: Password },
  { additionalProperties: false },
);

export const MailView = Type.Object({
  id: ObjectIdString,
  to: Type.String(),
  subject: Type.String(),
  text: Type.String(),
  sentAt: Type.String({ format: 'date-time' }),
});
