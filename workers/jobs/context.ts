import type { Services } from '../../server/services';
import type { MatchStore } from '../../server/modules/matches/store';
import type { MatchEngine } from '../matching/match-engine';

/** What the jobs use, built once per worker process in workers/worker.ts. */
export interface JobContext {
  services: Services;
  engine: MatchEngine;
  store: MatchStore;
  /** New matches at or above this score notify the owners of both sides. */
  notifyMinScore: number;
  log: (message: string) => void;
}
