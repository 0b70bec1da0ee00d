import type { Response } from 'express';
import { escapeHtml, sendHtmlDocument, sendHtmlPage } from '../http/html-page.js';

/**
 * The pages of a reset link, for a browser. The form needs no script: it posts to its own URL,
 * and every error comes back as this page again with the reason above the fields.
 */
export function sendResetForm(res: Response, status: number, error?: string): void {
  const alert = error ? `<p class="error" role="alert">${escapeHtml(error)}</p>\n` : '';
  sendHtmlDocument(
    res,
    status,
    'Choose a new password',
    `<p>Choose the new password of your Parley account: 8 to 128 characters. Every device signed in to it is then logged out.</p>\n` +
      alert +
      `<form method="post">` +
      `<label for="password">New password</label>` +
      `<input id="password" name="password" type="password" autocomplete="new-password" required minlength="8" maxlength="128">` +
      `<label for="password_confirm">Repeat the new password</label>` +
      `<input id="password_confirm" name="password_confirm" type="password" autocomplete="new-password" required>` +
      `<button type="submit">Change password</button>` +
      `</form>`,
    true,
  );
}

export function sendResetLinkError(res: Response, outcome: 'expired' | 'unknown'): void {
  if (outcome === 'expired') {
    sendHtmlPage(res, 410, 'This link has expired', [
      'Password reset links work for one hour. Ask for a new one with "Forgot password?" in Parley.',
    ]);
  } else {
    sendHtmlPage(res, 404, 'This link does not work', [
      'It was already used, voided by a password change, or never existed. Ask for a new one with "Forgot password?" in Parley.',
    ]);
  }
}

export function sendPasswordChangedPage(res: Response, webClientUrl: string): void {
  sendHtmlPage(res, 200, 'Your password is changed', [
    'Every device that was signed in is logged out. Go back to Parley and log in with your new password.',
    `No app at hand? <a href="${escapeHtml(webClientUrl)}">Open Parley in your browser</a>.`,
  ]);
}
