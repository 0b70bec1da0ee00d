import { fileSuite } from './support/file-suite.js';

fileSuite('disk');
