/**
 * The `enum` command: enum types and enumerator values from BTF.
 * @module
 */
import { lookupEnum } from "../query/enum.ts";
import { enumJson, renderEnum } from "../report/enum.ts";
import { command, ENVIRONMENT_HELP } from "./command.ts";
import { UsageError } from "./io.ts";
import { answerEach, loadOne, ONE_KERNEL_HELP, ONE_KERNEL_OPTIONS } from "./one_kernel.ts";

const HELP = `Usage: ktstr-btf enum NAME|ENUMERATOR... [options]

For an enum type NAME, prints every enumerator with its value (decimal and hex), and
the enum's type id, kind (ENUM or ENUM64), size and signedness; a name defined more
than once is printed once per definition. For an ENUMERATOR, prints its value and the
enum that holds it (the first in type-id order, as the groups read it). JSON values
are exact integers, also past 2^53.

Options:
${ONE_KERNEL_HELP}

Exit codes: 0 every argument found, 1 one was not an enum or enumerator or the kernel
failed to load, 2 usage error.

${ENVIRONMENT_HELP}
`;

/** The `enum` command. */
export const ENUM_COMMAND = command({
  name: "enum",
  help: HELP,
  options: ONE_KERNEL_OPTIONS,
  async run(names, v, io) {
    if (names.length === 0) throw new UsageError("enum needs a NAME or ENUMERATOR");
    const kernel = await loadOne(v, io);
    if (!kernel) return 1;
    return answerEach(kernel, names, v.json ?? false, "results", {
      answer: (types, arg) => lookupEnum(types, arg),
      json: (_arg, answer) => enumJson(answer),
      text: (_arg, answer) => renderEnum(answer),
    }, io);
  },
});
