// The typed fetch client. Every request goes to the same origin with the session cookie; state-changing
// requests carry the CSRF token the session gave us; a 401 on a data request sends the person to sign in.

import type { ApiErrorBody } from '../../../src/core/error-body.ts';
import type { SessionAnswer as Session } from '../../../src/core/users/user-shapes.ts';

export type Query = Record<string, string | number | undefined | null>;

/** A failed request, carrying the API's error code and message so pages can show them as they are. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly where?: unknown,
  ) {
    super(message);
  }
}

let csrfToken: string | null = null;
let onUnauthorised: () => void = () => {};

export function rememberSession(session: Session | null): void {
  csrfToken = session?.csrfToken ?? null;
}

/** The app decides what "go and sign in" means (a route change that remembers where the person was). */
export function whenUnauthorised(handler: () => void): void {
  onUnauthorised = handler;
}

export function apiUrl(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `/api${path}${search ? `?${search}` : ''}`;
}

/** The same table as a file: the route's own filters plus `format`, so the download is what is on screen. */
export function exportUrl(path: string, query: Query, format: 'xlsx' | 'csv'): string {
  return apiUrl(path, { ...query, format });
}

async function errorFrom(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as ApiErrorBody;
    return new ApiError(response.status, body.error.code, body.error.message, body.error.where);
  } catch {
    return new ApiError(response.status, 'FP_HTTP', `The server answered ${response.status} ${response.statusText}.`);
  }
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** Sign-in and the session check answer 401 as a normal outcome, not as "please sign in". */
  unauthorisedIsAnswer?: boolean;
}

async function request(path: string, query: Query, options: RequestOptions = {}): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(apiUrl(path, query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError(0, 'FP_NETWORK', 'The Footprint server could not be reached. Check it is running.');
  }
  if (response.status === 401 && !options.unauthorisedIsAnswer) {
    rememberSession(null);
    onUnauthorised();
  }
  if (!response.ok) throw await errorFrom(response);
  return response;
}

export async function getJson<T>(path: string, query: Query = {}): Promise<T> {
  return (await (await request(path, query)).json()) as T;
}

export async function postJson<T>(path: string, body: unknown): Promise<T | null> {
  const response = await request(path, {}, { method: 'POST', body });
  return response.status === 204 ? null : ((await response.json()) as T);
}

export async function putJson<T>(path: string, body: unknown): Promise<T> {
  return (await (await request(path, {}, { method: 'PUT', body })).json()) as T;
}

export async function patchJson<T>(path: string, body: unknown): Promise<T> {
  return (await (await request(path, {}, { method: 'PATCH', body })).json()) as T;
}

export async function deleteResource(path: string): Promise<void> {
  await request(path, {}, { method: 'DELETE' });
}

export async function signIn(email: string, password: string): Promise<Session> {
  const response = await request(
    '/session',
    {},
    { method: 'POST', body: { email, password }, unauthorisedIsAnswer: true },
  );
  const session = (await response.json()) as Session;
  rememberSession(session);
  return session;
}

export async function currentSession(): Promise<Session | null> {
  try {
    const session = (await (await request('/session', {}, { unauthorisedIsAnswer: true })).json()) as Session;
    rememberSession(session);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export async function signOut(): Promise<void> {
  await request('/session', {}, { method: 'DELETE', unauthorisedIsAnswer: true });
  rememberSession(null);
}

/** Sets the signed-in user's own password. A wrong current password is an answer to show, not a sign-out. */
export async function changeOwnPassword(currentPassword: string, newPassword: string): Promise<Session> {
  const response = await request(
    '/session/password',
    {},
    { method: 'PUT', body: { currentPassword, newPassword }, unauthorisedIsAnswer: true },
  );
  const session = (await response.json()) as Session;
  rememberSession(session);
  return session;
}

/** Sends a file as the request body, reporting how much has gone (fetch cannot report upload progress). */
export function uploadFile<T>(
  path: string,
  query: Query,
  file: Blob,
  onProgress: (sent: number, total: number) => void,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', apiUrl(path, query));
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.setRequestHeader('accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (event) => onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
    xhr.onerror = () =>
      reject(new ApiError(0, 'FP_NETWORK', 'The Footprint server could not be reached. Check it is running.'));
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // Not JSON: described below by its status.
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(body as T);
      if (xhr.status === 401) {
        rememberSession(null);
        onUnauthorised();
      }
      const error = (body as ApiErrorBody | null)?.error;
      reject(
        new ApiError(
          xhr.status,
          error?.code ?? 'FP_HTTP',
          error?.message ?? `The server answered ${xhr.status}.`,
          error?.where,
        ),
      );
    };
    xhr.send(file);
  });
}
