import { Types } from 'mongoose';
import { HttpError } from '../../plugins/errors';

/** Converts a validated id string to an ObjectId; a malformed id is a 404, never a cast error. */
export function toObjectId(id: string, what = 'item'): Types.ObjectId {
  if (!Types.ObjectId.isValid(id) || !/^[0-9a-fA-F]{24}$/.test(id)) {
    throw new HttpError(404, 'not_found', `No ${what} with id ${id}.`);
  }
  return new Types.ObjectId(id);
}
