import { healthResponseSchema, loginResponseSchema, logoutResponseSchema, registerConfirmedSchema, registerResponseSchema } from '../schemas/auth.js';
import { defineRoute } from './define.js';

export const authRoutes = {
  health: defineRoute({ method: 'GET', path: '/health', status: 200, response: healthResponseSchema, authenticated: false }),
  register: defineRoute({ method: 'POST', path: '/register', status: 202, response: registerResponseSchema, authenticated: false }),
  /** The link in the mail; a browser gets a page instead of this JSON. */
  confirm: defineRoute({ method: 'GET', path: '/register/:token', status: 201, response: registerConfirmedSchema, authenticated: false }),
  login: defineRoute({ method: 'POST', path: '/login', status: 200, response: loginResponseSchema, authenticated: false }),
  /** `POST /logout` too. */
  logout: defineRoute({ method: 'GET', path: '/logout', status: 200, response: logoutResponseSchema, authenticated: true }),
} as const;
