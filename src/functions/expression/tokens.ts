/** A piece of an expression's text, kept to name the column of an error. */
export interface Token {
  readonly text: string;
  /** 1-based. */
  readonly column: number;
  readonly kind: 'name' | 'number' | 'string' | 'other';
}

// mathjs's tokens, closely enough to place an error: space and comments are skipped, names take
// mathjs's letters (with its mathematical alphanumerics, 𝑥), and strings and numbers (0x1F, 1e5)
// are whole, so that no name is found inside them. Operators of two or three characters come before one.
const TOKEN = new RegExp(
  [
    String.raw`(?<skip>[ \t\r\u00a0]+|#[^\n]*)`,
    String.raw`(?<string>"(?:[^"\\]|\\.)*"?|'(?:[^'\\]|\\.)*'?)`,
    String.raw`(?<number>0[box][\da-z]*(?:\.[\da-z]*)?|(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)`,
    String.raw`(?<name>(?:[a-z_$\u00c0-\u02af\u0370-\u03ff\u2100-\u214f]|\ud835[\udc00-\udfff])(?:[\w$\u00c0-\u02af\u0370-\u03ff\u2100-\u214f]|\ud835[\udc00-\udfff])*)`,
    String.raw`>>>|\?\.|\.[*/^]|\^\||\?\?|[=!<>]=|<<|>>|[^]`,
  ].join('|'),
  'iy',
);

/** The tokens of `source`, in order, without space and comments. */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  const pattern = new RegExp(TOKEN);
  for (let match = pattern.exec(source); match; match = pattern.exec(source)) {
    const { skip, string, number, name } = match.groups!;
    if (skip) continue;
    const column = columnAt(source, match.index);
    // After a value, ' is the transpose operator, not the start of a string
    if (string?.startsWith("'") && endsValue(tokens.at(-1))) {
      tokens.push({ text: "'", column, kind: 'other' });
      pattern.lastIndex = match.index + 1;
      continue;
    }
    const kind = string ? 'string' : number ? 'number' : name ? 'name' : 'other';
    tokens.push({ text: match[0], column, kind });
  }
  return tokens;
}

/** The 1-based column of the UTF-16 `index` in `source`, counting characters (𝑥 is one, not two). */
export function columnAt(source: string, index: number): number {
  let column = 1;
  for (let i = 0; i < index && i < source.length; i++) {
    const unit = source.charCodeAt(i);
    if (unit < 0xdc00 || unit > 0xdfff || i === 0 || source.charCodeAt(i - 1) < 0xd800 || source.charCodeAt(i - 1) > 0xdbff) column++;
  }
  return column;
}

/** Whether `token` ends a value, so that a quote after it transposes rather than opens a string. */
function endsValue(token: Token | undefined): boolean {
  return token !== undefined && (token.kind !== 'other' || [')', ']', '}', "'"].includes(token.text));
}
