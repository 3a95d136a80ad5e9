/**
 * Makes V8 compile a bundle's functions with the file, so they land in Deno's code cache.
 *
 * V8 compiles a function lazily, on its first call, unless it is a parenthesized function
 * expression. Deno caches a module's code as compiled when the module is loaded, so a lazy
 * function is compiled again from source in every run that calls it (~4 ms of `struct rq`).
 * {@link eagerFunctions} rewrites each top-level `function f() {...}` of the bundle as
 * `var f = (function f() {...});` at the file's top: declared before any statement runs,
 * as hoisting did, and compiled eagerly. Nested functions and methods stay lazy.
 * @module
 */
import { parse } from "acorn";

/**
 * `code` (an ES module) with its top-level function declarations moved to its top as
 * parenthesized function expressions, in their order; everything else is left as it was.
 *
 * ```ts
 * eagerFunctions("main();\nfunction main() {}\n"); // "var main = (function main() {});\nmain();\n\n"
 * ```
 */
export function eagerFunctions(code: string): string {
  const ast = parse(code, { ecmaVersion: "latest", sourceType: "module" });
  const moved: string[] = [], kept: string[] = [];
  let from = 0;
  for (const node of ast.body) {
    if (node.type !== "FunctionDeclaration") continue;
    moved.push(`var ${node.id.name} = (${code.slice(node.start, node.end)});\n`);
    kept.push(code.slice(from, node.start));
    from = node.end;
  }
  kept.push(code.slice(from));
  return moved.join("") + kept.join("");
}
