import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createOrganization, expectAccessible, expectNoHorizontalOverflow, launchBrowser, openPage, register, screenshot, uniqueEmail, type TestPage,
} from './browser';

const HOUR = 3600_000;
const ONLINE_LINK = 'https://meet.example.org/vilnius-food-brokerage';
// Long enough to squeeze the agenda's other columns to their narrowest.
const REASON =
  'Your sourdough fermentation research could extend the shelf life of our rye loaves without preservatives; we would like to discuss a licence, a pilot bake in our Rostock bakery and a student placement next spring.';

/** 07:00 UTC ten days from now: when the events of these tests start. */
function sessionStart(): Date {
  const day = new Date(Date.now() + 10 * 24 * HOUR);
  day.setUTCHours(7, 0, 0, 0);
  return day;
}

/** An organizer's published event in Vilnius with an online link and one session (sessionStart()), through the API; returns its id. */
async function publishEvent(page: Page, organizationId: string, title: string): Promise<string> {
  const day = sessionStart();
  const created = await page.request.post('/api/events', {
    data: {
      organizerOrganizationId: organizationId, title, description: 'Bakeries meet food scientists.', type: 'hybrid', venue: 'Vilnius Tech Park',
      onlineUrl: ONLINE_LINK, timeZone: 'Europe/Vilnius', sectors: ['C'],
      registrationOpensAt: new Date(Date.now() - HOUR).toISOString(), registrationClosesAt: new Date(Date.now() + 7 * 24 * HOUR).toISOString(),
      requestCapPerParticipant: 5, requestExpiryHours: 48,
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const id: string = (await created.json()).id;
  const session = await page.request.post(`/api/events/${id}/sessions`, {
    data: { title: 'Morning meetings', startsAt: day.toISOString(), endsAt: new Date(day.getTime() + 2 * HOUR).toISOString(), slotMinutes: 20, breaks: [], tables: 4, maxMeetingsPerPerson: 4 },
  });
  expect(session.status(), await session.text()).toBe(201);
  expect((await page.request.post(`/api/events/${id}/publish`)).status()).toBe(200);
  return id;
}

/** A new user with an organization of `kind`, registered for the event; returns the page and the registration id. */
async function participant(
  browser: Browser, eventId: string, name: string, organization: Parameters<typeof createOrganization>[1], where: { locale?: string; timezoneId?: string } = {},
): Promise<TestPage & { registrationId: string }> {
  const opened = await openPage(browser, undefined, where);
  await register(opened.page, name, uniqueEmail(organization.kind));
  const organizationId = await createOrganization(opened.page, organization);
  const registered = await opened.page.request.post(`/api/events/${eventId}/registrations`, { data: { organizationId } });
  expect(registered.status(), await registered.text()).toBe(201);
  return { ...opened, registrationId: (await registered.json()).id };
}

/** The words in the page's table cells matching `selector` that a line break cuts in two ("Whe/n"). */
function wordsBrokenIn(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((cells) => {
    const broken: string[] = [];
    for (const cell of document.querySelectorAll(cells)) {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const word of (node.textContent ?? '').matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, word.index);
          range.setEnd(node, word.index + word[0].length);
          const lines = new Set([...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top)));
          if (lines.size > 1) broken.push(word[0]);
        }
      }
    }
    return broken;
  }, selector);
}

