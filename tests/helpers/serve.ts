import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './cli.js';

/** `senaudit serve --port 0` spawned as a user runs it, with the address it says it serves on. */
export async function startServe(): Promise<{ origin: string; process: ChildProcess }> {
  const child = spawn(process.execPath, [join(REPO_ROOT, 'bin/senaudit.js'), 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const origin = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const m = /serving the page on (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`senaudit serve exited with ${code}`)));
  });
  return { origin, process: child };
}
