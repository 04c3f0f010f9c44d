import type { AccessorNode, ConstantNode, FunctionNode, MathNode, ParenthesisNode, SymbolNode } from 'mathjs';
import { nearest } from '../../util/nearest.js';
import type { ExpressionError } from './error.js';
import { Places } from './places.js';
import type { Token } from './tokens.js';
import { ALIASES, FUNCTIONS, OPERATORS, SYMBOLS, VARIABLES, type Operator } from './vocabulary.js';

/**
 * Walks the tree as written (names in source order) and throws an
 * ExpressionError at the first node outside the whitelist: numbers, the
 * variables and constants, + - * / ^, parentheses, and calls of FUNCTIONS.
 */
export function checkWhitelist(root: MathNode, source: string, tokens: readonly Token[]): MathNode {
  const places = new Places(source, tokens);
  const visit = (node: MathNode): void => {
    switch (node.type) {
      case 'ConstantNode':
        return checkNumber(node as ConstantNode, places);
      case 'SymbolNode':
        return checkVariable(node as SymbolNode, places);
      case 'ParenthesisNode':
        return visit((node as ParenthesisNode).content);
      case 'OperatorNode':
        checkOperator(node as Operator, places);
        return (node as Operator).args.forEach(visit);
      case 'FunctionNode': {
        const { fn, args } = node as FunctionNode<MathNode>;
        if (fn.type !== 'SymbolNode') {
          visit(fn); // mathjs calls names and properties (a.f(...)); visit refuses the latter
          throw places.error('only functions can be called', 1);
        }
        checkCall((fn as SymbolNode).name, args.length, places);
        return args.forEach(visit);
      }
      default:
        throw refusal(node, places);
    }
  };
  visit(root);
  return root;
}

function checkNumber(node: ConstantNode, places: Places): void {
  const value = node.value as unknown;
  if (typeof value === 'string') throw places.error('strings are not allowed', places.first((t) => t.kind === 'string'));
  if (typeof value !== 'number') throw places.error(`${String(value)} is not a number`, places.ofText(String(value)));
  if (!Number.isFinite(value)) {
    const infinite = (t: Token) => t.kind === 'number' && !Number.isFinite(Number(t.text));
    const column = places.first((t) => infinite(t) || t.text === 'Infinity' || t.text === 'NaN');
    throw places.error(`${places.textAt(column) ?? value} is not a finite number`, column);
  }
}

function checkVariable({ name }: SymbolNode, places: Places): void {
  const column = places.nextName(name);
  if (SYMBOLS.has(name) || ALIASES.has(name)) return;
  const hint = FUNCTIONS.has(name) ? `; ${name} is a function: write ${name}(...)` : `; use ${VARIABLES}`;
  throw places.error(`unknown variable "${name}"`, column, hint);
}

function checkOperator(node: Operator, places: Places): void {
  if (!OPERATORS.has(node.fn)) throw places.operator(node.op, places.ofText(node.op));
  // mathjs reads `50%` as 50/100, and `a + 50%` as a + a·50/100
  if ((node as { isPercentage?: boolean }).isPercentage) throw places.operator('%', places.ofText('%'));
}

function checkCall(name: string, argumentCount: number, places: Places): void {
  const column = places.nextName(name);
  if (SYMBOLS.has(name) || ALIASES.has(name)) {
    throw places.error(`${name} is not a function`, column, `; write ${name}*(...) to multiply`);
  }
  const form = FUNCTIONS.get(name);
  if (!form) {
    const near = nearestFunction(name);
    const hint = near ? ` (did you mean "${near}"?)` : `; use ${[...FUNCTIONS.keys()].join(', ')}`;
    throw places.error(`unknown function "${name}"`, column, hint);
  }
  const [min, max] = form.arity;
  if (argumentCount < min || argumentCount > max) {
    throw places.error(`${name} expects ${expected(min, max)}, got ${argumentCount}`, column);
  }
}

/** The error for a kind of node no expression may hold, at the text that wrote it. */
function refusal(node: MathNode, places: Places): ExpressionError {
  switch (node.type) {
    case 'AssignmentNode':
      return places.error('assignment is not allowed', places.ofText('='));
    case 'FunctionAssignmentNode':
      return places.error('defining functions is not allowed', places.ofText('='));
    case 'AccessorNode':
      if ((node as AccessorNode).index.dotNotation) return places.error('property access is not allowed', places.ofText('.', '?.'));
      return places.error('indexing is not allowed', places.ofText('['));
    case 'ArrayNode':
      return places.error('matrices are not allowed', places.ofText('['));
    case 'ObjectNode':
      return places.error('objects are not allowed', places.ofText('{'));
    case 'BlockNode':
      return places.error('only one expression is allowed', places.ofText(';', '\n'), '; remove ";" and line breaks');
    case 'ConditionalNode':
      return places.operator('?', places.ofText('?'));
    case 'RangeNode':
      return places.operator(':', places.ofText(':'));
    case 'RelationalNode': {
      const column = places.ofText('<', '>', '<=', '>=', '==', '!=');
      return places.operator(places.textAt(column) ?? '<', column);
    }
    default:
      return places.error(`${node.type} is not allowed`, 1);
  }
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
