import { createHash, randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Mail } from '../mail/mailer';

/** A sign-up waiting for its owner to open the mailed link: nothing is in the users collection yet. */
export interface PendingRegistration {
  email: string;
  name: string;
  passwordHash: string;
  /** Where the web app continues after confirming (a local path). */
  next?: string;
}

const PENDING_TTL_SECONDS = 24 * 3600;

/**
 * Sign-ups in Redis until confirmed. Registration answers the same for every address, so the
 * account is only made once the mailbox's owner confirms; an address that already has an account
 * gets a mail saying so instead. Redis keeps only the token's SHA-256 (like sessions).
 */
export class PendingRegistrations {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async save(pending: PendingRegistration): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.redis.set(this.key(token), JSON.stringify(pending), 'EX', PENDING_TTL_SECONDS);
    return token;
  }

  /** The pending sign-up, once: GETDEL makes a confirmation link single-use even under a race. */
  async take(token: string): Promise<PendingRegistration | null> {
    const stored = await this.redis.getdel(this.key(token));
    return stored ? (JSON.parse(stored) as PendingRegistration) : null;
  }

  private key(token: string): string {
    return `${this.prefix}:pending-registration:${createHash('sha256').update(token).digest('hex')}`;
  }
}

export function confirmationMail(publicUrl: string, pending: PendingRegistration, token: string): Mail {
  const next = pending.next ? `&next=${encodeURIComponent(pending.next)}` : '';
  return {
    to: pending.email,
    subject: 'Confirm your Matchbridge account',
    text: `Hello ${pending.name},\n\nopen this link within a day to finish creating your Matchbridge account:\n${publicUrl}/confirm-account?token=${token}${next}\n\nIf you did not sign up, ignore this mail: no account is made without it.`,
  };
}

export function alreadyRegisteredMail(publicUrl: string, email: string): Mail {
  return {
    to: email,
    subject: 'You already have a Matchbridge account',
    text: `Someone (probably you) tried to create a Matchbridge account with this e-mail address, which already has one. No second account was made.\n\nSign in here:\n${publicUrl}/login\n\nForgot the password? Choose a new one here:\n${publicUrl}/forgot-password\n\nIf it was not you, ignore this mail.`,
  };
}
