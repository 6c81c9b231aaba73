import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** Where each rule left open starts: an unclosed brace silently nests every rule after it. */
function unclosedRules(css: string): number[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' ')).replace(/"[^"\n]*"|'[^'\n]*'/g, '""');
  const open: number[] = [];
  let line = 1;
  for (const char of text) {
    if (char === '\n') line++;
    else if (char === '{') open.push(line);
    else if (char === '}' && open.pop() === undefined) return [-line];
  }
  return open;
}

describe('styles.css', () => {
  it('closes every rule it opens', () => {
    expect(unclosedRules(readFileSync(new URL('./styles.css', import.meta.url), 'utf8'))).toEqual([]);
  });
  it('finds a rule left open, and a stray closing brace', () => {
    expect(unclosedRules('a {\n  color: red;\n/* } */\nb { color: blue; }\n')).toEqual([1]);
    expect(unclosedRules('a { }\n}\n')).toEqual([-2]);
  });
});
