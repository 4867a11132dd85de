import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import mongoose from 'mongoose';
import { chromium, type APIResponse, type Browser, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { ROOT } from '../helpers/processes';
import { nameKeyOf } from '../../server/modules/organizations/verification';
import { bullConnection, createQueue, JOB_QUEUE, SCHEDULER_IDS, SCHEDULES } from '../../workers/queues';

export const PASSWORD = 'correct horse battery staple';
const SCREENSHOTS = `${ROOT}test/e2e/screenshots`;

/** Debian's Chromium, headless, with nothing running in the background. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export interface TestPage {
  page: Page;
  /** Uncaught exceptions in the page: a test ends by expecting none. */
  pageErrors: string[];
  close(): Promise<void>;
}

/**
 * A fresh browser context (its own cookies) at the e2e server. Each context sends its own
 * X-Forwarded-For address (the API trusts its proxy) so per-address sign-up limits never collide.
 * `where` sets the browser's language and time zone.
 */
export async function openPage(browser: Browser, viewport = { width: 1280, height: 900 }, where: { locale?: string; timezoneId?: string } = {}): Promise<TestPage> {
  const [a, b, c] = randomBytes(3);
  const context = await browser.newContext({
    baseURL: inject('baseUrl'),
    viewport,
    // A European user by default (headless Chromium would say en-US); tests of other locales and zones say so.
    locale: where.locale ?? 'en-GB',
    ...(where.timezoneId ? { timezoneId: where.timezoneId } : {}),
    extraHTTPHeaders: { 'x-forwarded-for': `10.${a}.${b}.${c}` },
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return { page, pageErrors, close: () => context.close() };
}

export function uniqueEmail(label: string): string {
  return `${label}-${randomBytes(4).toString('hex')}@e2e.example`;
}

/**
 * A listing title unique to one attempt of a test: a retried test shares the database with its
 * first attempt, and two listings with one title would make its locators ambiguous. The suffix is
 * a random token, so two titles never share it as a word (that would change what matches).
 */
export function uniqueTitle(base: string): string {
  return `${base} (${randomBytes(3).toString('hex')})`;
}

/** Signs up through the form, follows the mailed link and waits until the app has taken the user on. */
export async function register(page: Page, name: string, email: string, next?: string): Promise<void> {
  await page.goto(next ? `/register?next=${encodeURIComponent(next)}` : '/register');
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await confirmAccount(page, email);
}

/** Waits for "check your mailbox", opens the confirmation link mailed to `email` and activates the account. */
export async function confirmAccount(page: Page, email: string): Promise<void> {
  await page.getByText('Check your mailbox').waitFor();
  const link = await mailedLink(email, 'Confirm your Matchbridge account');
  await page.goto(link);
  await page.getByRole('button', { name: 'Activate my account' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

/** The path and query of the link in the latest mail with this subject (mail is kept in the database locally). */
export async function mailedLink(to: string, subject: string): Promise<string> {
  const connection = await mongoose.createConnection(inject('e2eMongoUri')).asPromise();
  try {
    const [mail] = await connection.collection('mails').find({ to, subject }).sort({ createdAt: -1 }).limit(1).toArray();
    const url = /https?:\/\/\S+/.exec(String(mail?.['text'] ?? ''))?.[0];
    expect(url, `a link mailed to ${to}`).toBeTruthy();
    const parsed = new URL(url!);
    return `${parsed.pathname}${parsed.search}`;
  } finally {
    await connection.close();
  }
}

/** An organization of the given kind through the API (the forms have tests of their own), then a reload so the session knows it. */
export async function createOrganization(page: Page, data: Parameters<typeof postOrganization>[1]): Promise<string> {
  const created = await postOrganization(page, data);
  expect(created.status(), await created.text()).toBe(201);
  await page.reload();
  return (await created.json()).id;
}

/** A published need or research output of the signed-in user's organization, through the API; returns its id. */
export async function publishListing(page: Page, kind: 'needs' | 'research-outputs', data: Record<string, unknown>): Promise<string> {
  const created = await page.request.post(`/api/${kind}`, { data });
  expect(created.status(), await created.text()).toBe(201);
  const id: string = (await created.json()).id;
  expect((await page.request.post(`/api/${kind}/${id}/publish`)).status()).toBe(200);
  return id;
}

export async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

/** Platform admins are made by operators, not through the API: the test sets the flag in the database. */
export async function makePlatformAdmin(email: string): Promise<void> {
  await setInDatabase('users', { email }, { platformAdmin: true });
}

/** Sets fields of one document in the e2e server's database: data the API would refuse today. */
export async function setInDatabase(collection: string, filter: Record<string, unknown>, fields: Record<string, unknown>): Promise<void> {
  const connection = await mongoose.createConnection(inject('e2eMongoUri')).asPromise();
  try {
    const result = await connection.collection(collection).updateOne(filter, { $set: fields });
    expect(result.matchedCount, `${collection} ${JSON.stringify(filter)}`).toBe(1);
  } finally {
    await connection.close();
  }
}

/**
 * Creates an organization through the API as the page's user. A university, lab, intermediary or
 * organizer is then marked verified in the database, as the demo seed's are (the admin queue has
 * its own test, verification.test.ts). Names are unique per country, and every file and a retried
 * test's attempts share the e2e database: an earlier holder of the name gives it up first.
 */
export async function postOrganization(page: Page, data: { kind: string; name: string; country: string } & Record<string, unknown>): Promise<APIResponse> {
  const key = nameKeyOf(data.kind, data.country, data.name);
  if (!key) return page.request.post('/api/organizations', { data });
  const connection = await mongoose.createConnection(inject('e2eMongoUri')).asPromise();
  try {
    const organizations = connection.collection('organizations');
    const holder = await organizations.findOne({ nameKey: key });
    if (holder) {
      const renamed = `${data.name} (earlier, ${randomBytes(3).toString('hex')})`;
      await organizations.updateOne({ _id: holder._id }, { $set: { name: renamed, nameKey: nameKeyOf(data.kind, data.country, renamed) } });
    }
    const created = await page.request.post('/api/organizations', { data });
    if (created.status() === 201) await organizations.updateOne({ _id: new mongoose.Types.ObjectId(((await created.json()) as { id: string }).id) }, { $set: { verificationStatus: 'verified' } });
    return created;
  } finally {
    await connection.close();
  }
}

/**
 * Turns on the nightly rescore's schedule, as a worker with schedules on does: it leaves the next
 * run waiting as a delayed job all day. Returns how to turn it off again.
 */
export async function scheduleNightlyRescore(): Promise<() => Promise<void>> {
  const { redisUrl, prefix } = inject('e2eQueues');
  const queue = createQueue(JOB_QUEUE['rescore-all'], { connection: bullConnection(redisUrl), prefix });
  await queue.upsertJobScheduler(SCHEDULER_IDS['rescore-all'], { pattern: SCHEDULES['rescore-all'] }, { name: 'rescore-all', data: {} });
  return async () => {
    await queue.removeJobScheduler(SCHEDULER_IDS['rescore-all']);
    await queue.close();
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
}

/** axe-core on the current page: no serious or critical violation. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  expect(bad, `accessibility of ${what}`).toEqual([]);
}

/** Nothing wider than the viewport: no sideways scrolling on a phone. */
export async function expectNoHorizontalOverflow(page: Page, what: string): Promise<void> {
  const widths = await page.evaluate(() => ({ content: document.documentElement.scrollWidth, viewport: window.innerWidth }));
  expect(widths.content, `${what} at ${widths.viewport}px`).toBeLessThanOrEqual(widths.viewport);
}
