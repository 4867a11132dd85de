import { randomBytes, createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { HttpError } from '../../plugins/errors';
import type { Mailer } from '../mail/mailer';
import type { CurrentUser } from './current-user';
import type { UserDoc, UserModel } from './model';
import { hashPassword, UNKNOWN_USER_HASH_PROMISE, verifyPassword } from './password';
import { alreadyRegisteredMail, confirmationMail, type PendingRegistrations } from './registration';
import type { RegisterBody } from './schema';
import type { SessionStore } from './sessions';
import { FREE_FAILURES, type LoginThrottle } from './login-throttle';

const RESET_TOKEN_TTL_SECONDS = 3600;

export interface AccountServiceDeps {
  users: UserModel;
  sessions: SessionStore;
  loginThrottle: LoginThrottle;
  pendingRegistrations: PendingRegistrations;
  mailer: Mailer;
  redis: Redis;
  redisPrefix: string;
  publicUrl: string;
}

/** Registration, sign-in, password changes and resets. */
export class AccountService {
  constructor(private readonly deps: AccountServiceDeps) {}

  /**
   * Starts a sign-up. Answers alike for every address (the caller sees no difference): a new address
   * gets a confirmation link, one that has an account a mail saying so. Both hash the password so
   * the response time tells nothing either.
   */
  async register(body: RegisterBody): Promise<void> {
    const email = body.email.trim().toLowerCase();
    const passwordHash = await hashPassword(body.password);
    if (await this.deps.users.exists({ email })) {
      await this.deps.mailer.send(alreadyRegisteredMail(this.deps.publicUrl, email));
      return;
    }
    const pending = { email, name: body.name.trim(), passwordHash, ...(body.next ? { next: body.next } : {}) };
    const token = await this.deps.pendingRegistrations.save(pending);
    await this.deps.mailer.send(confirmationMail(this.deps.publicUrl, pending, token));
  }

  /** Makes the account of a confirmed sign-up and signs its owner in. */
  async confirmRegistration(confirmationToken: string): Promise<{ user: CurrentUser; token: string }> {
    const pending = await this.deps.pendingRegistrations.take(confirmationToken);
    if (!pending) {
      throw new HttpError(400, 'invalid_token', 'This link is invalid, used or expired. Sign in, or sign up again.', { field: 'token' });
    }
    const user = await this.insertUser({ email: pending.email, name: pending.name, passwordHash: pending.passwordHash, platformAdmin: false });
    return { user, token: await this.deps.sessions.create(user.id) };
  }

  /** Creates an account without signing in (the seed script and tests use it). */
  async createUser(body: Omit<RegisterBody, 'next'> & { platformAdmin?: boolean }): Promise<CurrentUser> {
    return this.insertUser({
      email: body.email.trim().toLowerCase(),
      name: body.name.trim(),
      passwordHash: await hashPassword(body.password),
      platformAdmin: body.platformAdmin ?? false,
    });
  }

  private async insertUser(fields: { email: string; name: string; passwordHash: string; platformAdmin: boolean }): Promise<CurrentUser> {
    // Reached only by someone who owns the address (a confirmed link) or by operators, so saying
    // that it is taken reveals nothing; two links of one address meet here.
    const conflict = () =>
      new HttpError(409, 'email_taken', 'An account with this e-mail already exists. Sign in or reset your password.', { field: 'email' });
    if (await this.deps.users.exists({ email: fields.email })) throw conflict();
    try {
      const created = await this.deps.users.create(fields);
      return toCurrentUser(created.toObject() as UserDoc);
    } catch (error) {
      // Two confirmations racing past the exists() check meet the unique index.
      if (isDuplicateKey(error)) throw conflict();
      throw error;
    }
  }

  async login(emailInput: string, password: string): Promise<{ user: CurrentUser; token: string }> {
    const email = emailInput.trim().toLowerCase();
    const { loginThrottle } = this.deps;
    const paused = await loginThrottle.pausedFor(email);
    if (paused > 0) {
      throw new HttpError(429, 'sign_in_paused', `Too many failed sign-ins to this account. Try again in ${paused} seconds, or reset the password.`, undefined, paused);
    }
    const user = await this.deps.users.findOne({ email }).lean<UserDoc>();
    // Compare against a dummy hash for unknown e-mails so response time does not reveal accounts.
    const ok = await verifyPassword(password, user?.passwordHash ?? (await UNKNOWN_USER_HASH_PROMISE));
    if (!user || !ok) {
      const { failures, lockSeconds } = await loginThrottle.recordFailure(email);
      // One notice per streak, when the first pause starts: later failures only lengthen it.
      if (user && failures === FREE_FAILURES + 1) await this.sendPauseNotice(email, failures, lockSeconds);
      throw new HttpError(401, 'invalid_credentials', 'E-mail or password is wrong.');
    }
    await loginThrottle.clear(email);
    const token = await this.deps.sessions.create(String(user._id));
    return { user: toCurrentUser(user), token };
  }

  async logout(token: string): Promise<void> {
    await this.deps.sessions.destroy(token);
  }

  async userForSession(token: string): Promise<CurrentUser | null> {
    const userId = await this.deps.sessions.userIdFor(token);
    if (!userId) return null;
    const user = await this.deps.users.findById(userId).lean<UserDoc>();
    return user ? toCurrentUser(user) : null;
  }

  async changePassword(user: CurrentUser, currentPassword: string, newPassword: string, keepToken: string): Promise<void> {
    const stored = await this.deps.users.findById(user.id).lean<UserDoc>();
    if (!stored || !(await verifyPassword(currentPassword, stored.passwordHash))) {
      throw new HttpError(400, 'wrong_password', 'The current password is wrong.', { field: 'currentPassword' });
    }
    await this.deps.users.updateOne({ _id: stored._id }, { $set: { passwordHash: await hashPassword(newPassword) } });
    await this.deps.sessions.destroyAllFor(user.id, keepToken);
  }

  /** Always succeeds from the caller's point of view, so it cannot be used to probe for accounts. */
  async requestPasswordReset(emailInput: string): Promise<void> {
    const email = emailInput.trim().toLowerCase();
    const user = await this.deps.users.findOne({ email }).lean<UserDoc>();
    if (!user) return;
    const token = randomBytes(32).toString('base64url');
    // The token is bound to the password it replaces: once the password changes (by this token,
    // another one or a signed-in change), every token issued before is void.
    await this.deps.redis.set(this.resetKey(token), `${String(user._id)} ${passwordFingerprint(user.passwordHash)}`, 'EX', RESET_TOKEN_TTL_SECONDS);
    await this.deps.mailer.send({
      to: email,
      subject: 'Reset your Matchbridge password',
      text: `Someone asked to reset the password of your Matchbridge account.\n\nOpen this link within an hour to choose a new one:\n${this.deps.publicUrl}/reset-password?token=${token}\n\nIf it was not you, ignore this mail.`,
    });
  }

  async resetPassword(token: string, newPassword: string): Promise<void> {
    const invalid = () => new HttpError(400, 'invalid_token', 'This reset link is invalid or has expired. Ask for a new one.', { field: 'token' });
    // GETDEL makes a token single-use even when two requests race.
    const [userId, fingerprint] = ((await this.deps.redis.getdel(this.resetKey(token))) ?? '').split(' ');
    const user = userId ? await this.deps.users.findById(userId).lean<UserDoc>() : null;
    if (!user || passwordFingerprint(user.passwordHash) !== fingerprint) throw invalid();
    // Conditional on the old hash, so two different tokens racing cannot both set a password.
    const updated = await this.deps.users.updateOne(
      { _id: user._id, passwordHash: user.passwordHash },
      { $set: { passwordHash: await hashPassword(newPassword) } },
    );
    if (updated.modifiedCount !== 1) throw invalid();
    await this.deps.sessions.destroyAllFor(String(user._id));
    // Whoever reads the account's mail may sign in again at once.
    await this.deps.loginThrottle.clear(user.email);
  }

  async listUsers(limit: number): Promise<CurrentUser[]> {
    const users = await this.deps.users.find().sort({ _id: -1 }).limit(limit).lean<UserDoc[]>();
    return users.map(toCurrentUser);
  }

  /** E-mail addresses by user id, for mails the workers send (digests). */
  async emailsOf(userIds: string[]): Promise<Map<string, string>> {
    const users = await this.deps.users.find({ _id: { $in: userIds } }, { email: 1 }).lean<UserDoc[]>();
    return new Map(users.map((user) => [String(user._id), user.email]));
  }

  private async sendPauseNotice(email: string, failures: number, lockSeconds: number): Promise<void> {
    await this.deps.mailer.send({
      to: email,
      subject: 'Failed sign-ins to your Matchbridge account',
      text: `Someone tried to sign in to your Matchbridge account with a wrong password ${failures} times in a row.\n\nSigning in to it is paused for ${lockSeconds} seconds; every further failure doubles the pause (up to an hour).\n\nIf it was you, wait, or choose a new password here:\n${this.deps.publicUrl}/forgot-password\n\nIf it was not you, your password held. Choosing a longer one keeps it that way.`,
    });
  }

  private resetKey(token: string): string {
    return `${this.deps.redisPrefix}:password-reset:${createHash('sha256').update(token).digest('hex')}`;
  }
}

export function toCurrentUser(user: UserDoc): CurrentUser {
  return {
    id: String(user._id),
    email: user.email,
    name: user.name,
    platformAdmin: Boolean(user.platformAdmin),
    memberships: (user.memberships ?? []).map((membership) => ({
      organizationId: String(membership.organizationId),
      role: membership.role,
    })),
  };
}

/** A short digest of a password hash: tells whether the password changed without storing the hash. */
function passwordFingerprint(passwordHash: string): string {
  return createHash('sha256').update(passwordHash).digest('base64url').slice(0, 22);
}

export function isDuplicateKey(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: number }).code === 11000;
}
