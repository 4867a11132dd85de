import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { requireUser } from '../accounts/current-user';
import { errorResponses } from '../shared/schema';
import {
  CreateTopicBody,
  EventParams,
  HistoryPage,
  HistoryQuery,
  MessageParams,
  MuteBody,
  MuteParams,
  MuteResult,
  ReadBody,
  ReadResult,
  RemovedResult,
  ReportBody,
  ReportList,
  RoomList,
  RoomParams,
  RoomView,
  UpdateRoomBody,
} from './schema';

/** REST side of the chat: room lists, history, read markers and moderation. Live traffic is on /api/ws. */
const chatRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { chat } = app.services;
  const tags = ['chat'];

  app.get(
    '/api/chat/rooms',
    { schema: { tags, summary: 'My chat rooms with unread counts', response: { 200: RoomList, ...errorResponses(401) } } },
    async (request) => ({ items: await chat.listRooms(requireUser(request)) }),
  );

  app.get(
    '/api/chat/rooms/:roomId',
    { schema: { tags, summary: 'One chat room', params: RoomParams, response: { 200: RoomView, ...errorResponses(400, 401, 403) } } },
    async (request) => chat.roomView(requireUser(request), request.params.roomId),
  );

  app.get(
    '/api/chat/rooms/:roomId/messages',
    {
      schema: {
        tags,
        summary: 'A page of history by sequence (ascending)',
        params: RoomParams,
        querystring: HistoryQuery,
        response: { 200: HistoryPage, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => chat.history(requireUser(request), request.params.roomId, request.query),
  );

  app.post(
    '/api/chat/rooms/:roomId/read',
    { schema: { tags, summary: 'Move my read marker forward', params: RoomParams, body: ReadBody, response: { 200: ReadResult, ...errorResponses(400, 401, 403) } } },
    async (request) => {
      const { lastReadSeq, unread } = await chat.markRead(requireUser(request), request.params.roomId, request.body.seq);
      return { lastReadSeq, unread };
    },
  );

  app.get(
    '/api/chat/events/:eventId/rooms',
    { schema: { tags, summary: "An event's lobby and topic rooms", params: EventParams, response: { 200: RoomList, ...errorResponses(400, 401, 403) } } },
    async (request) => ({ items: await chat.eventRooms(requireUser(request), request.params.eventId) }),
  );

  app.post(
    '/api/chat/events/:eventId/rooms',
    {
      schema: {
        tags,
        summary: 'Create a session or topic room (organizers)',
        params: EventParams,
        body: CreateTopicBody,
        response: { 201: RoomView, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => reply.code(201).send(await chat.createTopic(requireUser(request), request.params.eventId, request.body.title)),
  );

  app.patch(
    '/api/chat/rooms/:roomId',
    { schema: { tags, summary: 'Lock or unlock a room (moderators)', params: RoomParams, body: UpdateRoomBody, response: { 200: RoomView, ...errorResponses(400, 401, 403) } } },
    async (request) => chat.setLocked(requireUser(request), request.params.roomId, request.body.locked),
  );

  app.delete(
    '/api/chat/rooms/:roomId/messages/:seq',
    { schema: { tags, summary: 'Remove a message for everyone (moderators)', params: MessageParams, response: { 200: RemovedResult, ...errorResponses(400, 401, 403, 404) } } },
    async (request) => chat.removeMessage(requireUser(request), request.params.roomId, request.params.seq),
  );

  app.put(
    '/api/chat/rooms/:roomId/mutes/:userId',
    { schema: { tags, summary: 'Mute a member for some minutes (moderators)', params: MuteParams, body: MuteBody, response: { 200: MuteResult, ...errorResponses(400, 401, 403) } } },
    async (request) => chat.mute(requireUser(request), request.params.roomId, request.params.userId, request.body.minutes),
  );

  app.delete(
    '/api/chat/rooms/:roomId/mutes/:userId',
    { schema: { tags, summary: 'Lift a mute (moderators)', params: MuteParams, response: { 200: MuteResult, ...errorResponses(400, 401, 403) } } },
    async (request) => chat.mute(requireUser(request), request.params.roomId, request.params.userId, null),
  );

  app.post(
    '/api/chat/rooms/:roomId/messages/:seq/report',
    {
      schema: {
        tags,
        summary: 'Report a message to the moderators',
        params: MessageParams,
        body: ReportBody,
        response: { 201: Type.Object({ reported: Type.Boolean() }), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await chat.report(requireUser(request), request.params.roomId, request.params.seq, request.body.reason);
      return reply.code(201).send({ reported: true });
    },
  );

  app.get(
    '/api/chat/rooms/:roomId/reports',
    { schema: { tags, summary: 'Reports in a room (moderators)', params: RoomParams, response: { 200: ReportList, ...errorResponses(400, 401, 403) } } },
    async (request) => ({ items: await chat.reports(requireUser(request), request.params.roomId) }),
  );
};

export default chatRoutes;
