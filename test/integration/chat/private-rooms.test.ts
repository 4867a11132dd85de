import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createPublishedOutput, userWithOrganization } from '../../helpers/api';
import { connect, startCluster, type Cluster } from './helpers';

/** Private rooms: exactly the two organizations' members, nobody else (not even platform staff). */
describe('chat rooms of granted access requests and accepted meetings', () => {
  let cluster: Cluster;
  beforeAll(async () => {
    cluster = await startCluster(2);
  });
  afterAll(async () => cluster?.close());

  it('opens an access-request room to both organizations once the request is granted', async () => {
    const app = cluster.apps[0]!;
    const university = await userWithOrganization(app, 'university');
    const colleague = await addMember(app, university, university.organizationId);
    const sme = await userWithOrganization(app, 'sme');
    const otherSme = await userWithOrganization(app, 'sme');
    const outputId = await createPublishedOutput(university, university.organizationId);
    const requested = await sme.post(`/api/research-outputs/${outputId}/access-requests`, { message: 'We would like to read the ink recipe under NDA.' });
    expect(requested.statusCode).toBe(201);
    const requestId: string = requested.json().id;
    const roomId = `access-${requestId}`;

    const smeSocket = await connect(cluster.urls[0]!, sme.cookie);
    expect(await smeSocket.join(roomId)).toMatchObject({ code: 'not_member' }); // still pending

    expect((await university.post(`/api/access-requests/${requestId}/grant`)).statusCode).toBe(200);
    expect(await smeSocket.join(roomId)).toMatchObject({ type: 'joined', room: { kind: 'access', canModerate: false } });
    const colleagueSocket = await connect(cluster.urls[1]!, colleague.cookie);
    expect(await colleagueSocket.join(roomId)).toMatchObject({ type: 'joined' });
    const outsiderSocket = await connect(cluster.urls[1]!, otherSme.cookie);
    expect(await outsiderSocket.join(roomId)).toMatchObject({ code: 'not_member' });

    await smeSocket.say(roomId, 'Thanks for granting access!');
    expect((await colleagueSocket.next((f) => f.type === 'message')).message).toMatchObject({ text: 'Thanks for granting access!', senderId: sme.userId });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(outsiderSocket.ofType('message')).toHaveLength(0);

    // The room list shows granted rooms with unread counts.
    const list = (await colleague.get('/api/chat/rooms')).json().items;
    expect(list).toEqual([expect.objectContaining({ id: roomId, kind: 'access', unread: 1, lastSeq: 1 })]);
    expect((await otherSme.get('/api/chat/rooms')).json().items).toEqual([]);
    expect((await otherSme.get(`/api/chat/rooms/${roomId}/messages`)).statusCode).toBe(403);
    await Promise.all([smeSocket.close(), colleagueSocket.close(), outsiderSocket.close()]);
  });

  it('opens a meeting room to both organizations of an accepted meeting only', async () => {
    const app = cluster.apps[0]!;
    const [requester, recipient, organizer, stranger] = await Promise.all([
      userWithOrganization(app, 'sme'),
      userWithOrganization(app, 'university'),
      userWithOrganization(app, 'organizer'),
      userWithOrganization(app, 'sme'),
    ]);
    const meeting = await app.services.eventModels.meetings.create({
      eventId: new Types.ObjectId(),
      requesterRegistrationId: new Types.ObjectId(),
      recipientRegistrationId: new Types.ObjectId(),
      requesterUserId: new Types.ObjectId(requester.userId),
      recipientUserId: new Types.ObjectId(recipient.userId),
      requesterOrganizationId: new Types.ObjectId(requester.organizationId),
      recipientOrganizationId: new Types.ObjectId(recipient.organizationId),
      reason: 'Sintering inks for our packaging line',
      status: 'pending',
      expiresAt: new Date(Date.now() + 86_400_000),
    });
    const roomId = `meeting-${String(meeting._id)}`;
    const a = await connect(cluster.urls[0]!, requester.cookie);
    expect(await a.join(roomId)).toMatchObject({ code: 'not_member' });
    await app.services.eventModels.meetings.updateOne({ _id: meeting._id }, { $set: { status: 'accepted' } });
    // Both sides' room lists carry the accepted meeting's room before anyone opened it; others' do not.
    for (const user of [requester, recipient]) expect((await user.get('/api/chat/rooms')).json().items).toEqual([expect.objectContaining({ id: roomId, kind: 'meeting' })]);
    expect((await stranger.get('/api/chat/rooms')).json().items).toEqual([]);
    // A fresh instance has no cached answer for this room.
    const b = await connect(cluster.urls[1]!, recipient.cookie);
    const joined = (await b.join(roomId)) as { type: string; room: { kind: string; title: string } };
    expect(joined).toMatchObject({ type: 'joined', room: { kind: 'meeting' } });
    // Named after both organizations (the event of this hand-made meeting does not exist).
    const names = await Promise.all([requester, recipient].map(async (user) => (await user.get(`/api/organizations/${user.organizationId}`)).json().name as string));
    expect(joined.room.title).toBe(`${names[0]} and ${names[1]} — meeting`);
    for (const user of [organizer, stranger]) {
      const socket = await connect(cluster.urls[1]!, user.cookie);
      expect(await socket.join(roomId)).toMatchObject({ code: 'not_member' });
      await socket.close();
    }
    await Promise.all([a.close(), b.close()]);
  });
});
