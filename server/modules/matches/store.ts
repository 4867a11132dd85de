import { Types } from 'mongoose';
import type { MatchExplanation } from '../../../matching';
import type { MatchModel } from './model';

import type { ListingKind } from '../shared/listing-changes';

/** The side of a pair a job or a reader starts from. */
export type MatchSide = ListingKind;

/** A pair the workers computed; ids as strings. */
export interface ComputedMatch {
  needId: string;
  outputId: string;
  needOrganizationId: string;
  outputOrganizationId: string;
  score: number;
  explanation: MatchExplanation;
}

const SIDE = {
  need: { key: 'needId', flag: 'fromNeed', other: 'outputId' },
  output: { key: 'outputId', flag: 'fromOutput', other: 'needId' },
} as const;

/**
 * Writes the workers' results. Every write is an idempotent upsert keyed by (need, output):
 * running the same job twice leaves the same pairs, scores and explanations.
 */
export class MatchStore {
  constructor(private readonly matches: MatchModel) {}

  /**
   * Makes `computed` the item's top K: upserts them (flagged as coming from this side), unflags
   * pairs of this item that dropped out, and deletes pairs that no side keeps any more.
   * Returns the pairs that did not exist before, for notifications.
   */
  async replaceForItem(side: MatchSide, itemId: string, computed: ComputedMatch[], now = new Date()): Promise<ComputedMatch[]> {
    const { key, flag, other } = SIDE[side];
    const item = new Types.ObjectId(itemId);
    const created: ComputedMatch[] = [];
    if (computed.length > 0) {
      const result = await this.matches.bulkWrite(
        computed.map((match) => ({
          updateOne: {
            filter: { needId: new Types.ObjectId(match.needId), outputId: new Types.ObjectId(match.outputId) },
            update: {
              $set: {
                needOrganizationId: new Types.ObjectId(match.needOrganizationId),
                outputOrganizationId: new Types.ObjectId(match.outputOrganizationId),
                score: match.score,
                explanation: match.explanation,
                computedAt: now,
                [flag]: true,
              },
            },
            upsert: true,
          },
        })),
        { ordered: false },
      );
      for (const index of Object.keys(result.upsertedIds)) created.push(computed[Number(index)]!);
    }
    const kept = computed.map((match) => new Types.ObjectId(side === 'need' ? match.outputId : match.needId));
    await this.matches.updateMany({ [key]: item, [other]: { $nin: kept }, [flag]: true }, { $set: { [flag]: false } });
    await this.matches.deleteMany({ [key]: item, fromNeed: { $ne: true }, fromOutput: { $ne: true } });
    return created;
  }

  /** Deletes pairs a full rescore did not confirm (their items are gone or no longer match). */
  async removeOlderThan(startedAt: Date): Promise<number> {
    const result = await this.matches.deleteMany({ computedAt: { $lt: startedAt } });
    return result.deletedCount;
  }

  /** An archived or deleted item takes all its pairs with it. */
  async removeForItem(side: MatchSide, itemId: string): Promise<number> {
    const result = await this.matches.deleteMany({ [SIDE[side].key]: new Types.ObjectId(itemId) });
    return result.deletedCount;
  }
}
