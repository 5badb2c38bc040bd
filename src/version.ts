import { createRequire } from 'node:module';

// package.json sits two levels above both src/ and dist/ files, so one relative path serves both.
const pkg = createRequire(import.meta.url)('../package.json') as { version: string };

export const VERSION: string = pkg.version;
