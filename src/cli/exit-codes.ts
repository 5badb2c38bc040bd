/** Documented exit codes (README "Exit codes"). */
export const EXIT_OK = 0; // audited; no gaps at or above --fail-on
export const EXIT_GAPS = 1; // audited; gaps found at or above --fail-on
export const EXIT_INTERRUPTED = 130; // batch stopped by Ctrl-C (128 + SIGINT), outputs written for the schools done
export const EXIT_CANNOT_AUDIT = 2; // could not audit: bad input, unreachable, unreadable, bad rules or arguments
