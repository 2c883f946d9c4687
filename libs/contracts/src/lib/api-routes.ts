/** Paths of the API, shared so the web app never spells a URL by hand. */
export const API_PREFIX = 'api';

export const apiRoutes = {
  health: '/api/health',
  login: '/api/auth/login',
  logout: '/api/auth/logout',
  me: '/api/auth/me',
  changePassword: '/api/auth/password',
  frameworks: '/api/frameworks',
  framework: (key: string) => `/api/frameworks/${encodeURIComponent(key)}`,
  frameworkVersion: (key: string, version: string) =>
    `/api/frameworks/${encodeURIComponent(key)}/versions/${encodeURIComponent(version)}`,
} as const;
