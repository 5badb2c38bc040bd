// setImmediate for the browser build (esbuild `inject`): the extractors yield to the event loop
// between PDF pages with it, so a long document does not freeze the page either.
export const setImmediate = (fn: (...args: unknown[]) => void): ReturnType<typeof setTimeout> => setTimeout(fn, 0);
