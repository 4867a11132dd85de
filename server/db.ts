import mongoose, { type Connection } from 'mongoose';

/**
 * Opens a dedicated mongoose connection (never the global one) so that the API, the worker and
 * tests can each hold their own, to different databases, in one process.
 */
export async function openMongo(uri: string): Promise<Connection> {
  const connection = mongoose.createConnection(uri, {
    serverSelectionTimeoutMS: 5000,
    // Notice a restarted server quickly; the driver reconnects by itself.
    heartbeatFrequencyMS: 2000,
  });
  await connection.asPromise();
  return connection;
}

/** Resolves when MongoDB answers a ping, rejects otherwise. */
export async function pingMongo(connection: Connection): Promise<void> {
  const db = connection.db;
  if (!db) throw new Error('not connected');
  await db.admin().ping();
}
