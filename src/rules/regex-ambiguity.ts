import { createRequire } from 'node:module';
import type { AST, RegExpParser } from '@eslint-community/regexpp';
import type { CharSet, JS } from 'refa';

/**
 * Finds the patterns that can take exponential time in a backtracking engine such as V8's
 * (issue #6): a repeat whose body can match the same text in two different ways, such as
 * (a+)+, (\w|\w)*, (\d+|\d+\.)* or (a?a?)*. Each such repeat doubles the ways to try a
 * failing line at every step. It also finds two repeats that can read the same text one after
 * the other before something that can fail (\w*\w*!, a*a*a*b): their time grows with the cube
 * of the line or more, about 2 s on the 2,000 characters a rule sees at once (evaluate.ts).
 * One repeat before something that can fail (\s*,\s*) costs only the square of that window, a
 * few milliseconds, and is not refused; nor are repeats after which the match is certain
 * (\w+\s*\w+: the first way tried succeeds).
 *
 * Why not a ready-made checker: recheck 4.5.0 (makenowjust) answers the same question, but on
 * the built-in pattern "\b(school|academy|...|provider)('s|’s)?\s+(send?\s+)?local offer" its
 * automaton checker took 4.8 s with its native binary and ran past a 5 s timeout in pure JS
 * (then answering "unknown"); with lookbehind it falls back to fuzzing, whose answer depends on
 * the time it is given; and it installs 57 MB of optional binaries. safe-regex2's star-height
 * test misses overlapping alternatives and refuses unambiguous nesting such as
 * "[A-Z][a-z]+(?: [A-Z][a-z]+)*". scslre only looks at repeats of one character: (a|a)* passes.
 *
 * The method is the textbook one (Weber and Seidl's test for exponential ambiguity), on a
 * Glushkov automaton built from the regexpp syntax tree with refa's character sets:
 * - every character, class or set in the pattern is a state that reads that set;
 * - "follow" edges say which state may read the next character, and each edge counts the
 *   distinct routes the engine can take to it (the inner and outer loop of (a+)+ are two routes
 *   from a back to a), saturating at 2, which is all the test needs;
 * - the pattern is exponential when, inside one loop, two different routes read the same text
 *   and meet again: two parallel routes between states of one cycle, or a pair of different
 *   states, reached from one state on the same character, that can come back to a common state.
 * It errs on the side of refusing: anchors and lookarounds are read as matching anywhere (they
 * can only rule routes out), a lookaround's body is checked as a pattern of its own (the engine
 * runs it as one), a backreference is read as "any text", and a bounded repeat such as {2,5}
 * as an unbounded one ((a|a){0,30} takes 2^30 steps although it has no loop). The polynomial
 * test (polynomialRepeats) reads a repeat such as {3,4} as one or two choices (isFixedCount),
 * a lookbehind (which V8 runs backwards) as able to fail anywhere, and anchors,
 * lookarounds, backreferences and the later passes of {2,} as able to fail.
 */

/**
 * Why a pattern is refused: the repeat to rewrite, or the two repeats that can share text, as
 * written in the pattern; or that it is too large (or too new for the parser) to be checked in
 * reasonable time.
 */
export type RegexRisk =
  | { kind: 'exponential'; repeat: string }
  | { kind: 'polynomial'; repeats: [string, string] }
  | { kind: 'unchecked' };

/**
 * Work allowed for one pattern (route counts added up, pairs and triples of steps looked at):
 * about a fifth of a second here. The built-in patterns need at most 8,230 for both tests (1,313
 * for the exponential one), 600 repeats in a row 1.8 million; a loop over a 200-way alternation
 * of pieces that start alike would need over a hundred million, and is refused as too large to
 * check, so the answer never depends on the machine's speed.
 */
const MAX_STEPS = 2_000_000;

class TooComplex extends Error {}

/** Counts the work done on one pattern, building its automata and testing them. */
class Budget {
  private spent = 0;
  spend(n: number): void {
    this.spent += n;
    if (this.spent > MAX_STEPS) throw new TooComplex();
  }
}

type Libraries = { Parser: typeof RegExpParser; parseCharSet: typeof JS.parseCharSet; anything: CharSet };
let libraries: Libraries | null = null;

