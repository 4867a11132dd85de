import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** Every mail the product sends goes through this one interface. */
export interface Mailer {
  send(mail: Mail): Promise<void>;
}

const mailSchema = new Schema(
  {
    to: { type: String, required: true },
    subject: { type: String, required: true },
    text: { type: String, required: true },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);
mailSchema.index({ createdAt: -1 });

export type MailModel = Model<InferSchemaType<typeof mailSchema>>;

export function mailModel(connection: Connection): MailModel {
  return (connection.models['Mail'] as MailModel | undefined) ?? connection.model('Mail', mailSchema);
}

/**
 * The local mailer: no SMTP server needed. Each mail is logged and kept in a mailbox that platform
 * admins read in the app (GET /api/admin/mailbox), so password resets and invitations work locally.
 */
export class MailboxMailer implements Mailer {
  constructor(
    private readonly mails: MailModel,
    private readonly log: (message: string, mail: Mail) => void,
  ) {}

  async send(mail: Mail): Promise<void> {
    await this.mails.create(mail);
    this.log(`mail to ${mail.to}: ${mail.subject}`, mail);
  }

  async list(limit: number, to?: string) {
    const filter = to ? { to: to.toLowerCase() } : {};
    const mails = await this.mails.find(filter).sort({ createdAt: -1, _id: -1 }).limit(limit).lean();
    return mails.map((mail) => ({
      id: String(mail._id),
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      sentAt: mail.createdAt.toISOString(),
    }));
  }
}
