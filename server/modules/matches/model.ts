import { Schema, type Connection, type Model } from 'mongoose';
import type { Evidence } from '../../../matching';
import type { ListingKind } from '../shared/listing-changes';

export const FEEDBACK_STATUSES = ['saved', 'dismissed', 'contacted'] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

/**
 * One (need, output) pair, keyed `<needId>:<outputId>`: its score and the text part of its
 * explanation. The structured signals are re-derived from both listings when the pair is read
 * (cheap and always current), which keeps stored lists small.
 */
export interface MatchEntry {
  needId: string;
  outputId: string;
  needOrganizationId: string;
  outputOrganizationId: string;
  score: number;
  textSimilarity: number;
  /** Each side's words as written in its own text (matching/evidence.ts). */
  evidence: Evidence[];
}

export function pairKey(entry: { needId: string; outputId: string }): string {
  return `${entry.needId}:${entry.outputId}`;
}

/**
 * Each published need and output has one match list, keyed `<side>:<itemId>`: `own` is the item's
 * top K as computed from its side; `incoming` holds the pairs in which a counterpart's top K
 * names this item (keyed by the counterpart's id). An item's matches are the union of both.
 */
export interface MatchList {
  own: MatchEntry[];
  incoming: Record<string, MatchEntry>;
  computedAt: Date;
}

/**
 * Stored by _id in the current generation's collection (see generations.ts), with the entries
 * as one JSON string. FerretDB (the local MongoDB-compatible server) looks documents up efficiently only by _id, and it converts nested documents slowly:
 * a list of 20 explained matches as nested documents took 60 ms to read and 200+ ms to write,
 * as a string 2 ms and 10 ms. Nothing ever queries inside a list, so nothing is lost.
 */
export interface MatchListDoc {
  _id: string;
  side: ListingKind;
  itemId: string;
  /** JSON of { own, incoming }. */
  entries: string;
  computedAt: Date;
}

export function listId(side: ListingKind, itemId: string): string {
  return `${side}:${itemId}`;
}

/** A user's verdicts on the matches of one item, keyed `<userId>:<side>:<itemId>`. */
export interface FeedbackDoc {
  _id: string;
  userId: string;
  side: ListingKind;
  itemId: string;
  /** pair key → verdict and the match's rank when it was given (for precision at k). */
  verdicts: Record<string, { status: FeedbackStatus; rank: number; at: Date }>;
}

const feedbackSchema = new Schema(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    side: { type: String, required: true },
    itemId: { type: String, required: true },
    verdicts: { type: Schema.Types.Mixed, default: {} },
  },
  { minimize: false, versionKey: false },
);

export type FeedbackModel = Model<FeedbackDoc>;

export function feedbackModel(connection: Connection): FeedbackModel {
  return ((connection.models['MatchFeedback'] ?? connection.model('MatchFeedback', feedbackSchema)) as unknown) as FeedbackModel;
}

export function feedbackId(userId: string, side: ListingKind, itemId: string): string {
  return `${userId}:${side}:${itemId}`;
}
