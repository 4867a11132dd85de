/**
 * Loads the demo dataset from fixtures/seed into the configured database, through the domain
 * services so every rule (derived size class, validation) applies as in the app.
 *   npm run seed              load into an empty database; refuse otherwise
 *   npm run seed -- --if-empty  load only when the database has no organizations (used by `npm start`)
 */
import { Redis } from 'ioredis';
import { loadConfig } from '../server/config';
import { openMongo } from '../server/db';
import { createServices, ensureIndexes, type Services } from '../server/services';
import type { CurrentUser } from '../server/modules/accounts/current-user';
import type { CreateOrganizationBody } from '../server/modules/organizations/schema';
import { universities } from '../fixtures/seed/universities';
import { smes } from '../fixtures/seed/smes';
import { intermediaries } from '../fixtures/seed/intermediaries';
import { seedIntermediaryProfiles } from './seed-intermediaries';
import { seedDemoEvent } from '../fixtures/seed/events';
import { seedDemoDiagnostics } from '../server/modules/diagnostic/demo-seed';
import { organizers } from '../fixtures/seed/organizers';
import { users } from '../fixtures/seed/users';
import type { SeedOrganization } from '../fixtures/seed/types';
import { progressBar } from './progress';
import { seedListings } from './seed-listings';
import { bullConnection, createQueue, enqueue, QUEUE_NAMES } from '../workers/queues';
import type { Config } from '../server/config';

const log = (message: string) => process.stderr.write(`${message}\n`);

async function main(): Promise<void> {
  const ifEmpty = process.argv.includes('--if-empty');
  const config = loadConfig();
  const mongo = await openMongo(config.MONGODB_URI);
  const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 3 });
  try {
    const services = createServices({ mongo, redis, config, log: () => undefined });
    await ensureIndexes(mongo);
    const existing = await services.organizations.list({ limit: 1 });
    if (existing.items.length > 0) {
      if (ifEmpty) {
        log('seed: the database already has data; nothing to do');
        return;
      }
      throw new Error('the database already has organizations; seed only loads into an empty database');
    }
    const orgIds = await seedOrganizations(services);
    await seedUsers(services, orgIds);
    await seedListings(services, orgIds);
    await seedIntermediaryProfiles(services, orgIds);
    await seedDemoEvent(services, orgIds);
    await seedDemoDiagnostics(services, orgIds);
    await requestRescore(config);
    log('seed: done. The worker is computing matches now; demo accounts are listed in the README.');
  } finally {
    await mongo.close();
    redis.disconnect();
  }
}

async function seedOrganizations(services: Services): Promise<Map<string, string>> {
  const all: SeedOrganization[] = [...universities, ...smes, ...intermediaries, ...organizers];
  const bar = progressBar('organizations', all.length);
  const ids = new Map<string, string>();
  for (const { key, ...organization } of all) {
    // The demo organizations are the platform's own data: verified from the start.
    const created = await services.organizations.insert(organization as CreateOrganizationBody, { verified: true });
    ids.set(key, created.id);
    bar.tick();
  }
  return ids;
}

async function seedUsers(services: Services, orgIds: Map<string, string>): Promise<void> {
  const bar = progressBar('demo accounts', users.length);
  for (const user of users) {
    const created: CurrentUser = await services.accounts.createUser({
      email: user.email,
      name: user.name,
      password: user.password,
      platformAdmin: user.platformAdmin ?? false,
    });
    if (user.orgKey) {
      const organizationId = orgIds.get(user.orgKey);
      if (!organizationId) throw new Error(`demo user ${user.email} names unknown organization ${user.orgKey}`);
      await services.organizations.addMember(organizationId, created.id, user.orgRole ?? 'member');
    }
    bar.tick();
  }
}

/** Asks the worker for a full rescore so the demo data has matches without waiting for the night. */
async function requestRescore(config: Config): Promise<void> {
  const connection = { connection: bullConnection(config.REDIS_URL), prefix: config.QUEUE_PREFIX };
  const queues = { maintenance: createQueue(QUEUE_NAMES.maintenance, connection), matching: createQueue(QUEUE_NAMES.matching, connection) };
  try {
    await enqueue(queues, 'rescore-all', { requestedBy: 'seed' });
  } finally {
    await Promise.all(Object.values(queues).map((queue) => queue.close()));
  }
}

main().catch((error: unknown) => {
  log(`seed failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
