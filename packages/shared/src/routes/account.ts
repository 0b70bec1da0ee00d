import {
  passwordChangedSchema,
  passwordResetLinkSchema,
  passwordResetSentSchema,
  sessionEndedSchema,
  sessionsResponseSchema,
  updateMeResponseSchema,
} from '../schemas/account.js';
import { defineRoute } from './define.js';

/** PROTOCOL.md §16: forgotten and changed passwords, sessions, one's own names. */
export const accountRoutes = {
  requestReset: defineRoute({ method: 'POST', path: '/password_reset', status: 202, response: passwordResetSentSchema, authenticated: false }),
  /** The mailed link; a browser gets the form instead of this JSON. */
  resetLink: defineRoute({ method: 'GET', path: '/password_reset/:token', status: 200, response: passwordResetLinkSchema, authenticated: false }),
  /** The form posts here too (urlencoded), and a browser gets a page. */
  confirmReset: defineRoute({ method: 'POST', path: '/password_reset/:token', status: 200, response: passwordChangedSchema, authenticated: false }),
  changePassword: defineRoute({ method: 'PUT', path: '/password', status: 200, response: passwordChangedSchema, authenticated: true }),
  sessions: defineRoute({ method: 'GET', path: '/sessions', status: 200, response: sessionsResponseSchema, authenticated: true }),
  endSession: defineRoute({ method: 'DELETE', path: '/sessions/:id', status: 200, response: sessionEndedSchema, authenticated: true }),
  updateMe: defineRoute({ method: 'PUT', path: '/me', status: 200, response: updateMeResponseSchema, authenticated: true }),
} as const;
