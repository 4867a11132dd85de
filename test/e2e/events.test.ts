import { randomBytes } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization, expectAccessible, expectNoHorizontalOverflow, launchBrowser, openPage, publishListing, register, screenshot, uniqueEmail } from './browser';

/** A page of its own; every step may wait longer than the default on a machine shared by many test runs. */
async function freshPage(browser: Browser) {
  const opened = await openPage(browser);
  opened.page.setDefaultTimeout(30_000);
  return opened;
}

describe('events: an organizer runs a brokerage event from creation to the published schedule', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('the organizer creates an event with a session; an SME and a university register, request and accept a meeting; the published schedule reaches both agendas', async () => {
    // The organizer: an organization of kind "organizer", then the event through the forms.
    // A title of its own, so a retry's event never shares a name with the first try's.
    const title = `Materials brokerage day ${randomBytes(2).toString('hex')}`;
    const organizer = await freshPage(browser);
    await register(organizer.page, 'Kadri Tamm', uniqueEmail('organizer'));
    await createOrganization(organizer.page, { kind: 'organizer', name: 'Baltic Innovation Week', country: 'EE', description: 'We run brokerage events for SMEs and universities around the Baltic Sea.' });
    const o = organizer.page;
    await o.goto('/events');
    await o.getByRole('link', { name: 'Organize an event' }).click();
    await o.getByLabel('Title', { exact: true }).fill(title);
    await o.getByLabel('Description').fill('One-to-one meetings between manufacturing SMEs and university materials labs.');
    await o.getByLabel('Type').selectOption('brokerage');
    await o.getByLabel('Time zone').fill('Europe/Tallinn');
    await o.getByLabel('Venue').fill('Tallinn Science Park, Akadeemia tee 21');
    await o.getByRole('checkbox', { name: 'C Manufacturing' }).check();
    await o.getByLabel('Open requests per participant').fill('5');
    await o.getByRole('button', { name: 'Create the event' }).click();
    await o.getByRole('heading', { level: 2, name: 'Sessions' }).waitFor();
    const eventUrl = new URL(o.url());
    const eventId = eventUrl.pathname.split('/')[2]!;
    expect(eventUrl.pathname).toBe(`/events/${eventId}/edit`);

    // A session with a break: slot length, tables, and at most a few meetings per person.
    await o.getByRole('button', { name: 'Add a session' }).click();
    const form = o.getByRole('form', { name: 'New session' });
    await form.getByLabel('Session title').fill('Morning meetings');
    await form.getByLabel('Starts at').fill('09:00');
    await form.getByLabel('Ends at').fill('12:00');
    await form.getByLabel('Slot length').selectOption('20');
    await form.getByLabel('Tables or virtual rooms').fill('10');
    await form.getByLabel('Most meetings per person').fill('6');
    await form.getByRole('button', { name: 'Add a break' }).click();
    await form.getByLabel('Break 1 from').fill('10:20');
    await form.getByLabel('until').fill('10:40');
    await form.getByRole('button', { name: 'Add the session' }).click();
    await o.getByText('Session added.').waitFor();
    await o.getByText('8 meeting slots of 20 minutes · 10 tables').waitFor();
    await expectAccessible(o, 'the event editor');
    await screenshot(o, 'event-editor');
    await o.getByRole('button', { name: 'Publish the event' }).click();
    await o.getByText('The event is published.', { exact: true }).waitFor();
    // The events list filters by sector on the server: listed under C (its sector), not under J.
    await o.goto('/events?sector=C');
    await o.getByRole('link', { name: title }).waitFor();
    await screenshot(o, 'events-list-sector');
    const sectorJ = o.waitForResponse((r) => r.url().includes('/api/events?') && r.url().includes('sector=J'));
    await o.getByLabel('Sector', { exact: true }).selectOption('J');
    expect((await sectorJ).status()).toBe(200);
    await o.getByRole('heading', { level: 1, name: 'Events' }).waitFor();
    await expect.poll(() => o.locator('[aria-live="polite"] [aria-busy="true"], [aria-live="polite"] .loading').count()).toBe(0);
    expect(await o.getByRole('link', { name: title }).count()).toBe(0);

    // Two participants, each with a published listing of their organization.
    const sme = await freshPage(browser);
    await register(sme.page, 'Mart Kask', uniqueEmail('sme'));
    const smeOrg = await createOrganization(sme.page, { kind: 'sme', name: 'Kask Coatings OÜ', country: 'EE', sectors: ['C'], headcount: 25, annualTurnoverEur: 3_000_000 });
    await publishListing(sme.page, 'needs', {
      organizationId: smeOrg, title: 'Corrosion-resistant coating for steel', problem: 'Our powder coatings fail salt-spray tests after 500 hours on structural steel used near the sea.',
      desiredOutcome: 'A coating that passes 1000 hours of salt spray.', sectors: ['C'], minTrl: 4, collaborationTypes: ['contract_research'], budgetBand: '25k_100k', timeline: '3_to_12_months',
    });
    const university = await freshPage(browser);
    await register(university.page, 'Liis Saar', uniqueEmail('uni'));
    const uniOrg = await createOrganization(university.page, { kind: 'university', name: 'Tallinn University of Technology', country: 'EE', sectors: ['C', 'M'] });
    await publishListing(university.page, 'research-outputs', {
      organizationId: uniOrg, title: 'Graphene-enhanced anti-corrosion coating', summary: 'A graphene additive for epoxy coatings that doubles salt-spray resistance of coated steel.',
      fields: ['materials'], sectors: ['C'], trl: 5, ipStatus: 'patent_pending', patentNumber: 'EE202400012', collaborationTypes: ['licensing', 'contract_research'], governmentFunded: false,
    });

    for (const [who, listing] of [[sme, 'Corrosion-resistant coating for steel'], [university, 'Graphene-enhanced anti-corrosion coating']] as const) {
      await who.page.goto('/events');
      await who.page.getByRole('link', { name: title }).click();
      await who.page.getByRole('link', { name: 'Register' }).click();
      await who.page.getByRole('checkbox', { name: listing }).check();
      await who.page.getByLabel('What you are looking for').fill('Partners on anti-corrosion coatings for marine steel.');
      await who.page.getByRole('checkbox', { name: 'C Manufacturing' }).check();
      await who.page.getByRole('button', { name: 'Register' }).click();
      await who.page.getByRole('heading', { level: 1, name: 'Whom to meet' }).waitFor();
    }

    // The SME asks the university for a meeting, with a reason; the university accepts.
    await sme.page.reload();
    await sme.page.getByRole('heading', { name: 'Liis Saar' }).waitFor();
    await sme.page.getByText('Tallinn University of Technology · University').waitFor();
    await expectAccessible(sme.page, 'whom to meet');
    await screenshot(sme.page, 'event-whom-to-meet');
    await sme.page.getByRole('button', { name: 'Request a meeting with Liis Saar' }).click();
    await sme.page.getByLabel('Why do you want to meet Liis Saar?').fill('Your graphene coating could pass our 1000-hour salt-spray target.');
    await sme.page.getByRole('button', { name: 'Send the request' }).click();
    await sme.page.getByText('Request sent to Liis Saar').waitFor();

    await university.page.goto(`/events/${eventId}/requests`);
    await university.page.getByText('Your graphene coating could pass our 1000-hour salt-spray target.').waitFor();
    await university.page.getByText(/^Expires in/).waitFor();
    await expectAccessible(university.page, 'my meeting requests');
    await university.page.getByRole('button', { name: 'Accept the meeting of Mart Kask and Liis Saar' }).click();
    await university.page.getByText('Accepted', { exact: true }).waitFor();

    // The organizer runs the scheduler (a BullMQ job in the worker), reviews the draft and publishes it.
    await o.goto(`/events/${eventId}/schedule`);
    await o.getByRole('radio', { name: /Everything/ }).check();
    await o.getByRole('button', { name: 'Run the scheduler' }).click();
    await o.getByRole('button', { name: 'Publish the schedule' }).waitFor({ timeout: 60_000 });
    await o.getByRole('heading', { name: 'Placed meetings (1)' }).waitFor();
    await o.getByRole('link', { name: 'Kask Coatings OÜ ↔ Tallinn University of Technology' }).waitFor();
    await expectAccessible(o, 'the schedule panel');
    await screenshot(o, 'event-schedule-draft');
    await o.getByRole('button', { name: 'Publish the schedule' }).click();
    await o.getByText('The schedule is published').waitFor();
    await expect.poll(() => o.getByTestId('schedule-status').textContent()).toBe('Published');

    // Both see the meeting in their agenda: when, which table, the other side and the reason.
    for (const [who, other, organization] of [[sme, 'Liis Saar', 'Tallinn University of Technology'], [university, 'Mart Kask', 'Kask Coatings OÜ']] as const) {
      await who.page.goto(`/events/${eventId}`);
      await who.page.getByRole('link', { name: 'My agenda' }).click();
      await who.page.getByRole('heading', { level: 1, name: 'My agenda' }).waitFor();
      const row = who.page.getByRole('row', { name: new RegExp(other) });
      await row.getByText(organization, { exact: false }).waitFor();
      await row.getByText('Your graphene coating could pass our 1000-hour salt-spray target.').waitFor();
      expect(await row.getByRole('rowheader').textContent()).toMatch(/\d\d:\d\d–\d\d:\d\d/);
      expect(await who.page.getByText('have not published the schedule').count()).toBe(0);
      // The calendar feed carries the meeting.
      const feed = await who.page.request.get((await who.page.getByRole('link', { name: 'Download the .ics file' }).getAttribute('href'))!);
      expect(feed.status()).toBe(200);
      const ics = await feed.text();
      expect(ics).toContain('BEGIN:VEVENT');
      expect(ics).toContain(other);
    }
    await expectAccessible(sme.page, 'the agenda');
    await screenshot(university.page, 'event-agenda');

    // At the event: the organizer checks the meeting in; afterwards the SME rates it.
    await o.goto(`/events/${eventId}/check-in`);
    await o.getByRole('button', { name: 'Check in Mart Kask and Liis Saar' }).click();
    await o.getByText('Held', { exact: true }).waitFor();
    await sme.page.reload();
    await sme.page.getByRole('radio', { name: '4 stars' }).check();
    await sme.page.getByLabel('Outcome').selectOption('follow-up-planned');
    await sme.page.getByRole('button', { name: 'Save my rating' }).click();
    await sme.page.getByText('your rating is saved').waitFor();

    await o.goto(`/events/${eventId}/dashboard`);
    await o.getByRole('img', { name: /Meeting requests by status/ }).waitFor();
    await o.getByRole('img', { name: /Outcomes of rated meetings.*Follow-up planned 1/ }).waitFor();
    const csv = await o.request.get((await o.getByRole('link', { name: 'Download meetings (CSV)' }).getAttribute('href'))!);
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain('Kask Coatings OÜ');
    await expectAccessible(o, 'the event dashboard');
    await screenshot(o, 'event-dashboard');

    // The event page (with the chat slot) passes axe; pages fit a 375px phone.
    await sme.page.goto(`/events/${eventId}`);
    await sme.page.getByRole('heading', { level: 1, name: title }).waitFor();
    expect(await sme.page.locator('section.event-chat').count()).toBe(1);
    await expectAccessible(sme.page, 'the event page');
    await screenshot(sme.page, 'event-page');
    await sme.page.setViewportSize({ width: 375, height: 740 });
    await expectNoHorizontalOverflow(sme.page, 'the event page');
    await sme.page.goto(`/events/${eventId}/agenda`);
    await sme.page.getByRole('heading', { level: 1, name: 'My agenda' }).waitFor();
    await expectNoHorizontalOverflow(sme.page, 'the agenda');
    await screenshot(sme.page, 'event-agenda-375');
    await sme.page.goto(`/events/${eventId}/people`);
    await sme.page.getByRole('heading', { level: 1, name: 'Whom to meet' }).waitFor();
    await expectNoHorizontalOverflow(sme.page, 'whom to meet');

    expect(organizer.pageErrors).toEqual([]);
    expect(sme.pageErrors).toEqual([]);
    expect(university.pageErrors).toEqual([]);
    await Promise.all([organizer.close(), sme.close(), university.close()]);
  }, 360_000);
});
