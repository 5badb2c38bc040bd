import type { Fetcher, FileReader } from '../fetch/types.js';
import type { LinkProbe } from '../audit/link-check.js';
import type { ReadText } from '../rules/loader.js';

/**
 * Everything the CLI touches outside itself. `run()` passes the real ones; tests pass their
 * own so the whole CLI runs in-process (the markdownlint-cli2 model).
 */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stdout is a terminal: colour only then. */
  stdoutIsTTY: boolean;
  /** Whether stderr is a terminal: the batch progress bar only then (plain lines otherwise). */
  stderrIsTTY?: boolean;
  env: Readonly<Record<string, string | undefined>>;
  fetcher: Fetcher;
  readFile: FileReader;
  readText: ReadText;
  /** Writes a whole file so a reader never sees it half-written (temp file + rename). */
  writeFileAtomic: (path: string, data: string | Uint8Array) => Promise<void>;
  /** Today's date as YYYY-MM-DD: the default --as-of. */
  today: () => string;
  /** Whether a linked document answers (for --check-links); when absent, `fetcher` is used (GET). */
  probeLink?: LinkProbe;
}

export interface MainOptions extends CliIO {
  argv: string[];
}
