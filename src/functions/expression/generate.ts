import type { ConstantNode, FunctionNode, MathNode, ParenthesisNode, SymbolNode } from 'mathjs';
import { fits, FUNCTIONS, OPERATORS, SYMBOLS, type Operator } from './vocabulary.js';

/**
 * JavaScript for a checked tree (or a derivative of one). Every piece comes
 * from SYMBOLS, FUNCTIONS, OPERATORS or String() of a finite number, never from
 * the user's text, and every operation is parenthesised, so precedence is the
 * tree's: `-x0^2` is −(x0²), `2^3^2` is 2⁹.
 */
export function generate(node: MathNode): string {
  switch (node.type) {
    case 'ConstantNode': {
      const value = (node as ConstantNode).value as unknown;
      if (typeof value === 'number' && Number.isFinite(value)) return `(${String(value)})`;
      break;
    }
    case 'SymbolNode': {
      const js = SYMBOLS.get((node as SymbolNode).name);
      if (js) return js;
      break;
    }
    case 'ParenthesisNode':
      return generate((node as ParenthesisNode).content);
    case 'OperatorNode': {
      const { fn, args } = node as Operator;
      const form = OPERATORS.get(fn);
      if (form && fits(form, args)) return form.js(args.map(generate));
      break;
    }
    case 'FunctionNode': {
      const { fn, args } = node as FunctionNode<MathNode>;
      const form = fn.type === 'SymbolNode' ? FUNCTIONS.get((fn as SymbolNode).name) : undefined;
      if (form && fits(form, args)) return form.js(args.map(generate));
      break;
    }
  }
  throw new Error(`cannot compile ${node.type} ${node.toString()}`);
}

export function compile<F>(parameters: string[], body: string): F {
  // Safe: `body` comes from generate(), which writes only its own tables and finite numbers
  return new Function(...parameters, body) as F;
}
