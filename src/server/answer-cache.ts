// Answers to GET data routes, remembered while the workspace is unchanged. Each is kept under the workspace's
// data version (Workspace.dataVersion: the DuckDB file and its write-ahead log, which every committed change
// moves, whoever makes it: this server's requests, a command forwarded to it, the command line on its own
// connection, or a GET that stores what it computed), and a request that finds the version moved forgets
// everything remembered before. A state-changing request that passes the sign-in gate and succeeds, or a
// forwarded command, also clears it at once; a refused or anonymous request cannot.
// Without it every request queues on the workspace's one connection; with it the heavy queries run once.
// The JSON body is checked against the route's response schema and serialised once, when the answer is
// computed: re-validating a flows answer of thousands of rows on every request cost more than the query.
// It is gzipped then too, once, for browsers (a flows answer shrinks about tenfold).
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

const gzipped = promisify(gzip);

export interface Answer<T> {
  /** What the route computed: the rows its Excel and CSV exports are written from. */
  readonly value: T;
  /** The JSON answer, as the route's response schema serialised it. */
  readonly body: Buffer;
  /** body gzipped. */
  readonly gzipBody: Buffer;
  /** A strong validator of body for If-None-Match: the same figures give the same tag. */
  readonly etag: string;
}

type AnsweredRequest = Pick<FastifyRequest, 'routeOptions' | 'params' | 'query'>;

export class AnswerCache {
  readonly #entries = new Map<string, Promise<Answer<unknown>>>();
  readonly #limit: number;
  readonly #version: () => string;
  /** The data version the remembered answers were computed at. */
  #at: string | undefined;

  /** version: the data version of what the answers are computed from (Workspace.dataVersion); none for
   * answers from files that do not change while the server runs. */
  constructor(version: () => string = () => 'fixed', limit = 500) {
    this.#version = version;
    this.#limit = limit;
  }

  /** The answer to a GET, computed once per route, parameters and query (export format aside) and sent to
   * every user who asks, or, given a scope (the organisation whose view it is), to every user of that
   * scope only: an answer that depends on who asks must name what it depends on. toJson
   * shapes the JSON answer; it is serialised by the reply's own route serializer, so a body that breaks the
   * response schema fails here, the first time, and is not remembered. */
  answer<T>(
    request: AnsweredRequest,
    reply: Pick<FastifyReply, 'serialize'>,
    compute: () => Promise<T>,
    toJson: (value: T) => unknown,
    scope?: string,
  ): Promise<Answer<T>> {
    // Read before computing: a change committed while an answer is computed leaves it under the version
    // before, so the next request computes it again.
    const version = this.#version();
    if (version !== this.#at) {
      this.#entries.clear();
      this.#at = version;
    }
    const key = answerKey(request, scope);
    const hit = this.#entries.get(key);
    if (hit) return hit as Promise<Answer<T>>;
    const answer = (async (): Promise<Answer<T>> => {
      const value = await compute();
      const serialised = reply.serialize(toJson(value));
      const body = typeof serialised === 'string' ? Buffer.from(serialised, 'utf8') : Buffer.from(serialised as Buffer);
      const etag = `"${createHash('sha256').update(body).digest('base64url')}"`;
      return { value, body, gzipBody: await gzipped(body), etag };
    })();
    if (this.#entries.size >= this.#limit) this.#entries.delete(this.#entries.keys().next().value!);
    this.#entries.set(key, answer);
    // A failure is not remembered: the next request tries again and gets its own error.
    answer.catch(() => {
      if (this.#entries.get(key) === answer) this.#entries.delete(key);
    });
    return answer;
  }

  clear(): void {
    this.#entries.clear();
  }
}

/** The cache key of a GET: its route, address parameters and query, without the export format (the JSON
 * answer and its exports share the same rows), and the scope of an answer that depends on who asks. */
export function answerKey(request: AnsweredRequest, scope?: string): string {
  const { format: _format, ...query } = (request.query ?? {}) as Record<string, unknown>;
  const shared = `${request.routeOptions.url} ${JSON.stringify(request.params ?? {})} ${JSON.stringify(query)}`;
  return scope === undefined ? shared : `${shared} for ${JSON.stringify(scope)}`;
}

/** The scope of an answer that depends on who asks: the signed-in user's organisation and role. */
export function userScope(request: Pick<FastifyRequest, 'signedIn'>): string {
  const user = request.signedIn?.user;
  return user ? `${user.organisation.code} ${user.role}` : 'anonymous';
}

/** The answer to a GET that depends on who asks, remembered for users of the same organisation and role
 * (and of whatever else `also` names, such as the day a figure is dated) while the workspace is unchanged. */
export function rememberedFor<T>(
  answers: AnswerCache,
  request: FastifyRequest,
  reply: FastifyReply,
  compute: () => Promise<T>,
  also?: string,
): Promise<Answer<T>> {
  const scope = userScope(request);
  return answers.answer(request, reply, compute, (value) => value, also === undefined ? scope : `${scope} ${also}`);
}

/** Whether an If-None-Match header names this tag (a list, weak tags and * included, RFC 9110 13.1.2). */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === etag;
  });
}

/** Whether an Accept-Encoding header takes gzip (named or *, with a non-zero q, RFC 9110 12.5.3). */
function acceptsGzip(acceptEncoding: string | undefined): boolean {
  if (!acceptEncoding) return false;
  return acceptEncoding.split(',').some((entry) => {
    const [coding, ...parameters] = entry.split(';').map((part) => part.trim().toLowerCase());
    const q = parameters.find((p) => p.startsWith('q='));
    return (coding === 'gzip' || coding === '*') && !(q && Number(q.slice(2)) === 0);
  });
}

/** Sends a remembered JSON answer as it was serialised (gzipped when the client takes it), or 304 when the
 * client already has it. Answers are for signed-in users only, so no shared cache may keep them, and the
 * browser revalidates every time. The gzipped answer's tag is the weak form of the same tag, as a
 * different encoding of the same figures. */
export function sendAnswer(
  request: FastifyRequest,
  reply: FastifyReply,
  answer: Answer<unknown>,
  type = 'application/json; charset=utf-8',
): FastifyReply {
  const gzip = acceptsGzip(request.headers['accept-encoding']);
  reply
    .header('etag', gzip ? `W/${answer.etag}` : answer.etag)
    .header('cache-control', 'private, no-cache')
    .header('vary', 'accept-encoding');
  if (matches(request.headers['if-none-match'], answer.etag)) return reply.code(304).send();
  if (gzip) reply.header('content-encoding', 'gzip');
  return reply.type(type).send(gzip ? answer.gzipBody : answer.body);
}
