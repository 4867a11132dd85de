import { Type, type TSchema } from '@sinclair/typebox';

/** A MongoDB ObjectId as 24 hex characters: anything else is a 400 before it reaches a query. */
export const ObjectIdString = Type.String({ pattern: '^[0-9a-fA-F]{24}$', description: 'object id (24 hex characters)' });

export const IdParams = Type.Object({ id: ObjectIdString }, { additionalProperties: false });

export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      details: Type.Optional(Type.Unknown()),
    }),
  },
  { $id: 'ErrorResponse', description: 'Every error response has this shape.' },
);

/** Standard error responses to list next to a route's successful ones. */
export function errorResponses(...statuses: number[]): Record<number, TSchema> {
  return Object.fromEntries(statuses.map((status) => [status, Type.Ref('ErrorResponse')]));
}

/**
 * A web address people click: http or https with a host, nothing else (`javascript:`, `data:`,
 * `vbscript:` … are valid URIs and would run or render when clicked).
 */
export function HttpUrl(options: { maxLength: number; description?: string }) {
  return Type.String({ format: 'uri', pattern: '^[Hh][Tt][Tt][Pp][Ss]?://[^/?#\\s]+', ...options });
}

export const Email = Type.String({ format: 'email', maxLength: 254, description: 'e-mail address' });
export const Password = Type.String({ minLength: 12, maxLength: 200, description: 'at least 12 characters' });

/** A cursor page: `next` is null on the last page. */
export function Page<T extends TSchema>(item: T) {
  return Type.Object({ items: Type.Array(item), next: Type.Union([Type.String(), Type.Null()]) });
}

export const PageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  cursor: Type.Optional(Type.String({ maxLength: 200, description: 'the `next` value of the previous page' })),
};

/** A string enum (rendered as `enum` in OpenAPI) typed as the union of its values. */
export function StringEnum<const T extends readonly string[]>(values: T, options: { description?: string } = {}) {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });
}
