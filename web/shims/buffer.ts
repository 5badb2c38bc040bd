// The browser build's Buffer (esbuild `inject`): the extractors read a document's bytes as
// latin1 text and ZIP records with it, as they do in Node. The `buffer` package is Node's API.
export { Buffer } from 'buffer';
