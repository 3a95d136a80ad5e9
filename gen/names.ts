/**
 * Names shared by the generated files: the TypeScript interface of each group path.
 * @module
 */

/** `scx_walker.scx_rq` → `ScxWalkerScxRq`; a top-level group gets the suffix `Offsets`. */
export function interfaceName(path: string): string {
  const pascal = path.split(/[._]/).map((w) => w[0].toUpperCase() + w.slice(1)).join("");
  return path.includes(".") ? pascal : `${pascal}Offsets`;
}