describe('events as their participants meet them', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('keeps the online link for participants, names the event in the tab, tells only the person asked of a meeting request, keeps agenda headers and names whole, lists every room in Messages and keeps chart labels inside their charts', async () => {
    const title = `Vilnius food brokerage ${randomBytes(2).toString('hex')}`;
    const organizer = await openPage(browser);
    await register(organizer.page, 'Rasa Petraitė', uniqueEmail('organizer'));
    const organizerOrg = await createOrganization(organizer.page, { kind: 'organizer', name: 'Vilnius Food Events', country: 'LT', sectors: [] });
    const eventId = await publishEvent(organizer.page, organizerOrg, title);

    // A visitor who is not signed in sees the event, and that it has an online link, but not the link.
    const visitor = await openPage(browser);
    await visitor.page.goto(`/events/${eventId}`);
    await visitor.page.getByRole('heading', { level: 1, name: title }).waitFor();
    await visitor.page.getByText('The link to join is shown here to registered participants.').waitFor();
    expect(await visitor.page.content()).not.toContain('meet.example.org');
    expect(await visitor.page.title()).toBe(`${title} · Matchbridge`);
    await expectAccessible(visitor.page, 'the event page, signed out');

    const sme = await participant(browser, eventId, 'Jonas Weber', { kind: 'sme', name: 'Ostsee Backstube GmbH', country: 'DE', sectors: ['M', 'C'], headcount: 9, annualTurnoverEur: 1_500_000 });
    const university = await participant(browser, eventId, 'Tomas Kazlauskas', { kind: 'university', name: 'Vilnius Food University', country: 'LT', sectors: ['C'] });
    await sme.page.goto(`/events/${eventId}`);
    await sme.page.getByRole('link', { name: ONLINE_LINK }).waitFor();

    // Jonas asks Tomas for a meeting: Tomas is told, Jonas (who asked) is not.
    const requested = await sme.page.request.post(`/api/events/${eventId}/meetings`, { data: { recipientRegistrationId: university.registrationId, reason: REASON } });
    expect(requested.status(), await requested.text()).toBe(201);
    await university.page.goto('/notifications');
    await university.page.getByText(/Jonas Weber \(Ostsee Backstube GmbH\) asks to meet Tomas Kazlauskas/).first().waitFor();
    await sme.page.goto('/notifications');
    await sme.page.getByText('No notifications yet.').waitFor();
    expect(await sme.page.getByText(/asks to meet/).count()).toBe(0);

    // Tomas accepts; both agendas list the meeting, with column headers that never break inside a word.
    const accepted = await university.page.request.post(`/api/events/${eventId}/meetings/${(await requested.json()).id}/accept`);
    expect(accepted.status(), await accepted.text()).toBe(200);
    // Messages lists the event's lobby and the meeting's private room before either was ever opened.
    await sme.page.goto('/messages');
    await sme.page.getByRole('link', { name: `${title} — lobby` }).waitFor();
    await sme.page.getByRole('link', { name: `Ostsee Backstube GmbH and Vilnius Food University — ${title}` }).waitFor();
    await expectAccessible(sme.page, 'the messages page');
    for (const width of [1280, 900, 700]) {
      await sme.page.setViewportSize({ width, height: 900 });
      await sme.page.goto(`/events/${eventId}/agenda`);
      await sme.page.getByRole('link', { name: 'Tomas Kazlauskas' }).waitFor();
      expect(await wordsBrokenIn(sme.page, 'thead th'), `agenda headers at ${width}px`).toEqual([]);
      expect(await wordsBrokenIn(sme.page, 'tbody td'), `agenda cells at ${width}px`).toEqual([]);
    }
    await screenshot(sme.page, 'event-agenda-700');
    await sme.page.setViewportSize({ width: 375, height: 740 });
    await expectNoHorizontalOverflow(sme.page, 'the agenda');

    // The organizer's dashboard: long labels stay inside their own chart (cut, with the whole label
    // as a tooltip), and a chart with nothing to draw says so.
    const o = organizer.page;
    await o.goto(`/events/${eventId}/dashboard`);
    await o.getByRole('img', { name: /^Registrations by sector/ }).waitFor();
    for (const width of [1280, 375]) {
      await o.setViewportSize({ width, height: 900 });
      const outside = await o.$$eval('figure.chart', (figures) =>
        figures.flatMap((figure) => {
          const box = figure.getBoundingClientRect();
          return [...figure.querySelectorAll('text')]
            .filter((text) => { const r = text.getBoundingClientRect(); return r.left < box.left - 1 || r.right > box.right + 1; })
            .map((text) => text.textContent);
        }),
      );
      expect(outside, `chart labels outside their chart at ${width}px`).toEqual([]);
      await screenshot(o, `event-dashboard-charts-${width}`);
    }
    const tooltips = await o.$$eval('figure.chart svg text.chart-label title', (titles) => titles.map((title) => title.textContent));
    expect(tooltips).toContain('M Professional, scientific and technical');
    await o.getByRole('figure', { name: 'Outcomes of rated meetings' }).getByText('No meeting has been rated yet.').waitFor();
    await o.getByRole('figure', { name: 'Top matched pairs (score out of 100)' }).getByText('No requested pair has a match score yet.').waitFor();
    await expectAccessible(o, 'the event dashboard with an empty chart');
    await expectNoHorizontalOverflow(o, 'the event dashboard');

    for (const opened of [organizer, visitor, sme, university]) expect(opened.pageErrors).toEqual([]);
    await Promise.all([organizer, visitor, sme, university].map((opened) => opened.close()));
  }, 180_000);

  it('shows event times in the event\'s zone with its name and the viewer\'s own time beside them, in the viewer\'s locale, chat included', async () => {
    const title = `Vilnius food webinar ${randomBytes(2).toString('hex')}`;
    const organizer = await openPage(browser);
    await register(organizer.page, 'Rasa Petraitė', uniqueEmail('organizer'));
    const organizerOrg = await createOrganization(organizer.page, { kind: 'organizer', name: 'Vilnius Food Events', country: 'LT', sectors: [] });
    const eventId = await publishEvent(organizer.page, organizerOrg, title);

    // A participant in New York whose browser speaks American English (12-hour clock).
    const viewer = await participant(browser, eventId, 'Dana Miller', { kind: 'sme', name: 'Hudson Bakery LLC', country: 'US', sectors: ['C'], headcount: 12, annualTurnoverEur: 2_500_000 }, {
      locale: 'en-US', timezoneId: 'America/New_York',
    });
    // The expected readings, from Node's own ICU (spaces normalised: ICU versions differ in which space goes before AM).
    const clock = (timeZone: string) => new Intl.DateTimeFormat('en-US', { timeZone, hour: '2-digit', minute: '2-digit' }).format(sessionStart());
    const plain = (text: string | null) => (text ?? '').replace(/\s+/g, ' ');
    const { page } = viewer;
    await page.goto(`/events/${eventId}`);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    const when = plain(await page.locator('dt:has-text("When") + dd').textContent());
    expect(when).toContain(`${plain(clock('Europe/Vilnius'))} (Europe/Vilnius)`);
    expect(when).toContain(`${plain(clock('America/New_York'))} your time (America/New_York)`);
    // The session list reads the same way.
    const session = plain(await page.locator('.session-list .meta').first().textContent());
    expect(session).toContain(`${plain(clock('Europe/Vilnius'))}–`);
    expect(session).toContain('your time (America/New_York)');

    // Chat times follow the same locale: a 12-hour clock here, like the event's times.
    await page.getByRole('heading', { name: 'Event lobby chat' }).waitFor();
    const box = page.getByLabel('Your message');
    await box.fill('Good morning from New York!');
    await box.press('Enter');
    const sent = page.getByRole('listitem').filter({ hasText: 'Good morning from New York!' });
    await expect.poll(async () => plain(await sent.locator('time').textContent())).toMatch(/^\d{1,2}:\d{2} [AP]M$/);
    await expectAccessible(page, 'the event page with times in two zones');
    await screenshot(page, 'event-times-new-york');

    for (const opened of [organizer, viewer]) expect(opened.pageErrors).toEqual([]);
    await Promise.all([organizer.close(), viewer.close()]);
  }, 120_000);
});