/**
 * regexpp and refa cost about 60 ms to load, and only a user's own rule or config file is
 * checked (the built-in set is trusted and precompiled), so they are loaded on the first check
 * rather than with the CLI. require keeps the check synchronous, as zod's refinements are.
 */
function load(): Libraries {
  if (!libraries) {
    const require = createRequire(import.meta.url);
    const regexpp = require('@eslint-community/regexpp') as typeof import('@eslint-community/regexpp');
    const refa = require('refa') as typeof import('refa');
    libraries = { Parser: regexpp.RegExpParser, parseCharSet: refa.JS.parseCharSet, anything: refa.CharSet.all(0x10ffff) };
  }
  return libraries;
}

/** 2 stands for "two or more": a count of routes, where only "more than one" matters. */
const sat = (n: number) => Math.min(n, 2);

/** A multiset of states: state -> number of routes to it (1 or 2). */
type Routes = Map<number, number>;

/**
 * What a part of the pattern contributes: its routes that read nothing, and its first and last
 * states; and, for the polynomial test, whether it can read nothing with nothing that can fail
 * (no anchor, lookaround or backreference) and the last states after which it can so end.
 */
interface Part {
  empty: number;
  first: Routes;
  last: Routes;
  freeEmpty: boolean;
  freeLast: Set<number>;
}

const EMPTY: Part = { empty: 1, first: new Map(), last: new Map(), freeEmpty: true, freeLast: new Set() };
/** An anchor, \b or lookaround: reads nothing, but can fail. */
const ASSERTION: Part = { empty: 1, first: new Map(), last: new Map(), freeEmpty: false, freeLast: new Set() };

function union(budget: Budget, a: Set<number>, b: Set<number>): Set<number> {
  if (b.size === 0) return a;
  budget.spend(a.size + b.size);
  return new Set([...a, ...b]);
}

function sum(budget: Budget, a: Routes, b: Routes, times = 1): Routes {
  if (times === 0 || b.size === 0) return a;
  budget.spend(a.size + b.size);
  const out = new Map(a);
  for (const [s, n] of b) out.set(s, sat((out.get(s) ?? 0) + n * times));
  return out;
}

interface Flags {
  ignoreCase: boolean;
  dotAll: boolean;
}

/**
 * For the polynomial test, a repeat whose count can vary by at most one ({3}, {3,4}) is not a
 * loop: 0\d{3,4}\s?\d{3} has a handful of ways at each start, whatever the line. Wider ones are:
 * each of \w*\w{0,9}\w{0,9}\w{0,9}! multiplies the ways by ten (6.7 s on 2,000 characters).
 * A loop inside such a repeat stays a loop, and repeating it is the exponential test's concern.
 */
const isFixedCount = (q: AST.Quantifier) => q.max !== Infinity && q.max - q.min <= 1;

/** The Glushkov automaton of one pattern or lookaround body. */
class Automaton {
  readonly sets: CharSet[] = [];
  /** The repeats (max >= 2) around each state, outermost first. */
  readonly loops: AST.Node[][] = [];
  readonly follow: Routes[] = [];
  /** Where a follow edge got its second route: the repeat that made it ambiguous. */
  readonly doubled = new Map<string, AST.Node>();
  readonly lookarounds: AST.LookaroundAssertion[] = [];
  start: Routes = new Map();
  /**
   * The states after which a match is certain: the pattern can end there with nothing left that
   * can fail. A lookbehind runs backwards, so none of its states is counted as such.
   */
  sure = new Set<number>();
  /** The pattern or lookaround, as written, to name when no single repeat can be. */
  source = '';

  /** `polynomial`: repeats of an almost fixed count are not loops (see isFixedCount). */
  constructor(
    private readonly libs: Libraries,
    readonly budget: Budget,
    private readonly polynomial = false,
  ) {}

  build(root: AST.Pattern | AST.LookaroundAssertion, flags: Flags): void {
    this.source = root.raw;
    const whole = this.alternation(root.alternatives, flags, []);
    this.start = whole.first;
    if (root.type === 'Pattern' || root.kind === 'lookahead') this.sure = whole.freeLast;
  }

