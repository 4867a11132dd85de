import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, expectNoHorizontalOverflow, launchBrowser, openPage, postOrganization, register, screenshot, uniqueEmail, type TestPage } from './browser';

describe('intermediaries: directory, help requests and a need posted on an SME’s behalf', () => {
  let browser: Browser;
  // One story in three steps (each within the test timeout): the intermediary and the SME carry over.
  let office: TestPage;
  let sme: TestPage;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    expect(office?.pageErrors ?? []).toEqual([]);
    expect(sme?.pageErrors ?? []).toEqual([]);
    await browser?.close();
  });

  it('an intermediary fills in its directory profile', async () => {
    // The intermediary: its organization through the API, its directory profile through the form.
    office = await openPage(browser);
    await register(office.page, 'Inês Sousa', uniqueEmail('tto'));
    const created = await postOrganization(office.page, {
      kind: 'intermediary', name: 'Minho Valley Knowledge Transfer Office', country: 'PT', region: 'Norte', description: 'We connect textile and food companies of northern Portugal with university labs.',
    });
    expect(created.status()).toBe(201);
    const officeId: string = (await created.json()).id;
    await office.page.reload();
    await office.page.goto(`/intermediaries/${officeId}`);
    await office.page.getByRole('link', { name: 'Fill in your directory profile' }).click();
    await office.page.getByLabel('Type of institution').selectOption('tech_transfer_office');
    await office.page.getByLabel('Services for SMEs').fill('partner search in universities\ncontract research agreements\nshelf-life studies');
    await office.page.getByRole('checkbox', { name: 'C Manufacturing' }).check();
    await office.page.getByLabel('Regions you serve').fill('Norte\nCentro');
    await office.page.getByLabel('Languages').fill('pt, en');
    await office.page.getByLabel('Contact e-mail').fill('not-an-email');
    await office.page.getByRole('button', { name: 'Save the profile' }).click();
    await office.page.locator('#field-contactEmail-error').waitFor();
    await office.page.getByLabel('Contact e-mail').fill('empresas@minho-kto.example');
    await office.page.getByRole('button', { name: 'Save the profile' }).click();
    await office.page.getByRole('heading', { level: 1, name: 'Minho Valley Knowledge Transfer Office' }).waitFor();
    await office.page.getByText('empresas@minho-kto.example').waitFor();
  });

  it('an SME finds it in the directory by sector and region and asks for help; the intermediary answers', async () => {
    // The SME and one of its needs.
    sme = await openPage(browser);
    await register(sme.page, 'Marta Fernandes', uniqueEmail('sme'));
    const smeOrg = await sme.page.request.post('/api/organizations', { data: { kind: 'sme', name: 'Tinturaria do Ave Lda', country: 'PT', sectors: ['C'], headcount: 40, annualTurnoverEur: 6_000_000 } });
    expect(smeOrg.status()).toBe(201);
    const need = await sme.page.request.post('/api/needs', {
      data: {
        organizationId: (await smeOrg.json()).id, title: 'Dye cotton with less water', problem: 'Our reactive dyeing uses 80 litres of water per kilo of cotton and the effluent costs us more every year.',
        desiredOutcome: 'Halve water use without losing colour fastness.', sectors: ['C'], minTrl: 5, collaborationTypes: ['contract_research'], budgetBand: '25k_100k', timeline: '3_to_12_months',
      },
    });
    expect(need.status()).toBe(201);
    await sme.page.reload();

    // The SME finds the office in the directory by sector and region.
    await sme.page.goto('/intermediaries');
    await sme.page.getByLabel('Sector', { exact: true }).selectOption('C');
    await sme.page.getByLabel('Region served').fill('norte');
    await sme.page.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => sme.page.url()).toContain('region=norte');
    await sme.page.getByRole('link', { name: 'Minho Valley Knowledge Transfer Office' }).waitFor();
    // A country's name finds the intermediaries of that country too.
    await sme.page.getByLabel('Region served').fill('Portugal');
    await sme.page.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => sme.page.url()).toContain('region=Portugal');
    await sme.page.getByRole('link', { name: 'Minho Valley Knowledge Transfer Office' }).waitFor();
    await expectAccessible(sme.page, 'the intermediaries directory');
    await screenshot(sme.page, 'intermediaries-directory');
    await sme.page.getByRole('link', { name: 'Minho Valley Knowledge Transfer Office' }).click();
    await sme.page.getByRole('heading', { name: 'Ask Minho Valley Knowledge Transfer Office for help' }).waitFor();
    await expect.poll(() => sme.page.getByLabel('Which need?').inputValue()).not.toBe('');
    await sme.page.getByLabel('What help are you looking for?').fill('Could you introduce us to a lab that works on low-water dyeing?');
    await expectAccessible(sme.page, 'an intermediary profile (SME view)');
    await sme.page.getByRole('button', { name: 'Send request' }).click();
    await sme.page.getByText('Your request was sent').waitFor();
    await screenshot(sme.page, 'intermediary-asked');

    // The office sees it in its inbox and answers.
    await office.page.goto('/help-requests');
    await office.page.getByRole('heading', { name: 'Dye cotton with less water' }).waitFor();
    await office.page.getByText('from Tinturaria do Ave Lda').waitFor();
    await expectAccessible(office.page, 'the help requests inbox');
    await office.page.getByLabel('Your answer, note or reason').fill('The textile chemistry lab at UMinho ran a supercritical CO₂ dyeing pilot; we can set up a call.');
    await office.page.getByRole('button', { name: 'Send answer' }).click();
    await office.page.getByText('answered', { exact: true }).waitFor();
    await screenshot(office.page, 'help-request-answered');

    await sme.page.goto('/help-requests');
    await sme.page.getByText('supercritical CO₂ dyeing pilot').waitFor();
  });

  it("the intermediary drafts a need on the SME's behalf; the SME's admin consents, which publishes it", async () => {
    await office.page.getByRole('link', { name: 'Draft a need on behalf of Tinturaria do Ave Lda' }).click();
    await office.page.getByLabel('Title').fill('Recycle dye-house effluent water');
    await office.page.getByLabel('The problem').fill('Dye-house effluent is discharged after treatment; reusing it in rinsing would cut water intake by a third.');
    await office.page.getByLabel('What you want to achieve').fill('Reuse treated effluent for rinsing.');
    await office.page.getByRole('checkbox', { name: 'C Manufacturing' }).check();
    await office.page.getByLabel('How ready must a solution be?').selectOption('6');
    await office.page.getByLabel('Budget').selectOption('100k_500k');
    await office.page.getByLabel('Timeline').selectOption('over_12_months');
    await office.page.getByRole('checkbox', { name: 'Contract research' }).check();
    await office.page.getByRole('button', { name: 'Save as draft' }).click();
    await office.page.getByRole('heading', { level: 1, name: 'Recycle dye-house effluent water' }).waitFor();
    await office.page.getByText('Posted by Minho Valley Knowledge Transfer Office on behalf of Tinturaria do Ave Lda').waitFor();
    await office.page.getByText('Waiting for Tinturaria do Ave Lda\'s consent').waitFor();

    await sme.page.goto('/help-requests');
    await sme.page.getByRole('link', { name: 'Recycle dye-house effluent water' }).click();
    await sme.page.getByRole('button', { name: 'Consent and publish' }).waitFor();
    await expectAccessible(sme.page, 'a need awaiting consent');
    await screenshot(sme.page, 'need-consent');
    await sme.page.getByRole('button', { name: 'Consent and publish' }).click();
    await sme.page.getByRole('button', { name: 'Consent and publish' }).waitFor({ state: 'detached' });
    await sme.page.goto('/needs');
    await sme.page.getByRole('link', { name: 'Recycle dye-house effluent water' }).waitFor();

    // The sector page gathers it all; the sector badges on listings lead there.
    await sme.page.getByRole('link', { name: 'Manufacturing' }).first().click();
    await sme.page.getByRole('heading', { level: 1, name: 'Manufacturing' }).waitFor();
    await sme.page.getByRole('link', { name: 'Recycle dye-house effluent water' }).waitFor();
    await sme.page.getByRole('link', { name: 'Minho Valley Knowledge Transfer Office' }).waitFor();
    await expectAccessible(sme.page, 'a sector page');
    await screenshot(sme.page, 'sector-page');
    await sme.page.setViewportSize({ width: 375, height: 740 });
    await expectNoHorizontalOverflow(sme.page, 'a sector page');
    await sme.page.goto('/intermediaries');
    await sme.page.getByRole('link', { name: 'Minho Valley Knowledge Transfer Office' }).waitFor();
    await expectNoHorizontalOverflow(sme.page, 'the intermediaries directory');
    await sme.page.goto('/help-requests');
    await sme.page.getByText('supercritical CO₂ dyeing pilot').waitFor();
    await expectNoHorizontalOverflow(sme.page, 'the help requests page');
  });

  it('lists publicly funded technologies and the sector index with its chart', async () => {
    const university = await openPage(browser);
    await register(university.page, 'Rasa Petrauskienė', uniqueEmail('uni'));
    const org = await postOrganization(university.page, { kind: 'government', name: 'National Food Safety Institute', country: 'LT', sectors: ['A'] });
    const organizationId = (await org.json()).id;
    const output = await university.page.request.post('/api/research-outputs', {
      data: {
        organizationId, title: 'Rapid Listeria screening for small dairies', summary: 'A paper-based test that detects Listeria on dairy surfaces in four hours, without a laboratory.',
        fields: ['agrifood'], sectors: ['A', 'C'], trl: 6, ipStatus: 'open', collaborationTypes: ['licensing'], governmentFunded: true, fundingProgramme: 'National Food Safety Programme 2021–2027',
      },
    });
    expect(output.status()).toBe(201);
    expect((await university.page.request.post(`/api/research-outputs/${(await output.json()).id}/publish`)).status()).toBe(200);

    const { page } = university;
    await page.goto('/publicly-funded');
    await page.getByLabel('Sector', { exact: true }).selectOption('A');
    await page.getByRole('link', { name: 'Rapid Listeria screening for small dairies' }).waitFor();
    await page.getByText('National Food Safety Programme 2021–2027').waitFor();
    await page.getByRole('img', { name: /Publicly funded research outputs per sector/ }).waitFor();
    await expectAccessible(page, 'the publicly funded page');
    await screenshot(page, 'publicly-funded');
    await page.goto('/sectors');
    await page.getByRole('img', { name: /Published research outputs and needs per sector/ }).waitFor();
    await page.getByRole('link', { name: 'A Agriculture, forestry and fishing' }).click();
    await page.getByRole('heading', { level: 1, name: 'Agriculture, forestry and fishing' }).waitFor();
    await page.getByText('funded by National Food Safety Programme 2021–2027').waitFor();
    await expectAccessible(page, 'the sector index');
    expect(university.pageErrors).toEqual([]);
    await university.close();
  });
});
