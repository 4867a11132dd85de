import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, expectNoHorizontalOverflow, launchBrowser, openPage, postOrganization, register, screenshot, uniqueEmail } from './browser';

const OUTPUT_TITLE = 'Self-healing epoxy coatings for wind turbine blades';

async function post(page: Page, path: string, data: Record<string, unknown> = {}): Promise<{ id: string }> {
  const response = await page.request.post(path, { data });
  expect(response.status(), `${path}: ${await response.text()}`).toBeLessThan(300);
  return response.json();
}

/** Two live pages, a server and a worker share two cores with other work: waits get twice the usual room. */
function patient(...pages: Page[]): void {
  for (const page of pages) page.setDefaultTimeout(30_000);
}

/** Writes in the room's composer and sends with Enter, as a person would. */
async function say(page: Page, text: string): Promise<void> {
  const box = page.getByLabel('Your message');
  await box.fill(text);
  await box.press('Enter');
}

/** How many stored messages of the room carry exactly this text (the server's truth, not the page's). */
async function storedCount(page: Page, roomId: string, text: string): Promise<number> {
  const response = await page.request.get(`/api/chat/rooms/${roomId}/messages?limit=100`);
  expect(response.status()).toBe(200);
  const { items } = (await response.json()) as { items: { text: string }[] };
  return items.filter((item) => item.text === text).length;
}

