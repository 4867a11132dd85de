import { HttpError } from '../../plugins/errors';
import type { CurrentUser } from '../accounts/current-user';
import { roleIn } from '../accounts/current-user';
import { decodeCursor, encodeCursor } from '../shared/cursor';
import { toObjectId } from '../shared/ids';

// Rules shared by the two kinds of listing, research outputs and needs: their status lifecycle,
// who may see a listing, and cursor pages. Pure functions; the needs module imports them too.

export const LISTING_STATUSES = ['draft', 'published', 'archived'] as const;
export type ListingStatus = (typeof LISTING_STATUSES)[number];
export type ListingAction = 'publish' | 'archive';

/**
 * The status after an action, or a 409 explaining why it is not possible.
 *
 * An archived listing MAY be published again: archiving is a reversible withdrawal (an offer put on
 * hold while a licence is negotiated, a need paused for a budget round), not a deletion. Access
 * grants survive it, and re-publishing needs no new review, so nothing is lost by allowing it.
 */
export function nextStatus(current: ListingStatus, action: ListingAction): ListingStatus {
  if (action === 'publish') {
    if (current === 'published') throw new HttpError(409, 'already_published', 'This listing is already published.');
    return 'published';
  }
  if (current === 'archived') throw new HttpError(409, 'already_archived', 'This listing is already archived.');
  return 'archived';
}

/** Whether the user belongs to the organization that owns a listing (as admin or member). */
export function isOwnerMember(user: CurrentUser | null, organizationId: string): boolean {
  return roleIn(user, organizationId) !== null;
}

/** Published listings are public; drafts and archived ones only exist for the owning organization's members. */
export function isVisible(status: ListingStatus, ownerMember: boolean): boolean {
  return status === 'published' || ownerMember;
}

/**
 * Who may change a listing: members of the owning organization (admins and members alike). For
 * anyone else a listing they cannot see is a 404, so a draft's existence does not leak; a
 * published one is a 403 that says why.
 */
export function assertMayEdit(user: CurrentUser, listing: { status: ListingStatus; organizationId: string }, what: string): void {
  if (isOwnerMember(user, listing.organizationId)) return;
  if (!isVisible(listing.status, false)) throw new HttpError(404, 'not_found', `No ${what} with this id.`);
  throw new HttpError(403, 'forbidden', `Only members of the organization that owns this ${what} can change it.`);
}

/** The visibility part of a list filter: the caller's organizations' listings with `mine`, else published ones. */
export function visibilityFilter(user: CurrentUser | null, mine: boolean | undefined, status: ListingStatus | undefined) {
  if (mine) {
    if (!user) throw new HttpError(401, 'unauthorized', 'Sign in to list your organizations’ listings (mine=true).');
    const filter: Record<string, unknown> = { organizationId: { $in: user.memberships.map((m) => toObjectId(m.organizationId)) } };
    if (status) filter['status'] = status;
    return filter;
  }
  if (status && status !== 'published') {
    throw new HttpError(400, 'validation_failed', 'Only published listings are public; add mine=true to list your drafts or archived listings.', [
      { field: 'status', message: 'must be "published" unless mine=true' },
    ]);
  }
  return { status: 'published' };
}

/** A TRL range filter; a minimum above the maximum is a 400 rather than an empty page. */
export function trlRange(field: string, min: number | undefined, max: number | undefined): Record<string, unknown> {
  if (min !== undefined && max !== undefined && min > max) {
    throw new HttpError(400, 'validation_failed', `trlMin (${min}) is above trlMax (${max}).`, [{ field: 'trlMin', message: 'must not exceed trlMax' }]);
  }
  const range: Record<string, number> = {};
  if (min !== undefined) range['$gte'] = min;
  if (max !== undefined) range['$lte'] = max;
  return Object.keys(range).length > 0 ? { [field]: range } : {};
}

/** `_id < cursor` for the next page of a list sorted by `_id` descending. */
export function cursorFilter(cursor: string | undefined): Record<string, unknown> {
  if (!cursor) return {};
  const { id } = decodeCursor<{ id: string }>(cursor, ['id']);
  if (!/^[0-9a-f]{24}$/i.test(String(id))) throw new HttpError(400, 'bad_cursor', 'The cursor is not valid; start again from the first page.');
  return { _id: { $lt: toObjectId(String(id)) } };
}

/** Cuts the `limit + 1` documents a query fetched into a page and the cursor of the next one. */
export function toPage<D extends { _id: unknown }, V>(docs: D[], limit: number, view: (doc: D) => V): { items: V[]; next: string | null } {
  const page = docs.slice(0, limit);
  const last = page.at(-1);
  return { items: page.map(view), next: docs.length > limit && last ? encodeCursor({ id: String(last._id) }) : null };
}

/** What the published-listing readers need from a listing model (needs and research outputs). */
interface ListingModel {
  findById(id: unknown): { lean<T>(): PromiseLike<T | null> };
  find(filter: Record<string, unknown>): { sort(order: Record<string, 1 | -1>): { lean<_T>(): { cursor(options: { batchSize: number }): AsyncIterable<unknown> } } };
}

/** One published listing by _id (the only lookup FerretDB serves from an index), else null. */
export async function publishedById<D extends { status: string }>(model: ListingModel, id: string): Promise<D | null> {
  if (!/^[0-9a-f]{24}$/i.test(id)) return null;
  const doc = await model.findById(toObjectId(id)).lean<D>();
  return doc?.status === 'published' ? doc : null;
}

/** Every published listing, oldest first, streamed in batches. */
export async function* allPublished<D>(model: ListingModel): AsyncIterable<D> {
  for await (const doc of model.find({ status: 'published' }).sort({ _id: 1 }).lean<D>().cursor({ batchSize: 1000 })) yield doc as D;
}

/**
 * How many published listings name each sector, from one aggregation pass ($unwind + $group,
 * which FerretDB supports; no $lookup). Sectors with none are left out.
 */
export async function publishedSectorCounts(model: { aggregate(pipeline: object[]): PromiseLike<unknown[]> }, where: Record<string, unknown> = {}): Promise<Map<string, number>> {
  const rows = (await model.aggregate([{ $match: { ...where, status: 'published' } }, { $project: { sectors: 1 } }, { $unwind: '$sectors' }, { $group: { _id: '$sectors', count: { $sum: 1 } } }])) as { _id: string; count: number }[];
  return new Map(rows.map((row) => [row._id, row.count]));
}
