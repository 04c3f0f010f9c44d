import type { AccessorNode, ConstantNode, FunctionNode, MathNode, ParenthesisNode, SymbolNode } from 'mathjs';
import { nearest } from '../../util/nearest.js';
import { ExpressionError } from './error.js';
import type { Token } from './tokens.js';
import { ALIASES, FUNCTIONS, OPERATORS, SYMBOLS, VARIABLES, type Operator } from './vocabulary.js';

/**
 * Walks the tree as written (names in source order) and throws an
 * ExpressionError at the first node outside the whitelist: numbers, the
 * variables and constants, + - * / ^, parentheses, and calls of FUNCTIONS.
 */
export function checkWhitelist(root: MathNode, source: string, tokens: readonly Token[]): MathNode {
  const uses = new Map<string, number>();
  /** Column of the next use of `name`; names are checked in the order they are written. */
  const nameAt = (name: string): number => {
    const n = (uses.get(name) ?? 0) + 1;
    uses.set(name, n);
    return tokens.filter((t) => t.kind === 'name' && t.text === name)[n - 1]?.column ?? 1;
  };
  const firstAt = (test: (t: Token) => boolean): number => tokens.find(test)?.column ?? 1;
  const textAt = (...texts: string[]) => firstAt((t) => t.kind !== 'string' && texts.includes(t.text));
  const fail = (what: string, column: number, hint = '') =>
    new ExpressionError(source, column, `${what} at column ${column}${hint}`);
  const operator = (op: string, column: number) => fail(`operator "${op}" is not allowed`, column, '; use + - * / ^');

  const visit = (node: MathNode): void => {
    switch (node.type) {
      case 'ConstantNode': {
        const value = (node as ConstantNode).value as unknown;
        if (typeof value === 'string') throw fail('strings are not allowed', firstAt((t) => t.kind === 'string'));
        if (typeof value !== 'number') throw fail(`${String(value)} is not a number`, textAt(String(value)));
        if (!Number.isFinite(value)) {
          const infinite = (t: Token) => t.kind === 'number' && !Number.isFinite(Number(t.text));
          const column = firstAt((t) => infinite(t) || t.text === 'Infinity' || t.text === 'NaN');
          throw fail(`${tokens.find((t) => t.column === column)?.text ?? value} is not a finite number`, column);
        }
        return;
      }
      case 'SymbolNode': {
        const { name } = node as SymbolNode;
        const column = nameAt(name);
        if (SYMBOLS.has(name) || ALIASES.has(name)) return;
        const hint = FUNCTIONS.has(name) ? `; ${name} is a function: write ${name}(...)` : `; use ${VARIABLES}`;
        throw fail(`unknown variable "${name}"`, column, hint);
      }
      case 'ParenthesisNode':
        return visit((node as ParenthesisNode).content);
      case 'OperatorNode': {
        const { op, fn, args } = node as Operator;
        if (!OPERATORS.has(fn)) throw operator(op, textAt(op));
        // mathjs reads `50%` as 50/100, and `a + 50%` as a + a·50/100
        if ((node as { isPercentage?: boolean }).isPercentage) throw operator('%', textAt('%'));
        return args.forEach(visit);
      }
      case 'FunctionNode': {
        const { fn, args } = node as FunctionNode<MathNode>;
        if (fn.type !== 'SymbolNode') {
          visit(fn); // mathjs calls names and properties (a.f(...)); visit refuses the latter
          throw fail('only functions can be called', 1);
        }
        const { name } = fn as SymbolNode;
        const column = nameAt(name);
        if (SYMBOLS.has(name) || ALIASES.has(name)) {
          throw fail(`${name} is not a function`, column, `; write ${name}*(...) to multiply`);
        }
        const form = FUNCTIONS.get(name);
        if (!form) {
          const near = nearestFunction(name);
          const hint = near ? ` (did you mean "${near}"?)` : `; use ${[...FUNCTIONS.keys()].join(', ')}`;
          throw fail(`unknown function "${name}"`, column, hint);
        }
        const [min, max] = form.arity;
        if (args.length < min || args.length > max) {
          throw fail(`${name} expects ${expected(min, max)}, got ${args.length}`, column);
        }
        return args.forEach(visit);
      }
      case 'AssignmentNode':
        throw fail('assignment is not allowed', textAt('='));
      case 'FunctionAssignmentNode':
        throw fail('defining functions is not allowed', textAt('='));
      case 'AccessorNode':
        if ((node as AccessorNode).index.dotNotation) throw fail('property access is not allowed', textAt('.', '?.'));
        throw fail('indexing is not allowed', textAt('['));
      case 'ArrayNode':
        throw fail('matrices are not allowed', textAt('['));
      case 'ObjectNode':
        throw fail('objects are not allowed', textAt('{'));
      case 'BlockNode':
        throw fail('only one expression is allowed', textAt(';', '\n'), '; remove ";" and line breaks');
      case 'ConditionalNode':
        throw operator('?', textAt('?'));
      case 'RangeNode':
        throw operator(':', textAt(':'));
      case 'RelationalNode': {
        const column = textAt('<', '>', '<=', '>=', '==', '!=');
        throw operator(tokens.find((t) => t.column === column)?.text ?? '<', column);
      }
      default:
        throw fail(`${node.type} is not allowed`, 1);
    }
  };
  visit(root);
  return root;
}

/** "1 argument", "at least 2 arguments". */
function expected(min: number, max: number): string {
  const count = (n: number) => `${n} argument${n === 1 ? '' : 's'}`;
  return max === min ? count(min) : `at least ${count(min)}`;
}

/** The function name one typo away from `name` (two for names longer than 3), if any. */
function nearestFunction(name: string): string | undefined {
  return nearest(name, [...FUNCTIONS.keys()], name.length <= 3 ? 1 : 2);
}
