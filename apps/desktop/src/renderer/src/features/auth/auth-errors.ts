import type { ErrorDetail } from '@parley/shared';

/** A sentence a person can act on, for the errors login and registration can meet. */
export function authErrorMessage(error: ErrorDetail): string {
  switch (error.code) {
    case 'invalid_credentials':
      return 'That email and password don’t match an account. If you just registered, open the link in your email first.';
    case 'rate_limited':
      return 'Too many attempts. Please wait a few minutes, then try again.';
    case 'invalid_input':
      return 'Some fields need another look.';
    default:
      return error.message;
  }
}
