// The function types live at the bottom layer, so that core/ can use them.
export type { BuiltinFunction, ExpressionCode, Range, ScalarFunction } from '../function-types.js';
