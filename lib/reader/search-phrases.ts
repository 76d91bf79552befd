/**
 * The adjacent-word pairs a search query's phrases require, as a tsquery over
 * search_pairs() (migration 0008): `'citi' <-> 'council'` needs the pair 'citi council'.
 * Asked of the pairs index next to the query itself, it narrows a rare phrase of common words
 * to the few stories holding the phrase instead of the thousands holding its words.
 *
 * The result must be implied by the query, or a story would be missed: a phrase's pairs are
 * ANDed, an AND keeps what its parts require, an OR requires something only when every side
 * does, and a negation requires nothing. Null when the query requires no pair.
 */
export function phrasePairs(tsQueryText: string): string | null {
  const tokens = tokenize(tsQueryText);
  if (!tokens) return null;
  const parser = new Parser(tokens);
  const node = parser.parseOr();
  if (!node || !parser.atEnd()) return null;
  return required(node);
}

type Node =
  | { kind: 'lexeme'; text: string; plain: boolean }
  | { kind: 'not' }
  | { kind: 'and' | 'or'; children: Node[] }
  | { kind: 'phrase'; left: Node; right: Node; distance: number };

type Token = { kind: 'lexeme'; text: string; plain: boolean } | { kind: 'op'; op: '&' | '|' | '!' | '(' | ')' } | { kind: 'phrase'; distance: number };

/** PostgreSQL's tsquery output: quoted lexemes ('' and \\ escaped), & | ! ( ) and <-> or <N>. */
function tokenize(query: string): Token[] | null {
  const text = query.trim();
  const tokens: Token[] = [];
  const pattern = /\s*(?:'((?:[^'\\]|''|\\.)*)'(:[*A-D]+)?|(<->|<\d+>)|([&|!()]))/y;
  while (pattern.lastIndex < text.length) {
    const match = pattern.exec(text);
    if (!match) return null;
    if (match[1] !== undefined) {
      tokens.push({ kind: 'lexeme', text: match[1].replace(/''/g, "'").replace(/\\(.)/g, '$1'), plain: !match[2] });
    } else if (match[3]) {
      tokens.push({ kind: 'phrase', distance: match[3] === '<->' ? 1 : Number(match[3].slice(1, -1)) });
    } else {
      tokens.push({ kind: 'op', op: match[4] as '&' | '|' | '!' | '(' | ')' });
    }
  }
  return tokens;
}

/** Precedence as PostgreSQL prints it: ! binds tightest, then phrases, then &, then |. */
class Parser {
  #at = 0;
  constructor(private readonly tokens: Token[]) {}

  atEnd() {
    return this.#at === this.tokens.length;
  }

  parseOr(): Node | null {
    return this.#list('|', () => this.#parseAnd());
  }

  #parseAnd(): Node | null {
    return this.#list('&', () => this.#parsePhrase());
  }

  #list(op: '&' | '|', next: () => Node | null): Node | null {
    const children = [next()];
    while (this.#isOp(op)) {
      this.#at++;
      children.push(next());
    }
    if (children.some((child) => !child)) return null;
    return children.length === 1 ? children[0]! : { kind: op === '&' ? 'and' : 'or', children: children as Node[] };
  }

  #parsePhrase(): Node | null {
    let left = this.#parseUnary();
    while (left && this.tokens[this.#at]?.kind === 'phrase') {
      const { distance } = this.tokens[this.#at++] as { distance: number };
      const right = this.#parseUnary();
      if (!right) return null;
      left = { kind: 'phrase', left, right, distance };
    }
    return left;
  }

  #parseUnary(): Node | null {
    const token = this.tokens[this.#at++];
    if (!token) return null;
    if (token.kind === 'lexeme') return token;
    if (token.kind !== 'op') return null;
    if (token.op === '!') return this.#parseUnary() && { kind: 'not' };
    if (token.op !== '(') return null;
    const inner = this.parseOr();
    if (!this.#isOp(')')) return null;
    this.#at++;
    return inner;
  }

  #isOp(op: string) {
    const token = this.tokens[this.#at];
    return token?.kind === 'op' && token.op === op;
  }
}

function required(node: Node): string | null {
  switch (node.kind) {
    case 'lexeme':
    case 'not':
      return null;
    case 'phrase':
      return pairsOf(node);
    case 'and': {
      const parts = node.children.map(required).filter((part): part is string => part !== null);
      return parts.length ? parts.map(group).join(' & ') : null;
    }
    case 'or': {
      const parts = node.children.map(required);
      return parts.every((part) => part !== null) ? parts.map((part) => group(part!)).join(' | ') : null;
    }
  }
}

/**
 * A chain of plain lexemes joined left to right (what a quoted phrase becomes) gives one pair
 * for each two words one position apart; anything else in a phrase (a negation, a group)
 * requires nothing, which is always safe.
 */
function pairsOf(node: Node & { kind: 'phrase' }): string | null {
  const words: { text: string; offset: number }[] = [];
  let current: Node = node;
  const steps: { right: Node; distance: number }[] = [];
  while (current.kind === 'phrase') {
    steps.unshift({ right: current.right, distance: current.distance });
    current = current.left;
  }
  if (current.kind !== 'lexeme' || !current.plain) return null;
  words.push({ text: current.text, offset: 0 });
  for (const { right, distance } of steps) {
    if (right.kind !== 'lexeme' || !right.plain) return null;
    words.push({ text: right.text, offset: words.at(-1)!.offset + distance });
  }
  const pairs = new Set<string>();
  for (let i = 1; i < words.length; i++) {
    if (words[i]!.offset === words[i - 1]!.offset + 1) pairs.add(quote(`${words[i - 1]!.text} ${words[i]!.text}`));
  }
  return pairs.size ? [...pairs].join(' & ') : null;
}

const group = (query: string) => (/[&|]/.test(query.replace(/'(?:[^']|'')*'/g, '')) ? `(${query})` : query);

const quote = (lexeme: string) => `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