describe('live chat between an SME and a university', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('both sides talk live in the private room of a granted access request, also across a dropped connection, and text stays text', async () => {
    // Set-up through the API: an output, an SME's access request, granted.
    const university = await openPage(browser);
    await register(university.page, 'Inês Duarte', uniqueEmail('uni'));
    const uniOrg = await (await postOrganization(university.page, { kind: 'university', name: 'Nordic Composites Institute', country: 'DK', sectors: ['M'] })).json();
    const output = await post(university.page, '/api/research-outputs', {
      organizationId: uniOrg.id,
      title: OUTPUT_TITLE,
      summary: 'A microcapsule epoxy that closes hairline cracks in blade coatings at ambient temperature.',
      fields: ['materials'],
      sectors: ['C'],
      trl: 5,
      ipStatus: 'patent_pending',
      patentNumber: 'EP 4 555 001 A1',
      collaborationTypes: ['licensing'],
    });
    await post(university.page, `/api/research-outputs/${output.id}/publish`);

    const sme = await openPage(browser);
    await register(sme.page, 'Greta Bäcker', uniqueEmail('sme'));
    await post(sme.page, '/api/organizations', { kind: 'sme', name: 'Ostsee Rotorservice GmbH', country: 'DE', sectors: ['C'], headcount: 25, annualTurnoverEur: 3_000_000 });
    const request = await post(sme.page, `/api/research-outputs/${output.id}/access-requests`, { message: 'We repair rotor blades and would like to license a coating that heals itself.' });
    await post(university.page, `/api/access-requests/${request.id}/grant`);
    const roomId = `access-${request.id}`;

    // Both open the room; each sees the other's message live, both ways.
    const u = university.page;
    const s = sme.page;
    patient(u, s);
    await Promise.all([u.goto(`/chat/${roomId}`), s.goto(`/chat/${roomId}`)]);
    await Promise.all([u.getByText('No messages yet').waitFor(), s.getByText('No messages yet').waitFor()]).catch(async (error: unknown) => {
      await Promise.all([screenshot(u, 'chat-failed-university'), screenshot(s, 'chat-failed-sme')]);
      throw error;
    });
    await u.getByRole('list', { name: 'Online now' }).getByText('Greta Bäcker').waitFor();

    await s.getByLabel('Your message').pressSequentially('Hel');
    await u.getByText('Greta Bäcker is typing…').waitFor();
    await say(s, 'Hello from Rostock! Could we test the coating on two blades?');
    await u.getByRole('log').getByText('Hello from Rostock! Could we test the coating on two blades?').waitFor();
    await say(u, 'Gladly. We can ship samples next week.');
    await s.getByRole('log').getByText('Gladly. We can ship samples next week.').waitFor();
    await expectAccessible(s, 'the chat room');
    await screenshot(s, 'chat-room');

    // The SME loses its connection: the banner says so, and what it writes waits.
    await s.context().setOffline(true);
    await s.getByTestId('chat-offline').waitFor();
    await say(s, 'Written while offline');
    await s.getByText('Waiting for the connection…').waitFor();
    await say(u, 'Sent while you were away');
    await u.getByRole('log').getByText('Sent while you were away').waitFor();
    await screenshot(s, 'chat-offline');

    // Back online: the queued message is delivered once, and the missed one arrives once.
    await s.context().setOffline(false);
    await s.getByTestId('chat-offline').waitFor({ state: 'detached' });
    await u.getByRole('log').getByText('Written while offline').waitFor();
    await s.getByRole('log').getByText('Sent while you were away').waitFor();
    await s.getByText('Waiting for the connection…').waitFor({ state: 'detached' });
    expect(await u.getByRole('log').getByText('Written while offline', { exact: true }).count()).toBe(1);
    expect(await s.getByRole('log').getByText('Written while offline', { exact: true }).count()).toBe(1);
    expect(await s.getByRole('log').getByText('Sent while you were away', { exact: true }).count()).toBe(1);
    expect(await storedCount(u, roomId, 'Written while offline')).toBe(1);

    // Markup typed into the chat is shown as the characters typed and never runs.
    const injected = '<img src=x onerror="document.title=\'pwned\'"> <b>bold?</b>';
    await say(u, injected);
    await s.getByRole('log').getByText(injected, { exact: true }).waitFor();
    expect(await s.locator('.chat-scroll img, .chat-scroll b').count()).toBe(0);
    expect(await s.title()).not.toBe('pwned');

    // Having read everything in the open room, the SME's marker is stored…
    await expect.poll(async () => ((await (await s.request.get(`/api/chat/rooms/${roomId}`)).json()) as { unread: number }).unread, { timeout: 15_000 }).toBe(0);
    // …and the list of conversations counts what arrives while the room is not open.
    await s.goto('/messages');
    await s.getByRole('link', { name: OUTPUT_TITLE }).waitFor();
    await say(u, 'One more thing: which blade lengths?');
    await s.getByText('1 unread message.').waitFor();
    await s.getByTestId('messages-unread').waitFor();
    await expectAccessible(s, 'the messages page');
    await screenshot(s, 'chat-messages');

    // The university finds the same conversation on the granted request.
    await u.goto('/access-requests');
    await u.getByRole('button', { name: 'Chat with Ostsee Rotorservice GmbH' }).click();
    await u.getByRole('log', { name: /Messages in/ }).getByText('Hello from Rostock! Could we test the coating on two blades?').waitFor();

    // Elsewhere in the app the navigation's badge counts a new message at once (the rooms are
    // watched over the socket), well before its 30-second refresh.
    await s.goto('/events');
    await expect.poll(() => s.getByTestId('messages-unread').textContent()).toMatch(/^1/);
    await say(u, 'And how thick is the coating?');
    await expect.poll(() => s.getByTestId('messages-unread').textContent(), { timeout: 8000 }).toMatch(/^2/);

    // A phone-sized screen: no sideways scrolling in the room.
    await s.setViewportSize({ width: 375, height: 740 });
    await s.goto(`/chat/${roomId}`);
    await s.getByRole('log').getByText('One more thing: which blade lengths?').waitFor();
    await expectNoHorizontalOverflow(s, 'the chat room');

    expect(university.pageErrors).toEqual([]);
    expect(sme.pageErrors).toEqual([]);
    await university.close();
    await sme.close();
    // Two browser contexts, two sign-ups and two accessibility scans on two shared cores: more than the default minute.
  }, 150_000);

  it('an organizer moderates the event lobby: removes, locks, mutes; a participant reports; bursts are slowed kindly', async () => {
    const organizer = await openPage(browser);
    await register(organizer.page, 'Kadri Tamm', uniqueEmail('organizer'));
    const org = await (await postOrganization(organizer.page, { kind: 'organizer', name: 'Baltic Innovation Week', country: 'EE' })).json();
    const inTenDays = (hour: number) => new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() + 10, hour)).toISOString();
    const event = await post(organizer.page, '/api/events', {
      organizerOrganizationId: org.id,
      title: 'Wind energy brokerage day',
      description: 'Meetings between blade repair SMEs and composite labs.',
      type: 'brokerage',
      venue: 'Tallinn',
      timeZone: 'Europe/Tallinn',
      sectors: ['C'],
      registrationOpensAt: new Date(Date.now() - 3_600_000).toISOString(),
      registrationClosesAt: inTenDays(6),
      requestCapPerParticipant: 5,
      requestExpiryHours: 48,
    });
    await post(organizer.page, `/api/events/${event.id}/sessions`, { title: 'Meetings', startsAt: inTenDays(9), endsAt: inTenDays(11), slotMinutes: 20, breaks: [], tables: 2, maxMeetingsPerPerson: 4 });
    await post(organizer.page, `/api/events/${event.id}/publish`);

    const participant = await openPage(browser);
    await register(participant.page, 'Greta Bäcker', uniqueEmail('sme'));
    const sme = await post(participant.page, '/api/organizations', { kind: 'sme', name: 'Ostsee Rotorservice GmbH', country: 'DE', sectors: ['C'], headcount: 25, annualTurnoverEur: 3_000_000 });
    await post(participant.page, `/api/events/${event.id}/registrations`, { organizationId: sme.id });

    const o = organizer.page;
    const p = participant.page;
    patient(o, p);
    await Promise.all([o.goto(`/events/${event.id}`), p.goto(`/events/${event.id}`)]);
    await Promise.all([o.getByRole('heading', { name: 'Event lobby chat' }).waitFor(), p.getByRole('heading', { name: 'Event lobby chat' }).waitFor()]);
    await o.getByText('No messages yet').waitFor();
    expect(await p.getByRole('button', { name: 'Lock the room' }).count()).toBe(0);

    // The organizer removes a message for everyone.
    await say(p, 'Cheap watches for sale, write to me!');
    const spam = o.getByRole('listitem').filter({ hasText: 'Cheap watches for sale' });
    await spam.locator('summary').click();
    await spam.getByRole('button', { name: 'Remove message' }).click();
    await p.getByText('This message was removed by a moderator.').waitFor();
    expect(await p.getByText('Cheap watches for sale').count()).toBe(0);

    // A participant reports; the organizer reads the report.
    await say(o, 'Welcome! Tell us what you work on.');
    const welcome = p.getByRole('listitem').filter({ hasText: 'Welcome! Tell us what you work on.' });
    await welcome.locator('summary').click();
    await welcome.getByLabel('Report this message: what is wrong?').fill('Testing the report button');
    await welcome.getByRole('button', { name: 'Report' }).click();
    await welcome.getByText('Reported.').waitFor();
    await o.getByText('Reported messages').click();
    await o.getByText('reason: Testing the report button').waitFor();
    await expectAccessible(o, 'the event page with the lobby chat (organizer)');

    // Locking stops everybody from writing; unlocking lets them write again.
    await o.getByRole('button', { name: 'Lock the room' }).click();
    await p.getByText('This room is locked by a moderator').waitFor();
    await o.getByRole('button', { name: 'Unlock the room' }).click();
    await p.getByLabel('Your message').waitFor();

    // A burst beyond the rate limit is slowed down with a kind word, and still arrives complete and in order.
    // The burst is typed inside the page in one go: typing through the driver on a busy machine can be
    // slow enough for the bucket to refill, and then no limit would be hit.
    await p.evaluate((count) => {
      const box = document.querySelector<HTMLTextAreaElement>('.chat-composer textarea');
      if (!box) throw new Error('no composer');
      for (let n = 1; n <= count; n += 1) {
        box.value = `Burst message ${n}`;
        box.dispatchEvent(new Event('input', { bubbles: true }));
        box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
      }
    }, 14);
    await p.getByText('You are sending messages faster than the chat allows').waitFor();
    await o.getByRole('log').getByText('Burst message 14', { exact: true }).waitFor();
    const burst = await o.getByRole('log').getByText(/^Burst message \d+$/).allTextContents();
    expect(burst).toEqual(Array.from({ length: 14 }, (_, i) => `Burst message ${i + 1}`));

    // Muting keeps the participant from writing for the chosen time.
    const last = o.getByRole('listitem').filter({ hasText: 'Burst message 14' });
    await last.locator('summary').click();
    await last.getByLabel('Mute Greta Bäcker for').selectOption('60');
    await last.getByRole('button', { name: 'Mute', exact: true }).click();
    await p.getByText('A moderator muted you in this room until').waitFor();
    await screenshot(p, 'chat-lobby-muted');

    expect(organizer.pageErrors).toEqual([]);
    expect(participant.pageErrors).toEqual([]);
    await organizer.close();
    await participant.close();
  }, 150_000);
});
