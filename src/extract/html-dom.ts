// The few facts about cheerio's parsed nodes (domhandler) the HTML extractor uses, and
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
  // Each entry is a node to enter, or (exit: true) a node whose subtree is done.
  const stack: { node: DomNode; exit: boolean }[] = [{ node: root, exit: false }];
  while (stack.length > 0) {
    const { node, exit } = stack.pop()!;
    if (exit) {
      leave?.(node);
      continue;
    }
    if (enter(node) === 'skip') continue;
    if (leave) stack.push({ node, exit: true });
    const kids = node.children;
    if (kids) for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i]!, exit: false });
  }
}

/** The text under `root`, concatenated, leaving out subtrees `skip` rejects. */
export function textOf(root: DomNode, skip: (el: DomNode) => boolean = () => false): string {
  const parts: string[] = [];
  walk(root, (n) => {
    if (n.type === 'text') parts.push(n.data ?? '');
    else if (n !== root && isElement(n) && skip(n)) return 'skip';
  });
  return parts.join('');
}

/** Count of non-space characters under `root`, leaving out subtrees `skip` rejects. */
export function visibleLength(root: DomNode, skip: (el: DomNode) => boolean = () => false): number {
  let n = 0;
  walk(root, (node) => {
    if (node.type === 'text') n += (node.data ?? '').replace(/\s+/g, '').length;
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
