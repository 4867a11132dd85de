import { Type, type Static } from '@sinclair/typebox';
import { ObjectIdString, PageQuery, StringEnum } from '../shared/schema';
import { HELP_REQUEST_STATUSES } from './help-request-rules';
import { LongText } from '../shared/text';

export const HelpRequestStatusSchema = StringEnum(HELP_REQUEST_STATUSES);

export const CreateHelpRequestBody = Type.Object(
  {
    smeOrganizationId: Type.String({ ...ObjectIdString, description: 'the SME you belong to and ask for' }),
    needId: Type.String({ ...ObjectIdString, description: 'one of that SME’s needs (draft or published)' }),
    message: LongText({ minLength: 10, maxLength: 3000, description: 'what help you are looking for' }),
  },
  { additionalProperties: false },
);
export type CreateHelpRequestBody = Static<typeof CreateHelpRequestBody>;

export const AcceptBody = Type.Object({ note: Type.Optional(LongText({ maxLength: 2000 })) }, { additionalProperties: false });
export const DeclineBody = Type.Object({ reason: LongText({ minLength: 5, maxLength: 2000, description: 'told to the SME' }) }, { additionalProperties: false });
export const AnswerBody = Type.Object({ answer: LongText({ minLength: 10, maxLength: 5000 }) }, { additionalProperties: false });

export const HelpRequestView = Type.Object(
  {
    id: ObjectIdString,
    status: HelpRequestStatusSchema,
    smeOrganizationId: ObjectIdString,
    smeName: Type.String(),
    intermediaryOrganizationId: ObjectIdString,
    intermediaryName: Type.String(),
    needId: ObjectIdString,
    needTitle: Type.String(),
    needProblem: Type.String(),
    message: Type.String(),
    acceptNote: Type.Optional(Type.String()),
    declineReason: Type.Optional(Type.String()),
    answer: Type.Optional(Type.String()),
    respondedAt: Type.Optional(Type.String({ format: 'date-time' })),
    closedAt: Type.Optional(Type.String({ format: 'date-time' })),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
);
export type HelpRequestView = Static<typeof HelpRequestView>;

export const HelpRequestListQuery = Type.Object(
  {
    direction: StringEnum(['incoming', 'outgoing'] as const, {
      description: 'incoming: to the intermediaries you belong to; outgoing: from the SMEs you belong to',
    }),
    status: Type.Optional(HelpRequestStatusSchema),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type HelpRequestListQuery = Static<typeof HelpRequestListQuery>;
