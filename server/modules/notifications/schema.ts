import { Type, type Static } from '@sinclair/typebox';
import { ObjectIdString, PageQuery, StringEnum } from '../shared/schema';
import { NOTIFICATION_TYPES } from './model';

export const NotificationView = Type.Object({
  id: ObjectIdString,
  type: StringEnum(NOTIFICATION_TYPES),
  title: Type.String(),
  body: Type.String(),
  link: Type.String(),
  read: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
});
export type NotificationView = Static<typeof NotificationView>;

export const NotificationListQuery = Type.Object(
  { unread: Type.Optional(Type.Boolean({ description: 'only unread notifications' })), ...PageQuery },
  { additionalProperties: false },
);
export type NotificationListQuery = Static<typeof NotificationListQuery>;

export const NotificationPage = Type.Object({
  items: Type.Array(NotificationView),
  next: Type.Union([Type.String(), Type.Null()]),
  unreadCount: Type.Integer({ minimum: 0 }),
});

export const MarkReadBody = Type.Object(
  { ids: Type.Optional(Type.Array(ObjectIdString, { maxItems: 200, description: 'leave out to mark all as read' })) },
  { additionalProperties: false },
);
