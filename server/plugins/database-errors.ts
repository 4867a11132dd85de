import mongoose from 'mongoose';

export interface ClientFacingError {
  statusCode: number;
  code: string;
  message: string;
  details?: { field: string; message: string }[];
}

/**
 * The last resort for database errors that reach the error handler: schemas should have refused
 * the input already, so one of these means a schema and a model disagree. The client gets a 4xx in
 * the standard shape naming the field, never the driver's or mongoose's own text (which quotes
 * stored values, paths and index names). Anything else stays a 500.
 */
export function databaseErrorForClient(error: unknown): ClientFacingError | null {
  if (error instanceof mongoose.Error.ValidationError) {
    const details = Object.values(error.errors).map((issue) => ({ field: issue.path, message: 'is invalid' }));
    return {
      statusCode: 400,
      code: 'validation_failed',
      message: `Invalid body: ${details.map((d) => `${d.field} ${d.message}`).join('; ')}`,
      details,
    };
  }
  if (error instanceof mongoose.Error.CastError) {
    return { statusCode: 400, code: 'validation_failed', message: `Invalid value for ${error.path}.`, details: [{ field: error.path, message: 'is invalid' }] };
  }
  if (error instanceof mongoose.Error.VersionError || error instanceof mongoose.Error.DocumentNotFoundError) {
    return { statusCode: 409, code: 'conflict', message: 'The record changed or disappeared meanwhile; load it again.' };
  }
  if (error instanceof mongoose.mongo.MongoServerError && error.code === 11000) {
    return { statusCode: 409, code: 'conflict', message: 'This already exists.' };
  }
  return null;
}
