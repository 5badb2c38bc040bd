// Entry point of the GitHub Action's step (action.yml): the real outside world, then runAction.
import { drain, guardProcess, realIO } from '../cli/run.js';
import { runAction } from './github-action.js';

guardProcess();
process.exitCode = await runAction(await realIO());
await drain();
