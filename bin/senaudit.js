#!/usr/bin/env node
// Thin shim: everything lives in the compiled CLI (dist/), built by `npm ci` through `prepare`.
import { run } from '../dist/cli/run.js';

process.exitCode = await run(process.argv.slice(2));
