// Every route that needs sign-in, with a request that would succeed for the right user: the 401 test
// walks this list, and the OpenAPI test checks the document names each of them.
export interface ProtectedRoute {
  method: 'GET' | 'POST' | 'DELETE';
  url: string;
  /** The route as the OpenAPI document names it. */
  path: string;
  payload?: unknown;
}

export const PROTECTED_ROUTES: ProtectedRoute[] = [
  { method: 'GET', url: '/api/session', path: '/api/session' },
  { method: 'DELETE', url: '/api/session', path: '/api/session' },
  { method: 'GET', url: '/api/overview', path: '/api/overview' },
  { method: 'GET', url: '/api/geography/icbs.geojson', path: '/api/geography/icbs.geojson' },
  { method: 'GET', url: '/api/icbs/QWE', path: '/api/icbs/{code}' },
  { method: 'GET', url: '/api/services', path: '/api/services' },
  { method: 'GET', url: '/api/services/13X', path: '/api/services/{code}' },
  { method: 'GET', url: '/api/flows', path: '/api/flows' },
  { method: 'GET', url: '/api/footprints', path: '/api/footprints' },
  { method: 'POST', url: '/api/footprints', path: '/api/footprints', payload: { name: 'Unauthorised', icbs: ['QWE'] } },
  { method: 'DELETE', url: '/api/footprints/South%20London', path: '/api/footprints/{name}' },
  { method: 'GET', url: '/api/users', path: '/api/users' },
  {
    method: 'POST',
    url: '/api/users',
    path: '/api/users',
    payload: { email: 'x@example.org', organisation: 'QWE', role: 'viewer', password: 'a long enough password' },
  },
  { method: 'DELETE', url: '/api/users/qwe.viewer%40example.nhs.uk', path: '/api/users/{email}' },
];