  private state(set: CharSet, loops: AST.Node[]): Part {
    const s = this.sets.length;
    this.sets.push(set);
    this.loops.push(loops);
    this.follow.push(new Map());
    const only: Routes = new Map([[s, 1]]);
    return { empty: 0, first: only, last: only, freeEmpty: false, freeLast: new Set([s]) };
  }

  /** Adds the edges from every state that can end `from` to every state that can start `to`. */
  private link(from: Routes, to: Routes, loops: AST.Node[], repeat: AST.Node | undefined, times = 1): void {
    this.budget.spend(from.size * to.size);
    for (const [a, m] of from) {
      const out = this.follow[a]!;
      for (const [b, n] of to) {
        const after = sat((out.get(b) ?? 0) + m * n * times);
        out.set(b, after);
        const blame = repeat ?? loops[loops.length - 1];
        if (after === 2 && blame && !this.doubled.has(`${a} ${b}`)) this.doubled.set(`${a} ${b}`, blame);
      }
    }
  }

  private alternation(alternatives: AST.Alternative[], flags: Flags, loops: AST.Node[]): Part {
    let empty = 0;
    let first: Routes = new Map();
    let last: Routes = new Map();
    let freeEmpty = false;
    let freeLast = new Set<number>();
    for (const alt of alternatives) {
      const p = this.sequence(alt.elements, flags, loops);
      empty = sat(empty + p.empty);
      first = sum(this.budget, first, p.first);
      last = sum(this.budget, last, p.last);
      freeEmpty ||= p.freeEmpty;
      freeLast = union(this.budget, freeLast, p.freeLast);
    }
    return { empty, first, last, freeEmpty, freeLast };
  }

  private sequence(elements: AST.Element[], flags: Flags, loops: AST.Node[]): Part {
    let acc = EMPTY;
    for (const el of elements) {
      const p = this.element(el, flags, loops);
      this.link(acc.last, p.first, loops, undefined);
      acc = {
        empty: sat(acc.empty * p.empty),
        first: sum(this.budget, acc.first, p.first, acc.empty),
        last: sum(this.budget, p.last, acc.last, p.empty),
        freeEmpty: acc.freeEmpty && p.freeEmpty,
        freeLast: p.freeEmpty ? union(this.budget, p.freeLast, acc.freeLast) : p.freeLast,
      };
    }
    return acc;
  }

  private element(el: AST.Element, flags: Flags, loops: AST.Node[]): Part {
    switch (el.type) {
      case 'Character':
      case 'CharacterSet':
        return this.state(this.charSet(el, flags), loops);
      case 'CharacterClass':
        return this.state(el.unicodeSets ? this.anything() : this.charSet(el, flags), loops);
      case 'ExpressionCharacterClass':
        return this.state(this.anything(), loops);
      case 'Group':
        return this.alternation(el.alternatives, withModifiers(flags, el.modifiers), loops);
      case 'CapturingGroup':
        return this.alternation(el.alternatives, flags, loops);
      case 'Assertion':
        // Anchors and \b only rule routes out; a lookaround runs its body as a pattern of its own.
        if (el.kind === 'lookahead' || el.kind === 'lookbehind') this.lookarounds.push(el);
        return ASSERTION;
      case 'Backreference': {
        // It repeats what a group matched, which can be any text: read as [\s\S]*.
        const p = this.state(this.anything(), [...loops, el]);
        this.link(p.last, p.first, loops, el);
        return { ...p, empty: 1, freeLast: new Set() }; // it must match the group's text, so it can fail
      }
      case 'Quantifier':
        return this.repeat(el, flags, loops);
    }
  }

