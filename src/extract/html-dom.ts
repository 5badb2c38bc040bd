// The few facts about parsed HTML nodes (domhandler's, the tree cheerio uses too) the HTML extractor uses, and
// tree walks that never recurse: a hostile or broken page can nest elements 10,000 deep,
// and a recursive walk (cheerio's own .text() included) overflows the stack on that.

export interface DomNode {
  /** 'tag', 'script', 'style' for elements; 'text', 'comment', 'cdata', 'root', 'directive'. */
  type: string;
  name?: string;
  attribs?: Record<string, string>;
  data?: string;
  children?: DomNode[];
  parent?: DomNode | null;
}

export function isElement(node: DomNode): boolean {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

export function tagName(node: DomNode): string {
  return isElement(node) ? (node.name ?? '').toLowerCase() : '';
}

export function attr(node: DomNode, name: string): string | undefined {
  return node.attribs?.[name];
}

/**
 * Visits `root` and its descendants in document order without recursion. `enter` may return
 * 'skip' to leave out an element's subtree; `leave` runs after an element's subtree.
 */
export function walk(
  root: DomNode,
  enter: (node: DomNode) => 'skip' | void,
  leave?: (node: DomNode) => void,
): void {
  // Two parallel stacks (a node, and whether it is being left) rather than an object per
  // entry: a 300 KB page has tens of thousands of nodes, and the garbage was most of the walk.
  const nodes: DomNode[] = [root];
  const exits: boolean[] = [false];
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    if (exits.pop()) {
      leave!(node);
      continue;
    }
    if (enter(node) === 'skip') continue;
    if (leave) {
      nodes.push(node);
      exits.push(true);
    }
    const kids = node.children;
    if (kids) {
      for (let i = kids.length - 1; i >= 0; i--) {
        nodes.push(kids[i]!);
        exits.push(false);
      }
    }
  }
}

/** The text under `root`, its pieces joined by `separator`, leaving out subtrees `skip` rejects. */
export function textOf(root: DomNode, skip: (el: DomNode) => boolean = () => false, separator = ''): string {
  const parts: string[] = [];
  walk(root, (n) => {
    if (n.type === 'text') parts.push(n.data ?? '');
    else if (n !== root && isElement(n) && skip(n)) return 'skip';
  });
  return parts.join(separator);
}

/** Count of non-space characters under `root`, leaving out subtrees `skip` rejects. */
export function visibleLength(root: DomNode, skip: (el: DomNode) => boolean = () => false): number {
  let n = 0;
  walk(root, (node) => {
    if (node.type === 'text') n += nonSpaceLength(node.data ?? '');
    else if (node !== root && isElement(node) && skip(node)) return 'skip';
  });
  return n;
}

/** The first element under `root` (itself included) that `match` accepts, in document order. */
export function findFirst(root: DomNode, match: (el: DomNode) => boolean): DomNode | null {
  let found: DomNode | null = null;
  walk(root, (n) => {
    if (found) return 'skip';
    if (isElement(n) && match(n)) {
      found = n;
      return 'skip';
    }
  });
  return found;
}

/** Characters that are not white space (as \s counts them), without building a new string. */
export function nonSpaceLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // \s: tab to CR, space, NBSP, and the Unicode spaces (U+1680, U+2000-200A, 2028/9, 202F, 205F, 3000, FEFF).
    if (c === 32 || (c >= 9 && c <= 13)) continue;
    if (c > 127 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff)) continue;
    n++;
  }
  return n;
}
