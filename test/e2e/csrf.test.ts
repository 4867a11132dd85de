import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage, postOrganization, register, uniqueEmail, uniqueTitle } from './browser';

/**
 * The attack from issue 17: a page on another port of the same host (so the same site, and the
 * SameSite=Lax session cookie goes along) auto-submits a text/plain form to the NDA grant route
 * and opens the chat socket, while the university admin is signed in.
 */
describe('cross-site request forgery from a page on another port', () => {
  let browser: Browser;
  let attacker: Server;
  let attackerUrl: string;
  let attackPage = '';
  beforeAll(async () => {
    browser = await launchBrowser();
    attacker = createServer((request, response) => response.writeHead(200, { 'content-type': 'text/html' }).end(request.url === '/' ? attackPage : '<!doctype html><title>blank</title>'));
    await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
    attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => attacker?.close(resolve));
  });

  it('a text/plain form posted to the grant route with the admin\'s cookie gets 403 and grants nothing; its WebSocket is closed', async () => {
    const baseUrl = inject('baseUrl');
    const university = await openPage(browser);
    await register(university.page, 'Uni Admin', uniqueEmail('csrf-uni'));
    const organization = await postOrganization(university.page, { kind: 'university', name: 'Attacked University', country: 'LT', sectors: ['C'] });
    expect(organization.status()).toBe(201);
    const output = await university.page.request.post('/api/research-outputs', {
      data: {
        organizationId: (await organization.json()).id,
        title: uniqueTitle('Confidential sintering process'),
        summary: 'A sintering process for printed silver conductors that works at low temperature.',
        confidentialDetails: 'The secret recipe.',
        fields: ['materials'],
        sectors: ['C'],
        trl: 4,
        ipStatus: 'trade_secret',
        collaborationTypes: ['licensing'],
      },
    });
    expect(output.status(), await output.text()).toBe(201);
    const outputId: string = (await output.json()).id;
    expect((await university.page.request.post(`/api/research-outputs/${outputId}/publish`)).status()).toBe(200);

    const sme = await openPage(browser);
    await register(sme.page, 'SME Admin', uniqueEmail('csrf-sme'));
    expect((await sme.page.request.post('/api/organizations', { data: { kind: 'sme', name: 'Curious SME', country: 'DE', sectors: ['C'], headcount: 5, annualTurnoverEur: 100_000 } })).status()).toBe(201);
    const requested = await sme.page.request.post(`/api/research-outputs/${outputId}/access-requests`, { data: { message: 'We would like to license this process.' } });
    expect(requested.status(), await requested.text()).toBe(201);
    const accessRequestId: string = (await requested.json()).id;

    attackPage = `<!doctype html><title>win a prize</title>
      <form method="POST" action="${baseUrl}/api/access-requests/${accessRequestId}/grant" enctype="text/plain"><input name="x" value="1"></form>
      <script>
        const socket = new WebSocket('${baseUrl.replace('http', 'ws')}/api/ws');
        const attack = () => document.forms[0].submit();
        socket.onclose = (event) => { localStorage.setItem('socketClosed', String(event.code)); attack(); };
        setTimeout(attack, 5000);
      </script>`;
    const { page } = university;
    await page.goto(attackerUrl);
    await page.waitForURL(`${baseUrl}/api/access-requests/${accessRequestId}/grant`);
    const answer = JSON.parse((await page.locator('body').textContent()) ?? '{}');
    expect(answer.error).toMatchObject({ code: 'cross_origin_request' });

    await page.goto(attackerUrl.replace(/\/$/, '/blank'));
    expect(await page.evaluate(() => localStorage.getItem('socketClosed'))).toBe('4403');
    const incoming = await university.page.request.get('/api/access-requests?direction=incoming');
    const request = (await incoming.json()).items.find((item: { id: string }) => item.id === accessRequestId);
    expect(request.status).toBe('pending');
    // The same request from the app itself works: the defence does not get in the way.
    await page.goto('/');
    const granted = await page.evaluate(
      async (id) => (await fetch(`/api/access-requests/${id}/grant`, { method: 'POST', headers: { accept: 'application/json' } })).status,
      accessRequestId,
    );
    expect(granted).toBe(200);
    await Promise.all([university.close(), sme.close()]);
  });
});