  private repeat(q: AST.Quantifier, flags: Flags, loops: AST.Node[]): Part {
    if (q.max === 0) return EMPTY;
    const looping = q.max >= 2 && !(this.polynomial && isFixedCount(q));
    const inner = looping ? [...loops, q] : loops;
    const body = this.element(q.element, flags, inner);
    // After one pass a repeat with a minimum of 2 or more may need another, which can fail.
    const free = { freeEmpty: q.min === 0 || body.freeEmpty, freeLast: q.min >= 2 ? new Set<number>() : body.freeLast };
    if (!looping) return { ...body, ...free, empty: q.min === 0 ? sat(1 + body.empty) : body.empty };
    // Each pass may be followed by another. V8 ends a loop on a pass that reads nothing once the
    // minimum is reached, so an optional loop has one empty route however many its body has;
    // below the minimum a pass may read nothing and the loop goes on, which is one more route
    // into the body's first states ((a?)+), and for a minimum of 2 or more also between passes
    // and out of the loop.
    const again = q.min >= 1 ? sat(1 + body.empty) : 1;
    this.link(body.last, body.first, inner, q, q.min >= 2 ? again : 1);
    return {
      empty: q.min === 0 ? 1 : body.empty,
      first: sum(this.budget, new Map(), body.first, again),
      last: q.min >= 2 ? sum(this.budget, new Map(), body.last, again) : body.last,
      ...free,
    };
  }

  private charSet(el: AST.Character | AST.CharacterSet | AST.ClassRangesCharacterClass, flags: Flags): CharSet {
    if (el.type === 'CharacterSet' && el.kind === 'property' && el.strings) return this.anything();
    return this.libs.parseCharSet(el as Parameters<Libraries['parseCharSet']>[0], { ...flags, unicode: true });
  }

  private anything(): CharSet {
    return this.libs.anything;
  }
}

/** (?i:...) widens the character sets inside; (?-i:...) is read as it stands outside (a wider set errs safe). */
function withModifiers(flags: Flags, modifiers: AST.Modifiers | null): Flags {
  if (!modifiers) return flags;
  return { ignoreCase: flags.ignoreCase || modifiers.add.ignoreCase, dotAll: flags.dotAll || modifiers.add.dotAll };
}

/**
 * The repeat that makes `pattern` exponential with these flags ('u' or 'iu', as the rule
 * compiler uses them), else the two repeats that make it polynomial, or null when there are
 * none. The pattern must already compile.
 */
export function findRegexRisk(pattern: string, flags: string): RegexRisk | null {
  const libs = load();
  let ast: AST.Pattern;
  try {
    ast = new libs.Parser({ ecmaVersion: 2025 }).parsePattern(pattern, 0, pattern.length, { unicode: true });
  } catch {
    return { kind: 'unchecked' }; // V8 compiles it but regexpp cannot read it
  }
  const queue: (AST.Pattern | AST.LookaroundAssertion)[] = [ast];
  const base: Flags = { ignoreCase: flags.includes('i'), dotAll: flags.includes('s') };
  const budget = new Budget();
  try {
    const roots: (AST.Pattern | AST.LookaroundAssertion)[] = [];
    while (queue.length) {
      const auto = new Automaton(libs, budget);
      roots.push(queue.shift()!);
      auto.build(roots[roots.length - 1]!, base);
      const repeat = exponentialRepeat(auto);
      if (repeat !== null) return { kind: 'exponential', repeat };
      queue.push(...auto.lookarounds);
    }
    // Only once no part is exponential: that is the worse risk, and the one to name.
    for (const root of roots) {
      const auto = new Automaton(libs, budget, true);
      auto.build(root, base);
      const repeats = polynomialRepeats(auto);
      if (repeats !== null) return { kind: 'polynomial', repeats };
    }
  } catch (e) {
    if (e instanceof TooComplex) return { kind: 'unchecked' };
    throw e;
  }
  return null;
}

