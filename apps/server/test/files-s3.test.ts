import { fileSuite } from './support/file-suite.js';

// s3rver: the S3 REST protocol (multipart uploads included) served from a folder.
fileSuite('s3');
