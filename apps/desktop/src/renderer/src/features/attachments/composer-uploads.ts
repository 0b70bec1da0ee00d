import { bridge } from '../../bridge';
import { createUploads } from './uploads-store';

/** This window's composer uploads. */
export const composerUploads = createUploads(bridge);
