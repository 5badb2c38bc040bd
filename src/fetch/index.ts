/** The fetch stage: a target (web address or file path) -> raw bytes and where they came from. */
export type { FetchedResource, FetchOptions, Fetcher, FileReader, LocalFile } from './types.js';
export { httpFetch } from './http.js';
export { readLocalFile } from './local.js';
export { classifyTarget, isUrl, type Target } from './target.js';
export { redactUrl } from './redact.js';
export { userAgent } from './user-agent.js';
