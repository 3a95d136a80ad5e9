import {
  DEFAULT_BTF_PATH,
  loadKernels
} from "./chunk-CUQYIH7F.js";
import {
  LOAD_OPTIONS,
  LOAD_OPTIONS_HELP,
  loadOptions
} from "./chunk-FV6Q3LDB.js";
import {
  complain
} from "./chunk-JYKSHZY5.js";
import {
  BtfError
} from "./chunk-PX3IRLHB.js";

// cli/one_kernel.ts
var ONE_KERNEL_OPTIONS = {
  ...LOAD_OPTIONS,
  kernel: {
    type: "string",
    short: "k"
  }
};
var ONE_KERNEL_HELP = `  -k, --kernel PATH  the kernel to read: raw BTF, ELF vmlinux, '-' for standard
                   input, or a cache key; default ${DEFAULT_BTF_PATH}
${LOAD_OPTIONS_HELP}`;
async function loadOne(v, io) {
  const paths = v.kernel ? [
    v.kernel
  ] : [];
  const [outcome] = await loadKernels(paths, loadOptions(v), [], io, true);
  if ("error" in outcome) {
    complain(io, outcome.error);
    return null;
  }
  return {
    types: outcome.types,
    source: outcome.source
  };
}
function noteFailure(kernel, missing, arg, message, io) {
  missing[arg] = message;
  const where = arg.startsWith("--") ? `${arg}: ` : "";
  complain(io, `${kernel.source.path}: ${where}${message}`);
}
function printAnswers(kernel, json, key, answers, io) {
  const { items, texts, missing } = answers;
  if (json) {
    io.out(JSON.stringify({
      source: kernel.source,
      [key]: items,
      missing
    }, null, 2) + "\n");
  } else io.out(texts.join("\n"));
  return Object.keys(missing).length > 0 ? 1 : 0;
}
function answerEach(kernel, args, json, key, a, io) {
  const answers = {
    items: [],
    texts: [],
    missing: {}
  };
  for (const arg of args) {
    try {
      const answer = a.answer(kernel.types, arg);
      answers.items.push(a.json(arg, answer));
      answers.texts.push(a.text(arg, answer));
    } catch (err) {
      if (!(err instanceof BtfError)) throw err;
      noteFailure(kernel, answers.missing, arg, err.message, io);
    }
  }
  return printAnswers(kernel, json, key, answers, io);
}

export {
  ONE_KERNEL_OPTIONS,
  ONE_KERNEL_HELP,
  loadOne,
  noteFailure,
  printAnswers,
  answerEach
};
