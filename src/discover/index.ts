// The discovery stage: from a school's home page (or SEND page) to its SEN information report.
export { findReport, type DiscoverOptions, type DiscoveryResult } from './find-report.js';
export { isDocumentUrl, scoreLink } from './score.js';
