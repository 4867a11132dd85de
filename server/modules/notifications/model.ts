import { Schema, type Connection, type InferSchemaType, type Model, type Types } from 'mongoose';

export const NOTIFICATION_TYPES = ['new_match', 'access_request', 'meeting_request', 'meeting_update', 'schedule_published', 'help_request', 'on_behalf_need', 'organization_verification'] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

const notificationSchema = new Schema(
  {
    userId: { type: Schema.Types.ObjectId, required: true },
    type: { type: String, enum: NOTIFICATION_TYPES, required: true },
    title: { type: String, required: true },
    body: { type: String, default: '' },
    /** Path in the web app the notification leads to, e.g. /needs/<id>/matches. */
    link: { type: String, default: '' },
    /** Makes a notification idempotent: a retried job creates it once. */
    dedupeKey: { type: String, required: true },
    readAt: { type: Date },
    digestedAt: { type: Date },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);
notificationSchema.index({ userId: 1, dedupeKey: 1 }, { unique: true });
notificationSchema.index({ userId: 1, _id: -1 });
notificationSchema.index({ digestedAt: 1, createdAt: 1 });

export type NotificationDoc = InferSchemaType<typeof notificationSchema> & { _id: Types.ObjectId; createdAt: Date };
export type NotificationModel = Model<InferSchemaType<typeof notificationSchema>>;

export function notificationModel(connection: Connection): NotificationModel {
  return (connection.models['Notification'] as NotificationModel | undefined) ?? connection.model('Notification', notificationSchema);
}
