import type { Mail } from './mailer.js';

export function passwordResetMail(to: string, firstName: string, link: string): Mail {
  return {
    to,
    subject: 'Choose a new Parley password',
    text: [
      `Hello ${firstName},`,
      '',
      'Someone asked to reset the password of your Parley account. Open this link to choose a new one:',
      '',
      link,
      '',
      'The link works once and expires in one hour. If it was not you, ignore this mail: your password stays as it is.',
    ].join('\n'),
  };
}

/** Sent after every password change, so the owner learns of one they did not make. */
export function passwordChangedMail(to: string, firstName: string, at: Date): Mail {
  return {
    to,
    subject: 'Your Parley password was changed',
    text: [
      `Hello ${firstName},`,
      '',
      `The password of your Parley account was changed at ${at.toISOString()}, and your other sessions were logged out.`,
      'If it was not you, choose a new password now with "Forgot password?" on the sign-in screen.',
    ].join('\n'),
  };
}
