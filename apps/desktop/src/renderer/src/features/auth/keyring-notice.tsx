/** Shown when the token cannot be kept safely on disk, so signing in again next time is no surprise. */
export function KeyringNotice({ keepsSignIn }: { keepsSignIn: boolean }) {
  if (keepsSignIn) return null;
  return (
    <p className="keyring-notice" role="note">
      The system keyring is unavailable, so Parley keeps your sign-in for this session only. You will
      sign in again the next time you start it.
    </p>
  );
}
