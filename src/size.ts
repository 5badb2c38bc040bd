/** Sizes as --max-bytes takes them and messages say them (KB and MB of 1024). */
const KB = 1024;
export const MB = 1024 * 1024;

export function formatSize(bytes: number): string {
  if (bytes >= MB) return `${Number((bytes / MB).toFixed(1))} MB`;
  if (bytes >= KB) return `${Number((bytes / KB).toFixed(1))} KB`;
  return `${bytes} bytes`;
}

/** What to say of a file that unpacks past a cap (a DOCX part, a PDF stream): `what` went over, `ask` is what to ask the school for. */
export function unpacksTooFarMessage(name: string, what: string, ask: string): string {
  return `${name} is not read: ${what}, far more than any report (a file built this way can exhaust memory). Ask the school for ${ask}.`;
}

/** What to say of a document over --max-bytes, a download or a file alike. */
export function tooLargeMessage(what: string, maxBytes: number): string {
  return `${what} is larger than ${formatSize(maxBytes)} (--max-bytes); if it really is the report, raise the limit, e.g. --max-bytes ${Math.max(50, Math.ceil((maxBytes * 2) / MB))}MB.`;
}
