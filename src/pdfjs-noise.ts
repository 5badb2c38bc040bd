/**
 * pdfjs (inside pdf-parse) sometimes fires extra promise rejections after a corrupt PDF has
 * already failed the call we awaited. Those are noise, not failures of ours: this predicate
 * lets the CLI and the test runner ignore exactly them and nothing else.
 */
const PDFJS_ERROR_NAMES = new Set([
  'InvalidPDFException',
  'PasswordException',
  'UnknownErrorException',
  'FormatError',
  'MissingPDFException',
  'UnexpectedResponseException',
  'AbortException',
]);

export function isPdfjsNoise(reason: unknown): boolean {
  if (typeof reason !== 'object' || reason === null) return false;
  const name = (reason as { name?: unknown }).name;
  return typeof name === 'string' && PDFJS_ERROR_NAMES.has(name);
}
