import fp from 'fastify-plugin';
import type { IncomingHttpHeaders } from 'node:http';
import { HttpError } from './errors';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Cross-site request forgery defence. The session cookie is SameSite=Lax, which does not stop
 * "same-site" pages (another port on the same host, a sibling subdomain) from posting with it, and
 * a `text/plain` form needs no CORS preflight. So every state-changing request that says where it
 * comes from (`Origin`, or `Referer` when a browser left Origin out) must come from this app, and
 * bodies must be JSON, which no form can send. A request with neither header does not come from a
 * browser page (curl, API scripts, calendar apps) and passes: it carries no ambient cookie.
 */
export default fp(
  async (app) => {
    const ownOrigin = new URL(app.config.PUBLIC_URL).origin;
    app.addHook('onRequest', async (request) => {
      if (!STATE_CHANGING.has(request.method)) return;
      const source = requestSource(request.headers);
      if (source !== null && !isOwnOrigin(source, request.headers.host, ownOrigin)) {
        throw new HttpError(403, 'cross_origin_request', `Requests that change data must come from ${ownOrigin} itself.`, { origin: source });
      }
      const contentType = request.headers['content-type'];
      if (contentType !== undefined && mediaType(contentType) !== 'application/json') {
        throw new HttpError(415, 'unsupported_media_type', 'Send request bodies as application/json.', { contentType });
      }
    });
  },
  { name: 'csrf', dependencies: ['errors'] },
);

/** Where a browser says the request comes from: the Origin header, else the Referer's origin. */
function requestSource(headers: IncomingHttpHeaders): string | null {
  if (headers.origin !== undefined) return headers.origin;
  const referer = headers.referer;
  if (referer === undefined) return null;
  try {
    return new URL(referer).origin;
  } catch {
    return 'an unreadable Referer';
  }
}

/**
 * This app's origin: the one in PUBLIC_URL, or any origin whose host is the Host the request was
 * sent to (the same server reached as localhost instead of 127.0.0.1, or through the Vite dev
 * proxy, which keeps the browser's Host). A page elsewhere cannot make both agree: the browser
 * sets Origin to the page's own origin and Host to the server it talks to.
 */
export function isOwnOrigin(origin: string, host: string | undefined, ownOrigin: string): boolean {
  if (origin === ownOrigin) return true;
  if (host === undefined) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

function mediaType(contentType: string): string {
  return contentType.split(';', 1)[0]!.trim().toLowerCase();
}
