import fp from 'fastify-plugin';
import type { Connection } from 'mongoose';
import { openMongo } from '../db';

declare module 'fastify' {
  interface FastifyInstance {
    /** This app's own mongoose connection; models are registered on it, not on the global mongoose. */
    mongo: Connection;
  }
}

export interface MongoPluginOptions {
  uri: string;
}

/** Opens the app's MongoDB connection at start and closes it on shutdown. */
export default fp<MongoPluginOptions>(
  async (app, { uri }) => {
    const connection = await openMongo(uri);
    app.decorate('mongo', connection);
    app.addHook('onClose', async () => {
      await connection.close();
    });
  },
  { name: 'mongo' },
);
