import {
  didYouMean
} from "./chunk-37H3JIS3.js";
import {
  StdoutClosed,
  UsageError,
  complain,
  processIo
} from "./chunk-JYKSHZY5.js";
import "./chunk-PX3IRLHB.js";

// deno.json
var deno_default = {
  name: "@ktstr/btf",
  version: "0.1.0",
  license: "MIT",
  exports: {
    ".": "./mod.ts",
    "./core": "./core.ts",
    "./dsl": "./dsl.ts",
    "./cli": "./cli.ts"
  },
  imports: {
    ajv: "npm:ajv@8.20.0"
  },
  nodeModulesDir: "none",
  tasks: {
    kernel: "deno run -A cli.ts kernel",
    test: "bash tests/prepare.sh && deno test -A",
    bench: "deno bench -A",
    check: "deno check mod.ts core.ts dsl.ts cli.ts workers/*.ts tests/*.ts bench/*.ts gen/*.ts",
    fmt: "deno fmt",
    lint: "deno lint",
    doc: "deno doc --lint mod.ts core.ts dsl.ts",
    compile: "deno compile -A --output ktstr-btf cli.ts",
    testdata: "bash testdata/build.sh && bash testdata/fetch-debian-vmlinux.sh",
    fuzz: "deno run -A tests/fuzz_main.ts",
    gen: "deno run -A gen/main.ts"
  },
  fmt: {
    lineWidth: 100,
    exclude: [
      "dist/",
      "testdata/",
      "node_modules/"
    ]
  },
  lint: {
    exclude: [
      "dist/",
      "testdata/",
      "node_modules/"
    ]
  },
  test: {
    exclude: [
      "testdata/",
      "node_modules/"
    ]
  },
  publish: {
    exclude: [
      "tests/",
      "bench/",
      "dist/",
      "testdata/",
      ".ci/",
      "node_modules/",
      ".git"
    ]
  }
};

// cli/args.ts
function parseOptions(args, specs) {
  const values = {};
  const positionals = [];
  const byShort = new Map(Object.entries(specs).filter(([, s]) => s.short).map(([n, s]) => [
    s.short,
    n
  ]));
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--") {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith("-") || arg === "-") {
      positionals.push(arg);
      continue;
    }
    const long = arg.startsWith("--");
    const eq = long ? arg.indexOf("=") : -1;
    const written = long ? eq > 0 ? arg.slice(0, eq) : arg : arg.slice(0, 2);
    const name = long ? written.slice(2) : byShort.get(written.slice(1));
    const spec = name === void 0 ? void 0 : Object.hasOwn(specs, name) && specs[name];
    if (!spec) {
      const known = Object.keys(specs).map((n) => `--${n}`);
      throw new UsageError(`unknown option '${written}'${didYouMean(written, known)}`);
    }
    const attached = long ? eq > 0 ? arg.slice(eq + 1) : void 0 : arg.slice(2) || void 0;
    if (spec.type === "boolean") {
      if (attached !== void 0) throw new UsageError(`option '${written}' takes no value`);
      values[name] = true;
      continue;
    }
    const value = attached ?? args[++i];
    if (value === void 0) throw new UsageError(`option '${written}' needs a value`);
    values[name] = spec.multiple ? [
      ...values[name] ?? [],
      value
    ] : value;
  }
  return {
    values,
    positionals
  };
}

// cli.ts
var COMMANDS = [
  {
    name: "kernel",
    summary: "report each kernel's offset groups (raw BTF, ELF vmlinux, '-', a cache key)",
    load: () => import("./kernel-INIW23NI.js").then((m) => m.KERNEL_COMMAND)
  },
  {
    name: "struct",
    summary: "print struct layouts like pahole (offsets, sizes, types, holes)",
    load: () => import("./struct-TDXVHSO2.js").then((m) => m.STRUCT_COMMAND)
  },
  {
    name: "offset",
    summary: "resolve member paths (rq.scx.nr_running, rq.curr->scx.dsq_vtime)",
    load: () => import("./offset-IWIAER32.js").then((m) => m.OFFSET_COMMAND)
  },
  {
    name: "enum",
    summary: "enum values from BTF (ENUM and ENUM64, signedness)",
    load: () => import("./enum-KI7VZIUP.js").then((m) => m.ENUM_COMMAND)
  },
  {
    name: "diff",
    summary: "what changed between kernels (groups, struct layouts)",
    load: () => import("./diff-2H25AXVV.js").then((m) => m.DIFF_COMMAND)
  },
  {
    name: "cache",
    summary: "list, add or clean the cached kernels (ktstr's cache layout)",
    load: () => import("./cache-YWL7NQCS.js").then((m) => m.CACHE_COMMAND)
  }
];
var EXIT_STDOUT_CLOSED = 141;
function usage() {
  const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 2;
  return `ktstr-btf ${deno_default.version}: kernel struct offsets from BTF

Usage: ktstr-btf <command> [options] [args]
       ktstr-btf <command> --help
       ktstr-btf --help | --version

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}${c.summary}`).join("\n")}

Exit codes: 0 success, 1 load or parse failure, 2 usage error, 3 a --require'd group
is missing, 141 standard output closed early (nothing more is printed).
`;
}
async function main(args, io = processIo()) {
  let seeHelp = "ktstr-btf --help";
  try {
    const [first, ...rest] = args;
    if (first === void 0) throw new UsageError("missing command");
    if (first === "-h" || first === "--help" || first === "help") {
      const named = first === "help" ? rest[0] : void 0;
      const entry2 = COMMANDS.find((c) => c.name === named);
      io.out(entry2 ? (await entry2.load()).help : usage());
      return 0;
    }
    if (first === "-V" || first === "--version") {
      io.out(`ktstr-btf ${deno_default.version}
`);
      return 0;
    }
    const entry = COMMANDS.find((c) => c.name === first);
    if (!entry) {
      if (first.startsWith("-")) {
        throw new UsageError(`unknown option '${first}' before the command`);
      }
      const names = COMMANDS.map((c) => c.name);
      throw new UsageError(`unknown command '${first}'${didYouMean(first, names)}`);
    }
    seeHelp = `ktstr-btf ${entry.name} --help`;
    const cmd = await entry.load();
    const specs = {
      ...cmd.options,
      help: {
        type: "boolean",
        short: "h"
      }
    };
    const { values, positionals } = parseOptions(rest, specs);
    if (values.help) {
      io.out(cmd.help);
      return 0;
    }
    return await cmd.run(positionals, values, io);
  } catch (err) {
    if (err instanceof StdoutClosed) return EXIT_STDOUT_CLOSED;
    if (err instanceof UsageError) {
      complain(io, `${err.message}; see '${seeHelp}'`);
      return 2;
    }
    const message = err instanceof Error ? err.message : String(err);
    complain(io, `internal error: ${message}`);
    return 1;
  }
}
if (import.meta.main) {
  Deno.exitCode = await main(Deno.args);
}
export {
  COMMANDS,
  EXIT_STDOUT_CLOSED,
  main,
  usage
};
