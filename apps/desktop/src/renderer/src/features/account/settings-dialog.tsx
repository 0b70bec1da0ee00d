import { Dialog } from '../../ui/dialog';
import { NameSettings } from './name-settings';
import { PasswordSettings } from './password-settings';
import { SessionsSettings } from './sessions-settings';

/** Account settings: names, password, and where the account is signed in. */
export function SettingsDialog({ onClose }: { onClose: () => void }) {
  return (
    <Dialog title="Settings" onClose={onClose}>
      <div className="settings">
        <NameSettings />
        <PasswordSettings />
        <SessionsSettings />
        <div className="dialog-actions">
          <button type="button" className="button secondary" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </Dialog>
  );
}
