import {
  ONE_KERNEL_HELP,
  ONE_KERNEL_OPTIONS,
  loadOne,
  noteFailure,
  printAnswers
} from "./chunk-UTSOQNXA.js";
import {
  layoutJson,
  renderLayout,
  structLayout,
  structsNamed
} from "./chunk-IHGETZDS.js";
import {
  compositeOf
} from "./chunk-JKW7PNJV.js";
import "./chunk-CUQYIH7F.js";
import {
  ENVIRONMENT_HELP,
  command
} from "./chunk-FV6Q3LDB.js";
import {
  UsageError
} from "./chunk-JYKSHZY5.js";
import {
  findMember
} from "./chunk-KPYUDFQV.js";
import "./chunk-QDGSS5JZ.js";
import {
  BtfError,
  orNull
} from "./chunk-PX3IRLHB.js";

// cli/struct.ts
var HELP = `Usage: ktstr-btf struct NAME... [options]

Prints the layout of each struct or union NAME the way 'pahole -C NAME' does: every
member with its offset, size and C type, bit offset and width of bitfields, anonymous
structs and unions expanded in place, holes, trailing padding and the total size. A name
defined more than once is printed once per definition, each with its type id.

Options:
  --expand PATH    also lay out this member's struct or union in place (a dotted
                   member path from NAME, e.g. scx.local_dsq; repeatable)
${ONE_KERNEL_HELP}

Exit codes: 0 every NAME printed, 1 a NAME is not a struct or union or the kernel
failed to load, 2 usage error.

${ENVIRONMENT_HELP}
`;
function hasMember(types, id, name) {
  return orNull(() => findMember(types, compositeOf(types, id), name)) !== null;
}
var STRUCT_COMMAND = command({
  name: "struct",
  help: HELP,
  options: {
    ...ONE_KERNEL_OPTIONS,
    expand: {
      type: "string",
      multiple: true
    }
  },
  async run(names, v, io) {
    if (names.length === 0) throw new UsageError("struct needs a NAME");
    const kernel = await loadOne(v, io);
    if (!kernel) return 1;
    const layouts = [];
    const missing = {};
    const expand = v.expand ?? [], used = /* @__PURE__ */ new Set();
    for (const name of names) {
      try {
        for (const id of structsNamed(kernel.types, name)) {
          const mine = expand.filter((p) => hasMember(kernel.types, id, p.split(".")[0]));
          for (const p of mine) used.add(p);
          layouts.push(structLayout(kernel.types, id, mine));
        }
      } catch (err) {
        if (!(err instanceof BtfError)) throw err;
        noteFailure(kernel, missing, name, err.message, io);
      }
    }
    for (const p of expand.filter((p2) => !used.has(p2))) {
      const message = `btf: no NAME has a member '${p.split(".")[0]}'`;
      noteFailure(kernel, missing, `--expand ${p}`, message, io);
    }
    const answers = {
      items: layouts.map(layoutJson),
      texts: layouts.map(renderLayout),
      missing
    };
    return printAnswers(kernel, v.json ?? false, "structs", answers, io);
  }
});
export {
  STRUCT_COMMAND
};
