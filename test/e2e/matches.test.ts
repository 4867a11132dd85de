import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import {
  expectAccessible, expectNoHorizontalOverflow, launchBrowser, makePlatformAdmin, openPage, postOrganization, register, scheduleNightlyRescore, screenshot, uniqueEmail, uniqueTitle,
} from './browser';

const OUTPUT_TITLE = 'Chitosan coating that keeps rye bread fresh for longer';
const NEED_TITLE = 'Keep our rye bread fresh for two more days';

/** A university member writes a research output in the form and publishes it; returns its address. */
async function publishOutput(page: Page, title: string): Promise<string> {
  await page.goto('/outputs/new');
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Public summary').fill(
    'An edible chitosan and rosemary coating sprayed on rye bread after baking. It slows mould and staling, so sourdough rye bread stays fresh for two to three more days without preservatives.',
  );
  await page.getByLabel('Confidential details').fill('Coating recipe: 1.5 % chitosan, rosemary extract batch R-7, sprayed at 40 °C.');
  await page.getByRole('checkbox', { name: 'Agriculture and food' }).check();
  await page.getByRole('checkbox', { name: 'C Manufacturing' }).check();
  await page.getByLabel('Technology readiness level (TRL)').selectOption('6');
  await page.getByLabel('IP protection').selectOption('patent_pending');
  await page.getByLabel('Patent or utility model number').fill('FI 20245678 A');
  await page.getByRole('checkbox', { name: 'Licensing' }).check();
  await page.getByRole('button', { name: 'Save as draft' }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  await page.getByRole('button', { name: 'Publish' }).click();
  await page.getByRole('button', { name: 'Archive' }).waitFor();
  return new URL(page.url()).pathname;
}

