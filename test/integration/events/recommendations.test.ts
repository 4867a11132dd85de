import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPublishedNeed, createPublishedOutput, userWithOrganization } from '../../helpers/api';
import { startTestApp, type TestApp } from '../../helpers/app';
import { participant, publishedEvent, register, seedMatch, type Participant } from './fixtures';

describe('recommendations: whom to meet, ranked by match scores and shared interests', () => {
  let ctx: TestApp;
  let eventId: string;
  let sme: Participant, strong: Participant, weak: Participant, sharedOnly: Participant;
  // Building the field takes many requests; the hook's longer timeout covers it.
  beforeAll(async () => {
    ctx = await startTestApp();
    const { event } = await publishedEvent(ctx.app);
    eventId = event.id;
    const smeUser = await userWithOrganization(ctx.app, 'sme');
    const needId = await createPublishedNeed(smeUser, smeUser.organizationId);
    sme = await register(smeUser, event.id, { needIds: [needId], interests: ['C', 'J'] });

    const strongUser = await userWithOrganization(ctx.app, 'university');
    const strongOutput = await createPublishedOutput(strongUser, strongUser.organizationId, { title: 'Enzymatic anti-staling for rye doughs' });
    const weakUser = await userWithOrganization(ctx.app, 'university');
    const weakOutput = await createPublishedOutput(weakUser, weakUser.organizationId, { title: 'Moisture sensors printed on paper' });
    await seedMatch(ctx.app, { needId, outputId: strongOutput, needOrganizationId: smeUser.organizationId, outputOrganizationId: strongUser.organizationId, score: 81 });
    await seedMatch(ctx.app, { needId, outputId: weakOutput, needOrganizationId: smeUser.organizationId, outputOrganizationId: weakUser.organizationId, score: 60 });
    strong = await register(strongUser, event.id, { outputIds: [strongOutput] });
    weak = await register(weakUser, event.id, { outputIds: [weakOutput], interests: ['C', 'J'] });
    sharedOnly = await participant(ctx.app, event.id, 'government', { interests: ['J'] });
    await participant(ctx.app, event.id, 'sme', { interests: ['C', 'J'] }); // SMEs do not meet SMEs
    await participant(ctx.app, event.id, 'university'); // no match and nothing shared: no reason to meet
  });
  afterAll(async () => ctx.close());

  it('ranks by the best need–output score plus shared interests, explains why, and leaves out who the rules exclude', async () => {
    const response = await sme.get(`/api/events/${eventId}/recommendations`);
    expect(response.statusCode).toBe(200);
    const items = response.json().items;
    expect(items.map((r: { registrationId: string; score: number; matchScore: number }) => [r.registrationId, r.score, r.matchScore])).toEqual([
      [strong.registrationId, 81, 81],
      [weak.registrationId, 70, 60],
      [sharedOnly.registrationId, 5, 0],
    ]);
    expect(items[0]).toMatchObject({
      organizationName: 'Baltic Technical University',
      organizationKind: 'university',
      groupLabel: 'Universities',
      reasons: ['Their research output "Enzymatic anti-staling for rye doughs" matches your need "Keep rye bread fresh for two more days" (score 81).'],
      suggestedReason: 'Your research output "Enzymatic anti-staling for rye doughs" could answer our need "Keep rye bread fresh for two more days".',
      existingMeeting: null,
    });
    expect(items[1].reasons[1]).toBe('You share an interest in Manufacturing, Information and communication.');
  });

  it('shows the pair from the other side too, and refuses people who are not registered', async () => {
    // The university sees the SME from its side of the pair.
    const fromUni = (await strong.get(`/api/events/${eventId}/recommendations`)).json().items;
    expect(fromUni[0]).toMatchObject({ registrationId: sme.registrationId, score: 81 });
    expect(fromUni[0].reasons[0]).toMatch(/^Your research output "Enzymatic anti-staling for rye doughs" matches their need/);

    const outsider = await userWithOrganization(ctx.app, 'sme');
    expect((await outsider.get(`/api/events/${eventId}/recommendations`)).statusCode).toBe(403);
  });

  it('gives a request made from a recommendation its score, and the recommendation then shows the request', async () => {
    const items = (await sme.get(`/api/events/${eventId}/recommendations`)).json().items;
    const meeting = (await sme.post(`/api/events/${eventId}/meetings`, { recipientRegistrationId: strong.registrationId, reason: items[0].suggestedReason })).json();
    expect(meeting.score).toBe(81);
    const again = (await sme.get(`/api/events/${eventId}/recommendations`)).json().items;
    expect(again[0].existingMeeting).toEqual({ id: meeting.id, status: 'pending' });
  });
});
