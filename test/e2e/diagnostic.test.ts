import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, expectNoHorizontalOverflow, launchBrowser, openPage, postOrganization, register, screenshot, uniqueEmail, uniqueTitle } from './browser';

const OUTPUT_TITLE = 'Enzymatic crumb softener for rye bread';

/** Answers every question of the current step: the named option where given, else the first one. */
async function answerStep(page: Page, choices: Record<string, string>): Promise<void> {
  const groups = page.locator('fieldset.question');
  const count = await groups.count();
  for (let index = 0; index < count; index += 1) {
    const group = groups.nth(index);
    const id = ((await group.getAttribute('id')) ?? '').replace('question-', '');
    const choice = choices[id];
    if (choice) await group.getByLabel(choice, { exact: true }).check();
    else await group.locator('input').first().check();
  }
}

describe('IP diagnostic', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('an SME takes the diagnostic, resumes it, and gets a printable report whose recommendations link to real listings', async () => {
    // A university offers a technology for licensing in manufacturing (sector C).
    const outputTitle = uniqueTitle(OUTPUT_TITLE);
    const university = await openPage(browser);
    await register(university.page, 'Inês Duarte', uniqueEmail('uni'));
    const uni = await postOrganization(university.page, { kind: 'university', name: 'Baltic Technical University', country: 'LT', sectors: ['M'] });
    const created = await university.page.request.post('/api/research-outputs', {
      data: {
        organizationId: (await uni.json()).id,
        title: outputTitle,
        summary: 'An enzyme blend that keeps the crumb of rye bread soft for five more days without additives on the label.',
        fields: ['agrifood'],
        sectors: ['C'],
        trl: 6,
        ipStatus: 'trade_secret',
        collaborationTypes: ['licensing'],
      },
    });
    const outputId: string = (await created.json()).id;
    expect((await university.page.request.post(`/api/research-outputs/${outputId}/publish`)).status()).toBe(200);

    // An IP office serves the SME's region; an organizer publishes an upcoming workshop.
    const helper = await openPage(browser);
    await register(helper.page, 'Jonas Krüger', uniqueEmail('ip-office'));
    const office = await postOrganization(helper.page, { kind: 'intermediary', name: 'Patentinformationszentrum Rostock', country: 'DE', region: 'Mecklenburg-Vorpommern' });
    const officeId: string = (await office.json()).id;
    const profile = await helper.page.request.put(`/api/intermediaries/${officeId}/profile`, {
      data: { institutionType: 'ip_office', services: ['trademark searches', 'patent advice'], sectors: ['C'], regions: ['Rostock'], languages: ['de', 'en'], contactEmail: 'piz@rostock.example' },
    });
    expect(profile.status()).toBe(200);
    const organizer = await postOrganization(helper.page, { kind: 'organizer', name: 'Baltic Brokerage Events', country: 'EE' });
    const inTenDays = (hour: number) => new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() + 10, hour)).toISOString();
    const event = await helper.page.request.post('/api/events', {
      data: {
        organizerOrganizationId: (await organizer.json()).id,
        title: 'IP clinic for food manufacturers',
        description: 'Short consultations on trademarks, trade secrets and licensing for small food producers.',
        type: 'workshop',
        venue: 'Rostock',
        timeZone: 'Europe/Berlin',
        sectors: ['C'],
        registrationOpensAt: new Date(Date.now() - 3_600_000).toISOString(),
        registrationClosesAt: inTenDays(6),
        requestCapPerParticipant: 5,
        requestExpiryHours: 48,
      },
    });
    expect(event.status()).toBe(201);
    const eventId: string = (await event.json()).id;
    const session = await helper.page.request.post(`/api/events/${eventId}/sessions`, { data: { title: 'Consultations', startsAt: inTenDays(9), endsAt: inTenDays(11), slotMinutes: 20, breaks: [], tables: 2, maxMeetingsPerPerson: 4 } });
    expect(session.status()).toBe(201);
    expect((await helper.page.request.post(`/api/events/${eventId}/publish`)).status()).toBe(200);

    // An SME member signs up; the navigation offers the diagnostic once they belong to an SME.
    // In Lisbon, an hour behind the workshop's Berlin all year round.
    const sme = await openPage(browser, undefined, { timezoneId: 'Europe/Lisbon' });
    const { page } = sme;
    // This walk loads many pages while other suites share the two cores: waits get more room.
    page.setDefaultTimeout(30_000);
    await register(page, 'Greta Bäcker', uniqueEmail('sme'));
    expect((await page.request.post('/api/organizations', { data: { kind: 'sme', name: 'Ostsee Backstube GmbH', country: 'DE', region: 'Rostock', sectors: ['C'], headcount: 9, annualTurnoverEur: 1_500_000 } })).status()).toBe(201);
    await page.reload();
    await page.getByRole('link', { name: 'IP diagnostic' }).click();
    await page.getByRole('heading', { level: 1, name: 'IP diagnostic' }).waitFor();
    await page.getByRole('link', { name: 'Start the diagnostic' }).click();

    // Screening: continuing with open questions names them.
    await page.getByRole('heading', { name: 'Step 1: About your company' }).waitFor();
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await page.locator('#q-s_offer-error').waitFor();
    await expectAccessible(page, 'the screening step with errors');
    await page.setViewportSize({ width: 375, height: 740 });
    await expectNoHorizontalOverflow(page, 'the screening step');
    await page.setViewportSize({ width: 1280, height: 900 });
    await answerStep(page, {
      s_offer: 'Physical products',
      s_exports: 'No',
      s_brand: 'Yes',
      s_design: 'No',
      s_software: 'No',
      s_knowhow: 'No',
      s_rnd: 'No',
      s_collab: 'We plan to',
      s_tech_in: 'Yes, we are looking now',
      s_funding: 'None of these',
    });
    // Answered questions lose their error at once.
    expect(await page.locator('#q-s_offer-error').count()).toBe(0);
    await screenshot(page, 'diagnostic-screening');
    await page.getByRole('button', { name: 'Save and continue' }).click();

    // Level two: only the sections the answers call for.
    await page.getByRole('heading', { name: 'Step 2 of 4: Trademarks and brands' }).waitFor();
    await expect.poll(() => page.getByRole('list', { name: 'Steps' }).textContent()).toContain('IP in collaborations and licensing');
    expect(await page.getByRole('list', { name: 'Steps' }).textContent()).not.toContain('Patents');
    await answerStep(page, { tm_registered: 'No', tm_search: 'No' });
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await page.getByRole('heading', { name: 'Step 3 of 4: IP in collaborations and licensing' }).waitFor();

    // Resumable: a reload continues at the first open step with the saved progress.
    await page.reload();
    await page.getByRole('heading', { name: 'Step 3 of 4: IP in collaborations and licensing' }).waitFor();
    expect(await page.locator('label[for="diagnostic-progress"]').textContent()).toMatch(/^15 of \d+ questions answered/);
    await answerStep(page, { co_agreement: 'Never', co_licence_in: 'Yes' });
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await page.getByRole('heading', { name: 'Step 4 of 4: Risks from other people’s IP' }).waitFor();
    await answerStep(page, { tp_fto: 'Never' });
    await page.getByRole('button', { name: 'See my report' }).click();

    // The report: prioritised recommendations with reasons, next steps and links to real listings.
    await page.getByRole('heading', { level: 1, name: 'Your IP diagnostic' }).waitFor();
    const licensing = page.getByRole('article', { name: 'License technology from universities and research labs' });
    await licensing.getByText('Because you answered').waitFor();
    expect(await licensing.textContent()).toContain('Yes, we are looking now');
    expect(await licensing.textContent()).toContain('Next step:');
    const first = page.getByRole('article').first();
    expect(await first.textContent()).toContain('High priority');
    await expectAccessible(page, 'the diagnostic report');
    await screenshot(page, 'diagnostic-report');

    // It prints without the site's navigation and buttons.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Print or save as PDF' }).isVisible()).toBe(false);
    expect(await licensing.isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 375, height: 740 });
    await expectNoHorizontalOverflow(page, 'the diagnostic report');
    await page.setViewportSize({ width: 1280, height: 900 });

    // Help near the company: the regional IP office and the upcoming workshop.
    const help = page.getByRole('region', { name: 'Where to get help' });
    await help.getByRole('link', { name: 'IP clinic for food manufacturers' }).waitFor();
    // The workshop's time as in Berlin, named, with the SME's own (Lisbon) time beside it.
    const clock = (timeZone: string) => new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit' }).format(new Date(inTenDays(9)));
    const clinic = await help.getByRole('listitem').filter({ hasText: 'IP clinic for food manufacturers' }).first().textContent();
    expect(clinic).toContain(`${clock('Europe/Berlin')} (Europe/Berlin)`);
    expect(clinic).toContain(`${clock('Europe/Lisbon')} your time (Europe/Lisbon)`);
    await help.getByRole('link', { name: 'Patentinformationszentrum Rostock' }).click();
    await page.getByRole('heading', { level: 1, name: 'Patentinformationszentrum Rostock' }).waitFor();
    await page.goBack();

    await licensing.getByRole('link', { name: outputTitle }).click();
    await page.getByRole('heading', { level: 1, name: outputTitle }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/outputs/${outputId}`);

    // History: the report is listed on the diagnostic page.
    await page.goto('/diagnostic');
    await page.getByRole('link', { name: /^Report of / }).waitFor();
    await page.getByRole('link', { name: 'Take the diagnostic again' }).waitFor();

    expect(university.pageErrors).toEqual([]);
    expect(helper.pageErrors).toEqual([]);
    await helper.close();
    expect(sme.pageErrors).toEqual([]);
    await university.close();
    await sme.close();
  }, 150_000); // a long walk through a real browser on a shared two-core machine: more room than the default
});
