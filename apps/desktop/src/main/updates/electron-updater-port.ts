import electronUpdater from 'electron-updater';
import type { UpdaterPort } from './update-controller.js';

/**
 * electron-updater's `autoUpdater` behind the controller's port. It fetches the feed's
 * latest*.yml, downloads the installer in the background, checks its sha512 (and on Windows the
 * publisher's signature) before it will install, and installs on an ordinary quit.
 */
export function electronUpdaterPort(): UpdaterPort {
  // electron-updater builds its platform's updater on first access: only once there is a feed.
  const updater = () => electronUpdater.autoUpdater;
  return {
    configure(feedUrl) {
      const autoUpdater = updater();
      autoUpdater.autoDownload = true;
      autoUpdater.autoInstallOnAppQuit = true;
      autoUpdater.allowDowngrade = false;
      autoUpdater.setFeedURL({ provider: 'generic', url: feedUrl });
    },
    onReport(listener) {
      const autoUpdater = updater();
      autoUpdater.on('checking-for-update', () => listener({ type: 'checking' }));
      autoUpdater.on('update-available', (info) => listener({ type: 'available', version: info.version }));
      autoUpdater.on('update-not-available', () => listener({ type: 'not-available' }));
      autoUpdater.on('download-progress', (progress) => listener({ type: 'progress', percent: progress.percent }));
      autoUpdater.on('update-downloaded', (event) => listener({ type: 'downloaded', version: event.version }));
      autoUpdater.on('error', (error) => listener({ type: 'error', message: error.message }));
    },
    async check() {
      await updater().checkForUpdates();
    },
    quitAndInstall() {
      updater().quitAndInstall(false, true);
    },
  };
}
