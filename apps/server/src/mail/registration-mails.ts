import type { Mail } from './mailer.js';

export function confirmationMail(to: string, firstName: string, link: string): Mail {
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