/** The repeat around an exponentially ambiguous cycle of the automaton, as written, if there is one. */
function exponentialRepeat(auto: Automaton): string | null {
  const live = (s: number) => !auto.sets[s]!.isEmpty;
  const reach = new Set<number>();
  const todo = [...auto.start.keys()].filter(live);
  todo.forEach((s) => reach.add(s));
  while (todo.length) {
    for (const t of auto.follow[todo.pop()!]!.keys()) {
      if (live(t) && !reach.has(t)) (reach.add(t), todo.push(t));
    }
  }
  const all = (s: number) => [...auto.follow[s]!.keys()].filter((t) => reach.has(t));
  const component = components([...reach], all);
  // Routes that can come back: the successors of each state within its own cycle.
  const around = auto.follow.map((_, s) => (reach.has(s) ? all(s).filter((t) => component.get(t) === component.get(s)) : []));

  // Two parallel routes between states of one cycle: (a+)+, (a?a?)*.
  for (const [key, repeat] of auto.doubled) {
    const [a, b] = key.split(' ').map(Number) as [number, number];
    if (reach.has(a) && reach.has(b) && component.get(a) === component.get(b)) return repeat.raw;
  }

  // Pairs of states reading a common character, one step at a time, within one cycle of the
  // automaton. A pair and its mirror behave alike, so each is kept once as (low, high). The
  // pairs grow with the square of the states, so a huge looping pattern is given up on.
  const overlap = new Map<number, boolean>();
  const n = auto.sets.length;
  const meets = (a: number, b: number) => {
    const key = a * n + b;
    let v = overlap.get(key);
    if (v === undefined) overlap.set(key, (v = !auto.sets[a]!.isDisjointWith(auto.sets[b]!)));
    return v;
  };
  const pairNext = (pair: number): number[] => {
    const xs = around[Math.floor(pair / n)]!;
    const ys = around[pair % n]!;
    auto.budget.spend(xs.length * ys.length);
    const out: number[] = [];
    for (const x of xs) for (const y of ys) if (meets(x, y)) out.push(x <= y ? x * n + y : y * n + x);
    return out;
  };
  const diagonals = [...reach].filter((s) => around[s]!.length > 0).map((s) => s * n + s);
  const pairComponent = components(diagonals, pairNext);
  const byComponent = new Map<number, { diagonal: boolean; states: Set<number> }>();
  for (const [pair, c] of pairComponent) {
    const a = Math.floor(pair / n);
    const b = pair % n;
    const entry = byComponent.get(c) ?? { diagonal: false, states: new Set<number>() };
    if (a === b) entry.diagonal = true;
    else (entry.states.add(a), entry.states.add(b));
    byComponent.set(c, entry);
  }
  for (const { diagonal, states } of byComponent.values()) {
    if (diagonal && states.size > 0) return innermostCommonLoop(auto, [...states]);
  }
  return null;
}

/**
 * Two repeats that can read the same text one after the other, followed by something that can
 * fail, as written, if there are any: Weber and Seidl's test for polynomial ambiguity of degree
 * 2 or more (IDA), states p != q with p ->w p, p ->w q and q ->w q on one text w, looked for as
 * a route from (p, p, q) to (p, q, q) through triples of states that read a common character.
 * The engine then tries each way to split a run of such text between them at each place it
 * starts a search, and each way fails again: \w*\w*! takes time with the cube of the length.
 * Routes through a state after which the match is certain (`sure`) are left out: the first time
 * the engine reaches one it has its match, so \w+\s*\w+ is tried one way only.
 */
