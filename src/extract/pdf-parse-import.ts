// pdf-parse loads pdfjs's "legacy" build, whose core-js polyfills replace two built-ins for the
// whole process even on Node 20, where they are native: Array.prototype.push (about 10x slower
// than V8's own, and every part of senaudit pushes to arrays) and JSON.parse. Once one PDF had
// been read, everything after it in the process (the rules, the next documents of a batch)
// ran slower. The native functions, captured when this module loads (before anything imports
// pdf-parse: only this module does), are put back after the import. The polyfills only add
// edge cases pdfjs does not rely on (push onto an array whose length is read-only or 2^32,
// JSON.parse's reviver source text); the features pdfjs needs that Node 20 lacks
// (Promise.withResolvers, Set methods...) are additions and stay.

const NATIVE: [object, PropertyKey, unknown][] = [
  [Array.prototype, 'push', Array.prototype.push],
  [JSON, 'parse', JSON.parse],
];

/** `import('pdf-parse')` without its global side effects on built-ins Node already has. */
export async function importPdfParse(): Promise<typeof import('pdf-parse')> {
  const mod = await import('pdf-parse');
  restoreNativeBuiltins();
  return mod;
}

/**
 * Puts the native functions back. Call it again once a document has loaded: pdfjs imports its
 * worker module (in this thread, in Node) on the first document, and that module carries the
 * same polyfills.
 */
export function restoreNativeBuiltins(): void {
  for (const [owner, key, native] of NATIVE) {
    const d = Object.getOwnPropertyDescriptor(owner, key);
    if (d && d.value !== native) Object.defineProperty(owner, key, { ...d, value: native });
  }
}