/** An SME member describes a need in the form and publishes it; returns its address. */
async function postNeed(page: Page, title: string): Promise<string> {
  await page.goto('/needs/new');
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('The problem').fill(
    'Our sourdough rye bread goes mouldy and stale after three days, so shops send unsold loaves back. We do not want to add preservatives.',
  );
  await page.getByLabel('What you want to achieve').fill('Rye bread that stays fresh for five days without preservatives.');
  await page.getByRole('checkbox', { name: 'C Manufacturing' }).check();
  await page.getByLabel('How ready must a solution be?').selectOption('5');
  await page.getByLabel('Budget').selectOption('25k_100k');
  await page.getByLabel('Timeline').selectOption('3_to_12_months');
  await page.getByRole('checkbox', { name: 'Licensing' }).check();
  await page.getByRole('button', { name: 'Save as draft' }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  await page.getByRole('button', { name: 'Publish' }).click();
  await page.getByRole('button', { name: 'Archive' }).waitFor();
  return new URL(page.url()).pathname;
}

describe('matches, notifications, search and administration', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('main flow: a published output matches a posted need with an explanation; the SME asks, is granted and reads the details', async () => {
    const titles = { output: uniqueTitle(OUTPUT_TITLE), need: uniqueTitle(NEED_TITLE) };
    const university = await openPage(browser);
    await register(university.page, 'Aino Virtanen', uniqueEmail('uni'));
    expect((await postOrganization(university.page, { kind: 'university', name: 'Nordic Food Science Institute', country: 'FI', sectors: ['C'] })).status()).toBe(201);
    await university.page.reload();
    const outputPath = await publishOutput(university.page, titles.output);

    const sme = await openPage(browser);
    await register(sme.page, 'Eero Leipuri', uniqueEmail('sme'));
    expect((await sme.page.request.post('/api/organizations', { data: { kind: 'sme', name: 'Leipä & Co Bakery', country: 'FI', sectors: ['C'], headcount: 12, annualTurnoverEur: 1_500_000 } })).status()).toBe(201);
    await sme.page.reload();
    const needPath = await postNeed(sme.page, titles.need);

    // The worker computes the match in the background; the page polls until it arrives.
    await sme.page.getByRole('link', { name: 'See matching research outputs' }).click();
    await sme.page.waitForURL(`**${needPath}/matches`);
    const match = sme.page.getByRole('article').filter({ has: sme.page.getByRole('link', { name: titles.output }) });
    await match.waitFor({ timeout: 30_000 });
    await expect.poll(() => match.getByText('/100').count()).toBe(1);
    expect(await match.getByText('Nordic Food Science Institute').count()).toBe(1);
    const words = match.getByRole('list', { name: 'Words both texts use' });
    expect(await words.getByRole('listitem').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/bread/)]));
    const signals = await match.getByRole('list', { name: 'How the facts fit' }).getByRole('listitem').allTextContents();
    expect(signals.some((text) => /In favour\s*Sector:/.test(text)), signals.join('\n')).toBe(true);
    await expectAccessible(sme.page, 'the matches of a need');
    await screenshot(sme.page, 'matches-need');

    // Save: shown at once, kept by the server.
    await match.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => match.getByRole('button', { name: 'Save' }).getAttribute('aria-pressed')).toBe('true');
    await sme.page.getByRole('button', { name: 'Saved', exact: true }).click();
    await match.getByText('Saved', { exact: true }).waitFor();
    // A refused change is rolled back with a message.
    await sme.page.route('**/api/matches/*/feedback', (route) =>
      route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ error: { code: 'unavailable', message: 'Try again in a minute.' } }) }),
    );
    await match.getByRole('button', { name: 'Mark as contacted' }).click();
    await match.getByRole('alert').getByText('Could not mark it contacted').waitFor();
    expect(await match.getByRole('button', { name: 'Mark as contacted' }).getAttribute('aria-pressed')).toBe('false');
    expect(await match.getByRole('button', { name: 'Save' }).getAttribute('aria-pressed')).toBe('true');
    await sme.page.unroute('**/api/matches/*/feedback');
    await sme.page.getByRole('button', { name: 'All', exact: true }).click();
    await match.waitFor();

    await sme.page.setViewportSize({ width: 375, height: 740 });
    await expectNoHorizontalOverflow(sme.page, 'the matches of a need');
    await screenshot(sme.page, 'matches-need-phone');
    await sme.page.setViewportSize({ width: 1280, height: 900 });

    // Search finds the output by its words and shows which ones matched.
    await sme.page.goto('/outputs');
    await sme.page.getByLabel('Search research outputs by words').fill('rye bread coating');
    await sme.page.getByRole('button', { name: 'Search', exact: true }).click();
    const hit = sme.page.getByRole('article').filter({ has: sme.page.getByRole('link', { name: titles.output }) });
    await hit.waitFor();
    // The readable form of a stem is its most frequent spelling among every listing the e2e run
    // has written, so other browser tests' listings may tip "coating" to "coatings".
    expect(await hit.getByRole('listitem').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/^coatings?$/)]));
    await expectAccessible(sme.page, 'search results');
    await screenshot(sme.page, 'search-outputs');

    // From the match to the access request.
    await hit.getByRole('link', { name: titles.output }).click();
    await sme.page.getByLabel('Your message to the owner').fill('We bake sourdough rye bread and would like to license your coating.');
    await sme.page.getByRole('button', { name: 'Request access' }).click();
    await sme.page.getByText('Your request was sent to the owner').waitFor();

    // The university hears about the match through the bell.
    const { page } = university;
    await page.goto(outputPath);
    const bell = page.getByRole('link', { name: /^Notifications \d+ unread$/ });
    await bell.waitFor({ timeout: 20_000 });
    await bell.click();
    await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    // Other browser tests publish listings at the same time, and any of them may match too: take the first.
    const notification = page.getByRole('link', { name: /New match \(\d+\/100\) for one of your research outputs/ }).first();
    await notification.waitFor();
    await expectAccessible(page, 'the notifications page');
    await screenshot(page, 'notifications');
    await notification.click();
    await page.getByRole('link', { name: titles.need }).waitFor();
    expect(await page.getByText('Leipä & Co Bakery').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'the matches of a research output');
    await screenshot(page, 'matches-output');
    // Following the notification read it.
    await page.goto('/notifications');
    await notification.waitFor();
    await page.getByText('Nothing unread.').waitFor();
    expect(await page.getByRole('link', { name: /unread/ }).count()).toBe(0);

    // The owner grants; the SME reads the confidential details.
    await page.goto('/access-requests');
    await page.getByRole('button', { name: 'Grant access' }).click();
    await page.getByText('granted', { exact: true }).waitFor();
    await sme.page.goto(outputPath);
    await sme.page.getByRole('button', { name: 'Show confidential details' }).click();
    expect(await sme.page.getByTestId('confidential-details').textContent()).toContain('batch R-7');

    // The SME was told about the match too, and marks everything read at once.
    await sme.page.goto('/notifications');
    await sme.page.getByRole('link', { name: /New match \(\d+\/100\) for one of your needs/ }).first().waitFor();
    await sme.page.getByRole('link', { name: /^Notifications \d+ unread$/ }).waitFor();
    const markedAt = Date.now();
    await sme.page.getByRole('button', { name: 'Mark all as read' }).click();
    await sme.page.getByText('Nothing unread.').waitFor();
    // Every notification that was there is read. (A match with a listing another browser test
    // publishes meanwhile may notify after the click, so the bell is not asked to stay at zero.)
    const after = (await (await sme.page.request.get('/api/notifications')).json()) as { items: Array<{ read: boolean; createdAt: string }> };
    expect(after.items.length).toBeGreaterThan(0);
    expect(after.items.filter((n) => !n.read && Date.parse(n.createdAt) <= markedAt)).toEqual([]);

    // Dismissed matches leave the list and wait under "Dismissed".
    await sme.page.goto(`${needPath}/matches`);
    await match.getByRole('button', { name: 'Dismiss' }).click();
    await match.getByText('Dismissed: it stays out of your list').waitFor();
    await sme.page.reload();
    await sme.page.getByRole('heading', { level: 1 }).waitFor();
    await sme.page.getByRole('button', { name: 'Dismissed', exact: true }).click();
    await match.waitFor();
    await screenshot(sme.page, 'matches-dismissed');

    expect(university.pageErrors).toEqual([]);
    expect(sme.pageErrors).toEqual([]);
    await university.close();
    await sme.close();
  });

  it('a platform admin sees queue and feedback charts and can start a full rescore while the nightly one is scheduled', async () => {
    // The nightly schedule's next run waits as a delayed job: it is not a running rescore.
    const unschedule = await scheduleNightlyRescore();
    onTestFinished(unschedule);
    const admin = await openPage(browser);
    const { page } = admin;
    const email = uniqueEmail('admin');
    await register(page, 'Platform Admin', email);
    await makePlatformAdmin(email);
    await page.goto('/admin');
    await page.getByRole('heading', { level: 1, name: 'Administration' }).waitFor();
    expect(await page.getByRole('link', { name: 'Queue dashboard' }).getAttribute('href')).toBe('/admin/queues');
    await page.getByRole('img', { name: /^Jobs in each queue/ }).waitFor();
    await page.getByRole('img', { name: /^What people did with their matches/ }).waitFor();
    await page.getByRole('img', { name: /^Time from queued to done/ }).waitFor();
    await page.getByRole('button', { name: 'Rescore all matches now' }).click({ timeout: 10_000 });
    await page.getByText(/^The next nightly rescore starts .* 02:30\.$/).waitFor();
    await page.getByText(/Rescoring: \d+ %|The last full rescore finished/).first().waitFor();
    await page.getByText('The last full rescore finished: 100 % done.').waitFor({ timeout: 45_000 }).catch(async (error: unknown) => {
      throw new Error(`rescore status: ${await page.locator('.rescore-status').textContent()}`, { cause: error });
    });
    await page.getByText('Show the numbers as a table: Jobs in each queue').click();
    await page.getByRole('rowheader', { name: 'matching' }).first().waitFor();
    await expectAccessible(page, 'the admin statistics page');
    await screenshot(page, 'admin-stats');
    await page.setViewportSize({ width: 375, height: 740 });
    await expectNoHorizontalOverflow(page, 'the admin statistics page');
    expect(admin.pageErrors).toEqual([]);
    await admin.close();
  });
});
