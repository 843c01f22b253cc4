/**
 * Bounds that keep hostile templates from exhausting the stack: the parser, compiler, printer and
 * analyser all recurse over the tree, so the tree's depth is capped when it is built.
 */
export const MAX_EXPRESSION_DEPTH = 200;
/** Deep evaluation of nested objects/arrays (app definitions are far shallower). */
export const MAX_VALUE_DEPTH = 500;
