// Issue 16 in the browser: the bakery's need lists the relevant output first, its explanation chips
// hold only words from the two texts, and the university reads explanations worded for its side.
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { occursIn } from '../../matching';
import { launchBrowser, openPage, postOrganization, register, uniqueEmail, uniqueTitle } from './browser';

const SOURDOUGH = {
  title: 'Sourdough cultures that slow staling and mould in rye bread',
  summary: 'Selected lactic acid bacteria added with the sourdough keep rye bread soft and fresh for longer: the crumb stays moist, staling slows and mould appears days later, without preservatives.',
};
const SCHEDULING = {
  title: 'Production scheduling optimiser for small food and drink manufacturers',
  summary: 'A scheduling tool plans batches, shifts and changeovers for small food and drink producers and cuts overtime by a fifth.',
};
const NEED = {
  title: 'Our rye bread goes stale after two days',
  problem: 'Our rye bread goes stale after two days. The crumb gets dry and hard, and customers who buy a loaf for the week complain.',
  desiredOutcome: 'Bread that stays fresh for four or five days without preservatives.',
};

/** Each chip as shown: the other listing's word and, when it differs, the reader's own word. */
async function chips(card: Locator): Promise<{ theirs: string; yours?: string }[]> {
  return card.getByRole('list', { name: 'Words both texts use' }).getByRole('listitem').evaluateAll((items) => items.map((item) => {
    const via = item.querySelector('.chip-via')?.textContent ?? '';
    const yours = /“(.+)”/.exec(via)?.[1];
    return { theirs: (item.firstChild?.textContent ?? '').trim(), ...(yours ? { yours } : {}) };
  }));
}

describe('match explanations people can check', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('the bakery sees the relevant output first with words from both texts; the university reads its own side', async () => {
    const titles = { sourdough: uniqueTitle(SOURDOUGH.title), scheduling: uniqueTitle(SCHEDULING.title), need: uniqueTitle(NEED.title) };
    const university = await openPage(browser);
    await register(university.page, 'Liis Tamm', uniqueEmail('uni'));
    const uniOrg = await (await postOrganization(university.page, { kind: 'university', name: 'Baltic Cereal Institute', country: 'EE', sectors: ['C'] })).json() as { id: string };
    const outputIds: Record<string, string> = {};
    for (const [key, text] of [['sourdough', SOURDOUGH], ['scheduling', SCHEDULING]] as const) {
      const created = await university.page.request.post('/api/research-outputs', {
        data: {
          organizationId: uniOrg.id, title: titles[key], summary: text.summary, confidentialDetails: 'Strain list on request.',
          fields: ['agrifood'], sectors: ['C'], trl: 6, ipStatus: 'trade_secret', collaborationTypes: ['contract_research', 'consultancy'], governmentFunded: true,
        },
      });
      expect(created.status(), await created.text()).toBe(201);
      outputIds[key] = ((await created.json()) as { id: string }).id;
      expect((await university.page.request.post(`/api/research-outputs/${outputIds[key]}/publish`)).status()).toBe(200);
    }

    const sme = await openPage(browser);
    await register(sme.page, 'Jonas Becker', uniqueEmail('sme'));
    const smeOrg = await (await sme.page.request.post('/api/organizations', { data: { kind: 'sme', name: 'Roggenhaus Bakery', country: 'DE', sectors: ['C'], headcount: 8, annualTurnoverEur: 900_000 } })).json() as { id: string };
    const need = await sme.page.request.post('/api/needs', {
      data: {
        organizationId: smeOrg.id, title: titles.need, problem: NEED.problem, desiredOutcome: NEED.desiredOutcome, sectors: ['C'], minTrl: 4,
        collaborationTypes: ['licensing', 'contract_research', 'consultancy'], budgetBand: 'under_25k', timeline: '3_to_12_months',
      },
    });
    expect(need.status(), await need.text()).toBe(201);
    const needId = ((await need.json()) as { id: string }).id;
    expect((await sme.page.request.post(`/api/needs/${needId}/publish`)).status()).toBe(200);

    // The SME: a relevant output first, the scheduling tool (same sector and facts) below it if at all.
    await sme.page.goto(`/needs/${needId}/matches`);
    const sourdough = sme.page.getByRole('article').filter({ has: sme.page.getByRole('link', { name: titles.sourdough }) });
    await sourdough.waitFor({ timeout: 30_000 });
    const order = await sme.page.getByRole('article').getByRole('heading', { level: 2 }).allTextContents();
    expect(order[0], order.join('\n')).toMatch(/rye bread|sourdough/i);
    const schedulingAt = order.indexOf(titles.scheduling);
    expect(schedulingAt === -1 || schedulingAt > order.indexOf(titles.sourdough), order.join('\n')).toBe(true);
    const needText = `${titles.need}\n${NEED.problem}\n${NEED.desiredOutcome}`;
    const outputText = `${titles.sourdough}\n${SOURDOUGH.summary}`;
    const smeChips = await chips(sourdough);
    expect(smeChips.length).toBeGreaterThan(0);
    for (const chip of smeChips) {
      expect(occursIn(outputText, chip.theirs), `"${chip.theirs}" in the output`).toBe(true);
      expect(occursIn(needText, chip.yours ?? chip.theirs), `"${chip.yours ?? chip.theirs}" in the need`).toBe(true);
    }

    // The university: the bakery's need, with sentences written for the output's owner.
    await university.page.goto(`/outputs/${outputIds.sourdough}/matches`);
    const bakery = university.page.getByRole('article').filter({ has: university.page.getByRole('link', { name: titles.need }) });
    await bakery.waitFor({ timeout: 30_000 });
    for (const chip of await chips(bakery)) {
      expect(occursIn(needText, chip.theirs), `"${chip.theirs}" in the need`).toBe(true);
      expect(occursIn(outputText, chip.yours ?? chip.theirs), `"${chip.yours ?? chip.theirs}" in the output`).toBe(true);
    }
    const facts = (await bakery.getByRole('list', { name: 'How the facts fit' }).getByRole('listitem').allTextContents()).join('\n');
    expect(facts).toMatch(/The firm/);
    expect(facts).not.toMatch(/you asked for|your minimum|Aimed at your sector/);

    expect(university.pageErrors).toEqual([]);
    expect(sme.pageErrors).toEqual([]);
    await university.close();
    await sme.close();
  });
});
