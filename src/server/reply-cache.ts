// The JSON replies of GET routes that do not remember their own answer (AnswerCache), remembered per
// scope until something changes: the route, its address and query, and who asked — the organisation and
// role of the signed-in user, which is all a data answer depends on (every route's scope check reads
// them; none reads more of the user). The route's gate runs before the cache is looked at, so a request the
// route would refuse is refused as before, and an answer is only ever sent to a user of the same
// organisation and role as the one it was computed for. Requests that arrive while the same answer is
// being computed wait for it instead of queueing the same queries on the workspace's one connection.
// The app forgets everything here whenever it forgets its remembered answers (any change).
//
// Not remembered: anything but a 200 JSON reply (exports, PDFs, files, errors), replies a route already
// sent from its AnswerCache (they carry an ETag), and the routes below, whose answers change without a
// change through the app: a sign-in (an anonymous request) writes sessions and audit events.
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { acceptsGzip, matches } from './answer-cache.ts';

/** Routes answered afresh every time, and why. */
export const NOT_REMEMBERED: Record<string, string> = {
  '/api/health': 'reports the server itself',
  '/api/session': 'the caller’s own session',
  '/api/users': 'lists sessions and password state that a sign-in changes',
  '/api/audit/verify': 'sign-ins add audit events',
  '/api/assurance/audit': 'sign-ins add audit events',
};

interface Reply {
  readonly body: Buffer;
  readonly type: string;
  readonly etag: string;
  /** body gzipped, once, off the event loop, when a client first takes gzip. */
  gzipBody?: Promise<Buffer>;
}

const gzipped = promisify(gzip);

declare module 'fastify' {
  interface FastifyRequest {
    /** This request computes the remembered reply of this key. */
    replyCacheKey?: string;
  }
}

export class ReplyCache {
  readonly #entries = new Map<string, Reply>();
  readonly #computing = new Map<string, { done: Promise<void>; settle: () => void }>();
  /** Keys whose reply was not one to remember (an AnswerCache route, an export, an error): asked again
   * without waiting on one another. */
  readonly #passThrough = new Set<string>();
  readonly #limit: number;
  #generation = 0;

  constructor(limit = 2000) {
    this.#limit = limit;
  }

  clear(): void {
    this.#entries.clear();
    this.#passThrough.clear();
    this.#generation += 1;
    // Whoever waits computes afresh.
    for (const c of this.#computing.values()) c.settle();
    this.#computing.clear();
  }

  /** Installs the hooks on the app: look up after the route's gate, remember as the reply is sent. */
  install(app: FastifyInstance): void {
    app.addHook('preHandler', async (request, reply) => {
      const key = cacheKey(request);
      if (!key || this.#passThrough.has(key)) return;
      for (;;) {
        const hit = this.#entries.get(key);
        if (hit) {
          await send(request, reply, hit);
          return reply;
        }
        const computing = this.#computing.get(key);
        if (!computing) break;
        await computing.done;
        // A reply not to remember (an AnswerCache route, an error): go ahead without queueing on one another.
        if (this.#passThrough.has(key)) return;
      }
      let settle = () => {};
      const done = new Promise<void>((resolve) => {
        settle = resolve;
      });
      this.#computing.set(key, { done, settle });
      request.replyCacheKey = `${this.#generation} ${key}`;
    });
    app.addHook('onSend', async (request, reply, payload) => {
      const tagged = request.replyCacheKey;
      if (!tagged) return payload;
      const [generation, ...rest] = tagged.split(' ');
      const key = rest.join(' ');
      const type = String(reply.getHeader('content-type') ?? '');
      const remember =
        Number(generation) === this.#generation &&
        reply.statusCode === 200 &&
        type.startsWith('application/json') &&
        !reply.hasHeader('content-encoding') &&
        !reply.hasHeader('etag') &&
        (typeof payload === 'string' || Buffer.isBuffer(payload));
      if (remember) {
        const body = typeof payload === 'string' ? Buffer.from(payload, 'utf8') : (payload as Buffer);
        if (this.#entries.size >= this.#limit) this.#entries.delete(this.#entries.keys().next().value!);
        this.#entries.set(key, { body, type, etag: `"${createHash('sha256').update(body).digest('base64url')}"` });
      } else if (Number(generation) === this.#generation) {
        if (this.#passThrough.size >= this.#limit) this.#passThrough.clear();
        this.#passThrough.add(key);
      }
      this.#settle(key);
      return payload;
    });
    // A reply that failed or was abandoned settles too, so waiters compute their own.
    app.addHook('onResponse', async (request) => {
      if (request.replyCacheKey) this.#settle(request.replyCacheKey.split(' ').slice(1).join(' '));
    });
    app.addHook('onRequestAbort', async (request) => {
      if (request.replyCacheKey) this.#settle(request.replyCacheKey.split(' ').slice(1).join(' '));
    });
  }

  #settle(key: string): void {
    const computing = this.#computing.get(key);
    if (!computing) return;
    this.#computing.delete(key);
    computing.settle();
  }
}

/** The key of a signed-in GET to a remembered route: route, address, query and the asker's scope. */
function cacheKey(request: FastifyRequest): string | undefined {
  if (request.method !== 'GET' || !request.signedIn) return undefined;
  const route = request.routeOptions.url;
  if (!route || NOT_REMEMBERED[route] !== undefined) return undefined;
  const { user } = request.signedIn;
  return `${route} ${JSON.stringify(request.params ?? {})} ${JSON.stringify(request.query ?? {})} for ${JSON.stringify([user.organisation.code, user.role])}`;
}

async function send(request: FastifyRequest, reply: FastifyReply, hit: Reply): Promise<void> {
  const gzip = acceptsGzip(request.headers['accept-encoding']);
  reply
    .header('etag', gzip ? `W/${hit.etag}` : hit.etag)
    .header('cache-control', 'private, no-cache')
    .header('vary', 'accept-encoding');
  if (matches(request.headers['if-none-match'], hit.etag)) {
    reply.code(304).send();
    return;
  }
  reply.type(hit.type);
  if (gzip) {
    hit.gzipBody ??= gzipped(hit.body);
    reply.header('content-encoding', 'gzip').send(await hit.gzipBody);
    return;
  }
  reply.send(hit.body);
}