function polynomialRepeats(auto: Automaton): [string, string] | null {
  const reach = new Set<number>();
  const usable = (s: number) => !auto.sets[s]!.isEmpty && !auto.sure.has(s);
  const todo = [...auto.start.keys()].filter(usable);
  todo.forEach((s) => reach.add(s));
  while (todo.length) {
    for (const t of auto.follow[todo.pop()!]!.keys()) {
      if (usable(t) && !reach.has(t)) (reach.add(t), todo.push(t));
    }
  }
  const next = auto.follow.map((f, s) => (reach.has(s) ? [...f.keys()].filter((t) => reach.has(t)) : []));
  const component = components([...reach], (s) => next[s]!);
  const around = next.map((ts, s) => ts.filter((t) => component.get(t) === component.get(s)));
  const looping = [...reach].filter((s) => around[s]!.length > 0);
  if (looping.length < 2) return null;

  /** Every state reachable from `from` along `edges`, `from` included. */
  const closure = (from: number, edges: number[][]): Set<number> => {
    const seen = new Set([from]);
    const stack = [from];
    while (stack.length) {
      const ts = edges[stack.pop()!]!;
      auto.budget.spend(ts.length);
      for (const t of ts) if (!seen.has(t)) (seen.add(t), stack.push(t));
    }
    return seen;
  };
  const back: number[][] = next.map(() => []);
  next.forEach((ts, s) => ts.forEach((t) => back[t]!.push(s)));

  const n = auto.sets.length;
  const common = new Map<number, CharSet>();
  const both = (a: number, b: number): CharSet => {
    const key = a * n + b;
    let v = common.get(key);
    if (v === undefined) common.set(key, (v = auto.sets[a]!.intersect(auto.sets[b]!)));
    return v;
  };
  const reaching = new Map<number, Set<number>>();
  for (const p of looping) {
    const fromP = closure(p, next);
    for (const q of looping) {
      // Were q also able to lead back to p, two routes would read w w u from p back to p (via p
      // or via q after the first w): exponential, which this pattern has been found not to be
      // (this automaton's routes are among those of the one tested for that). So only p and q
      // in different cycles need be tried, which spares a loop over many alternatives.
      if (component.get(q) === component.get(p) || !fromP.has(q)) continue;
      let toQ = reaching.get(q);
      if (!toQ) reaching.set(q, (toQ = closure(q, back)));
      // The middle route runs from p to q; the outer two stay in the cycles of p and of q.
      const between = (t: number) => fromP.has(t) && toQ.has(t);
      const goal = (p * n + q) * n + q;
      const seen = new Set([(p * n + p) * n + q]);
      const queue = [[p, p, q] as const];
      while (queue.length) {
        const [x, y, z] = queue.pop()!;
        const xs = around[x]!;
        const ys = next[y]!.filter(between);
        const zs = around[z]!;
        auto.budget.spend(next[y]!.length + xs.length * ys.length * zs.length);
        for (const x2 of xs) {
          for (const y2 of ys) {
            const xy = both(x2, y2);
            if (xy.isEmpty) continue;
            for (const z2 of zs) {
              const key = (x2 * n + y2) * n + z2;
              if (seen.has(key) || xy.isDisjointWith(auto.sets[z2]!)) continue;
              if (key === goal) return [innermostLoop(auto, p), innermostLoop(auto, q)];
              seen.add(key);
              queue.push([x2, y2, z2]);
            }
          }
        }
      }
    }
  }
  return null;
}

/** The innermost repeat around a state, as written. */
function innermostLoop(auto: Automaton, s: number): string {
  return auto.loops[s]![auto.loops[s]!.length - 1]?.raw ?? auto.source;
}

/** The innermost repeat around all these states, as written: the loop in which their routes diverge. */
function innermostCommonLoop(auto: Automaton, states: number[]): string {
  let common = auto.loops[states[0]!]!;
  for (const s of states.slice(1)) {
    const l = auto.loops[s]!;
    let i = 0;
    while (i < common.length && i < l.length && common[i] === l[i]) i++;
    common = common.slice(0, i);
  }
  return common[common.length - 1]?.raw ?? auto.source;
}

/**
 * Strongly connected components (Tarjan's algorithm, iterative so a long pattern cannot
 * overflow the stack) of the graph reachable from `roots`: node -> component number.
 */
function components(roots: number[], next: (v: number) => number[]): Map<number, number> {
  const index = new Map<number, number>();
  const low = new Map<number, number>();
  const onStack = new Set<number>();
  const stack: number[] = [];
  const component = new Map<number, number>();
  let counter = 0;
  let count = 0;
  for (const root of roots) {
    if (index.has(root)) continue;
    const work: { v: number; edges: number[]; i: number }[] = [];
    const open = (v: number) => {
      index.set(v, counter);
      low.set(v, counter++);
      stack.push(v);
      onStack.add(v);
      work.push({ v, edges: next(v), i: 0 });
    };
    open(root);
    while (work.length) {
      const top = work[work.length - 1]!;
      if (top.i < top.edges.length) {
        const w = top.edges[top.i++]!;
        if (!index.has(w)) open(w);
        else if (onStack.has(w)) low.set(top.v, Math.min(low.get(top.v)!, index.get(w)!));
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1]!.v;
        low.set(parent, Math.min(low.get(parent)!, low.get(top.v)!));
      }
      if (low.get(top.v) === index.get(top.v)) {
        let w: number;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          component.set(w, count);
        } while (w !== top.v);
        count++;
      }
    }
  }
  return component;
}
