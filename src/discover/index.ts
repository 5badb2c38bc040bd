// The discovery stage: from a school's home page (or SEND page) to its SEN information report.
export { findReport, type DiscoverOptions, type DiscoveryResult, type PageFailure } from './find-report.js';
export { isDocumentUrl, looksLikeFile, scoreLink } from './score.js';
