import { randomBytes } from 'node:crypto';
import fp from 'fastify-plugin';
import websocket from '@fastify/websocket';
import { ChatConnection, CLOSE_FORBIDDEN_ORIGIN, CLOSE_UNAUTHENTICATED } from '../modules/chat/connection';
import { ChatHub } from '../modules/chat/hub';
import { MAX_FRAME_BYTES } from '../modules/chat/schema';
import { isOwnOrigin } from './csrf';

declare module 'fastify' {
  interface FastifyInstance {
    chatHub: ChatHub;
  }
}

/**
 * `/api/ws`: one WebSocket per browser tab for chat and notifications. The session cookie
 * authenticates the upgrade; without a live session the socket is closed at once with 4401 (a
 * close code the browser can read, unlike an HTTP status before the upgrade). Browsers send cookies
 * on cross-site WebSocket upgrades, so an Origin other than this app's is closed with 4403.
 */
export default fp(
  async (app) => {
    await app.register(websocket, {
      options: { maxPayload: MAX_FRAME_BYTES },
      // On shutdown every socket hears 1001 "going away" (clients reconnect with backoff, see the
      // chat README); the plugin's own preClose closes them without a code, which arrives as 1005.
      preClose(done) {
        for (const client of this.websocketServer.clients) client.close(1001, 'Server shutting down.');
        this.websocketServer.close();
        done();
      },
    });
    const subscriber = app.redis.duplicate({ lazyConnect: true, enableOfflineQueue: true });
    subscriber.on('error', (error) => app.log.debug({ err: error }, 'chat subscriber connection error'));
    await subscriber.connect();
    const onError = (error: unknown) => app.log.warn({ err: error }, 'chat');
    const chat = app.services.chat;
    const instanceId = randomBytes(6).toString('hex');
    await chat.writes.start(instanceId);
    /** Open sockets and their session tokens (the sweep and departures re-check them). */
    const connections = new Map<ChatConnection, string>();
    const hub = new ChatHub({
      publisher: app.redis,
      subscriber,
      keys: chat.keys,
      log: chat.log,
      instanceId,
      onError,
      onRoomChanged: (roomId) => chat.access.invalidateRoom(roomId),
      onParticipantLeft: ({ eventId, userId }) => {
        chat.access.forgetParticipants(eventId);
        // Their sockets here leave the event's rooms now, not at the next sweep.
        for (const connection of hub.connectionsOf(userId)) {
          const token = connections.get(connection as ChatConnection);
          if (token) void recheck(connection as ChatConnection, token);
        }
      },
    });
    await hub.start();
    app.decorate('chatHub', hub);
    const ownOrigin = new URL(app.config.PUBLIC_URL).origin;

    app.get('/api/ws', { websocket: true, schema: { hide: true } }, (socket, request) => {
      const origin = request.headers.origin;
      if (origin !== undefined && !isOwnOrigin(origin, request.headers.host, ownOrigin)) {
        socket.close(CLOSE_FORBIDDEN_ORIGIN, 'This origin may not open the chat socket.');
        return;
      }
      if (!request.user || !request.sessionToken) {
        socket.close(CLOSE_UNAUTHENTICATED, 'Sign in to chat.');
        return;
      }
      const connection = new ChatConnection(socket, request.user, chat, hub, onError);
      connections.set(connection, request.sessionToken);
      socket.on('close', () => connections.delete(connection));
      connection.start().catch((error: unknown) => {
        onError(error);
        connection.close(1011, 'Could not start the chat connection.');
      });
    });

    // Sessions end (sign-out, password change) and memberships change: every socket is re-checked
    // once per CHAT_SWEEP_MS (see README: stale membership), spread evenly over the interval so
    // 2,000 sockets cost a trickle of reads, not a burst.
    const SLICES = 30;
    let cursor: ChatConnection[] = [];
    let sweeping = false;
    const sweep = setInterval(() => {
      if (sweeping) return;
      if (cursor.length === 0) cursor = [...connections.keys()];
      const slice = cursor.splice(0, Math.ceil(connections.size / SLICES));
      sweeping = true;
      void (async () => {
        for (const connection of slice) {
          const token = connections.get(connection);
          if (token) await recheck(connection, token);
        }
      })().finally(() => (sweeping = false));
    }, Math.max(50, Math.floor(app.config.CHAT_SWEEP_MS / SLICES)));
    sweep.unref();

    async function recheck(connection: ChatConnection, token: string): Promise<void> {
      try {
        const user = await app.services.accounts.userForSession(token);
        if (!user) {
          connection.close(CLOSE_UNAUTHENTICATED, 'Your session ended; sign in again.');
          return;
        }
        connection.user = user;
        const dropLost = async (roomIds: string[], drop: (roomId: string) => void) => {
          for (const roomId of roomIds) {
            await chat.access.roleOf(roomId, user, { moderation: false }).catch((error: { statusCode?: number }) => {
              if (error.statusCode === 403) drop(roomId);
            });
          }
        };
        await dropLost(connection.joinedRooms, (roomId) => connection.revoke(roomId));
        await dropLost(connection.watches.rooms, (roomId) => connection.watches.unwatch([roomId]));
      } catch (error) {
        onError(error);
      }
    }

    app.addHook('onClose', async () => {
      clearInterval(sweep);
      hub.close();
      subscriber.disconnect();
      await chat.writes.close();
    });
  },
  { name: 'websocket', dependencies: ['services', 'redis', 'auth'] },
);
