import { bridge } from '../bridge';
import { appStore } from '../stores/app-store';
import { createActions, createContext, subscribe } from '.';

/** The app's one set of actions, on the app store and the bridge of this window. */
export const appContext = createContext(appStore, bridge);
export const actions = createActions(appContext);
subscribe(appContext, actions);

document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') void actions.markActiveRead();
});
