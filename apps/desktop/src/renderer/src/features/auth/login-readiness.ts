/** Why "Log in" cannot go yet, in words shown under the button; null once the form is complete. */
export function loginBlocker(form: { email: string; password: string }): string | null {
  const email = form.email.trim() !== '';
  const password = form.password !== '';
  if (!email && !password) return 'Enter your email and password to log in.';
  if (!email) return 'Enter your email to log in.';
  if (!password) return 'Enter your password to log in.';
  return null;
}
