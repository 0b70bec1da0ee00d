import { bridge } from '../../bridge';
import { createLinkCache } from './file-links';

/** This window's link cache. */
export const linkCache = createLinkCache(bridge);
