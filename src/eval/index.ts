// Measuring the rule set against a labelled corpus (issue #3).
export { compareWithLabels } from './compare.js';
export { loadCorpus, type CorpusEntry } from './corpus.js';
export { reportDateAgrees } from './dates.js';
export { formatEvalJson, formatEvalText } from './format.js';
export { runEval, type EvalOptions } from './run.js';
export { missedTargets, TARGETS } from './targets.js';
export type * from './types.js';
