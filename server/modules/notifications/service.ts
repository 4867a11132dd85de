import { Types } from 'mongoose';
import type { CurrentUser } from '../accounts/current-user';
import { isDuplicateKey } from '../accounts/service';
import type { Mailer } from '../mail/mailer';
import type { OrganizationService } from '../organizations/service';
import { decodeCursor, encodeCursor } from '../shared/cursor';
import { toObjectId } from '../shared/ids';
import type { NotificationDoc, NotificationModel, NotificationType } from './model';
import type { NotificationListQuery, NotificationView } from './schema';

export interface NewNotification {
  type: NotificationType;
  title: string;
  body: string;
  link: string;
  dedupeKey: string;
}

export interface NotificationServiceDeps {
  notifications: NotificationModel;
  organizations: OrganizationService;
  mailer: Mailer;
  publicUrl: string;
  /** Live delivery (the WebSocket) plugs in here; called after a notification is stored. */
  onCreated?: (userId: string, notification: NotificationView) => void;
}

/** In-app notifications with unread counts, and the daily digest by mail. */
export class NotificationService {
  constructor(private readonly deps: NotificationServiceDeps) {}

  /** Notifies every member of an organization; a repeated dedupeKey creates nothing new. */
  async notifyOrganization(organizationId: string, notification: NewNotification): Promise<number> {
    return this.notifyUsers(await this.deps.organizations.memberIds(organizationId), notification);
  }

  /** Notifies these people (a meeting's two participants); a repeated dedupeKey creates nothing new. */
  async notifyUsers(userIds: readonly string[], notification: NewNotification): Promise<number> {
    let created = 0;
    for (const userId of userIds) {
      // Insert and let the unique (userId, dedupeKey) index refuse a repeat: no lookup first,
      // which FerretDB would answer with a collection scan.
      try {
        const doc = (await this.deps.notifications.create({ ...notification, userId: new Types.ObjectId(userId) })).toObject() as NotificationDoc;
        created += 1;
        this.deps.onCreated?.(userId, toNotificationView(doc));
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
    }
    return created;
  }

  async list(user: CurrentUser, query: NotificationListQuery) {
    const limit = query.limit ?? 20;
    const filter: Record<string, unknown> = { userId: toObjectId(user.id) };
    if (query.unread) filter['readAt'] = null;
    if (query.cursor) filter['_id'] = { $lt: toObjectId(decodeCursor<{ id: string }>(query.cursor, ['id']).id) };
    const docs = await this.deps.notifications.find(filter).sort({ _id: -1 }).limit(limit + 1).lean<NotificationDoc[]>();
    const page = docs.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map(toNotificationView),
      next: docs.length > limit && last ? encodeCursor({ id: String(last._id) }) : null,
      unreadCount: await this.unreadCount(user),
    };
  }

  async unreadCount(user: CurrentUser): Promise<number> {
    return this.deps.notifications.countDocuments({ userId: toObjectId(user.id), readAt: null });
  }

  async markRead(user: CurrentUser, ids?: string[]): Promise<number> {
    const filter: Record<string, unknown> = { userId: toObjectId(user.id), readAt: null };
    if (ids) filter['_id'] = { $in: ids.map((id) => toObjectId(id)) };
    const result = await this.deps.notifications.updateMany(filter, { $set: { readAt: new Date() } });
    return result.modifiedCount;
  }

  /**
   * Mails each user one digest of their unread notifications not yet digested, then marks them.
   * Marking happens per user after the mail, so a crash mails a user twice at worst and never skips one.
   */
  async sendDigests(emailOf: (userIds: string[]) => Promise<Map<string, string>>): Promise<{ users: number; notifications: number }> {
    const pending = await this.deps.notifications.find({ digestedAt: null, readAt: null }).sort({ userId: 1, _id: 1 }).lean<NotificationDoc[]>();
    const byUser = new Map<string, NotificationDoc[]>();
    for (const doc of pending) byUser.set(String(doc.userId), [...(byUser.get(String(doc.userId)) ?? []), doc]);
    const emails = await emailOf([...byUser.keys()]);
    for (const [userId, docs] of byUser) {
      const email = emails.get(userId);
      if (email) {
        const lines = docs.map((doc) => `- ${doc.title}${doc.link ? `\n  ${this.deps.publicUrl}${doc.link}` : ''}`);
        await this.deps.mailer.send({
          to: email,
          subject: `Matchbridge: ${docs.length} new notification${docs.length === 1 ? '' : 's'}`,
          text: `Here is what happened since your last digest:\n\n${lines.join('\n')}\n\nSee them all at ${this.deps.publicUrl}/notifications`,
        });
      }
      await this.deps.notifications.updateMany({ _id: { $in: docs.map((doc) => doc._id) } }, { $set: { digestedAt: new Date() } });
    }
    return { users: byUser.size, notifications: pending.length };
  }
}

export function toNotificationView(doc: NotificationDoc): NotificationView {
  return {
    id: String(doc._id),
    type: doc.type,
    title: doc.title,
    body: doc.body ?? '',
    link: doc.link ?? '',
    read: Boolean(doc.readAt),
    createdAt: doc.createdAt.toISOString(),
  };
}
