/**
 * The two text helpers of kubectl explain's templates (kubectl/pkg/explain/v2/funcs.go):
 * `wrap`, which is github.com/mitchellh/go-wordwrap v1.0.1 WrapString behind
 * kubectl/pkg/util/term.NewWordWrapWriter, and `indent`.
 */

const NBSP = 0xa0;

/** unicode.IsSpace */
function isSpace(c: number): boolean {
  return (
    (c >= 0x09 && c <= 0x0d) ||
    c === 0x20 ||
    c === 0x85 ||
    c === NBSP ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/**
 * go-wordwrap WrapString: breaks lines at white space so they fit in `lim` characters (runes),
 * keeping existing newlines; words longer than `lim` are not split.
 */
export function wrapString(s: string, lim: number): string {
  let buf = '';
  let current = 0;
  let word = '';
  let wordLen = 0;
  let space = '';
  let spaceLen = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (ch === '\n') {
      // Trailing spaces are kept when they still fit; Go also updates `current` here, but it is
      // reset right after.
      if (wordLen === 0) {
        if (current + spaceLen <= lim) buf += space;
      } else {
        buf += space + word;
        word = '';
        wordLen = 0;
      }
      space = '';
      spaceLen = 0;
      buf += ch;
      current = 0;
    } else if (isSpace(c) && c !== NBSP) {
      if (space.length === 0 || wordLen > 0) {
        current += spaceLen + wordLen;
        buf += space + word;
        space = '';
        spaceLen = 0;
        word = '';
        wordLen = 0;
      }
      space += ch;
      spaceLen++;
    } else {
      word += ch;
      wordLen++;
      if (current + wordLen + spaceLen > lim && wordLen < lim) {
        buf += '\n';
        current = 0;
        space = '';
        spaceLen = 0;
      }
    }
  }
  if (wordLen === 0) {
    if (current + spaceLen <= lim) buf += space;
  } else {
    buf += space + word;
  }
  return buf;
}

/** The template's `indent`: pads the first line and every line after a newline. */
export function indent(amount: number, s: string): string {
  const pad = ' '.repeat(amount);
  return pad + s.split('\n').join('\n' + pad);
}
