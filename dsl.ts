/**
 * The group declaration DSL (`@ktstr/btf/dsl`): how the offset groups are declared, for
 * those who add groups of their own. Every built-in group is in {@link GROUPS}.
 *
 * ```ts
 * import { group, member, optional, resolveGroup } from "./dsl.ts";
 * const RQ_CLOCKS = group(member("clock", "rq"), optional(member("clock_task", "rq")));
 * ```
 * @module
 */
export * from "./resolvers/dsl.ts";
export { GROUPS } from "./resolvers/mod.ts";
