import type { Mail } from './mailer.js';

/**
 * The link mail. `askedAgainAt` is set when the address already had a pending link: the owner
 * learns that someone asked again, and that each link creates the account it was asked with.
 */
export function confirmationMail(to: string, firstName: string, link: string, askedAgainAt?: Date): Mail {
  const again = askedAgainAt
    ? [
        '',
        `This address already had a pending registration; someone asked again at ${askedAgainAt.toISOString()}.`,
        'If it was not you, ignore this mail: each link creates the account with the password chosen when it was asked for.',
      ]
    : [];
  return {
    to,
    subject: 'Confirm your Parley account',
    text: [
      `Hello ${firstName},`,
      '',
      'Open this link to create your Parley account:',
      '',
      link,
      '',
      'The link works once and expires in 24 hours. If you did not ask for an account, ignore this mail.',
      ...again,
    ].join('\n'),
  };
}

/** Sent instead of a link when the address already has an account, so nobody learns that it has. */
export function someoneTriedMail(to: string): Mail {
  return {
    to,
    subject: 'Someone tried to register with your address',
    text: [
      'Hello,',
      '',
      'Someone tried to create a Parley account with this address, which already has one.',
      'Nothing has changed. If it was you, log in with your password instead.',
    ].join('\n'),
  };
}
