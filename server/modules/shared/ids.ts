import { Types } from 'mongoose';
import { HttpError } from '../../plugins/errors';

/** The ObjectId of a 24-hex-character id, or null for anything else (never a cast error). */
export function parseObjectId(id: string): Types.ObjectId | null {
  // Only the hex form: ObjectId.isValid also accepts any 12-character string.
  return /^[0-9a-fA-F]{24}$/.test(id) ? new Types.ObjectId(id) : null;
}

/** Converts a validated id string to an ObjectId; a malformed id is a 404, never a cast error. */
export function toObjectId(id: string, what = 'item'): Types.ObjectId {
  const parsed = parseObjectId(id);
  if (!parsed) throw new HttpError(404, 'not_found', `No ${what} with id ${id}.`);
  return parsed;
}
