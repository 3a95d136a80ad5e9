var withContext = (function withContext(context, fn) {
  try {
    return fn();
  } catch (err) {
    if (err instanceof BtfError) throw err.prefixed(context);
    throw err;
  }
});
var orNull = (function orNull(fn) {
  try {
    return fn();
  } catch (err) {
    if (err instanceof BtfError) return null;
    throw err;
  }
});
var printable = (function printable(text) {
  return text.replace(UNPRINTABLE, (c) => {
    const named2 = NAMED_ESCAPES[c];
    if (named2) return named2;
    const code = c.charCodeAt(0);
    return code <= 255 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
});
var complain = (function complain(io, message) {
  io.err(`ktstr-btf: ${printable(message)}
`);
});
var jsonText = (function jsonText(value2, indent = 0) {
  return JSON.stringify(value2, null, indent).replace(UNPRINTABLE_BEYOND_C0, jsonEscape) + "\n";
});
var writeJson = (function writeJson(io, value2) {
  io.out(jsonText(value2, 2));
});
var jsonEscape = (function jsonEscape(c) {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
});
var processIo = (function processIo() {
  const enc = new TextEncoder();
  const write = (stream, text) => {
    const bytes = enc.encode(text);
    for (let done = 0; done < bytes.length; ) done += stream.writeSync(bytes.subarray(done));
  };
  const noColor = (Deno.env.get("NO_COLOR") ?? "") !== "";
  return {
    out(text) {
      try {
        write(Deno.stdout, text);
      } catch (err) {
        if (err instanceof Deno.errors.BrokenPipe) throw new StdoutClosed();
        throw err;
      }
    },
    err(text) {
      try {
        write(Deno.stderr, text);
      } catch {
      }
    },
    color: Deno.stdout.isTerminal() && !noColor
  };
});
var editDistance = (function editDistance(a, b) {
  let prev = Array.from({
    length: b.length + 1
  }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [
      i
    ];
    for (let j = 1; j <= b.length; j++) {
      const swap = prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      row.push(Math.min(prev[j] + 1, row[j - 1] + 1, swap));
    }
    prev = row;
  }
  return prev[b.length];
});
var nearest = (function nearest(given, candidates) {
  const prefixed = candidates.find((c) => given.length > 0 && c.startsWith(given));
  if (prefixed) return prefixed;
  let best, bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(given, c);
    if (d < bestDistance) [best, bestDistance] = [
      c,
      d
    ];
  }
  return best !== void 0 && bestDistance <= Math.max(given.length, best.length) / 3 ? best : void 0;
});
var didYouMean = (function didYouMean(given, candidates) {
  const n = nearest(given, candidates);
  return n === void 0 ? "" : ` (did you mean '${n}'?)`;
});
var extraWords = (function extraWords(kind, vlen) {
  switch (kind) {
    case Kind.INT:
    case Kind.VAR:
    case Kind.DECL_TAG:
      return 1;
    case Kind.ARRAY:
      return 3;
    case Kind.STRUCT:
    case Kind.UNION:
    case Kind.DATASEC:
    case Kind.ENUM64:
      return 3 * vlen;
    case Kind.ENUM:
    case Kind.FUNC_PROTO:
      return 2 * vlen;
    case Kind.VOID:
    case Kind.PTR:
    case Kind.FWD:
    case Kind.TYPEDEF:
    case Kind.VOLATILE:
    case Kind.CONST:
    case Kind.RESTRICT:
    case Kind.FUNC:
    case Kind.FLOAT:
    case Kind.TYPE_TAG:
      return 0;
    default:
      return -1;
  }
});
var kindName = (function kindName(kind) {
  return KIND_NAMES[kind] ?? `kind ${kind}`;
});
var elemWords = (function elemWords(kind) {
  return extraWords(kind, 1) - extraWords(kind, 0);
});
var valueOf = (function valueOf(types, id, i) {
  const { words, at, kindFlag } = types.elements(id);
  if (types.kind(id) === Kind.ENUM) {
    const raw = words[at + 2 * i + 1];
    return kindFlag ? raw | 0 : raw;
  }
  const lo = words[at + 3 * i + 1], hi = words[at + 3 * i + 2];
  const high = kindFlag ? hi | 0 : hi;
  const value2 = high * TWO_32 + lo;
  if (Number.isSafeInteger(value2)) return value2;
  const big = BigInt(hi) << 32n | BigInt(lo);
  return kindFlag ? BigInt.asIntN(64, big) : big;
});
var enumValue = (function enumValue(types, name) {
  return enumValues(types, [
    name
  ]).get(name) ?? null;
});
var enumValues = (function enumValues(types, names) {
  const found = /* @__PURE__ */ new Map();
  for (const name of names) {
    const first = found.has(name) ? void 0 : types.enumeratorsNamed(name)[0];
    if (first === void 0) continue;
    const [id, i] = first;
    found.set(name, {
      value: valueOf(types, id, i),
      signed: types.kindFlag(id),
      typeId: id,
      enumName: types.name(id)
    });
  }
  return found;
});
var enumerators = (function enumerators(types, typeId) {
  const kind = types.kind(typeId);
  if (kind !== Kind.ENUM && kind !== Kind.ENUM64) {
    throw new BtfError(`btf: type id ${typeId} is not an enum`);
  }
  const { words, at, count: count2 } = types.elements(typeId);
  const step = elemWords(kind);
  const list2 = [];
  for (let i = 0; i < count2; i++) {
    list2.push({
      name: types.stringAt(words[at + step * i]),
      value: valueOf(types, typeId, i)
    });
  }
  return list2;
});
var kernelConstants = (function kernelConstants(types) {
  const found = enumValues(types, [
    ...Object.values(PID_ENUMERATORS),
    ...SAME_NAME,
    "HI_SOFTIRQ"
  ]);
  const via = {};
  const read = (name, path, builtin) => {
    const v = found.get(name);
    if (v !== void 0 && typeof v.value === "number") return v.value;
    via[`constants.${path}`] = "builtin";
    return builtin;
  };
  const pidType = Object.fromEntries(Object.entries(PID_ENUMERATORS).map(([k, e]) => [
    k,
    read(e, `pid_type.${k}`, PID_TYPE[k])
  ]));
  const same = Object.fromEntries(SAME_NAME.map((n) => [
    n,
    read(n, n, CONSTANTS[n])
  ]));
  via["constants.RHT_PTR_LOCK_BIT"] = "builtin";
  return {
    constants: {
      pid_type: pidType,
      SCX_DSQ_LNODE_ITER_CURSOR: same.SCX_DSQ_LNODE_ITER_CURSOR,
      RHT_PTR_LOCK_BIT: CONSTANTS.RHT_PTR_LOCK_BIT,
      CPU_MAX_IDLE_TYPES: same.CPU_MAX_IDLE_TYPES,
      ...Object.fromEntries(Object.keys(CPUTIME).map((n) => [
        n,
        same[n]
      ])),
      NR_SOFTIRQS: same.NR_SOFTIRQS,
      SOFTIRQ_NAMES: softirqNames(types, found.get("HI_SOFTIRQ"), same.NR_SOFTIRQS, via),
      ...Object.fromEntries(NUMA_EVENT_NAMES.map((n) => [
        n,
        same[n]
      ])),
      NR_VM_NUMA_EVENT_ITEMS: same.NR_VM_NUMA_EVENT_ITEMS,
      NUMA_EVENT_NAMES: byValue(NUMA_EVENT_NAMES.map((n) => [
        n,
        same[n]
      ]))
    },
    via
  };
});
var byValue = (function byValue(entries) {
  return [
    ...entries
  ].sort((a, b) => a[1] - b[1]).map(([n]) => n);
});
var softirqNames = (function softirqNames(types, hi, count2, via) {
  if (hi === void 0) {
    via["constants.SOFTIRQ_NAMES"] = "builtin";
    return SOFTIRQ_NAMES;
  }
  const vectors = enumerators(types, hi.typeId).filter((e) => e.name.endsWith("_SOFTIRQ") && typeof e.value === "number" && e.value < count2);
  return byValue(vectors.map((e) => [
    e.name.slice(0, -"_SOFTIRQ".length),
    e.value
  ]));
});
var reportWith = (function reportWith(source, resolved, { constants, via }) {
  return {
    schema: REPORT_SCHEMA,
    source,
    // The generated interfaces describe exactly what the declarations resolve to
    // (tests/generated_test.ts keeps them in step; docs/report.schema.json checks real output).
    offsets: resolved.offsets,
    missing: resolved.missing,
    via: {
      ...resolved.via,
      ...via
    },
    constants
  };
});
var errorEntry = (function errorEntry(path, error) {
  return {
    schema: REPORT_SCHEMA,
    source: {
      path
    },
    error
  };
});
var hasBtfMagic = (function hasBtfMagic(bytes) {
  return bytes.length >= 2 && bytes[0] === 159 && bytes[1] === 235;
});
var hasBigEndianBtfMagic = (function hasBigEndianBtfMagic(bytes) {
  return bytes.length >= 2 && bytes[0] === 235 && bytes[1] === 159;
});
var damagedBtfMagic = (function damagedBtfMagic(head, size) {
  if (head.length < 24 || head[2] !== 1 || head[3] !== 0) return null;
  const view = new DataView(head.buffer, head.byteOffset, 24);
  const word = (at) => view.getUint32(at, true);
  const hdrLen = word(4);
  if (hdrLen < 24 || hdrLen > 256 || hdrLen % 4 !== 0) return null;
  const ends = [
    word(8) + word(12),
    word(16) + word(20)
  ];
  if (ends.some((end) => hdrLen + end > size) || word(12) === 0) return null;
  const magic = Array.from(head.subarray(0, 2), (b) => b.toString(16).padStart(2, "0"));
  return `damaged BTF: its magic is ${magic.join(" ")}, not 9f eb (0xEB9F little-endian), though the rest is a BTF header (version 1, ${hdrLen}-byte header, sections inside the ${size}-byte file)`;
});
var section = (function section(name, hdrLen, off, len, total) {
  const start = hdrLen + off;
  if (start + len > total) {
    throw new BtfError(`btf: ${name} section (offset ${off}, length ${len}) runs past the end of the ${total}-byte blob`);
  }
  return start;
});
var checkLayout = (function checkLayout(sections, hdrLen, total) {
  const used = sections.filter((s) => s.len > 0).sort((a, b) => a.off - b.off);
  let end = 0, prev;
  for (const s of used) {
    if (prev && s.off < end) {
      throw new BtfError(`btf: ${s.name} section [${s.off}, ${s.off + s.len}) overlaps the ${prev.name} section [${prev.off}, ${end})`);
    }
    const gap = s.off - end;
    if (gap > 0 && !(gap < 4 && s.off % 4 === 0)) {
      throw new BtfError(`btf: ${gap} unused bytes before the ${s.name} section at offset ${s.off}`);
    }
    end = s.off + s.len;
    prev = s;
  }
  const trailing = total - hdrLen - end;
  if (trailing > 0) {
    throw new BtfError(`btf: ${trailing} bytes of trailing data after the sections the header describes (they end at byte ${hdrLen + end})`);
  }
});
var parseHeader = (function parseHeader(bytes, total = bytes.length) {
  const le = hasBtfMagic(bytes);
  if (!le && !hasBigEndianBtfMagic(bytes)) throw new BtfError("btf: missing 0x9FEB magic");
  if (total < MIN_HEADER_LEN || bytes.length < MIN_HEADER_LEN) {
    throw new BtfError(`btf: ${total}-byte blob is shorter than the 24-byte header`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = bytes[2];
  if (version !== 1) throw new BtfError(`btf: unsupported version ${version} (expected 1)`);
  const flags = bytes[3];
  if (flags !== 0) throw new BtfError(`btf: header flags 0x${flags.toString(16)} are not zero`);
  const hdrLen = view.getUint32(4, le);
  if (hdrLen < MIN_HEADER_LEN) {
    throw new BtfError(`btf: header length ${hdrLen} is shorter than ${MIN_HEADER_LEN}`);
  }
  if (hdrLen > total) {
    throw new BtfError(`btf: header length ${hdrLen} runs past the end of the ${total}-byte blob`);
  }
  for (let i = LAYOUT_HEADER_LEN; i < Math.min(hdrLen, bytes.length); i++) {
    if (bytes[i] !== 0) {
      throw new BtfError(`btf: header bytes ${LAYOUT_HEADER_LEN}..${hdrLen - 1} are not zero (a ${hdrLen}-byte header this reader does not know)`);
    }
  }
  const typeOff = view.getUint32(8, le), typeLen = view.getUint32(12, le);
  const strOff = view.getUint32(16, le), strLen = view.getUint32(20, le);
  if (typeOff % 4 !== 0) {
    throw new BtfError(`btf: type section offset ${typeOff} is not a multiple of 4`);
  }
  const typeStart = section("type", hdrLen, typeOff, typeLen, total);
  const strStart = section("string", hdrLen, strOff, strLen, total);
  if (typeLen % 4 !== 0) {
    throw new BtfError(`btf: type section length ${typeLen} is not a multiple of 4`);
  }
  const sections = [
    {
      name: "type",
      off: typeOff,
      len: typeLen
    },
    {
      name: "string",
      off: strOff,
      len: strLen
    }
  ];
  let layoutStart = -1, layoutLen = 0;
  if (hdrLen >= LAYOUT_HEADER_LEN && bytes.length >= LAYOUT_HEADER_LEN) {
    const layoutOff = view.getUint32(24, le);
    layoutLen = view.getUint32(28, le);
    if (layoutLen > 0) {
      layoutStart = section("kind layout", hdrLen, layoutOff, layoutLen, total);
      sections.push({
        name: "kind layout",
        off: layoutOff,
        len: layoutLen
      });
    }
  }
  checkLayout(sections, hdrLen, total);
  return {
    version,
    flags,
    bigEndian: !le,
    hdrLen,
    typeStart,
    typeLen,
    strStart,
    strLen,
    layoutStart,
    layoutLen
  };
});
var checkStrings = (function checkStrings(blob, hdr, split) {
  if (!split && hdr.strLen === 0) {
    throw new BtfError("btf: string section is empty (offset 0 is the empty name)");
  }
  if (!split && blob[hdr.strStart] !== 0) {
    throw new BtfError("btf: string section does not start with a NUL (offset 0 is the empty name)");
  }
  if (hdr.strLen > 0 && blob[hdr.strStart + hdr.strLen - 1] !== 0) {
    throw new BtfError("btf: string section is not NUL-terminated");
  }
});
var swapWords = (function swapWords(bytes, start, length) {
  const at = bytes.byteOffset + start;
  if (at % 4 === 0) {
    const words = new Uint32Array(bytes.buffer, at, length >>> 2);
    for (let i = 0; i < words.length; i++) {
      const x = words[i];
      words[i] = x << 24 | (x & 65280) << 8 | x >>> 8 & 65280 | x >>> 24;
    }
    return;
  }
  for (let i = start; i < start + length; i += 4) {
    const a = bytes[i], b = bytes[i + 1];
    bytes[i] = bytes[i + 3];
    bytes[i + 1] = bytes[i + 2];
    bytes[i + 2] = b;
    bytes[i + 3] = a;
  }
});
var swapByteOrder = (function swapByteOrder(blob, hdr) {
  [blob[0], blob[1]] = [
    blob[1],
    blob[0]
  ];
  swapWords(blob, 4, Math.min(hdr.hdrLen, 32) - 4);
  swapWords(blob, hdr.typeStart, hdr.typeLen);
  for (let at = hdr.layoutStart; at >= 0 && at + 4 <= hdr.layoutStart + hdr.layoutLen; at += 4) {
    const lo = blob[at + 2];
    blob[at + 2] = blob[at + 3];
    blob[at + 3] = lo;
  }
});
var wholeHugePages = (function wholeHugePages(pages) {
  return Math.min(MAX_WASM_PAGES, Math.ceil(pages / 32) * 32);
});
var newMemory = (function newMemory(pages, maxPages) {
  return new WebAssembly.Memory({
    initial: wholeHugePages(pages),
    maximum: wholeHugePages(maxPages),
    shared: true
  });
});
var growTo = (function growTo(memory, pages) {
  const have = memory.buffer.byteLength / WASM_PAGE;
  if (have < pages) memory.grow(wholeHugePages(pages) - have);
});
var placeIn = (function placeIn(advice2, mappable) {
  return (memory, byte, region, total) => {
    if (region === "index" && !mappable) return byte;
    const at = advice2 ? advice2.place(memory, byte, total) : byte;
    return region === "blob" && mappable ? Math.ceil(at / MAP_PAGE) * MAP_PAGE : at;
  };
});
var freshSpace = (function freshSpace(advice2, mappable = false) {
  return {
    slack: (total) => (advice2?.slack(total) ?? 0) + (mappable ? MAP_PAGE : 0),
    acquire(pages, maxPages) {
      const memory = newMemory(mappable ? maxPages : pages, maxPages);
      advice2?.fresh(memory, maxPages * WASM_PAGE);
      return memory;
    },
    place: placeIn(advice2, mappable)
  };
});
var pagesFor = (function pagesFor(words) {
  return Math.max(1, Math.ceil(words * 4 / WASM_PAGE));
});
var nextPow2 = (function nextPow2(n) {
  let p = 1;
  while (p < n) p *= 2;
  return p;
});
var planFromHeader = (function planFromHeader(total, typeLen, slack) {
  const maxTypes = Math.floor(typeLen / 12);
  const shapesWord = META_WORDS, errWord = shapesWord + 256 + 32;
  const metaEnd = (errWord + 8) * 4;
  const indexWord = Math.ceil((metaEnd + 3 + total + slack) / 4) + 4 * maxTypes;
  const maxEnumerators = Math.floor(typeLen / 8);
  const indexBound = 3 * maxTypes + 2 * (nextPow2(Math.max(1, maxTypes >> 1)) + 1) + 6 * maxEnumerators + nextPow2(Math.max(1, maxEnumerators >> 1)) + 1;
  return {
    shapesWord,
    errWord,
    metaEnd,
    maxTypes,
    pages: pagesFor(indexWord),
    maxPages: pagesFor(indexWord + indexBound)
  };
});
var nameIndexAt = (function nameIndexAt(at, named2) {
  const mask = nextPow2(Math.max(1, named2 >> 1)) - 1, entriesWord = at + mask + 2;
  return {
    bucketsWord: at,
    mask,
    entriesWord,
    end: entriesWord + 2 * named2
  };
});
var listsWordAfter = (function listsWordAfter(offsetsWord, maxTypes) {
  return offsetsWord + maxTypes;
});
var planIndexes = (function planIndexes(c) {
  const namedListWord = listsWordAfter(c.offsetsWord, c.maxTypes);
  const hashesWord = namedListWord + 3 * c.maxTypes;
  const typeNames = nameIndexAt(hashesWord + c.count, c.named);
  const funcNames = nameIndexAt(typeNames.end, c.funcs);
  const enumBucketsWord = c.sorted ? hashesWord : funcNames.end;
  const enumMask = nextPow2(Math.max(1, c.enumerators >> 1)) - 1;
  const enumEntriesWord = enumBucketsWord + enumMask + 2;
  const scratchWord = enumEntriesWord + 3 * c.enumerators;
  return {
    namedListWord,
    funcListWord: namedListWord + c.maxTypes,
    enumListWord: namedListWord + 2 * c.maxTypes,
    hashesWord,
    typeNames,
    funcNames,
    enumBucketsWord,
    enumMask,
    enumEntriesWord,
    scratchWord,
    end: scratchWord + 3 * c.enumerators
  };
});
var fromBase64 = (function fromBase64(text) {
  const native = Uint8Array.fromBase64;
  if (native) return native(text);
  const bin = atob(text), bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
});
var alignUp = (function alignUp(n, align) {
  return Math.ceil(n / align) * align;
});
var mixWords = (function mixWords(a, b, c) {
  let h = Math.imul(a ^ 2654435769, 2246822507);
  h = Math.imul(h ^ h >>> 15 ^ b, 3266489909);
  h = Math.imul(h ^ h >>> 13 ^ c, 668265263);
  return (h ^ h >>> 16) >>> 0;
});
var zeroBytes = (function zeroBytes(w) {
  return w - 16843009 & ~w & 2155905152;
});
var beforeNul = (function beforeNul(w, zero) {
  const bits = 31 - Math.clz32(zero & -zero) - 7;
  return bits === 0 ? 0 : (w & 4294967295 >>> 32 - bits) >>> 0;
});
var hashNameAt = (function hashNameAt(u32, at) {
  const w = at >>> 2, sh = (at & 3) * 8;
  let a = u32[w], b = u32[w + 1], c = u32[w + 2];
  if (sh !== 0) {
    const d = u32[w + 3];
    a = a >>> sh | b << 32 - sh;
    b = b >>> sh | c << 32 - sh;
    c = c >>> sh | d << 32 - sh;
  }
  let z = zeroBytes(a);
  if (z !== 0) return mixWords(beforeNul(a, z), 0, 0);
  z = zeroBytes(b);
  if (z !== 0) return mixWords(a, beforeNul(b, z), 0);
  z = zeroBytes(c);
  return mixWords(a, b, z !== 0 ? beforeNul(c, z) : c);
});
var hashBytes = (function hashBytes(bytes) {
  const padded = new Uint8Array(16);
  padded.set(bytes.subarray(0, 12));
  return hashNameAt(new Uint32Array(padded.buffer), 0);
});
var recordShapes = (function recordShapes(bytes, layoutStart, layoutLen) {
  const fixed = new Int32Array(128).fill(-1), perElem = new Int32Array(128);
  for (let k = 1; k <= MAX_KNOWN_KIND; k++) {
    fixed[k] = extraWords(k, 0);
    perElem[k] = extraWords(k, 1) - fixed[k];
  }
  if (layoutStart >= 0) {
    const kinds = Math.min(128, Math.floor(layoutLen / 4));
    for (let k = MAX_KNOWN_KIND + 1; k < kinds; k++) {
      const info = bytes[layoutStart + 4 * k], elem = bytes[layoutStart + 4 * k + 1];
      if (info % 4 !== 0 || elem % 4 !== 0) {
        throw new BtfError(`btf: kind layout of kind ${k} is not a whole number of words`);
      }
      fixed[k] = info / 4;
      perElem[k] = elem / 4;
    }
  }
  return {
    fixed,
    perElem
  };
});
var sizes = (function sizes(...allowed) {
  return allowed.reduce((m, s) => m | 1 << 12 + s, 32) >>> 0;
});
var decoder = (function decoder(memory) {
  if (!decodeModule) decodeModule = new WebAssembly.Module(fromBase64(DECODE_WASM_BASE64));
  return new WebAssembly.Instance(decodeModule, {
    env: {
      memory
    }
  }).exports;
});
var hex = (function hex(v) {
  return `0x${(v >>> 0).toString(16).padStart(8, "0")}`;
});
var parseError = (function parseError(code, id, elem, rec) {
  const [name, info, size] = rec, kind = info >>> 24 & 127, vlen = info & 65535;
  const t = `btf: type id ${id} (${kindName(kind)})`;
  switch (code) {
    case -1:
      return new BtfError(`btf: type id ${id} runs past the end of the type section`);
    case -2:
      return new BtfError(`btf: type id ${id} has unknown kind ${elem}`);
    case -3:
      return new BtfError(`btf: type id ${id} has name offset ${elem} past the strings`);
    case -5:
      return new BtfError(`${t} has reserved info bits set (${hex(info)})`);
    case -6:
      return new BtfError(`${t} has vlen ${vlen}; ${kindName(kind)} takes none`);
    case -7:
      return new BtfError(`${t} has kind_flag set; ${kindName(kind)} takes none`);
    case -8:
      return new BtfError(`${t} has size ${size}; ${kindName(kind)} ${SIZE_RULES[kind]}`);
    case -9:
      return new BtfError(`${t} must be named`);
    case -10:
      return new BtfError(`${t} must be anonymous (name offset ${name})`);
    case -11:
      return new BtfError(`${t} element ${elem} has name offset ${rec[3 + elemWords(kind) * elem]} past the strings`);
    case -12: {
      const bits = memberBits(rec[3 + 3 * elem + 2], info >>> 31 === 1);
      return new BtfError(kind === Kind.UNION ? `${t} member ${elem} at bit offset ${bits}: union members start at 0` : `${t} member ${elem} at bit offset ${bits} lies past its ${size}-byte size`);
    }
    case -13: {
      const d = rec[3], bits = d & 255, off = d >>> 16 & 255;
      const why = (d & 4026597120) !== 0 ? "reserved bits set" : bits > 128 ? "more than 128 bits" : off + bits > size * 8 ? `offset ${off} + ${bits} bits exceed its ${size}-byte size` : `encoding ${d >>> 24 & 15}`;
      return new BtfError(`${t} has invalid int data ${hex(d)} (${why})`);
    }
    case -14:
      return new BtfError(`${t} has linkage ${kind === Kind.FUNC ? vlen : rec[3]} (0, 1 or 2)`);
    case -15:
      return new BtfError(`${t} variable ${elem} (offset ${rec[3 + 3 * elem + 1]}, size ${rec[3 + 3 * elem + 2]}) runs past its ${size}-byte size`);
    case -16:
      return new BtfError(`${t} has component index ${rec[3] | 0}`);
    default:
      return new BtfError(`${t} runs past the end of the type section`);
  }
});
var checkMemoryLimit = (function checkMemoryLimit(total, pages) {
  if (pages > MAX_WASM_PAGES) {
    throw new BtfError(`btf: a ${total}-byte BTF needs ${Math.ceil(pages / 16)} MiB of WebAssembly memory, over the ${MAX_WASM_PAGES / 16} MiB (4 GiB) limit`);
  }
});
var sameHeader = (function sameHeader(a, b) {
  return a.hdrLen === b.hdrLen && a.typeStart === b.typeStart && a.typeLen === b.typeLen && a.strStart === b.strStart && a.strLen === b.strLen && a.layoutStart === b.layoutStart && a.layoutLen === b.layoutLen;
});
var allocate = (function allocate(total, fn) {
  try {
    return fn();
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
    throw new BtfError(`btf: cannot allocate the table of a ${total}-byte BTF: ${err.message}`);
  }
});
var memberBits = (function memberBits(offsetWord, kindFlag) {
  return kindFlag ? offsetWord & 16777215 : offsetWord;
});
var isComposite = (function isComposite(kind) {
  return kind === Kind.STRUCT || kind === Kind.UNION;
});
var utf8 = (function utf8(name) {
  let bytes = encoded.get(name);
  if (!bytes) encoded.set(name, bytes = encoder2.encode(name));
  return bytes;
});
var typesNamed = (function typesNamed(types, name) {
  const ids = types.byName(name, {
    functions: false
  });
  if (ids.length === 0 && types.byName(name).length === 0) {
    throw new BtfError(`btf: type '${name}' not found`);
  }
  return ids;
});
var findStruct = (function findStruct(types, name) {
  const id = typesNamed(types, name).find((id2) => types.kind(id2) === Kind.STRUCT);
  if (id === void 0) throw new BtfError(`btf: '${name}' exists but is not a struct`);
  return id;
});
var followTo = (function followTo(types, typeId, through) {
  let id = typeId;
  for (let step = 0; step < MAX_CHAIN_STEPS; step++) {
    const kind = types.kind(id);
    if (isComposite(kind)) return id;
    if (!through.has(kind)) return null;
    id = types.refType(id);
  }
  return null;
});
var nonByteAligned = (function nonByteAligned(field, bits) {
  return new BtfError(`btf: field '${field}' has non-byte-aligned offset (${bits} bits)`);
});
var notFound = (function notFound(types, structId2, field) {
  return new BtfError(`btf: struct '${types.name(structId2)}' has no member '${field}'`);
});
var findMember = (function findMember(types, structId2, field) {
  const wanted = utf8(field);
  const path = [];
  let visits = 0;
  let found = null;
  const walk = (id, base) => {
    const { words, at, count: count2, kindFlag } = types.elements(id);
    path.push(id);
    for (let i = 0, w = at; i < count2; i++, w += 3) {
      if (++visits > MAX_MEMBER_VISITS) {
        throw new BtfError(`btf: field '${field}' search gave up after ${MAX_MEMBER_VISITS} members`);
      }
      const nameOff = words[w];
      const isField = nameOff !== 0 && types.nameEquals(nameOff, wanted);
      const bits = memberBits(words[w + 2], kindFlag);
      if (bits % 8 !== 0) {
        if (isField && path.length === 1) throw nonByteAligned(field, bits);
        continue;
      }
      const offset = base + bits / 8;
      if (isField) {
        const bitSize = kindFlag ? words[w + 2] >>> 24 : 0;
        found = {
          offset,
          type: words[w + 1],
          bitSize,
          anon: path.slice(1)
        };
        return true;
      }
      if (nameOff !== 0 || path.length > MAX_ANON_DEPTH) continue;
      const inner = orNull(() => followTo(types, words[w + 1], QUALIFIERS));
      if (inner === null || path.includes(inner)) continue;
      if (orNull(() => walk(inner, offset))) return true;
      path.length = path.indexOf(id) + 1;
    }
    path.pop();
    return false;
  };
  if (!walk(structId2, 0) || found === null) throw notFound(types, structId2, field);
  return found;
});
var memberOffset = (function memberOffset(types, structId2, field) {
  return findMember(types, structId2, field).offset;
});
var directMember = (function directMember(types, structId2, field) {
  const wanted = utf8(field);
  const { words, at, count: count2, kindFlag } = types.elements(structId2);
  for (let i = 0, w = at; i < count2; i++, w += 3) {
    if (words[w] === 0 || !types.nameEquals(words[w], wanted)) continue;
    const bits = memberBits(words[w + 2], kindFlag);
    if (bits % 8 !== 0) throw nonByteAligned(field, bits);
    return {
      offset: bits / 8,
      type: words[w + 1]
    };
  }
  throw notFound(types, structId2, field);
});
var resolveToStruct = (function resolveToStruct(types, typeId) {
  return followTo(types, typeId, QUALIFIERS_AND_PTR);
});
var resolveMemberStruct = (function resolveMemberStruct(types, member2) {
  const id = resolveToStruct(types, member2.type);
  if (id === null) throw new BtfError("btf: could not resolve member to struct");
  return id;
});
var structSize = (function structSize(types, structId2) {
  return types.size(structId2);
});
var stripQualifiers = (function stripQualifiers(types, typeId) {
  let id = typeId;
  for (let step = 0; step < MAX_CHAIN_STEPS && QUALIFIERS.has(types.kind(id)); step++) {
    id = types.refType(id);
  }
  return id;
});
var perTable = (function perTable(compute) {
  const memo = /* @__PURE__ */ new WeakMap();
  return (types, key) => {
    let known = memo.get(types);
    if (!known) memo.set(types, known = /* @__PURE__ */ new Map());
    let entry = known.get(key);
    if (entry === void 0) {
      try {
        entry = {
          value: compute(types, key)
        };
      } catch (err) {
        if (!(err instanceof BtfError)) throw err;
        entry = {
          error: err
        };
      }
      known.set(key, entry);
    }
    if ("error" in entry) throw entry.error;
    return entry.value;
  };
});
var named = (function named(name) {
  return {
    label: name,
    found: "find_struct",
    resolve: (types) => structId(types, name)
  };
});
var typeOf = (function typeOf(parent, member2, label) {
  const p = ref(parent);
  return {
    label,
    found: `typeof(${p.label}.${member2})`,
    resolve(types) {
      const m = directMember(types, p.resolve(types), member2);
      return withContext(`btf: resolve type of ${p.label}.${member2}`, () => resolveMemberStruct(types, m));
    }
  };
});
var ref = (function ref(s) {
  return typeof s === "string" ? named(s) : s;
});
var group = (function group(...entries) {
  return {
    entries
  };
});
var member = (function member(key, struct, ...members3) {
  const s = ref(struct);
  const [first, ...rest] = members3.length > 0 ? members3 : [
    key
  ];
  return {
    kind: "field",
    key,
    absent: "required",
    mode: "member",
    source: `${s.label}.${first}`,
    fallbacks: rest.map((m) => `${s.label}.${m}`),
    found: s.found,
    resolve(types, note) {
      const id = s.resolve(types);
      try {
        return memberOffset(types, id, first);
      } catch (err) {
        if (!(err instanceof BtfError)) throw err;
        for (const name of rest) {
          const offset = orNull(() => memberOffset(types, id, name));
          if (offset === null) continue;
          note(`${types.name(id)}.${name}`);
          return offset;
        }
        throw err;
      }
    }
  };
});
var members = (function members(struct, ...names) {
  return names.map((name) => member(name, struct, name));
});
var direct = (function direct(key, struct, memberName) {
  const s = ref(struct);
  return {
    ...custom(key, `${s.label}.${memberName}`, (t) => directMember(t, s.resolve(t), memberName).offset),
    mode: "direct",
    found: s.found
  };
});
var sizeOf = (function sizeOf(key, struct) {
  const s = ref(struct);
  return {
    ...custom(key, `sizeof ${s.label}`, (types) => structSize(types, s.resolve(types))),
    mode: "sizeof",
    found: s.found
  };
});
var enumerator = (function enumerator(key, name) {
  return {
    ...custom(key, `enum ${name}`, (types) => {
      const found = enumValue(types, name);
      if (found === null) throw new BtfError(`btf: enumerator '${name}' not found`);
      return Number(found.value);
    }),
    mode: "enum"
  };
});
var custom = (function custom(key, source, fn, fallbacks = []) {
  return {
    kind: "field",
    key,
    absent: "required",
    mode: "computed",
    source,
    fallbacks,
    resolve: fn
  };
});
var plus = (function plus(key, a, b) {
  return custom(key, `${a.source} + ${b.source}`, (types, note) => a.resolve(types, note) + b.resolve(types, note));
});
var embedded = (function embedded(key, struct, memberName, label, inner) {
  const outer = direct(memberName, struct, memberName);
  return plus(key, outer, member(inner, typeOf(struct, memberName, label), inner));
});
var memberMap = (function memberMap(key, struct, prefix) {
  return {
    kind: "map",
    key,
    source: `${struct.label}.${prefix}*`,
    resolve(types) {
      const id = struct.resolve(types);
      const map = {};
      const { words, at, count: count2, kindFlag } = types.elements(id);
      for (let i = 0, w = at; i < count2; i++, w += 3) {
        const bits = memberBits(words[w + 2], kindFlag);
        if (words[w] === 0 || bits % 8 !== 0) continue;
        const name = types.stringAt(words[w]);
        if (name.startsWith(prefix)) map[name] = bits / 8;
      }
      return map;
    }
  };
});
var optional = (function optional(field) {
  return {
    ...field,
    absent: "null"
  };
});
var orZero = (function orZero(field) {
  return {
    ...field,
    absent: "zero"
  };
});
var allOrNothing = (function allOrNothing(...fields2) {
  return {
    kind: "set",
    fields: fields2
  };
});
var sub = (function sub(key, g) {
  return {
    kind: "sub",
    key,
    group: g
  };
});
var derived = (function derived(key, source, compute) {
  return {
    kind: "derived",
    key,
    source,
    compute
  };
});
var structExists = (function structExists(name) {
  return {
    kind: "check",
    verify: (types) => void findStruct(types, name)
  };
});
var atOffsetZero = (function atOffsetZero(struct, memberName) {
  return {
    kind: "check",
    verify(types) {
      const offset = memberOffset(types, findStruct(types, struct), memberName);
      if (offset !== 0) {
        throw new BtfError(`${struct}.${memberName} at offset ${offset} (expected 0)`);
      }
    }
  };
});
var resolveGroup = (function resolveGroup(types, g, path, missing, via = {}) {
  const value2 = {};
  const local2 = {};
  const localVia = {};
  const noteFor = (key, into = localVia) => (v) => into[`${path}.${key}`] = v;
  for (const entry of g.entries) {
    switch (entry.kind) {
      case "field":
        value2[entry.key] = resolveField(types, entry, noteFor(entry.key));
        break;
      case "set": {
        const notes = {};
        const all = entry.fields.map((f) => orNull(() => f.resolve(types, noteFor(f.key, notes))));
        const complete = all.every((v) => v !== null);
        entry.fields.forEach((f, i) => value2[f.key] = complete ? all[i] : null);
        if (complete) Object.assign(localVia, notes);
        break;
      }
      case "sub":
        value2[entry.key] = resolveOptional(types, entry.group, `${path}.${entry.key}`, local2, localVia);
        break;
      case "map":
        value2[entry.key] = entry.resolve(types);
        break;
      case "derived":
        value2[entry.key] = entry.compute(value2);
        break;
      case "check":
        entry.verify(types);
        break;
    }
  }
  Object.assign(missing, local2);
  Object.assign(via, localVia);
  return value2;
});
var resolveOptional = (function resolveOptional(types, g, path, missing, via = {}) {
  try {
    return resolveGroup(types, g, path, missing, via);
  } catch (err) {
    if (!(err instanceof BtfError)) throw err;
    missing[path] = err.message;
    return null;
  }
});
var resolveField = (function resolveField(types, field, note) {
  const notes = [];
  const collect = (n) => void notes.push(n);
  const v = field.absent === "required" ? field.resolve(types, collect) : orNull(() => field.resolve(types, collect));
  if (v === null) return field.absent === "zero" ? 0 : null;
  for (const n of notes) note(n);
  return v;
});
var mergeOutcomes = (function mergeOutcomes(outcomes) {
  const report = {
    offsets: {},
    missing: {},
    via: {}
  };
  for (const [name, outcome2] of outcomes) {
    report.offsets[name] = outcome2.value;
    Object.assign(report.missing, outcome2.missing);
    Object.assign(report.via, outcome2.via);
  }
  return report;
});
var inReportOrder = (function inReportOrder(names) {
  return GROUP_NAMES.filter((n) => names.includes(n));
});
var findEventPath = (function findEventPath(types) {
  const sched = findStruct(types, "scx_sched");
  const pathA = orNull(() => {
    const pcpu = memberOffset(types, sched, "pcpu");
    const stats = directMember(types, findStruct(types, "scx_sched_pcpu"), "event_stats");
    return {
      percpuPtrOff: pcpu,
      eventStatsOff: stats.offset,
      statsStruct: resolveMemberStruct(types, stats)
    };
  });
  return pathA ?? (() => {
    const esc = withContext("btf: neither scx_sched.pcpu nor scx_sched.event_stats_cpu found", () => directMember(types, sched, "event_stats_cpu"));
    const statsStruct = withContext("btf: resolve type of scx_sched.event_stats_cpu", () => resolveMemberStruct(types, esc));
    return {
      percpuPtrOff: esc.offset,
      eventStatsOff: null,
      statsStruct
    };
  })();
});
var event = (function event(key, ...fallbacks) {
  return member(key, eventStats, `SCX_EV_${key.slice(3).toUpperCase()}`, ...fallbacks);
});
var percpuPtrOff = (function percpuPtrOff(types, note) {
  const path = eventPath(types, "event");
  if (path.eventStatsOff === null) note("scx_sched.event_stats_cpu");
  return path.percpuPtrOff;
});
var eventStatsOff = (function eventStatsOff(types) {
  return eventPath(types, "event").eventStatsOff ?? 0;
});
var sdField = (function sdField(key) {
  return member(key, sd, key.slice(3));
});
var resolveNamedGroup = (function resolveNamedGroup(types, name) {
  types.buildIndexes();
  const missing = {};
  const via = {};
  const value2 = resolveOptional(types, GROUPS[name], name, missing, via);
  return {
    value: value2,
    missing,
    via
  };
});
var resolveOffsets = (function resolveOffsets(types, names = GROUP_NAMES) {
  return mergeOutcomes(inReportOrder(names).map((n) => [
    n,
    resolveNamedGroup(types, n)
  ]));
});
var plain = (function plain(path, type, source) {
  return {
    path,
    type,
    source,
    fallbacks: [],
    absent: "required"
  };
});
var groupInfo = (function groupInfo(path) {
  return {
    path,
    type: "group",
    source: "",
    fallbacks: [],
    absent: "null"
  };
});
var flatten = (function flatten(g, prefix, out) {
  for (const e of g.entries) {
    switch (e.kind) {
      case "field":
      case "set":
        for (const f of e.kind === "set" ? e.fields : [
          e
        ]) {
          out.push({
            path: `${prefix}.${f.key}`,
            type: f.mode === "sizeof" ? "size" : f.mode === "member" || f.mode === "direct" ? "offset" : f.mode,
            source: f.source,
            fallbacks: f.fallbacks,
            absent: e.kind === "set" ? "null" : f.absent,
            ...f.found ? {
              found: f.found
            } : {},
            ...f.mode === "direct" ? {
              direct: true
            } : {},
            ...e.kind === "set" ? {
              allOrNothing: true
            } : {}
          });
        }
        break;
      case "map":
        out.push(plain(`${prefix}.${e.key}`, "map", e.source));
        break;
      case "derived":
        out.push(plain(`${prefix}.${e.key}`, e.key === "missing_groups" ? "names" : "computed", e.source));
        break;
      case "sub":
        out.push(groupInfo(`${prefix}.${e.key}`));
        flatten(e.group, `${prefix}.${e.key}`, out);
        break;
      case "check":
        break;
    }
  }
  return out;
});
var allFields = (function allFields() {
  return fields ??= GROUP_NAMES.flatMap((name) => [
    groupInfo(name),
    ...flatten(GROUPS[name], name, [])
  ]);
});
var fieldAt = (function fieldAt(path) {
  byPath ??= new Map(allFields().map((f) => [
    f.path,
    f
  ]));
  return byPath.get(path);
});
var sourceAt = (function sourceAt(path, via) {
  if (via[path] !== void 0) return via[path];
  const known = fieldAt(path);
  if (known) return known.source;
  const cut = path.lastIndexOf(".");
  const parent = fieldAt(path.slice(0, cut));
  if (parent?.type === "map") return `${parent.source.split(".")[0]}.${path.slice(cut + 1)}`;
  return "";
});
var paint = (function paint(color) {
  const wrap = (code) => (s) => color ? `\x1B[${code}m${s}\x1B[0m` : s;
  return {
    bold: wrap(1),
    dim: wrap(2),
    red: wrap(31)
  };
});
var offsetLine = (function offsetLine(name, value2, indent, source, p) {
  const label = `${indent}${name}`.padEnd(NAME_WIDTH);
  const from = p.dim(source);
  if (value2 === null) return `${label}${p.dim("\u2014".padStart(8))}${" ".repeat(10)}${from}`;
  return `${label}${String(value2).padStart(8)}  ${`0x${value2.toString(16)}`.padEnd(8)}${from}`;
});
var groupLines = (function groupLines(value2, path, indent, missing, via, p) {
  const lines = [];
  for (const [key, v] of Object.entries(value2)) {
    const here = `${path}.${key}`;
    if (Array.isArray(v)) {
      lines.push(...listLines(`${indent}${key}`, v));
    } else if (v === null && here in missing) {
      lines.push(`${indent}${key}  ${p.red("missing")}`);
    } else if (v === null || typeof v === "number") {
      lines.push(offsetLine(key, v, indent, sourceAt(here, via), p));
    } else {
      lines.push(`${indent}${p.bold(key)}`, ...groupLines(v, here, indent + "  ", missing, via, p));
    }
  }
  return lines;
});
var listLines = (function listLines(label, words) {
  if (words.length === 0) return [
    `${label.padEnd(NAME_WIDTH)}none`
  ];
  const lines = [];
  let line = label.padEnd(NAME_WIDTH);
  for (const [i, word] of words.entries()) {
    const piece = word + (i < words.length - 1 ? "," : "");
    if (line.trim().length > 0 && line.length + piece.length + 1 > 100 && line.length > NAME_WIDTH) {
      lines.push(line.trimEnd());
      line = " ".repeat(NAME_WIDTH);
    }
    line += (line.length > NAME_WIDTH ? " " : "") + piece;
  }
  lines.push(line);
  return lines;
});
var machineLine = (function machineLine(s) {
  const pointers = s.pointer_size === null ? "pointer size unknown" : `${s.pointer_size}-byte pointers`;
  return [
    s.arch,
    `${s.endianness}-endian`,
    pointers
  ].filter((x) => x !== null).join(", ");
});
var renderHuman = (function renderHuman(report, color) {
  const p = paint(color);
  const s = report.source;
  const lines = [
    p.bold(printable(s.path)),
    `  ${FORMAT_LABELS[s.format]} \xB7 ${s.btf_bytes} BTF bytes \xB7 ${s.type_count} types \xB7 ${machineLine(s)} \xB7 sidecar ${s.sidecar}`,
    ""
  ];
  for (const [name, value2] of Object.entries(report.offsets)) {
    if (value2 === null || value2 === void 0) {
      lines.push(`${p.bold(name)}  ${p.red("missing")}`);
      continue;
    }
    lines.push(p.bold(name), ...groupLines(value2, name, "  ", report.missing, report.via, p));
  }
  const missing = Object.entries(report.missing);
  if (missing.length > 0) {
    lines.push("", p.bold("missing"));
    for (const [path, reason2] of missing) {
      lines.push(`  ${path}`, `    ${p.red(printable(reason2))}`);
    }
  }
  if (missing.some(([, reason2]) => reason2.includes(NO_SCX))) {
    lines.push("", "note: struct rq has no member scx: kernel built without CONFIG_SCHED_CLASS_EXT");
  }
  return lines.join("\n") + "\n";
});
var groupPaths = (function groupPaths(group2, path) {
  return [
    path,
    ...group2.entries.flatMap((e) => e.kind === "sub" ? groupPaths(e.group, `${path}.${e.key}`) : [])
  ];
});
var topGroup = (function topGroup(path) {
  return path.split(".")[0];
});
var valueAt = (function valueAt(offsets, path) {
  const [first, ...rest] = path.split(".");
  let value2 = offsets[first];
  for (const key of rest) {
    if (value2 === null || value2 === void 0) return value2;
    value2 = value2[key];
  }
  return value2;
});
var command = (function command(c) {
  return c;
});
var loadOptions = (function loadOptions(v) {
  return {
    base: v.base,
    jobs: v.jobs ?? "auto",
    cache: {
      root: v["cache-dir"],
      enabled: !v["no-cache"]
    }
  };
});
var memorySource = (function memorySource(bytes) {
  return {
    size: bytes.length,
    read: (offset, length) => bytes.subarray(offset, offset + length),
    readInto: (offset, dest) => dest.set(bytes.subarray(offset, offset + dest.length))
  };
});
var hasElfMagic = (function hasElfMagic(bytes) {
  return bytes.length >= 4 && bytes[0] === 127 && bytes[1] === 69 && bytes[2] === 76 && bytes[3] === 70;
});
var readChecked = (function readChecked(src, offset, length, what) {
  if (offset < 0 || length < 0 || offset + length > src.size) {
    throw new ElfFormatError(`ELF ${what} lies outside the ${src.size}-byte file`);
  }
  const b = src.read(offset, length);
  return new DataView(b.buffer, b.byteOffset, b.byteLength);
});
var u64 = (function u64(view, at, le = true) {
  const value2 = view.getBigUint64(at, le);
  return value2 > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(value2);
});
var readLayout = (function readLayout(src) {
  const ident = readChecked(src, 0, 16, "identification");
  if (ident.getUint32(0, false) !== 2135247942) throw new ElfFormatError("not an ELF file");
  const cls = ident.getUint8(4), data = ident.getUint8(5);
  if (cls !== 1 && cls !== 2) throw new ElfFormatError(`unknown ELF class ${cls}`);
  if (data !== 1 && data !== 2) throw new ElfFormatError(`unknown ELF data encoding ${data}`);
  const is64 = cls === 2, le = data === 1;
  const h = readChecked(src, 0, is64 ? 64 : 52, "header");
  const layout = is64 ? {
    is64,
    le,
    shoff: u64(h, 40, le),
    shentsize: h.getUint16(58, le),
    shnum: h.getUint16(60, le),
    shstrndx: h.getUint16(62, le)
  } : {
    is64,
    le,
    shoff: h.getUint32(32, le),
    shentsize: h.getUint16(46, le),
    shnum: h.getUint16(48, le),
    shstrndx: h.getUint16(50, le)
  };
  const minEntry = is64 ? 64 : 40;
  if (layout.shoff === 0) throw new ElfFormatError("ELF has no section header table");
  if (layout.shentsize < minEntry) {
    throw new ElfFormatError(`ELF section header size ${layout.shentsize} is too small`);
  }
  if (layout.shnum === 0 || layout.shstrndx === 65535) {
    const s0 = readChecked(src, layout.shoff, minEntry, "section header 0");
    if (layout.shnum === 0) layout.shnum = is64 ? u64(s0, 32, le) : s0.getUint32(20, le);
    if (layout.shstrndx === 65535) layout.shstrndx = s0.getUint32(is64 ? 40 : 24, le);
  }
  if (layout.shstrndx >= layout.shnum) {
    throw new ElfFormatError(`ELF section name table index ${layout.shstrndx} is out of range`);
  }
  return layout;
});
var sectionAt = (function sectionAt(src, l, index) {
  const view = readChecked(src, l.shoff + index * l.shentsize, l.is64 ? 64 : 40, "section header");
  const le = l.le;
  return l.is64 ? {
    name: view.getUint32(0, le),
    offset: u64(view, 24, le),
    size: u64(view, 32, le)
  } : {
    name: view.getUint32(0, le),
    offset: view.getUint32(16, le),
    size: view.getUint32(20, le)
  };
});
var findElfSection = (function findElfSection(src, name) {
  const layout = readLayout(src);
  readChecked(src, layout.shoff, layout.shnum * layout.shentsize, "section header table");
  const strtab = sectionAt(src, layout, layout.shstrndx);
  const names = readChecked(src, strtab.offset, strtab.size, "section name table");
  const wanted = new TextEncoder().encode(name);
  for (let i = 0; i < layout.shnum; i++) {
    const shdr = sectionAt(src, layout, i);
    if (shdr.name + wanted.length >= names.byteLength) continue;
    let match = names.getUint8(shdr.name + wanted.length) === 0;
    for (let j = 0; match && j < wanted.length; j++) {
      match = names.getUint8(shdr.name + j) === wanted[j];
    }
    if (match) return {
      offset: shdr.offset,
      size: shdr.size
    };
  }
  return null;
});
var matchesAt = (function matchesAt(bytes, at, magic) {
  if (at < 0 || at + magic.length > bytes.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[at + i] !== magic[i]) return false;
  return true;
});
var compressionAt = (function compressionAt(bytes, at = 0) {
  for (const { name, magic } of MAGICS) if (matchesAt(bytes, at, magic)) return name;
  return null;
});
var magicCandidates = (function magicCandidates(bytes, limit = 64) {
  const found = [];
  for (const { name, magic } of MAGICS) {
    let count2 = 0;
    for (let at = bytes.indexOf(magic[0]); at >= 0 && count2 < limit; ) {
      if (matchesAt(bytes, at, magic)) {
        found.push({
          compression: name,
          offset: at
        });
        count2++;
      }
      at = bytes.indexOf(magic[0], at + 1);
    }
  }
  return found;
});
var acrossEdge = (function acrossEdge(carry, chunk) {
  const joined = new Uint8Array(carry.length + Math.min(CARRIED, chunk.length));
  joined.set(carry);
  joined.set(chunk.subarray(0, joined.length - carry.length), carry.length);
  return joined;
});
var carryOver = (function carryOver(carry, chunk) {
  const keep = Math.min(CARRIED, carry.length + chunk.length);
  const next = new Uint8Array(keep);
  const fromChunk = Math.min(keep, chunk.length);
  next.set(carry.subarray(carry.length - (keep - fromChunk)));
  next.set(chunk.subarray(chunk.length - fromChunk), keep - fromChunk);
  return next;
});
var isHeaderStart = (function isHeaderStart(b, at) {
  return b[at + 2] === 1 && b[at + 3] === 0 && (b[at] === 159 && b[at + 1] === 235 || b[at] === 235 && b[at + 1] === 159);
});
var claimedSize = (function claimedSize(head) {
  if (head.length < HEAD || !isHeaderStart(head, 0)) return null;
  const c = new Candidate(0, head[0] === 159);
  c.take(head.subarray(0, HEAD), 0);
  return c.dead ? null : c.size;
});
var isValidBtf = (function isValidBtf(bytes) {
  const found = findBtf(bytes);
  return found !== null && found.offset === 0 && found.bytes.length === bytes.length;
});
var findBtf = (function findBtf(bytes) {
  const scanner = new BtfScanner();
  scanner.push(bytes);
  return scanner.finish();
});
var peMachineArch = (function peMachineArch(machine) {
  return PE_MACHINES[machine];
});
var elfArch = (function elfArch(head) {
  if (head.length < 20 || head[0] !== 127 || head[1] !== 69 || head[2] !== 76 || head[3] !== 70) return void 0;
  const is64 = head[4] === 2, little = head[5] === 1;
  const machine = little ? head[18] | head[19] << 8 : head[18] << 8 | head[19];
  switch (machine) {
    case 3:
      return "i386";
    case 62:
      return "x86_64";
    case 40:
      return "arm";
    case 183:
      return "arm64";
    case 243:
      return is64 ? "riscv64" : "riscv32";
    case 22:
      return is64 ? "s390x" : "s390";
    case 21:
      return little ? "ppc64le" : "ppc64";
    case 20:
      return "ppc";
    case 258:
      return "loongarch64";
    case 8:
      return (is64 ? "mips64" : "mips") + (little ? "el" : "");
    case 43:
      return "sparc64";
    default:
      return void 0;
  }
});
var hasMzMagic = (function hasMzMagic(head) {
  return head.length >= 64 && head[0] === 77 && head[1] === 90;
});
var peHeader = (function peHeader(head) {
  if (!hasMzMagic(head)) return null;
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const offset = view.getUint32(60, true);
  if (offset < 64 || offset + 6 > head.length) return null;
  if (view.getUint32(offset, true) !== 17744) return null;
  const machine = view.getUint16(offset + 4, true);
  const arch = peMachineArch(machine);
  return arch === void 0 ? {
    offset,
    machine
  } : {
    offset,
    machine,
    arch
  };
});
var ascii = (function ascii(head, at, text) {
  if (head.length < at + text.length) return false;
  for (let i = 0; i < text.length; i++) if (head[at + i] !== text.charCodeAt(i)) return false;
  return true;
});
var flatImageHeader = (function flatImageHeader(head) {
  const pe = peHeader(head);
  if (ascii(head, 56, "ARMd")) return {
    kind: "arm64 Image",
    arch: pe?.arch ?? "arm64"
  };
  if (ascii(head, 56, "RSC") || ascii(head, 48, "RISCV\0\0\0")) {
    return {
      kind: "riscv Image",
      arch: pe?.arch ?? "riscv64"
    };
  }
  if (pe?.arch !== void 0) return {
    kind: "PE",
    arch: pe.arch
  };
  return null;
});
var blobAt = (function blobAt(src, at) {
  if (at + 32 > src.size) return null;
  const size = claimedSize(src.read(at, 32));
  if (size === null || at + size > src.size) return null;
  const bytes = src.read(at, size);
  return isValidBtf(bytes) ? {
    offset: at,
    bytes,
    littleEndian: bytes[0] === 159
  } : null;
});
var scanFlatSource = (function scanFlatSource(src) {
  const piece = new Uint8Array(Math.min(CHUNK, src.size));
  const pieceAt = (at) => {
    const bytes = piece.subarray(0, Math.min(CHUNK, src.size - at));
    src.readInto(at, bytes);
    return bytes;
  };
  for (let at = 0; at < src.size; at += CHUNK) {
    const bytes = pieceAt(at);
    for (let i = 0; i + 4 <= bytes.length; i += PAGE) {
      if (!isMagic(bytes, i)) continue;
      const found = blobAt(src, at + i);
      if (found !== null && found.bytes.length >= PAGE_ALIGNED_MIN) return found;
    }
  }
  const scanner = new BtfScanner();
  for (let at = 0; at < src.size; at += CHUNK) {
    if (!scanner.push(pieceAt(at))) break;
  }
  return scanner.finish();
});
var isMagic = (function isMagic(b, at) {
  return b[at + 2] === 1 && b[at + 3] === 0 && (b[at] === 159 && b[at + 1] === 235 || b[at] === 235 && b[at + 1] === 159);
});
var isS390Head = (function isS390Head(head) {
  if (head.length < S390_HEAD_BYTES) return false;
  if (head[0] !== 0 || head[1] !== 8 || head[2] !== 0 || head[3] !== 0 || head[4] !== 128) {
    return false;
  }
  return IPL_CCWS.every((b, i) => head[8 + i] === b);
});
var isS390Image = (function isS390Image(src) {
  if (src.size < S390_EP_OFFSET + EP_STRING.length) return false;
  if (!isS390Head(src.read(0, S390_HEAD_BYTES))) return false;
  const ep = src.read(S390_EP_OFFSET, EP_STRING.length);
  return EP_STRING.every((b, i) => ep[i] === b);
});
var s390PayloadCandidates = (function* s390PayloadCandidates(src, limit = 32) {
  let found = 0;
  for (let at = S390_STARTUP; at < src.size && found < limit; at += CHUNK2) {
    const bytes = src.read(at, Math.min(CHUNK2 + LONGEST_MAGIC, src.size - at));
    for (let i = 0; i < CHUNK2 && i < bytes.length && found < limit; i += 8) {
      if (FIRST[bytes[i]] === 0) continue;
      const compression = compressionAt(bytes, i);
      if (compression === null) continue;
      found++;
      yield {
        compression,
        offset: at + i
      };
    }
  }
});
var isZboot = (function isZboot(head) {
  return head.length >= ZBOOT_HEADER_BYTES && head[0] === 77 && head[1] === 90 && head[4] === 122 && head[5] === 105 && head[6] === 109 && head[7] === 103;
});
var zbootPayload = (function zbootPayload(head) {
  if (!isZboot(head)) return null;
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  let end = 24;
  while (end < 56 && head[end] !== 0) end++;
  const type = Array.from(head.subarray(24, end), (b) => String.fromCharCode(b)).join("");
  return {
    offset: view.getUint32(8, true),
    length: view.getUint32(12, true),
    type,
    compression: Object.hasOwn(TYPES, type) ? TYPES[type] : null
  };
});
var bootPayload = (function bootPayload(head) {
  if (head.length < BOOT_HEADER_BYTES) return null;
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  if (view.getUint32(514, true) !== HDRS || view.getUint16(518, true) < MIN_PROTOCOL) {
    return null;
  }
  const setupSects = head[497] === 0 ? 4 : head[497];
  return {
    offset: (setupSects + 1) * 512 + view.getUint32(584, true),
    length: view.getUint32(588, true)
  };
});
var isKernelImage = (function isKernelImage(head) {
  return bootPayload(head) !== null || compressionAt(head) !== null || isZboot(head) || flatImageHeader(head) !== null || isS390Head(head);
});
var locateBtf = (function locateBtf(src) {
  if (src.size === 0) throw new BtfError("empty file");
  const head = src.read(0, Math.min(24, src.size));
  if (hasBtfMagic(head) || hasBigEndianBtfMagic(head)) {
    return {
      format: "raw",
      offset: 0,
      size: src.size
    };
  }
  const damaged = damagedBtfMagic(head, src.size);
  if (damaged !== null) throw new BtfError(damaged);
  if (!hasElfMagic(head)) {
    const boot = src.read(0, Math.min(BOOT_HEADER_BYTES, src.size));
    if (isKernelImage(boot)) {
      throw new BtfError("a compressed kernel image or module: the asynchronous loaders read it (loadImage, loadKernelCached)");
    }
    throw new BtfError(NOT_RECOGNIZED);
  }
  let section2;
  try {
    section2 = findElfSection(src, ".BTF");
  } catch (err) {
    if (err instanceof ElfFormatError) throw new BtfError(`${NOT_RECOGNIZED} (${err.message})`);
    throw err;
  }
  if (section2 === null) throw new NoBtfError(`ELF file has no .BTF section: ${BUILT_WITHOUT_BTF}`);
  if (section2.offset + section2.size > src.size) {
    throw new BtfError(".BTF section data out of bounds");
  }
  return {
    format: "elf",
    offset: section2.offset,
    size: section2.size
  };
});
var resolveCacheRoot = (function resolveCacheRoot(env) {
  const absolute = (name, value2) => {
    if (!value2.startsWith("/")) {
      throw new CacheError(`cache root: ${name} '${value2}' is not an absolute path`);
    }
    return value2;
  };
  const direct2 = env.get(CACHE_DIR_ENV);
  if (direct2 !== void 0 && direct2 !== "") return absolute(CACHE_DIR_ENV, direct2);
  const xdg = env.get("XDG_CACHE_HOME");
  if (xdg !== void 0 && xdg !== "") {
    return joinPath(absolute("XDG_CACHE_HOME", xdg), "ktstr/kernels");
  }
  const home = env.get("HOME");
  const hint = `; set ${CACHE_DIR_ENV} or XDG_CACHE_HOME, or pass --cache-dir`;
  if (home === void 0) throw new CacheError(`cache root: HOME is not set${hint}`);
  if (home === "") throw new CacheError(`cache root: HOME is empty${hint}`);
  if (/^\/+$/.test(home)) throw new CacheError(`cache root: HOME is '/'${hint}`);
  if (!home.startsWith("/")) {
    throw new CacheError(`cache root: HOME '${home}' is not an absolute path${hint}`);
  }
  return joinPath(home, ".cache/ktstr/kernels");
});
var joinPath = (function joinPath(dir, name) {
  return dir.endsWith("/") ? dir + name : `${dir}/${name}`;
});
var dirName = (function dirName(path) {
  const at = path.lastIndexOf("/");
  return at <= 0 ? "/" : path.slice(0, at);
});
var baseName = (function baseName(path) {
  const trimmed = path.replace(/\/+$/, "");
  return trimmed.slice(trimmed.lastIndexOf("/") + 1);
});
var isInsideRoot = (function isInsideRoot(root, dir) {
  const r = root.split("/").filter((c) => c !== "");
  const d = dir.split("/").filter((c) => c !== "");
  if (!root.startsWith("/") || !dir.startsWith("/") || d.length < r.length) return false;
  return r.every((c, i) => d[i] === c);
});
var cacheKeyProblem = (function cacheKeyProblem(key) {
  const shown = JSON.stringify(key);
  if (key.trim() === "") return "cache key must not be empty";
  if (key.includes("\0")) return "cache key must not contain a NUL byte";
  if (key.includes("/") || key.includes("\\")) {
    return `cache key ${shown} must not contain '/' or '\\'`;
  }
  if (key === ".") return "cache key must not be '.'";
  if (key.includes("..")) return `cache key ${shown} must not contain '..'`;
  if (key.startsWith(TMP_PREFIX)) {
    return `cache key ${shown} must not start with '${TMP_PREFIX}' (reserved for temporary files)`;
  }
  if (key.startsWith(".")) return `cache key ${shown} must not start with '.'`;
  return void 0;
});
var validateCacheKey = (function validateCacheKey(key) {
  const problem = cacheKeyProblem(key);
  if (problem !== void 0) throw new CacheError(problem);
  return key;
});
var provenanceStamp = (function provenanceStamp(id) {
  if (id.ctimeMs === null) return null;
  let h = 2166136261;
  for (const c of `${id.dev}:${id.ino}:${id.size}:${id.mtimeMs}`) {
    h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  }
  return (Math.floor(id.ctimeMs / 1e3) + 1) * 1e3 + h % 1e3;
});
var sidecarFreshness = (function sidecarFreshness(f) {
  const s = f.sidecar;
  if (s === null) return "missing";
  if (!s.regular || f.stamp === null) return "stale";
  const size = f.btfSize === null || s.size === f.btfSize;
  return s.mtime === f.stamp && size ? "candidate" : "stale";
});
var tempNameFor = (function tempNameFor(target, pid, nonce2) {
  return joinPath(dirName(target), `.${baseName(target)}.tmp-${nonce2}-${pid}`);
});
var tempFileOwner = (function tempFileOwner(name) {
  const m = /^\..+\.tmp-[^-]*-(\d+)$/.exec(name);
  return m ? Number(m[1]) : void 0;
});
var tmpDirOwner = (function tmpDirOwner(name) {
  if (!name.startsWith(TMP_PREFIX)) return void 0;
  const m = /-(\d+)$/.exec(name);
  return m ? Number(m[1]) : void 0;
});
var bannerVersion = (function bannerVersion(text) {
  const m = /Linux version (\S+)/.exec(text);
  return m ? m[1] : void 0;
});
var humanSize = (function humanSize(bytes) {
  const units = [
    "B",
    "kB",
    "MB",
    "GB",
    "TB"
  ];
  let v = bytes, u = 0;
  while (v >= 1e3 && u < units.length - 1) {
    v /= 1e3;
    u++;
  }
  return u === 0 ? `${v} B` : `${v.toFixed(1)} ${units[u]}`;
});
var isSplitStrings = (function isSplitStrings(strLen, firstStringByte) {
  return strLen > 0 && firstStringByte !== 0;
});
var buildTypes = (function buildTypes(total, head, fill, byteAt, base, space) {
  const hdr = parseHeader(head, total);
  const split = isSplitStrings(hdr.strLen, hdr.strLen > 0 ? byteAt(hdr.strStart) : 0);
  if (split && !base) throw new BtfError(SPLIT_NEEDS_BASE);
  if (!split && base) {
    throw new BtfError("not split BTF (its strings start with the empty string), but a base was given: --base is only for a module's split BTF");
  }
  if (!base) return BtfTypes.buildFrom(total, head, fill, void 0, space);
  let types;
  try {
    types = BtfTypes.buildFrom(total, head, fill, base, space);
  } catch (err) {
    if (err instanceof BtfError) throw new BtfError(`${MISMATCH}: ${err.message}`);
    throw err;
  }
  checkSplitBase(types);
  return types;
});
var checkSplitBase = (function checkSplitBase(types) {
  const base = types.base;
  if (!base) return;
  const onStringStart = (off) => {
    if (off === 0) return true;
    try {
      return types.stringAt(off - 1) === "";
    } catch {
      return false;
    }
  };
  const refKind = (ref2) => ref2 <= base.lastId ? base.kind(ref2) : null;
  const fail2 = (id, what) => {
    throw new BtfError(`${MISMATCH}: type id ${id} ${what} (built against another vmlinux?)`);
  };
  const checkData = (id, ref2, what) => {
    const kind = refKind(ref2);
    if (kind !== null && ref2 !== 0 && NOT_DATA.has(kind)) {
      fail2(id, `${what}refers to base type ${ref2}, a ${kindName(kind)}`);
    }
  };
  for (let id = types.firstId; id <= types.lastId; id++) {
    const kind = types.kind(id);
    if (!onStringStart(types.nameOff(id))) {
      fail2(id, `has name offset ${types.nameOff(id)}, not the start of a string`);
    }
    switch (kind) {
      case Kind.FUNC: {
        const proto = refKind(types.refType(id));
        if (proto !== null && proto !== Kind.FUNC_PROTO) {
          fail2(id, `(a FUNC) refers to base type ${types.refType(id)}, a ${kindName(proto)}`);
        }
        break;
      }
      case Kind.PTR:
      case Kind.TYPEDEF:
      case Kind.VOLATILE:
      case Kind.CONST:
      case Kind.RESTRICT:
      case Kind.TYPE_TAG:
      case Kind.VAR:
        checkData(id, types.refType(id), "");
        break;
      case Kind.ARRAY:
        checkData(id, types.word(id, 3), "element ");
        break;
      case Kind.STRUCT:
      case Kind.UNION:
        for (let i = 0; i < types.vlen(id); i++) {
          if (!onStringStart(types.elemWord(id, i, 0))) {
            fail2(id, `member ${i} has name offset ${types.elemWord(id, i, 0)}, not the start of a string`);
          }
          checkData(id, types.elemWord(id, i, 1), `member ${i} `);
        }
        break;
      case Kind.FUNC_PROTO:
        checkData(id, types.refType(id), "return type ");
        for (let i = 0; i < types.vlen(id); i++) {
          if (!onStringStart(types.word(id, 3 + 2 * i))) {
            fail2(id, `parameter ${i} has a name offset that is not the start of a string`);
          }
          checkData(id, types.word(id, 4 + 2 * i), `parameter ${i} `);
        }
        break;
      case Kind.ENUM:
      case Kind.ENUM64: {
        const step = elemWords(kind);
        for (let i = 0; i < types.vlen(id); i++) {
          if (!onStringStart(types.word(id, 3 + step * i))) {
            fail2(id, `enumerator ${i} has a name offset that is not the start of a string`);
          }
        }
        break;
      }
    }
  }
});
var lib = (function lib() {
  if (libc !== void 0) return libc;
  libc = null;
  const nr = SYSCALL_NUMBERS[Deno.build.arch];
  try {
    if (typeof Deno.dlopen !== "function" || !nr) return null;
    if (Deno.permissions.querySync({
      name: "ffi"
    }).state !== "granted") return null;
    const { syscall } = Deno.dlopen("libc.so.6", {
      syscall: {
        parameters: [
          "i64",
          "i64",
          "i64",
          "i64",
          "i64",
          "i64",
          "i64"
        ],
        result: "i64"
      }
    }).symbols;
    const call = (n, a = 0, b = 0, c = 0, d = 0, e = 0, f = 0) => Number(syscall(BigInt(n), BigInt(a), BigInt(b), BigInt(c), BigInt(d), BigInt(e), BigInt(f)));
    libc = {
      mmap: (at, len, prot, flags, fd, offset) => call(nr.mmap, at, len, prot, flags, fd, offset),
      mremap: (from, len, newLen, flags, to) => call(nr.mremap, from, len, newLen, flags, to),
      munmap: (at, len) => call(nr.munmap, at, len),
      madvise: (at, len, advice2) => call(nr.madvise, at, len, advice2),
      open: (path, flags) => call(nr.open, AT_FDCWD, address(path), flags),
      close: (fd) => call(nr.close, fd)
    };
  } catch {
  }
  return libc;
});
var address = (function address(bytes) {
  return Number(Deno.UnsafePointer.value(Deno.UnsafePointer.of(bytes)));
});
var pageAdvice = (function pageAdvice() {
  if (advice !== void 0) return advice;
  const c = lib();
  advice = c ? {
    // A region starts on a 2 MiB boundary of the address space (V8 aligns a memory to
    // 64 KiB only), so each 2 MiB of it faults once.
    slack: (total) => total >= HUGE_MIN_BTF ? 2 * HUGE_PAGE : 0,
    place(memory, byte, total) {
      if (total < HUGE_MIN_BTF) return byte;
      const base = address(new Uint8Array(memory.buffer));
      return Math.ceil((base + byte) / HUGE_PAGE) * HUGE_PAGE - base;
    },
    fresh(memory, maxBytes) {
      const base = address(new Uint8Array(memory.buffer));
      const from = (Math.floor(base / HUGE_PAGE) + 1) * HUGE_PAGE, end = base + maxBytes;
      if (from < end) c.madvise(from, end - from, MADV_HUGEPAGE);
    }
  } : null;
  return advice;
});
var defaultSpace = (function defaultSpace(path) {
  const a = pageAdvice();
  return freshSpace(a ?? void 0, a !== null && mayMap(path));
});
var mayMap = (function mayMap(path) {
  return path.startsWith(SYSFS_BTF);
});
var mapInto = (function mapInto(path, offset, dest) {
  if (!mayMap(path) || offset % PAGE2 !== 0 || dest.length === 0) return false;
  const c = lib();
  const at = c ? address(dest) : 0;
  if (!c || at % PAGE2 !== 0) return false;
  const fd = c.open(new TextEncoder().encode(path + "\0"), O_RDONLY_CLOEXEC);
  if (fd < 0) return false;
  try {
    const len = dest.length;
    const probe = c.mmap(0, len, PROT_READ, MAP_PRIVATE, fd, offset);
    if (probe === -1) return false;
    const moved = c.mremap(probe, len, len, MREMAP_MAYMOVE | MREMAP_FIXED, at);
    if (moved === at) return true;
    c.munmap(probe, len);
    return c.mmap(at, len, PROT_READ, MAP_PRIVATE | MAP_FIXED, fd, offset) === at;
  } finally {
    c.close(fd);
  }
});
var mapFile = (function mapFile(path, size) {
  const c = lib();
  if (!c || size <= 0) return null;
  const fd = c.open(new TextEncoder().encode(path + "\0"), O_RDONLY_CLOEXEC);
  if (fd < 0) return null;
  try {
    const at = c.mmap(0, size, PROT_READ, MAP_SHARED, fd, 0);
    if (at === -1) return null;
    const buffer = Deno.UnsafePointerView.getArrayBuffer(Deno.UnsafePointer.create(BigInt(at)), size);
    return {
      bytes: new Uint8Array(buffer),
      unmap: () => void c.munmap(at, size)
    };
  } finally {
    c.close(fd);
  }
});
var osMessage = (function osMessage(err) {
  const message = err instanceof Error ? err.message : String(err);
  return message.replace(/: [a-z_]+ '.*'$/s, "");
});
var realPath = (function realPath(path) {
  try {
    return Deno.realPathSync(path);
  } catch {
    return void 0;
  }
});
var mtimeMs = (function mtimeMs(info) {
  return info.mtime ? info.mtime.getTime() : null;
});
var pathExists = (function pathExists(path) {
  try {
    Deno.lstatSync(path);
    return true;
  } catch {
    return false;
  }
});
var fileSource = (function fileSource(file, size) {
  const readInto = (offset, dest) => {
    try {
      file.seekSync(offset, Deno.SeekMode.Start);
      for (let done = 0; done < dest.length; ) {
        const n = file.readSync(dest.subarray(done));
        if (n === null || n === 0) {
          throw new BtfError(`read file: unexpected end of file at ${BigInt(offset) + BigInt(done)}`);
        }
        done += n;
      }
    } catch (err) {
      if (err instanceof BtfError) throw err;
      throw new BtfError(`read file: ${osMessage(err)}`);
    }
  };
  return {
    size,
    readInto,
    readFarInto: readInto,
    read(offset, length) {
      const out = new Uint8Array(length);
      readInto(offset, out);
      return out;
    }
  };
});
var isStandardInput = (function isStandardInput(path) {
  return path === "-" || path === "/dev/stdin" || path === "/dev/fd/0" || path === "/proc/self/fd/0";
});
var standardInputBytes = (function standardInputBytes() {
  if (stdinBytes) return stdinBytes;
  const parts = [];
  let total = 0;
  for (; ; ) {
    const buf = new Uint8Array(1 << 20);
    const n = Deno.stdin.readSync(buf);
    if (n === null) break;
    parts.push(buf.subarray(0, n));
    total += n;
  }
  stdinBytes = new Uint8Array(total);
  let at = 0;
  for (const part of parts) stdinBytes.set(part, (at += part.length) - part.length);
  return stdinBytes;
});
var fileKind = (function fileKind(info) {
  if (info.isFifo) return "a FIFO";
  if (info.isSocket) return "a socket";
  if (info.isCharDevice) return "a character device";
  if (info.isBlockDevice) return "a block device";
  return "not a file";
});
var refuseNonRegular = (function refuseNonRegular(info) {
  if (info.isDirectory) throw new BtfError("read file: Is a directory (os error 21)");
  if (!info.isFile) {
    throw new BtfError(`read file: not a regular file (${fileKind(info)}); only regular files and standard input are read`);
  }
});
var openSource = (function openSource(path) {
  if (isStandardInput(path)) {
    try {
      return {
        src: memorySource(standardInputBytes()),
        info: null,
        file: null,
        close: () => {
        }
      };
    } catch (err) {
      throw new BtfError(`read file: ${osMessage(err)}`);
    }
  }
  let file;
  try {
    refuseNonRegular(Deno.statSync(path));
    file = Deno.openSync(path, {
      read: true
    });
  } catch (err) {
    if (err instanceof BtfError) throw err;
    throw new BtfError(`read file: ${osMessage(err)}`);
  }
  try {
    const info = file.statSync();
    refuseNonRegular(info);
    return {
      src: fileSource(file, info.size),
      info,
      file,
      close: () => file.close()
    };
  } catch (err) {
    file.close();
    if (err instanceof BtfError) throw err;
    throw new BtfError(`read file: ${osMessage(err)}`);
  }
});
var openMapped = (function openMapped(path) {
  const opened = openSource(path);
  const proc = realPath(path)?.startsWith("/proc/") ?? true;
  const mapped = opened.info && !proc ? mapFile(path, opened.info.size) : null;
  if (!mapped) return opened;
  return {
    ...opened,
    src: memorySource(mapped.bytes),
    close() {
      mapped.unmap();
      opened.close();
    }
  };
});
var withInput = (function withInput(path, use) {
  const opened = openSource(path);
  try {
    return use(opened);
  } finally {
    opened.close();
  }
});
var loadBtf = (function loadBtf(path, base, space) {
  return openedAs(path, () => withInput(path, (input) => loadBtfFrom(input, path, base, space)));
});
var loadBtfFrom = (function loadBtfFrom(input, path, base, space) {
  const src = input.src, at = locateBtf(src);
  const types = buildTypes(at.size, src.read(at.offset, Math.min(at.size, 64)), (dest) => mapInto(path, at.offset, dest) || src.readInto(at.offset, dest), (offset) => src.read(at.offset + offset, 1)[0], base, space ?? defaultSpace(path));
  const arch = at.format === "elf" ? elfArch(src.read(0, Math.min(20, src.size))) : void 0;
  return arch === void 0 ? {
    path,
    format: at.format,
    types
  } : {
    path,
    format: at.format,
    types,
    arch
  };
});
var openedAs = (function openedAs(path, fn) {
  try {
    return fn();
  } catch (err) {
    throw openError(path, err);
  }
});
var openError = (function openError(path, err) {
  return err instanceof BtfError ? new BtfError(`btf: open ${path}: ${err.message}`) : err;
});
var isHostBtf = (function isHostBtf(path) {
  return path === HOST_BTF_PATH || realPath(path) === HOST_BTF_PATH;
});
var nonce = (function nonce() {
  return crypto.getRandomValues(new Uint32Array(1))[0].toString(16).padStart(8, "0");
});
var pidIsDead = (function pidIsDead(pid) {
  if (pid === Deno.pid) return false;
  try {
    Deno.statSync("/proc/self");
  } catch {
    return false;
  }
  try {
    Deno.statSync(`/proc/${pid}`);
    return false;
  } catch {
    return true;
  }
});
var sweepTempFiles = (function sweepTempFiles(dir) {
  return sweepDead(dir, tempFileOwner, false);
});
var sweepDead = (function sweepDead(dir, owner, recursive) {
  const removed = [];
  let names;
  try {
    names = [
      ...Deno.readDirSync(dir)
    ].map((e) => e.name);
  } catch {
    return removed;
  }
  for (const name of names) {
    const pid = owner(name);
    if (pid === void 0 || !pidIsDead(pid)) continue;
    try {
      Deno.removeSync(joinPath(dir, name), {
        recursive
      });
      removed.push(name);
    } catch {
    }
  }
  return removed;
});
var sweepTmpDirs = (function sweepTmpDirs(root) {
  return sweepDead(root, tmpDirOwner, true);
});
var writeAll = (function writeAll(file, bytes) {
  for (let done = 0; done < bytes.length; ) done += file.writeSync(bytes.subarray(done));
});
var writeFileSynced = (function writeFileSynced(path, bytes, mtimeMs2) {
  using file = Deno.openSync(path, {
    write: true,
    createNew: true,
    mode: 420
  });
  writeAll(file, bytes);
  if (mtimeMs2 !== void 0) file.utimeSync(/* @__PURE__ */ new Date(), new Date(mtimeMs2));
  file.syncSync();
});
var syncDir = (function syncDir(dir) {
  try {
    using d = Deno.openSync(dir, {
      read: true
    });
    d.syncSync();
  } catch {
  }
});
var writeFileAtomic = (function writeFileAtomic(target, bytes, mtimeMs2) {
  sweepTempFiles(dirName(target));
  const tmp = tempNameFor(target, Deno.pid, nonce());
  try {
    writeFileSynced(tmp, bytes, mtimeMs2);
    Deno.renameSync(tmp, target);
  } catch (err) {
    try {
      Deno.removeSync(tmp);
    } catch {
    }
    throw err;
  }
  syncDir(dirName(target));
});
var exchangeFn = (function exchangeFn() {
  if (renameat2 !== void 0) return renameat2;
  renameat2 = null;
  if (Deno.build.os !== "linux") return null;
  try {
    const lib2 = Deno.dlopen("libc.so.6", {
      renameat2: {
        parameters: [
          "i32",
          "buffer",
          "i32",
          "buffer",
          "u32"
        ],
        result: "i32"
      }
    });
    const AT_FDCWD2 = -100;
    renameat2 = (from, to, flags) => lib2.symbols.renameat2(AT_FDCWD2, from, AT_FDCWD2, to, flags);
  } catch {
    renameat2 = null;
  }
  return renameat2;
});
var cString = (function cString(s) {
  return new TextEncoder().encode(s + "\0");
});
var publishDir = (function publishDir(staged, target, scratch) {
  try {
    Deno.renameSync(staged, target);
    return "added";
  } catch (err) {
    if (!pathExists(target)) throw err;
  }
  const exchange = exchangeFn();
  if (exchange && exchange(
    cString(staged),
    cString(target),
    2
    /* RENAME_EXCHANGE */
  ) === 0) {
    Deno.removeSync(staged, {
      recursive: true
    });
    return "replaced";
  }
  Deno.renameSync(target, scratch);
  Deno.renameSync(staged, target);
  Deno.removeSync(scratch, {
    recursive: true
  });
  return "replaced";
});
var cacheRoot = (function cacheRoot(opts = {}) {
  return opts.root ?? resolveCacheRoot(opts.env ?? Deno.env);
});
var warnOf = (function warnOf(opts) {
  return opts.warn ?? ((m) => console.error(`warning: ${m}`));
});
var stampOf = (function stampOf(info) {
  return provenanceStamp({
    dev: info.dev,
    ino: info.ino,
    size: info.size,
    mtimeMs: mtimeMs(info),
    ctimeMs: info.ctime ? info.ctime.getTime() : null
  });
});
var planFor = (function planFor(input, path, opts) {
  if (isStandardInput(path) || input.info === null) {
    return {
      kind: "none",
      status: "not-applicable"
    };
  }
  const head = input.src.read(0, Math.min(BOOT_HEADER_BYTES, input.src.size));
  const format = hasElfMagic(head) ? "elf" : isKernelImage(head) ? "image" : void 0;
  if (format === void 0) return {
    kind: "none",
    status: "not-applicable"
  };
  if (opts.enabled === false) return {
    kind: "none",
    status: "disabled"
  };
  let root;
  try {
    root = realPath(cacheRoot(opts));
  } catch (err) {
    if (!(err instanceof CacheError)) throw err;
  }
  const elf = realPath(path);
  if (root === void 0 || elf === void 0 || !isInsideRoot(root, dirName(elf))) {
    return {
      kind: "none",
      status: "outside-cache"
    };
  }
  const sidecar = elf + SIDECAR_SUFFIX;
  sweepTempFiles(dirName(sidecar));
  const btf = format === "elf" ? locateBtf(input.src) : null;
  const stamp = stampOf(input.info);
  const facts = {
    stamp,
    btfSize: btf?.size ?? null,
    sidecar: sidecarFacts(sidecar)
  };
  return {
    kind: "cache",
    format,
    elf,
    sidecar,
    freshness: sidecarFreshness(facts),
    stamp,
    btf
  };
});
var sidecarFacts = (function sidecarFacts(sidecar) {
  try {
    const info = Deno.lstatSync(sidecar);
    return {
      regular: info.isFile,
      size: info.size,
      mtime: mtimeMs(info),
      id: fileId(info)
    };
  } catch {
    return null;
  }
});
var fileId = (function fileId(info) {
  return `${info.dev}:${info.ino}`;
});
var planSidecar = (function planSidecar(path, opts = {}) {
  return openedAs(path, () => withInput(path, (input) => planFor(input, path, opts)));
});
var readSidecar = (function readSidecar(plan, elf, base, space) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const seen = sidecarFacts(plan.sidecar);
    const facts = {
      stamp: plan.stamp,
      btfSize: plan.btf?.size ?? null,
      sidecar: seen
    };
    if (!seen || sidecarFreshness(facts) !== "candidate") return void 0;
    try {
      const types = withInput(plan.sidecar, (input) => {
        if (input.info === null || fileId(input.info) !== seen.id) return null;
        const n = Math.min(HEAD_CHECK_BYTES, input.info.size);
        const mine = input.src.read(0, n);
        const theirs = plan.btf ? elf.src.read(plan.btf.offset, n) : mine;
        if (!(hasBtfMagic(mine) || hasBigEndianBtfMagic(mine)) || mine.some((b, k) => b !== theirs[k])) return void 0;
        const loaded = loadBtfFrom(input, plan.sidecar, base, space);
        return loaded.format === "raw" ? loaded.types : void 0;
      });
      if (types !== null) return types;
    } catch {
      return void 0;
    }
  }
  return void 0;
});
var finishSidecar = (function finishSidecar(plan, types, opts) {
  try {
    const bytes = types.rawBytes().slice();
    if (types.bigEndian) swapByteOrder(bytes, parseHeader(bytes));
    writeFileAtomic(plan.sidecar, bytes, plan.stamp ?? void 0);
    return plan.freshness === "missing" ? "written" : "rewritten";
  } catch (err) {
    warnOf(opts)(`sidecar ${plan.sidecar}: write failed: ${osMessage(err)}`);
    return "write-failed";
  }
});
var loadBtfCached = (function loadBtfCached(path, opts = {}, base) {
  if (base === void 0 && isHostBtf(path)) {
    return {
      ...hostBtfMemo.get(),
      path,
      sidecar: "not-applicable"
    };
  }
  return openedAs(path, () => withInput(path, (input) => {
    const plan = planFor(input, path, opts);
    if (plan.kind === "none") {
      return {
        ...loadBtfFrom(input, path, base, opts.space),
        sidecar: plan.status
      };
    }
    if (plan.freshness === "candidate") {
      const types = readSidecar(plan, input, base, opts.space);
      if (types) {
        return {
          path,
          format: plan.format,
          types,
          sidecar: "hit"
        };
      }
    }
    const loaded = loadBtfFrom(input, path, base, opts.space);
    return {
      ...loaded,
      sidecar: finishSidecar(plan, loaded.types, opts)
    };
  }));
});
var loadBtfCachedWith = (async function loadBtfCachedWith(path, opts, load) {
  const plan = planSidecar(path, opts);
  if (plan.kind === "none") return {
    ...await load(path, false),
    sidecar: plan.status
  };
  if (plan.freshness === "candidate") {
    try {
      const fromSidecar = await load(plan.sidecar, false);
      const size = plan.btf?.size ?? fromSidecar.types?.btfBytes;
      if (fromSidecar.format === "raw" && (fromSidecar.types?.btfBytes ?? size) === size) {
        return {
          ...fromSidecar,
          format: plan.format,
          sidecar: "hit"
        };
      }
    } catch {
    }
  }
  const loaded = await load(path, true);
  return {
    ...loaded,
    sidecar: finishSidecar(plan, loaded.types, opts)
  };
});
var sidecarState = (function sidecarState(vmlinux, root) {
  try {
    return withInput(vmlinux, (input) => {
      const plan = planFor(input, vmlinux, {
        root
      });
      if (plan.kind === "none") return "outside-cache";
      if (plan.freshness !== "candidate") return plan.freshness;
      return readSidecar(plan, input) ? "fresh" : "invalid";
    });
  } catch (err) {
    if (err instanceof BtfError) return "invalid";
    throw err;
  }
});
var entryVmlinuxPath = (function entryVmlinuxPath(root, key) {
  return joinPath(joinPath(root, validateCacheKey(key)), ENTRY_VMLINUX);
});
var resolveKernelInput = (function resolveKernelInput(arg, opts = {}) {
  try {
    Deno.statSync(arg);
    return arg;
  } catch {
  }
  if (cacheKeyProblem(arg) !== void 0) return arg;
  try {
    const vmlinux = entryVmlinuxPath(cacheRoot(opts), arg);
    if (Deno.statSync(vmlinux).isFile) return vmlinux;
  } catch {
  }
  return arg;
});
var readMetadata = (function readMetadata(dir) {
  try {
    const value2 = JSON.parse(Deno.readTextFileSync(joinPath(dir, ENTRY_METADATA)));
    return value2 !== null && typeof value2 === "object" ? value2 : {};
  } catch {
    return {};
  }
});
var listEntries = (function listEntries(root) {
  let names;
  try {
    names = [
      ...Deno.readDirSync(root)
    ].filter((e) => e.isDirectory).map((e) => e.name);
  } catch (err) {
    if (err instanceof Deno.errors.NotFound) return [];
    throw new CacheError(`cache: read ${root}: ${osMessage(err)}`);
  }
  const entries = [];
  for (const key of names) {
    if (key.startsWith(".")) continue;
    const dir = joinPath(root, key), path = joinPath(dir, ENTRY_VMLINUX);
    let info;
    try {
      info = Deno.statSync(path);
      if (!info.isFile) continue;
    } catch {
      continue;
    }
    const meta = readMetadata(dir);
    const built = typeof meta.built_at === "string" ? meta.built_at : null;
    const builtMs = built === null ? NaN : Date.parse(built);
    entries.push({
      key,
      path,
      version: typeof meta.version === "string" ? meta.version : null,
      size: info.size,
      sidecar: sidecarState(path, root),
      built_at: built,
      time: Number.isNaN(builtMs) ? mtimeMs(info) ?? 0 : builtMs
    });
  }
  entries.sort((a, b) => b.time - a.time || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return entries.map(({ time: _time, ...e }) => e);
});
var findBannerVersion = (function findBannerVersion(bytes, before = bytes.length) {
  const banner = new TextEncoder().encode("Linux version ");
  for (let at = bytes.indexOf(banner[0]); at >= 0 && at < before; at = bytes.indexOf(banner[0], at + 1)) {
    let i = 1;
    while (i < banner.length && bytes[at + i] === banner[i]) i++;
    if (i === banner.length) {
      return bannerVersion(new TextDecoder("latin1").decode(bytes.subarray(at, at + 256)));
    }
  }
  return void 0;
});
var elfArch2 = (function elfArch2(bytes) {
  const machine = bytes.length >= 20 ? bytes[18] | bytes[19] << 8 : -1;
  return ELF_ARCH[machine] ?? Deno.build.arch;
});
var defaultKey = (function defaultKey(source, version) {
  if (version !== void 0 && cacheKeyProblem(version) === void 0) return version;
  const name = baseName(source).replace(/^vmlinux-/, "");
  if (name === "vmlinux" || cacheKeyProblem(name) !== void 0) {
    throw new CacheError(`cache add: cannot derive a key from '${source}'; pass --key`);
  }
  return name;
});
var copyImage = (function copyImage(src, dest) {
  using out = Deno.openSync(dest, {
    write: true,
    createNew: true,
    mode: 420
  });
  const buf = new Uint8Array(BANNER_OVERLAP + COPY_CHUNK);
  let version, kept = 0, copied = 0;
  while (copied < src.size) {
    const n = Math.min(COPY_CHUNK, src.size - copied);
    src.readInto(copied, buf.subarray(kept, kept + n));
    writeAll(out, buf.subarray(kept, kept + n));
    copied += n;
    const end = kept + n, last = copied >= src.size;
    version ??= findBannerVersion(buf.subarray(0, end), last ? end : end - BANNER_OVERLAP / 2);
    kept = Math.min(end, BANNER_OVERLAP);
    buf.copyWithin(0, end - kept, end);
  }
  out.syncSync();
  return version;
});
var addEntry = (function addEntry(root, source, key, replace = false, extracted) {
  if (key !== void 0) validateCacheKey(key);
  return openedAs(source, () => {
    if (extracted) {
      const src = memorySource(extracted.elf);
      return addFrom(root, source, src, Deno.statSync(source), extracted.btf, key, replace);
    }
    return withInput(source, (input) => addFrom(root, source, input.src, input.info, null, key, replace));
  });
});
var refuseExisting = (function refuseExisting(root, key, replace) {
  if (!replace && pathExists(joinPath(root, key))) {
    throw new CacheError(`cache add: entry '${key}' exists; pass --force to replace it`);
  }
});
var addFrom = (function addFrom(root, source, src, info, given, key, replace) {
  let btf = given;
  if (btf === null) {
    const at = locateBtf(src);
    if (at.format !== "elf") {
      throw new CacheError(`cache add: ${source} is raw BTF; a cache entry holds an ELF vmlinux`);
    }
    btf = src.read(at.offset, at.size);
  }
  BtfTypes.build(btf);
  const arch = elfArch2(src.read(0, Math.min(20, src.size)));
  if (key !== void 0) refuseExisting(root, key, replace);
  const createdRoot = !pathExists(root);
  try {
    Deno.mkdirSync(root, {
      recursive: true
    });
  } catch (err) {
    throw new CacheError(`cache: create ${root}: ${osMessage(err)}`);
  }
  sweepTmpDirs(root);
  const tag = `${nonce()}-${Deno.pid}`;
  const staged = joinPath(root, `${TMP_PREFIX}add-${tag}`);
  const scratch = joinPath(root, `${TMP_PREFIX}old-${tag}`);
  let target = joinPath(root, key ?? "?");
  try {
    Deno.mkdirSync(staged, {
      mode: 493
    });
    const vmlinux = joinPath(staged, ENTRY_VMLINUX);
    const version = copyImage(src, vmlinux);
    const entryKey = key ?? defaultKey(source, version);
    refuseExisting(root, entryKey, replace);
    target = joinPath(root, entryKey);
    const stamp = stampOf(Deno.statSync(vmlinux)) ?? void 0;
    writeFileSynced(joinPath(staged, ENTRY_VMLINUX + SIDECAR_SUFFIX), btf, stamp);
    const real = realPath(source);
    const metadata = {
      version: version ?? null,
      source: {
        type: "local",
        source_tree_path: real ? dirName(real) : null,
        git_hash: null
      },
      arch,
      image_name: ENTRY_VMLINUX,
      config_hash: null,
      built_at: (/* @__PURE__ */ new Date()).toISOString(),
      ktstr_kconfig_hash: null,
      extra_kconfig_hash: null,
      has_vmlinux: true,
      vmlinux_stripped: false,
      source_vmlinux_size: info?.size ?? src.size,
      source_vmlinux_mtime_secs: info?.mtime ? Math.floor(info.mtime.getTime() / 1e3) : null
    };
    writeFileSynced(joinPath(staged, ENTRY_METADATA), new TextEncoder().encode(JSON.stringify(metadata, null, 2) + "\n"));
    syncDir(staged);
    const outcome2 = publishDir(staged, target, scratch);
    syncDir(root);
    return {
      key: entryKey,
      path: joinPath(target, ENTRY_VMLINUX),
      version: version ?? null,
      replaced: outcome2 === "replaced"
    };
  } catch (err) {
    for (const dir of createdRoot ? [
      staged,
      root
    ] : [
      staged
    ]) {
      try {
        Deno.removeSync(dir, {
          recursive: dir === staged
        });
      } catch {
      }
    }
    if (err instanceof CacheError || err instanceof BtfError) throw err;
    throw new CacheError(`cache add: ${target}: ${osMessage(err)}`);
  } finally {
    for (const dir of [
      staged,
      scratch
    ]) {
      try {
        Deno.removeSync(dir, {
          recursive: true
        });
      } catch {
      }
    }
  }
});
var cleanEntries = (function cleanEntries(root, keep, force) {
  const entries = listEntries(root);
  const kept = entries.slice(0, keep).map((e) => e.key);
  const doomed = entries.slice(keep).map((e) => e.key);
  const leftovers = kept.flatMap((key) => sweepTempFiles(joinPath(root, key)).map((name) => `${key}/${name}`));
  if (!force) return {
    removed: doomed,
    kept,
    orphans: leftovers
  };
  for (const key of doomed) {
    const gone = joinPath(root, `${TMP_PREFIX}clean-${key}-${nonce()}-${Deno.pid}`);
    try {
      Deno.renameSync(joinPath(root, key), gone);
      Deno.removeSync(gone, {
        recursive: true
      });
    } catch (err) {
      throw new CacheError(`cache clean: ${joinPath(root, key)}: ${osMessage(err)}`);
    }
  }
  return {
    removed: doomed,
    kept,
    orphans: [
      ...leftovers,
      ...sweepTmpDirs(root)
    ]
  };
});
var isBtfMagic = (function isBtfMagic(b, at) {
  if (at + 3 >= b.length || b[at + 2] !== 1 || b[at + 3] !== 0) return false;
  return b[at] === 159 && b[at + 1] === 235 || b[at] === 235 && b[at + 1] === 159;
});
var btfBlobLength = (function btfBlobLength(h) {
  const v = new DataView(h.buffer, h.byteOffset, h.byteLength), le = h[0] === 159;
  const hdrLen = v.getUint32(4, le);
  if (hdrLen < BTF_HEADER || hdrLen > 256) return null;
  const typeEnd = v.getUint32(8, le) + v.getUint32(12, le);
  const strEnd = v.getUint32(16, le) + v.getUint32(20, le);
  return hdrLen + Math.max(typeEnd, strEnd);
});
var codecsDir = (function codecsDir() {
  const here = import.meta.url, dist = here.lastIndexOf("/dist/");
  return here.endsWith(".ts") || dist < 0 ? new URL("./codecs/", here) : new URL("btf/image/codecs/", here.slice(0, dist + 1));
});
var codecModule = (function codecModule(file) {
  return import(new URL(file, codecsDir()).href);
});
var codecFor = (async function codecFor(compression) {
  switch (compression) {
    case "gzip":
      return (await codecModule("zlib.ts")).gunzip;
    case "zstd":
      return (await codecModule("zlib.ts")).unzstd;
    case "xz":
      return (await codecModule("lzma.ts")).unxz;
    case "lzma":
      return (await codecModule("lzma.ts")).unlzma;
    case "bzip2":
      return (await codecModule("bzip2.ts")).bunzip2;
    case "lz4":
      return (await codecModule("lz4.ts")).unlz4;
    case "lzo":
      return (await codecModule("lzo.ts")).unlzo;
  }
});
var reason = (function reason(err) {
  const message = err instanceof Error ? err.message : String(err);
  return message.split("\n")[0].replace(/^Error: /, "");
});
var sliceSource = (function sliceSource(src, offset, length) {
  return {
    size: length,
    read: (at, n) => src.read(offset + at, n),
    readInto: (at, dest) => src.readInto(offset + at, dest)
  };
});
var btfFromPayload = (async function btfFromPayload(payload, compression, exact2, keepAll = false, size, at) {
  const codec = await codecFor(compression);
  const verify = exact2 && CHECKSUMMED.has(compression);
  const attempt = async (all) => {
    const collector = new PayloadCollector(all);
    let failure2;
    try {
      await codec(payload, (chunk) => collector.push(chunk) || verify, size);
    } catch (err) {
      failure2 = err;
    }
    if (failure2 !== void 0 && (verify || !collector.complete)) {
      throw new BtfError(`corrupt or truncated after ${collector.received} decompressed bytes (${reason(failure2)})`);
    }
    return collector.finish();
  };
  try {
    return await attempt(keepAll) ?? await attempt(true) ?? fail("the ELF's .BTF section was not found");
  } catch (err) {
    if (err instanceof BtfError) {
      throw err.prefixed(`${compression} payload${at === void 0 ? "" : ` at ${at}`}`);
    }
    throw err;
  }
});
var fail = (function fail(message) {
  throw new BtfError(message);
});
var hex2 = (function hex2(bytes) {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join(" ");
});
var trailer = (function trailer(bytes) {
  return new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0, true);
});
var result = (function result(found, compression, container, arch) {
  const out = {
    btf: found.btf,
    compression,
    format: found.flatOffset === void 0 ? "image" : "flat",
    container
  };
  if (found.elf !== void 0) out.elf = found.elf;
  if (found.flatOffset !== void 0) out.offset = found.flatOffset;
  const named2 = arch ?? found.arch;
  if (named2 !== void 0) out.arch = named2;
  return out;
});
var btfFromImage = (async function btfFromImage(src, keepAll = false) {
  const head = src.read(0, Math.min(src.size, BOOT_HEADER_BYTES));
  const boot = bootPayload(head);
  if (boot !== null) {
    const magic = src.read(boot.offset, Math.max(0, Math.min(8, src.size - boot.offset)));
    const compression = compressionAt(magic);
    if (compression === null) {
      throw new BtfError(`bzImage payload at ${boot.offset} has an unknown compression (starts ${hex2(magic)})`);
    }
    if (boot.offset + boot.length > src.size) {
      throw new BtfError(`${compression} payload: ${boot.length} bytes at ${boot.offset} run past the end of the ${src.size}-byte file (truncated)`);
    }
    const length = compression === "gzip" ? boot.length : Math.max(0, boot.length - 4);
    const payload = sliceSource(src, boot.offset, length);
    const size = length < boot.length ? trailer(src.read(boot.offset + length, 4)) : void 0;
    const found = await btfFromPayload(payload, compression, true, keepAll, size);
    return result(found, compression, "bzImage");
  }
  const zboot = zbootPayload(head);
  if (zboot !== null) return await zbootBtf(src, head, zboot, keepAll);
  const leading = compressionAt(head);
  if (leading !== null) {
    return result(await btfFromPayload(src, leading, true, keepAll), leading, "compressed");
  }
  if (isS390Image(src)) return await s390Btf(src);
  const flat = flatImageHeader(head);
  if (flat !== null) {
    const found = scanFlatSource(src);
    if (found !== null) {
      return result({
        btf: found.bytes,
        flatOffset: found.offset
      }, null, "Image", flat.arch);
    }
  }
  return await scanned(src, keepAll, flat);
});
var zbootBtf = (async function zbootBtf(src, head, zboot, keepAll) {
  const { offset, length, compression } = zboot;
  if (compression === null) {
    throw new BtfError(`EFI zboot payload compressed as "${zboot.type}", which this reader does not decode`);
  }
  if (offset + length > src.size) {
    throw new BtfError(`${compression} payload: ${length} bytes at ${offset} run past the end of the ${src.size}-byte file (truncated)`);
  }
  const magic = src.read(offset, Math.min(8, length));
  if (compressionAt(magic) !== compression) {
    throw new BtfError(`EFI zboot payload at ${offset} is not ${compression} data (starts ${hex2(magic)})`);
  }
  const size = compression !== "gzip" && offset + length + 4 <= src.size ? trailer(src.read(offset + length, 4)) : void 0;
  const found = await btfFromPayload(sliceSource(src, offset, length), compression, true, keepAll, size);
  return result(found, compression, "zboot", peHeader(head)?.arch);
});
var s390Btf = (async function s390Btf(src) {
  const candidates = s390PayloadCandidates(src);
  let noBtf;
  let failed;
  for (const { compression, offset } of candidates) {
    try {
      const payload = sliceSource(src, offset, src.size - offset);
      const found2 = await btfFromPayload(payload, compression, false, false, void 0, offset);
      return result(found2, compression, "s390", "s390x");
    } catch (err) {
      if (!(err instanceof BtfError)) throw err;
      if (err instanceof NoBtfError || err instanceof NotElfError) {
        noBtf ??= {
          compression,
          offset
        };
      } else failed ??= err;
    }
  }
  const found = scanFlatSource(src);
  if (found !== null) {
    return result({
      btf: found.bytes,
      flatOffset: found.offset
    }, null, "s390", "s390x");
  }
  if (noBtf !== void 0) {
    throw new NoBtfError(`s390 image: its ${noBtf.compression} payload at ${noBtf.offset} holds no valid BTF: ${BUILT_WITHOUT_BTF}`);
  }
  if (failed !== void 0) throw failed.prefixed("s390 image");
  throw new BtfError(`s390 image: no compression magic at an 8-byte aligned offset past ${S390_STARTUP} (its payload) and no BTF in the file`);
});
var scanned = (async function scanned(src, keepAll, flat) {
  const candidates = src.size > MAX_SCAN ? [] : magicCandidates(src.read(0, src.size));
  let noBtf, notElf;
  for (const { compression, offset } of candidates) {
    try {
      const payload = sliceSource(src, offset, src.size - offset);
      const found = await btfFromPayload(payload, compression, false, keepAll, void 0, offset);
      return result(found, compression, "scanned", flat?.arch);
    } catch (err) {
      if (!(err instanceof BtfError)) throw err;
      if (err instanceof NoBtfError) noBtf ??= err;
      if (err instanceof NotElfError) notElf ??= err;
    }
  }
  if (noBtf !== void 0) throw noBtf;
  if (flat !== null) {
    const what = flat.kind === "PE" ? `EFI stub kernel (${flat.arch})` : flat.kind;
    throw new NoBtfError(`${what} holds no valid BTF: ${BUILT_WITHOUT_BTF}`);
  }
  if (notElf !== void 0) {
    throw new BtfError(`${notElf.message}, and nothing else in the file does: no BTF to read (a kernel built without BTF, CONFIG_DEBUG_INFO_BTF)`);
  }
  return null;
});
var implicitBase = (function implicitBase(path) {
  const name = path.startsWith(SYSFS_BTF) ? path.slice(SYSFS_BTF.length) : "";
  return name !== "" && name !== "vmlinux" && !name.includes("/") ? HOST_BTF_PATH : void 0;
});
var needsDecompression = (function needsDecompression(path) {
  if (path.startsWith(SYSFS_BTF)) return false;
  let head, size;
  try {
    [head, size] = withInput(path, ({ src }) => [
      src.read(0, Math.min(BOOT_HEADER_BYTES, src.size)).slice(),
      src.size
    ]);
  } catch {
    return false;
  }
  return head.length > 0 && !hasBtfMagic(head) && !hasBigEndianBtfMagic(head) && !hasElfMagic(head) && damagedBtfMagic(head, size) === null;
});
var readImageBtf = (async function readImageBtf(path, keepAll = false) {
  const opened = openSource(path);
  try {
    const { btfFromImage: btfFromImage2 } = await Promise.resolve().then(() => (init_image(), image_exports));
    const found = await btfFromImage2(opened.src, keepAll);
    if (found === null) {
      throw new BtfError(NOT_RECOGNIZED);
    }
    if (keepAll && found.elf === void 0) {
      throw new BtfError(`a flat kernel image (${found.container}) holds no ELF vmlinux for a cache entry`);
    }
    return found;
  } finally {
    opened.close();
  }
});
var loadImage = (async function loadImage(path, base) {
  try {
    const { btf, format, arch } = await readImageBtf(path);
    const types = buildTypes(btf.length, btf, (dest) => dest.set(btf), (offset) => btf[offset], base);
    return arch === void 0 ? {
      path,
      format,
      types
    } : {
      path,
      format,
      types,
      arch
    };
  } catch (err) {
    throw openError(path, err);
  }
});
var loadKernelCached = (async function loadKernelCached(path, opts = {}, base) {
  if (base === void 0 && implicitBase(path) !== void 0) base = hostBtfMemo.get().types;
  if (!needsDecompression(path)) return loadBtfCached(path, opts, base);
  const loaded = await loadBtfCachedWith(path, opts, (p) => p === path ? loadImage(p, base) : Promise.resolve(loadBtf(p, base)));
  return {
    ...loaded,
    path
  };
});
var addKernelEntry = (async function addKernelEntry(root, source, key, replace = false) {
  if (!needsDecompression(source)) return addEntry(root, source, key, replace);
  let image;
  try {
    image = await readImageBtf(source, true);
  } catch (err) {
    throw openError(source, err);
  }
  return addEntry(root, source, key, replace, {
    elf: image.elf,
    btf: image.btf
  });
});
var pointerSize = (function pointerSize(types) {
  let size = pointerSizes.get(types);
  if (size === void 0) {
    size = (types.base && pointerSize(types.base)) ?? null;
    if (size === null) size = firstLongSize(types);
    pointerSizes.set(types, size);
  }
  return size;
});
var firstLongSize = (function firstLongSize(types) {
  const fits = (id) => types.kind(id) === Kind.INT && [
    4,
    8
  ].includes(types.size(id));
  if (types.sortedByName) {
    const ids = LONG_NAMES.flatMap((n) => types.byName(n, {
      functions: false
    })).filter(fits);
    return ids.length === 0 ? null : types.size(Math.min(...ids));
  }
  const names = new Set(LONG_NAMES);
  for (let id = types.firstId; id < types.firstId + types.count; id++) {
    if (fits(id) && names.has(types.name(id))) return types.size(id);
  }
  return null;
});
var archFromBtf = (function archFromBtf(types) {
  const pointer = pointerSize(types);
  const order = types.bigEndian ? [
    ...ARCH_STRUCTS
  ].reverse() : ARCH_STRUCTS;
  for (const [name, arch] of order) {
    const ids = types.byName(name, {
      functions: false
    });
    if (ids.some((id) => types.kind(id) === Kind.STRUCT)) return arch(pointer, types.bigEndian);
  }
  return null;
});
var machineFacts = (function machineFacts(types, headerArch) {
  return {
    arch: headerArch ?? archFromBtf(types),
    endianness: types.bigEndian ? "big" : "little",
    pointer_size: pointerSize(types)
  };
});
var withMachineFacts = (function withMachineFacts(target, types, headerArch) {
  let facts;
  const get = () => facts ??= machineFacts(types, headerArch);
  const property = (key) => ({
    get: () => get()[key],
    enumerable: true
  });
  return Object.defineProperties(target, {
    arch: property("arch"),
    endianness: property("endianness"),
    pointer_size: property("pointer_size")
  });
});
var attach = (function attach(shared2, attached) {
  let types = attached.get(shared2.id);
  if (!types) {
    const base = shared2.base ? attach(shared2.base, attached) : void 0;
    types = BtfTypes.attach(shared2.buffer, base);
    attached.set(shared2.id, types);
  }
  return types;
});
var safeResolve = (function safeResolve(types, name) {
  try {
    return resolveNamedGroup(types, name);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return {
      value: null,
      missing: {
        [name]: `internal error: ${message}`
      },
      via: {}
    };
  }
});
var arena = (function arena() {
  return threadArena ??= new TableArena(pageAdvice() ?? void 0);
});
var loadKernel = (function loadKernel(path, groups, recycle, attached, base) {
  try {
    const space = recycle ? arena() : void 0;
    const { types, format, arch } = loadBtf(path, base ? attach(base, attached) : void 0, space);
    const outcomes = groups.map((g) => [
      g,
      safeResolve(types, g)
    ]);
    const constants = kernelConstants(types);
    const machine = machineFacts(types, arch);
    const item = {
      format,
      btfBytes: types.btfBytes,
      typeCount: types.count,
      machine,
      outcomes,
      constants
    };
    if (recycle) {
      arena().release(types);
      return item;
    }
    return {
      ...item,
      table: {
        id: 0,
        buffer: types.buffer,
        base
      }
    };
  } catch (err) {
    return {
      error: err instanceof Error ? err.message : String(err),
      btf: err instanceof BtfError
    };
  }
});
var runItem = (function runItem(task2, index, attached) {
  if (task2.kind === "groups") {
    return safeResolve(attach(task2.table, attached), task2.groups[index]);
  }
  const recycle = task2.recycle?.[index] ?? false;
  return loadKernel(task2.paths[index], task2.groups, recycle, attached, task2.base);
});
var shareTable = (function shareTable(types) {
  let table2 = shared.get(types);
  if (!table2) {
    table2 = {
      id: nextTableId++,
      buffer: types.buffer,
      base: types.base ? shareTable(types.base) : void 0
    };
    shared.set(types, table2);
  }
  return table2;
});
var local = (function local(opts, task2, own) {
  if (opts.mainThread === false) return void 0;
  const attached = /* @__PURE__ */ new Map();
  for (let t = own; t; t = t.base) attached.set(shareTable(t).id, t);
  return (i) => runItem(task2, i, attached);
});
var outcome = (function outcome(group2, result2) {
  if (result2 instanceof Error) {
    return {
      value: null,
      missing: {
        [group2]: result2.message
      },
      via: {}
    };
  }
  return result2;
});
var resolvePooled = (async function resolvePooled(pool, types, groups, opts = {}) {
  const task2 = {
    kind: "groups",
    table: shareTable(types),
    groups: inReportOrder(groups)
  };
  const results = await pool.share(task2, local(opts, task2, types));
  return mergeOutcomes(task2.groups.map((g, i) => [
    g,
    outcome(g, results[i])
  ]));
});
var shareKernels = (async function shareKernels(pool, paths, groups, base, opts, recycle) {
  const task2 = {
    kind: "kernels",
    paths,
    groups: inReportOrder(groups),
    base: base ? shareTable(base) : void 0,
    recycle
  };
  const results = await pool.share(task2, local(opts, task2, base));
  return results.map((result2, i) => result2 instanceof Error ? {
    error: `${paths[i]}: ${result2.message}`,
    btf: false
  } : result2);
});
var loadPooled = (async function loadPooled(pool, paths, groups, base, opts = {}) {
  const items = await shareKernels(pool, paths, groups, base, opts);
  return items.map((item) => {
    if ("error" in item) return item;
    const types = BtfTypes.attach(item.table.buffer, base);
    return {
      format: item.format,
      types,
      report: mergeOutcomes(item.outcomes)
    };
  });
});
var batchedLoader = (function batchedLoader(pool, groups, base) {
  let queue = [];
  const flush = async () => {
    const batch = queue;
    queue = [];
    const paths = batch.map((q) => q.path), recycle = batch.map((q) => !q.keep);
    const items = await shareKernels(pool, paths, groups, base, {}, recycle);
    items.forEach((item, i) => {
      if ("error" in item) {
        return batch[i].reject(item.btf ? new BtfError(item.error) : new Error(item.error));
      }
      batch[i].resolve({
        format: item.format,
        types: item.table && BtfTypes.attach(item.table.buffer, base),
        btfBytes: item.btfBytes,
        typeCount: item.typeCount,
        machine: item.machine,
        report: mergeOutcomes(item.outcomes),
        constants: item.constants
      });
    });
  };
  return (path, needTable) => new Promise((resolve, reject) => {
    if (queue.length === 0) queueMicrotask(() => void flush());
    queue.push({
      path,
      keep: needTable,
      resolve,
      reject
    });
  });
});
var itemCount = (function itemCount(task2) {
  return task2.kind === "groups" ? task2.groups.length : task2.paths.length;
});
var newClaims = (function newClaims(count2) {
  return new SharedArrayBuffer(4 * (count2 + 1));
});
var claimNext = (function claimNext(claims, count2, claimant) {
  const index = Atomics.add(claims, 0, 1);
  if (index >= count2) return -1;
  Atomics.store(claims, 1 + index, claimant);
  return index;
});
var after = (function after(ms, fn) {
  const signal2 = AbortSignal.timeout(ms);
  signal2.addEventListener("abort", fn, {
    once: true
  });
  return () => signal2.removeEventListener("abort", fn);
});
var reportOf = (function reportOf(o) {
  if (o.constants === null) throw new Error("reportOf: a kernel loaded without groups");
  return reportWith(o.source, o.resolved, o.constants);
});
var inputCost = (function inputCost(path) {
  let mb = COST.ELF_BTF_MB;
  try {
    const info = Deno.statSync(path);
    if (info.isFile) mb = Math.min(info.size / 2 ** 20, COST.ELF_BTF_MB);
  } catch {
    return 0;
  }
  return COST.MS_PER_KERNEL + COST.MS_PER_MB * mb;
});
var poolEstimate = (function poolEstimate(costs, workers, cores) {
  const total = costs.reduce((a, b) => a + b, 0);
  if (workers === 0) return total;
  const alone = workers * COST.WORKER_BLOCK_MS, head = COST.WORKER_BOOT_MS;
  const lanes = Math.min(workers + 1, Math.max(1, cores));
  const rest = Math.max(0, total - head);
  return alone + Math.min(total, head) + Math.max(rest / lanes, Math.max(0, ...costs));
});
var idleCores = (function idleCores() {
  let loadavg, load = 0;
  try {
    loadavg = Deno.readTextFileSync("/proc/loadavg");
  } catch {
    try {
      load = Deno.loadavg()[0];
    } catch {
    }
  }
  return idleCoresOf(navigator.hardwareConcurrency, loadavg, load);
});
var idleCoresOf = (function idleCoresOf(cores, loadavg, load) {
  const running = Number(loadavg?.split(" ")[3]?.split("/")[0]);
  const busy = Number.isInteger(running) && running >= 1 ? running - 1 : Math.round(load);
  return Math.max(1, Math.min(cores, cores - busy));
});
var planJobs = (function planJobs(jobs, inputs, cores) {
  if (jobs !== "auto") {
    if (!/^\d+$/.test(jobs) || Number(jobs) > 256) {
      throw new UsageError(`--jobs takes a number from 0 to 256 or 'auto', not '${jobs}'`);
    }
    return Number(jobs);
  }
  if (inputs.length < 2) return 0;
  const lanes = cores ?? idleCores(), costs = inputs.map(inputCost);
  let best = 0, bestEstimate = COST.MARGIN * poolEstimate(costs, 0, lanes);
  for (let w = 1; w < Math.min(lanes, inputs.length); w++) {
    const estimate = poolEstimate(costs, w, lanes);
    if (estimate < bestEstimate) [best, bestEstimate] = [
      w,
      estimate
    ];
  }
  return best;
});
var poolOptions = (function poolOptions() {
  const worker = Deno.env.get("KTSTR_BTF_WORKER");
  const timeout = Number(Deno.env.get("KTSTR_BTF_WORKER_TIMEOUT_MS"));
  return {
    workerUrl: worker ? new URL(worker) : void 0,
    timeoutMs: timeout > 0 ? timeout : void 0
  };
});
var loadKernels = (async function loadKernels(paths, opts, groups, io, keep = false) {
  const cache = {
    warn: (m) => complain(io, `warning: ${m}`),
    ...opts.cache
  };
  const inputs = paths.length > 0 ? paths.map((p) => resolveKernelInput(p, cache)) : [
    DEFAULT_BTF_PATH
  ];
  const jobs = planJobs(opts.jobs, inputs);
  const fanout = jobs > 0 ? await Promise.resolve().then(() => (init_fanout(), fanout_exports)) : void 0;
  const resolvers = groups.length > 0 ? await loadResolvers() : void 0;
  const pool = jobs > 0 ? (await Promise.resolve().then(() => (init_pool(), pool_exports))).WorkerPool.start(jobs, poolOptions()) : void 0;
  try {
    const base = opts.base === void 0 ? void 0 : (await loadKernelCached(opts.base, cache)).types;
    const b = {
      groups,
      resolvers,
      base,
      pool,
      cache,
      keep,
      arena: keep ? void 0 : new TableArena(pageAdvice() ?? void 0),
      // Several kernels: the loads made in this turn go to the pool as one shared job.
      load: pool && fanout && inputs.length > 1 ? fanout.batchedLoader(pool, groups, base) : void 0,
      resolvePooled: fanout?.resolvePooled
    };
    const pooled = inputs.map((path) => b.load && !onThisThread(path, b) ? viaPool(path, b) : null);
    const outcomes = [];
    for (const [i, path] of inputs.entries()) {
      outcomes.push(await (pooled[i] ?? inline(path, b)));
    }
    return outcomes;
  } catch (err) {
    if (!(err instanceof BtfError)) throw err;
    return inputs.map((path) => ({
      path,
      error: err.message
    }));
  } finally {
    pool?.close();
  }
});
var loadResolvers = (async function loadResolvers() {
  const [{ resolveOffsets: resolveOffsets2 }, { kernelConstants: kernelConstants2 }] = await Promise.all([
    Promise.resolve().then(() => (init_mod(), mod_exports)),
    Promise.resolve().then(() => (init_constants(), constants_exports))
  ]);
  return {
    resolveOffsets: resolveOffsets2,
    kernelConstants: kernelConstants2
  };
});
var onThisThread = (function onThisThread(path, b) {
  return b.base === void 0 && isHostBtf(path) || needsDecompression(path) || implicitBase(path) !== void 0;
});
var failure = (function failure(path, err) {
  if (err instanceof BtfError) return {
    path,
    error: err.message
  };
  return {
    path,
    error: `${path}: ${err.message}`
  };
});
var viaPool = (async function viaPool(path, b) {
  try {
    const pooled = await loadBtfCachedWith(path, b.cache, (p, need) => b.load(p, need || b.keep));
    const source = {
      path,
      format: pooled.format,
      btf_bytes: pooled.btfBytes,
      type_count: pooled.typeCount,
      sidecar: pooled.sidecar,
      ...pooled.machine
    };
    const { report: resolved, constants, types } = pooled;
    return {
      source,
      resolved,
      constants,
      types: b.keep ? types : void 0
    };
  } catch (err) {
    return failure(path, err);
  }
});
var inline = (async function inline(path, b) {
  let loaded;
  try {
    loaded = await loadKernelCached(path, {
      ...b.cache,
      space: b.arena
    }, b.base);
  } catch (err) {
    return failure(path, err);
  }
  const { types, format, sidecar, arch } = loaded;
  try {
    const resolved = b.pool && b.resolvePooled ? await b.resolvePooled(b.pool, types, b.groups) : b.resolvers?.resolveOffsets(types, b.groups) ?? {
      offsets: {},
      missing: {},
      via: {}
    };
    const known = {
      path,
      format,
      btf_bytes: types.btfBytes,
      type_count: types.count,
      sidecar
    };
    const source = b.keep ? withMachineFacts(known, types, arch) : {
      ...known,
      ...machineFacts(types, arch)
    };
    return {
      source,
      resolved,
      constants: b.resolvers?.kernelConstants(types) ?? null,
      types: b.keep ? types : void 0
    };
  } catch (err) {
    return failure(path, err);
  } finally {
    b.arena?.release(types);
  }
});
var kernelHelp = (function kernelHelp() {
  return `Usage: ktstr-btf kernel [PATH ...] [options]

Loads each PATH and reports the offsets of every group (or of the --group ones).
PATH is raw BTF, an ELF vmlinux, '-' for standard input, or a cache key (a name
in the cache root); default ${DEFAULT_BTF_PATH}. Several PATHs are reported in
order; one that fails to load is reported as an error and the rest go on.

Options:
  --group NAME     resolve and print only this group (repeatable)
  --require PATH   exit 3 when this group, or any of its sub-groups, is missing; a
                   dotted path requires just that sub-group (repeatable)
${LOAD_OPTIONS_HELP}

Groups: ${wrapList(GROUP_NAMES, 8)}

--require paths: ${wrapList(GROUP_PATHS, 17)}

Field reference: docs/FIELDS.md

Exit codes: 0 every kernel loaded (missing groups are normal), 1 a kernel failed to
load or parse, 2 usage error, 3 a --require'd group is missing, 141 standard output
closed early.

${ENVIRONMENT_HELP}
`;
});
var wrapList = (function wrapList(items, indent) {
  const lines = [];
  let line = "";
  for (const item of items) {
    const next = line ? `${line}, ${item}` : item;
    if (indent + next.length > 84 && line) {
      lines.push(line + ",");
      line = item;
    } else line = next;
  }
  return [
    ...lines,
    line
  ].join("\n" + " ".repeat(indent));
});
var selectGroups = (function selectGroups(opts) {
  for (const g of opts.groups) {
    if (!GROUP_NAMES.includes(g)) {
      throw new UsageError(`unknown group '${g}'${didYouMean(g, GROUP_NAMES)}`);
    }
  }
  for (const r of opts.require) {
    if (!GROUP_PATHS.includes(r)) {
      throw new UsageError(`unknown group path '${r}' for --require${didYouMean(r, GROUP_PATHS)}`);
    }
  }
  if (opts.groups.length === 0) return [
    ...GROUP_NAMES
  ];
  const wanted = /* @__PURE__ */ new Set([
    ...opts.groups,
    ...opts.require.map(topGroup)
  ]);
  return GROUP_NAMES.filter((g) => wanted.has(g));
});
var requiredPaths = (function requiredPaths(require2) {
  return GROUP_PATHS.filter((p) => require2.some((r) => p === r || p.startsWith(`${r}.`)));
});
var runKernel = (async function runKernel(paths, opts, io) {
  const outcomes = await loadKernels(paths, opts, selectGroups(opts), io);
  const entries = outcomes.map((o) => "error" in o ? errorEntry(o.path, o.error) : reportOf(o));
  const reports = entries.filter((e) => !("error" in e));
  for (const o of outcomes) if ("error" in o) complain(io, o.error);
  if (opts.json) {
    writeJson(io, entries.length === 1 ? entries[0] : entries);
  } else if (reports.length > 0) {
    io.out(reports.map((r) => renderHuman(r, io.color)).join("\n"));
  }
  const required = requireMissing(reports, requiredPaths(opts.require), io);
  return reports.length < outcomes.length ? 1 : required ? EXIT_REQUIRE : 0;
});
var requireMissing = (function requireMissing(reports, require2, io) {
  let missing = false;
  for (const report of reports) {
    const reported = [];
    for (const path of require2) {
      if (reported.some((r) => path.startsWith(`${r}.`))) continue;
      if (valueAt(report.offsets, path) !== null) continue;
      reported.push(path);
      const reason2 = report.missing[path] ?? firstMissingParent(report, path);
      const line = `${report.source.path}: required group ${path} is missing: ${reason2}`;
      complain(io, line);
      missing = true;
    }
  }
  return missing;
});
var firstMissingParent = (function firstMissingParent(report, path) {
  const parts = path.split(".");
  for (let i = 1; i < parts.length; i++) {
    const parent = parts.slice(0, i).join(".");
    if (report.missing[parent]) return `${parent}: ${report.missing[parent]}`;
  }
  return "not resolved";
});
var sizeOf2 = (function sizeOf2(types, id) {
  let factor = 1;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    switch (types.kind(id)) {
      case Kind.INT:
      case Kind.FLOAT:
      case Kind.STRUCT:
      case Kind.UNION:
      case Kind.ENUM:
      case Kind.ENUM64:
      case Kind.DATASEC:
        return factor * types.size(id);
      case Kind.PTR: {
        const size = pointerSize(types);
        if (size === null) throw new BtfError(POINTER_SIZE_UNKNOWN);
        return factor * size;
      }
      case Kind.ARRAY:
        factor *= types.word(id, 5);
        id = types.word(id, 3);
        continue;
      case Kind.TYPEDEF:
      case Kind.CONST:
      case Kind.VOLATILE:
      case Kind.RESTRICT:
      case Kind.TYPE_TAG:
      case Kind.VAR:
        id = types.refType(id);
        continue;
      default:
        throw new BtfError(`btf: type id ${id} (${kindName(types.kind(id))}) has no size`);
    }
  }
  throw new BtfError(`btf: type id ${id}: type chain longer than ${MAX_DEPTH} steps`);
});
var compositeOf = (function compositeOf(types, id) {
  const target = stripQualifiers(types, id);
  if (!isComposite(types.kind(target))) {
    throw new BtfError(`btf: type id ${id} (${kindName(types.kind(target))}) is not a struct or union`);
  }
  return target;
});
var intBitfield = (function intBitfield(types, typeId) {
  if (types.kind(typeId) !== Kind.INT) return [
    0,
    0
  ];
  const data = types.word(typeId, 3), bits = data & 255, shift = data >>> 16 & 255;
  return bits !== types.size(typeId) * 8 || shift !== 0 ? [
    bits,
    shift
  ] : [
    0,
    0
  ];
});
var members2 = (function members2(types, id) {
  const struct = compositeOf(types, id);
  const { words, at, count: count2, kindFlag } = types.elements(struct);
  const list2 = [];
  for (let i = 0, w = at; i < count2; i++, w += 3) {
    const typeId = words[w + 1];
    let bitOffset = memberBits(words[w + 2], kindFlag), bitSize = kindFlag ? words[w + 2] >>> 24 : 0;
    if (!kindFlag) {
      const [bits, shift] = intBitfield(types, typeId);
      bitSize = bits;
      bitOffset += shift;
    }
    let offset = Math.floor(bitOffset / 8);
    if (bitSize > 0) {
      const unit = sizeOf2(types, typeId) * 8;
      offset = Math.floor(bitOffset / unit) * (unit / 8);
    }
    list2.push({
      name: types.stringAt(words[w]),
      offset,
      bitOffset,
      bitSize,
      typeId
    });
  }
  return list2;
});
var specifier = (function specifier(types, id) {
  const name = types.name(id);
  switch (types.kind(id)) {
    case Kind.VOID:
      return "void";
    case Kind.STRUCT:
      return name ? `struct ${name}` : "struct {...}";
    case Kind.UNION:
      return name ? `union ${name}` : "union {...}";
    case Kind.ENUM:
    case Kind.ENUM64:
      return name ? `enum ${name}` : "enum {...}";
    case Kind.FWD:
      return `${types.kindFlag(id) ? "union" : "struct"} ${name}`;
    default:
      return name;
  }
});
var params = (function params(types, id, depth) {
  const { words, at, count: count2 } = types.elements(id);
  const list2 = [];
  for (let i = 0; i < count2; i++) {
    const type = words[at + 2 * i + 1];
    list2.push(type === 0 && i === count2 - 1 ? "..." : declare(types, type, "", depth + 1));
  }
  return list2.length === 0 ? "void" : list2.join(", ");
});
var declare = (function declare(types, id, decl, depth = 0) {
  if (depth > MAX_DEPTH2) return `... ${decl}`.trimEnd();
  const ref2 = types.refType(id);
  switch (types.kind(id)) {
    case Kind.PTR: {
      const inner = decl.startsWith("(") ? `* ${decl}` : `*${decl}`;
      const target = types.kind(ref2);
      const wrap = target === Kind.ARRAY || target === Kind.FUNC_PROTO;
      return declare(types, ref2, wrap ? `(${inner})` : inner, depth + 1);
    }
    case Kind.ARRAY:
      return declare(types, types.word(id, 3), `${decl}[${types.word(id, 5) || ""}]`, depth + 1);
    case Kind.FUNC_PROTO:
      return declare(types, ref2, `${decl}(${params(types, id, depth)})`, depth + 1);
    case Kind.CONST:
    case Kind.VOLATILE:
    case Kind.RESTRICT: {
      const q = types.kind(id) === Kind.CONST ? "const" : types.kind(id) === Kind.VOLATILE ? "volatile" : "restrict";
      if (types.kind(ref2) === Kind.PTR) {
        return declare(types, ref2, `${q} ${decl}`.trimEnd(), depth + 1);
      }
      return `${q} ${declare(types, ref2, decl, depth + 1)}`;
    }
    case Kind.TYPE_TAG:
    case Kind.VAR:
    case Kind.FUNC:
      return declare(types, ref2, decl, depth + 1);
    default: {
      const base = specifier(types, id);
      if (decl === "") return base;
      return decl.startsWith("[") ? `${base}${decl}` : `${base} ${decl}`;
    }
  }
});
var typeName = (function typeName(types, id) {
  return declare(types, id, "");
});
var structLayout = (function structLayout(types, id, expand = []) {
  const struct = compositeOf(types, id);
  const wanted = /* @__PURE__ */ new Set();
  for (const path of expand) for (const key of expandKeys(types, struct, path)) wanted.add(key);
  return layoutAt(types, struct, 0, wanted, 0);
});
var expandKeys = (function expandKeys(types, struct, path) {
  const keys = [];
  let current = struct, base = 0;
  for (const name of path.split(".")) {
    const found = findMember(types, current, name);
    base += found.offset;
    const target = stripQualifiers(types, found.type);
    if (!isComposite(types.kind(target))) {
      throw new BtfError(`btf: cannot expand '${path}': '${name}' is ${typeName(types, found.type)}, not a struct or union`);
    }
    keys.push(`${base}:${found.type}:${name}`);
    current = target;
  }
  return keys;
});
var layoutAt = (function layoutAt(types, id, base, wanted, depth) {
  const kind = types.kind(id) === Kind.UNION ? "union" : "struct";
  const size = types.size(id);
  const rows = [];
  const holes = [];
  let seen = 0, inRun = false, runBits = 0, runEnd = size * 8, end = 0;
  for (const m of members2(types, id)) {
    const row = {
      name: m.name,
      offset: base + m.offset,
      size: sizeOf2(types, m.typeId),
      typeId: m.typeId,
      type: typeName(types, m.typeId)
    };
    if (m.bitSize > 0) {
      row.bitOffset = m.bitOffset - m.offset * 8;
      row.bitSize = m.bitSize;
    }
    const start = m.bitOffset, stop = start + (m.bitSize > 0 ? m.bitSize : row.size * 8);
    end = Math.max(end, stop);
    if (kind === "struct") {
      let bitHole = 0, byteHole = 0, byteFrom = 0;
      const bitFrom = seen;
      if (inRun) {
        const runStop = Math.min(start, runEnd);
        bitHole = runStop - seen;
        seen = runStop;
      }
      if (m.bitSize > 0) {
        const unit = m.offset * 8;
        if (seen < unit && unit <= start) {
          byteFrom = seen;
          byteHole = m.offset - Math.trunc(seen / 8);
          seen = unit;
        }
        bitHole += start - seen;
      } else {
        byteFrom = seen;
        byteHole = Math.trunc(start / 8) - Math.trunc(seen / 8);
      }
      seen = stop;
      if (m.bitSize > 0) {
        inRun = true;
        if (stop > runEnd || row.size * 8 > runBits) {
          runBits = row.size * 8;
          runEnd = m.offset * 8 + runBits;
          if (stop > runEnd) runEnd += runBits;
        }
      } else {
        inRun = false;
        runBits = 0;
        runEnd = stop;
      }
      const after2 = rows.length - 1;
      if (after2 >= 0 && bitHole !== 0) {
        holes.push({
          after: after2,
          offset: base + Math.floor(bitFrom / 8),
          bits: bitHole,
          inUnit: true
        });
      }
      if (after2 >= 0 && byteHole > 0) {
        const offset = base + Math.trunc(byteFrom / 8);
        holes.push({
          after: after2,
          offset,
          bits: byteHole * 8,
          inUnit: false
        });
      }
    }
    const target = stripQualifiers(types, m.typeId);
    const key = `${row.offset}:${m.typeId}:${m.name}`;
    const anonymous = m.name === "" || isComposite(types.kind(m.typeId)) && types.nameOff(m.typeId) === 0;
    if (isComposite(types.kind(target)) && (anonymous || wanted.has(key)) && depth < MAX_DEPTH3) {
      row.expanded = layoutAt(types, target, row.offset, wanted, depth + 1);
    }
    rows.push(row);
  }
  if (kind === "struct" && inRun) seen = Math.min(size * 8, runEnd);
  const used = kind === "struct" ? Math.trunc(seen / 8) : Math.ceil(end / 8);
  return {
    name: types.name(id),
    typeId: id,
    kind,
    offset: base,
    size,
    members: rows,
    holes,
    padding: Math.max(0, size - used)
  };
});
var structsNamed = (function structsNamed(types, name) {
  const ids = typesNamed(types, name);
  const direct2 = ids.filter((id) => isComposite(types.kind(id)));
  if (direct2.length > 0) return direct2;
  const viaTypedef = ids.filter((id) => types.kind(id) === Kind.TYPEDEF).map((id) => stripQualifiers(types, id)).filter((id) => isComposite(types.kind(id)));
  if (viaTypedef.length > 0) return [
    ...new Set(viaTypedef)
  ];
  throw new BtfError(`btf: '${name}' exists but is not a struct or union`);
});
var arraySuffix = (function arraySuffix(t) {
  let start = t.length;
  while (t.endsWith("]", start)) {
    const open = t.lastIndexOf("[", start - 1);
    if (open < 0) break;
    for (let i = open + 1; i < start - 1; i++) if (t[i] < "0" || t[i] > "9") return start;
    start = open;
  }
  return start;
});
var columns = (function columns(m) {
  const name = printable(m.name) + (m.bitSize !== void 0 ? `:${m.bitSize}` : "");
  const t = printable(m.type), array = arraySuffix(t);
  if (array < t.length) return [
    t.slice(0, array),
    name + t.slice(array)
  ];
  const fn = t.indexOf(" (*");
  if (fn >= 0 && t.endsWith(")")) {
    let stars = fn + 2;
    while (t[stars] === "*") stars++;
    if (t.startsWith(")(", stars)) {
      return [
        t.slice(0, fn),
        `(${t.slice(fn + 2, stars)}${name})${t.slice(stars + 1)}`
      ];
    }
    if (t[stars] === "[") {
      return [
        t.slice(0, fn),
        `${t.slice(fn + 1, stars)}${name}${t.slice(stars)}`
      ];
    }
  }
  return [
    t,
    name
  ];
});
var position = (function position(m) {
  const at = m.bitOffset !== void 0 ? `${String(m.offset).padStart(5)}:${String(m.bitOffset).padStart(2)}${String(m.size).padStart(3)}` : `${String(m.offset).padStart(5)} ${String(m.size).padStart(5)}`;
  return `/* ${at} */`;
});
var plural = (function plural(n, unit) {
  return `${n} ${unit}${n === 1 ? "" : "s"}`;
});
var holeLine = (function holeLine(h, indent) {
  const size = h.inUnit ? plural(h.bits, "bit") : plural(h.bits / 8, "byte");
  return `${indent}/* XXX ${size} hole, try to pack */`;
});
var bodyLines = (function bodyLines(layout, indent) {
  const lines = [];
  const width = DECL_WIDTH - 8 * (indent.length - 1);
  const typeWidth = Math.max(0, TYPE_WIDTH - 8 * (indent.length - 1));
  layout.members.forEach((m, i) => {
    if (m.expanded) {
      const inner = m.expanded;
      const label = inner.name ? `${inner.kind} ${printable(inner.name)}` : inner.kind;
      lines.push(`${indent}${label} {`, ...bodyLines(inner, indent + "	"));
      const close = `}${m.name ? ` ${printable(m.name)}` : ""};`;
      lines.push(`${indent}${close.padEnd(width)} ${position(m)}`);
    } else {
      const [type, name] = columns(m);
      const decl = `${type.padEnd(typeWidth)} ${name};`;
      lines.push(`${indent}${decl.padEnd(width)} ${position(m)}`);
    }
    const holes = layout.holes.filter((h) => h.after === i);
    if (holes.length > 0) lines.push("", ...holes.map((h) => holeLine(h, indent)), "");
  });
  return lines;
});
var byteHoles = (function byteHoles(layout) {
  const bytes = layout.holes.filter((h) => !h.inUnit);
  return [
    bytes.length,
    bytes.reduce((sum, h) => sum + h.bits / 8, 0)
  ];
});
var renderLayout = (function renderLayout(layout) {
  const head = `${layout.kind} ${printable(layout.name) || "{...}"} {`;
  const summary = [
    `size: ${layout.size}`,
    `members: ${layout.members.length}`
  ];
  const [holes, sum] = byteHoles(layout);
  if (holes > 0) summary.push(`holes: ${holes}`, `sum holes: ${sum}`);
  const bitHoles = layout.holes.filter((h) => h.inUnit);
  if (bitHoles.length > 0) {
    summary.push(`bit holes: ${bitHoles.length}`);
    summary.push(`sum bit holes: ${bitHoles.reduce((n, h) => n + h.bits, 0)} bits`);
  }
  if (layout.padding > 0) summary.push(`padding: ${layout.padding}`);
  return [
    `/* type id ${layout.typeId} */`,
    head,
    ...bodyLines(layout, "	"),
    "",
    `	/* ${summary.join(", ")} */`,
    "};",
    ""
  ].join("\n");
});
var layoutJson = (function layoutJson(layout) {
  return {
    name: layout.name,
    type_id: layout.typeId,
    kind: layout.kind,
    offset: layout.offset,
    size: layout.size,
    members: layout.members.map((m) => ({
      name: m.name,
      offset: m.offset,
      size: m.size,
      ...m.bitSize !== void 0 ? {
        bit_offset: m.bitOffset,
        bit_size: m.bitSize
      } : {},
      type: m.type,
      type_id: m.typeId,
      ...m.expanded ? {
        expanded: layoutJson(m.expanded)
      } : {}
    })),
    holes: layout.holes.map((h) => ({
      after: layout.members[h.after].name,
      offset: h.offset,
      bits: h.bits,
      in_unit: h.inUnit
    })),
    padding: layout.padding
  };
});
var loadOne = (async function loadOne(v, io) {
  const paths = v.kernel ? [
    v.kernel
  ] : [];
  const [outcome2] = await loadKernels(paths, loadOptions(v), [], io, true);
  if ("error" in outcome2) {
    complain(io, outcome2.error);
    return null;
  }
  return {
    types: outcome2.types,
    source: outcome2.source
  };
});
var noteFailure = (function noteFailure(kernel, missing, arg, message, io) {
  missing[arg] = message;
  const where = arg.startsWith("--") ? `${arg}: ` : "";
  complain(io, `${kernel.source.path}: ${where}${message}`);
});
var printAnswers = (function printAnswers(kernel, json, key, answers, io) {
  const { values, missing } = answers;
  if (json) {
    writeJson(io, {
      source: kernel.source,
      [key]: values.map((v) => answers.json(v)),
      missing
    });
  } else io.out(values.map((v) => answers.text(v)).join("\n"));
  return Object.keys(missing).length > 0 ? 1 : 0;
});
var answerEach = (function answerEach(kernel, args, json, key, a, io) {
  const answers = {
    values: [],
    json: ({ arg, answer }) => a.json(arg, answer),
    text: ({ arg, answer }) => a.text(arg, answer),
    missing: {}
  };
  for (const arg of args) {
    try {
      answers.values.push({
        arg,
        answer: a.answer(kernel.types, arg)
      });
    } catch (err) {
      if (!(err instanceof BtfError)) throw err;
      noteFailure(kernel, answers.missing, arg, err.message, io);
    }
  }
  return printAnswers(kernel, json, key, answers, io);
});
var hasMember = (function hasMember(types, id, name) {
  return orNull(() => findMember(types, compositeOf(types, id), name)) !== null;
});
var tokenize = (function tokenize(expr) {
  const m = /^([A-Za-z_]\w*)/.exec(expr);
  if (!m) throw new BtfError(`btf: bad path '${expr}': it must start with a struct name`);
  const tokens = [];
  const step = /\.([A-Za-z_]\w*)|->([A-Za-z_]\w*)|\[(\d+)\]/y;
  step.lastIndex = m[0].length;
  while (step.lastIndex < expr.length) {
    const at = step.lastIndex;
    const s = step.exec(expr);
    if (!s) throw new BtfError(`btf: bad path '${expr}' at '${expr.slice(at)}'`);
    if (s[1] !== void 0) tokens.push({
      op: ".",
      name: s[1]
    });
    else if (s[2] !== void 0) tokens.push({
      op: "->",
      name: s[2]
    });
    else tokens.push({
      op: "[]",
      index: Number(s[3])
    });
  }
  return {
    base: m[1],
    tokens
  };
});
var structLabel = (function structLabel(types, id) {
  return types.name(id) || typeName(types, id);
});
var resolvePath = (function resolvePath(types, expr) {
  const { base, tokens } = tokenize(expr);
  const hops = [];
  let baseName2 = base, done = base;
  let typeId = withContext(`btf: resolve ${expr}`, () => findStruct(types, base));
  let offset = 0, bitSize = 0;
  let chain = [];
  const finish = () => hops.push({
    base: baseName2,
    expr: done,
    offset,
    size: sizeOf2(types, typeId),
    typeId,
    type: typeName(types, typeId),
    bitSize,
    chain
  });
  for (const t of tokens) {
    withContext(`btf: resolve ${expr}`, () => {
      if (t.op === "[]") {
        const array = stripQualifiers(types, typeId);
        if (types.kind(array) !== Kind.ARRAY) {
          throw new BtfError(`btf: '${done}' is ${typeName(types, typeId)}, not an array`);
        }
        const length = types.word(array, 5);
        if (length > 0 && t.index >= length) {
          throw new BtfError(`btf: index ${t.index} is past the end of '${done}' (${length} elements)`);
        }
        typeId = types.word(array, 3);
        offset += t.index * sizeOf2(types, typeId);
        done += `[${t.index}]`;
        chain[chain.length - 1] += `[${t.index}]`;
        return;
      }
      if (t.op === "->") {
        const ptr = stripQualifiers(types, typeId);
        if (types.kind(ptr) !== Kind.PTR) {
          throw new BtfError(`btf: '${done}' is ${typeName(types, typeId)}, not a pointer`);
        }
        finish();
        typeId = compositeOf(types, types.refType(ptr));
        baseName2 = structLabel(types, typeId);
        done = baseName2;
        offset = 0;
        chain = [];
      } else if (types.kind(stripQualifiers(types, typeId)) === Kind.PTR) {
        throw new BtfError(`btf: '${done}' is a pointer: follow it with '->${t.name}'`);
      }
      const struct = compositeOf(types, typeId);
      const found = findMember(types, struct, t.name);
      offset += found.offset;
      typeId = found.type;
      bitSize = found.bitSize;
      done += `.${t.name}`;
      chain.push(`${structLabel(types, struct)}.${t.name}`);
    });
  }
  withContext(`btf: resolve ${expr}`, finish);
  return {
    ...hops[hops.length - 1],
    hops
  };
});
var hopLines = (function hopLines(h, indent) {
  const bits = h.bitSize > 0 ? `  bitfield :${h.bitSize}` : "";
  return [
    `${indent}offset ${h.offset} (0x${h.offset.toString(16)})  size ${h.size}  ${h.type}${bits}`,
    `${indent}via ${h.chain.length > 0 ? h.chain.join(" > ") : h.base}`
  ];
});
var renderPath = (function renderPath(expr, path) {
  const body = path.hops.length === 1 ? hopLines(path, "  ") : path.hops.flatMap((h) => [
    `  ${h.expr}`,
    ...hopLines(h, "    ")
  ]);
  return [
    expr,
    ...body
  ].map(printable).join("\n") + "\n";
});
var hopJson = (function hopJson(h) {
  return {
    base: h.base,
    expr: h.expr,
    offset: h.offset,
    size: h.size,
    type: h.type,
    type_id: h.typeId,
    ...h.bitSize > 0 ? {
      bit_size: h.bitSize
    } : {},
    chain: h.chain
  };
});
var pathJson = (function pathJson(expr, path) {
  return {
    path: expr,
    ...hopJson(path),
    hops: path.hops.map(hopJson)
  };
});
var lookupEnum = (function lookupEnum(types, name) {
  const ids = types.byName(name, {
    functions: false
  }).filter((id) => {
    const k = types.kind(id);
    return k === Kind.ENUM || k === Kind.ENUM64;
  });
  if (ids.length > 0) {
    return {
      enums: ids.map((typeId) => ({
        typeId,
        name,
        kind: types.kind(typeId) === Kind.ENUM ? "ENUM" : "ENUM64",
        size: types.size(typeId),
        signed: types.kindFlag(typeId),
        enumerators: enumerators(types, typeId)
      }))
    };
  }
  const found = enumValue(types, name);
  if (found === null) throw new BtfError(`btf: no enum or enumerator named '${name}'`);
  return {
    enumerator: name,
    found,
    size: types.size(found.typeId)
  };
});
var hex3 = (function hex3(value2, size) {
  let v = BigInt(value2);
  if (v < 0n) v += 1n << BigInt(8 * size);
  return `0x${v.toString(16)}`;
});
var header = (function header(e) {
  const sign = e.signed ? "signed" : "unsigned";
  return `enum ${e.name} (type id ${e.typeId}, ${e.kind}, ${e.size} bytes, ${sign})`;
});
var renderEnum = (function renderEnum(answer) {
  if ("found" in answer) {
    const f = answer.found, sign = f.signed ? "signed" : "unsigned";
    const where = f.enumName ? `enum ${f.enumName}` : "an anonymous enum";
    const value2 = `${f.value} (${hex3(f.value, answer.size)})`;
    return printable(`${answer.enumerator} = ${value2} in ${where} (type id ${f.typeId}, ${sign})`) + "\n";
  }
  return answer.enums.map((e) => {
    const width = Math.max(0, ...e.enumerators.map((x) => x.name.length));
    const values = e.enumerators.map((x) => String(x.value));
    const vwidth = Math.max(0, ...values.map((v) => v.length));
    const lines = e.enumerators.map((x, i) => `  ${x.name.padEnd(width)}  ${values[i].padStart(vwidth)}  ${hex3(x.value, e.size)}`);
    return [
      header(e),
      ...lines
    ].map(printable).join("\n") + "\n";
  }).join("\n");
});
var exact = (function exact(value2) {
  return typeof value2 === "bigint" ? JSON.rawJSON(value2.toString()) : value2;
});
var enumJson = (function enumJson(answer) {
  if ("found" in answer) {
    const f = answer.found;
    return {
      enumerator: answer.enumerator,
      value: exact(f.value),
      signed: f.signed,
      enum: f.enumName,
      type_id: f.typeId
    };
  }
  return {
    enums: answer.enums.map((e) => ({
      name: e.name,
      type_id: e.typeId,
      kind: e.kind,
      size: e.size,
      signed: e.signed,
      enumerators: e.enumerators.map((x) => ({
        name: x.name,
        value: exact(x.value)
      }))
    }))
  };
});
var leaves = (function leaves(value2, path, into) {
  for (const [key, v] of Object.entries(value2)) {
    const here = `${path}.${key}`;
    if (v === null || typeof v === "number") into.set(here, v);
    else if (!Array.isArray(v)) leaves(v, here, into);
  }
});
var present = (function present(report, group2) {
  const v = valueAt(report.offsets, group2);
  return v !== null && v !== void 0;
});
var diffReports = (function diffReports(a, b, provenance = declaredProvenance) {
  const changes = [];
  const groups = GROUP_PATHS.filter((g) => topGroup(g) in a.offsets || topGroup(g) in b.offsets);
  const skipped = [];
  for (const group2 of groups) {
    if (skipped.some((s) => group2.startsWith(`${s}.`))) continue;
    const inA = present(a, group2), inB = present(b, group2);
    if (inA === inB) continue;
    skipped.push(group2);
    changes.push({
      class: inA ? "removed" : "added",
      what: "group",
      path: group2,
      from: null,
      to: null,
      reason: inA ? reasonOf(b, group2) : reasonOf(a, group2)
    });
  }
  const va = /* @__PURE__ */ new Map(), vb = /* @__PURE__ */ new Map();
  for (const [name, v] of Object.entries(a.offsets)) if (v) leaves(v, name, va);
  for (const [name, v] of Object.entries(b.offsets)) if (v) leaves(v, name, vb);
  const paths = [
    ...va.keys(),
    ...[
      ...vb.keys()
    ].filter((k) => !va.has(k))
  ];
  for (const path of paths) {
    if (skipped.some((s) => path.startsWith(`${s}.`))) continue;
    const from = va.get(path) ?? null, to = vb.get(path) ?? null;
    if (from === to) continue;
    const known = provenance(path, to === null ? a.via : b.via);
    const cls = from === null ? "added" : to === null ? "removed" : known?.size ? "resized" : "moved";
    const via = known?.via;
    changes.push({
      class: cls,
      what: "field",
      path,
      from,
      to,
      ...via ? {
        via
      } : {}
    });
  }
  return changes;
});
var declaredProvenance = (function declaredProvenance(path, via = {}) {
  const source = sourceAt(path, via);
  if (source === "") return void 0;
  return {
    via: source,
    size: fieldAt(path)?.type === "size"
  };
});
var reasonOf = (function reasonOf(report, group2) {
  if (report.missing[group2]) return report.missing[group2];
  const parts = group2.split(".");
  for (let i = parts.length - 1; i > 0; i--) {
    const parent = parts.slice(0, i).join(".");
    if (report.missing[parent]) return `${parent}: ${report.missing[parent]}`;
  }
  return "not resolved";
});
var membersByName = (function membersByName(layout, into = /* @__PURE__ */ new Map()) {
  for (const m of layout.members) {
    if (m.name === "" && m.expanded) membersByName(m.expanded, into);
    else if (m.name !== "" && !into.has(m.name)) {
      const offset = m.bitSize !== void 0 ? m.offset * 8 + m.bitOffset : m.offset;
      into.set(m.name, [
        offset,
        m.size,
        m.bitSize !== void 0 ? "bits" : "bytes"
      ]);
    }
  }
  return into;
});
var diffLayouts = (function diffLayouts(name, a, b) {
  if (a === null || b === null) {
    if (a === b) return [];
    return [
      {
        class: a ? "removed" : "added",
        what: "struct",
        path: name,
        from: a?.size ?? null,
        to: b?.size ?? null
      }
    ];
  }
  const changes = [];
  if (a.size !== b.size) {
    changes.push({
      class: "resized",
      what: "struct",
      path: name,
      from: a.size,
      to: b.size
    });
  }
  const ma = membersByName(a), mb = membersByName(b);
  for (const member2 of [
    ...ma.keys(),
    ...[
      ...mb.keys()
    ].filter((k) => !ma.has(k))
  ]) {
    const x = ma.get(member2), y = mb.get(member2);
    const path = `${name}.${member2}`;
    if (!x || !y) {
      const cls = x ? "removed" : "added";
      changes.push({
        class: cls,
        what: "member",
        path,
        from: x?.[0] ?? null,
        to: y?.[0] ?? null
      });
    } else if (x[1] !== y[1]) {
      changes.push({
        class: "resized",
        what: "member",
        path,
        from: x[0],
        to: y[0],
        size: [
          x[1],
          y[1]
        ]
      });
    } else if (x[0] !== y[0] || x[2] !== y[2]) {
      changes.push({
        class: "moved",
        what: "member",
        path,
        from: x[0],
        to: y[0]
      });
    }
  }
  return changes;
});
var value = (function value(v) {
  return v === null ? "\u2014" : String(v);
});
var changeLine = (function changeLine(c, width) {
  const head = `  ${c.class.padEnd(8)} ${c.path.padEnd(width)}`;
  if (c.what === "group") {
    return `${head} ${c.class === "added" ? "was" : "now"} missing: ${c.reason}`;
  }
  const sizes2 = c.size ? `  size ${value(c.size[0])} \u2192 ${value(c.size[1])}` : "";
  const label = c.what === "struct" ? "size " : "";
  const via = c.via ? `  (${c.via})` : "";
  return `${head} ${label}${value(c.from).padStart(6)} \u2192 ${value(c.to)}${sizes2}${via}`;
});
var renderDiff = (function renderDiff(d) {
  const width = Math.min(MAX_PATH_WIDTH, Math.max(0, ...d.changes.map((c) => c.path.length)));
  const lines = [
    `--- ${d.from}`,
    `+++ ${d.to}`,
    ...d.changes.map((c) => changeLine(c, width))
  ];
  const n = d.changes.length;
  lines.push(n === 0 ? "  identical" : `  ${plural(n, "change")}`);
  return lines.map(printable).join("\n") + "\n";
});
var diffJson = (function diffJson(d) {
  return {
    from: d.from,
    to: d.to,
    identical: d.changes.length === 0,
    changes: d.changes
  };
});
var layoutOf = (function layoutOf(types, name) {
  return orNull(() => structLayout(types, findStruct(types, name)));
});
var hex4 = (function hex4(n) {
  return `0x${n.toString(16)}`;
});
var symbolTable = (function symbolTable(names, addresses, types, origin) {
  const index = /* @__PURE__ */ new Map();
  names.forEach((n, i) => {
    if (!index.has(n)) index.set(n, i);
  });
  return {
    address: (name) => {
      const i = index.get(name);
      return i === void 0 ? void 0 : addresses[i];
    },
    type: (name) => {
      const i = index.get(name);
      return i === void 0 ? void 0 : types[i];
    },
    size: names.length,
    origin
  };
});
var readUpTo = (function readUpTo(read, va, length) {
  for (let n = length; n >= 4096; n >>= 1) {
    try {
      return read(va, n);
    } catch (err) {
      if (!(err instanceof GuestError)) throw err;
    }
  }
  return read(va, 4096 - Number(va & 0xfffn));
});
var concat = (function concat(a, b) {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
});
var walkNames = (function walkNames(read, namesAt, count2) {
  const starts = new Uint32Array(count2), lengths = new Uint16Array(count2);
  const PIECE = 4 << 20;
  let stream = readUpTo(read, namesAt, PIECE), p = 0;
  let more = stream.length === PIECE;
  for (let i = 0; i < count2; i++) {
    if (more && p + 65538 > stream.length) {
      const next = readUpTo(read, namesAt + BigInt(stream.length), PIECE);
      more = next.length === PIECE;
      stream = concat(stream, next);
    }
    let len = stream[p++];
    if (len & 128) len = len & 127 | stream[p++] << 7;
    if (len === 0) throw new GuestError(`kallsyms: symbol ${i} has an empty name`);
    if (p + len > stream.length) {
      throw new GuestError(`kallsyms: symbol ${i}'s name runs past the names`);
    }
    starts[i] = p;
    lengths[i] = len;
    p += len;
  }
  return {
    stream,
    starts,
    lengths,
    end: p
  };
});
var decodeTokens = (function decodeTokens(read, tableVa, indexVa) {
  const index = new Uint16Array(read(indexVa, 512).slice().buffer);
  const bytes = read(tableVa, index[255] + 256).slice();
  const start = new Uint32Array(256), length = new Uint32Array(256);
  const hash = new Int32Array(256), power = new Int32Array(256);
  const tailHash = new Int32Array(256), tailPower = new Int32Array(256);
  for (let t = 0; t < 256; t++) {
    const end = bytes.indexOf(0, index[t]);
    if (end < 0) throw new GuestError(`kallsyms: token ${t} is not NUL-terminated`);
    start[t] = index[t];
    length[t] = end - index[t];
    let h = 0, pow = 1;
    for (let k = end - 1; k >= index[t]; k--) {
      if (k === index[t]) [tailHash[t], tailPower[t]] = [
        h,
        pow
      ];
      h = h + Math.imul(bytes[k], pow) | 0;
      pow = Math.imul(pow, HASH_MUL);
    }
    [hash[t], power[t]] = [
      h,
      pow
    ];
  }
  return {
    bytes,
    start,
    length,
    hash,
    power,
    tailHash,
    tailPower
  };
});
var compareName = (function compareName(names, tokens, i, q) {
  let j = -1;
  for (let p = names.starts[i], end = p + names.lengths[i]; p < end; p++) {
    const t = names.stream[p];
    for (let k = tokens.start[t], e = k + tokens.length[t]; k < e; k++, j++) {
      const c = tokens.bytes[k];
      if (j < 0) {
        if (q.length === 0) return c;
        continue;
      }
      if (j >= q.length) return 1;
      if (c !== q[j]) return c - q[j];
    }
  }
  return j < q.length ? -1 : 0;
});
var typeOf2 = (function typeOf2(names, tokens, i) {
  return String.fromCharCode(compareName(names, tokens, i, new Uint8Array(0)));
});
var sortedLookup = (function sortedLookup(names, tokens, seqs) {
  const count2 = names.starts.length;
  const seq = (k) => seqs[3 * k] << 16 | seqs[3 * k + 1] << 8 | seqs[3 * k + 2];
  const order = (k, q) => {
    const i = seq(k);
    return i < count2 ? compareName(names, tokens, i, q) : NaN;
  };
  return (q) => {
    let lo = 0, hi = count2 - 1;
    while (lo <= hi) {
      const mid = lo + hi >>> 1, o = order(mid, q);
      if (o < 0) lo = mid + 1;
      else if (o > 0) hi = mid - 1;
      else if (o === 0) {
        let first = mid;
        while (first > 0 && order(first - 1, q) === 0) first--;
        return seq(first);
      } else return -1;
    }
    return -1;
  };
});
var seqsPlaces = (function seqsPlaces(at, names, count2) {
  const align = (va, a) => va + a - 1n & ~(a - 1n);
  const places = /* @__PURE__ */ new Set();
  const offsetsEnd = at.offsets + BigInt(4 * count2);
  const afterOffsets = at.relativeBase !== void 0 && at.relativeBase >= offsetsEnd ? at.relativeBase + 8n : offsetsEnd;
  for (const a of [
    4n,
    8n
  ]) {
    const markersEnd = align(at.names + BigInt(names.end), a) + BigInt(4 * Math.ceil(count2 / 256));
    const beforeTokens = align(markersEnd, a);
    if (align(beforeTokens + BigInt(3 * count2), a) === at.tokenTable) places.add(beforeTokens);
    places.add(align(afterOffsets, a));
  }
  return places;
});
var slotOf = (function slotOf(h) {
  h = Math.imul(h ^ h >>> 16, 2246822507);
  h = Math.imul(h ^ h >>> 13, 3266489909);
  return (h ^ h >>> 16) >>> 0;
});
var hashedLookup = (function hashedLookup(names, tokens) {
  const count2 = names.starts.length, hashes = new Int32Array(count2);
  const slots = new Int32Array(nextPow22(count2 * 2));
  const mask = slots.length - 1;
  const { stream, starts, lengths } = names;
  const { hash, power, tailHash, tailPower, length: tokenLength } = tokens;
  for (let i = 0; i < count2; i++) {
    let h = 0, typed = false;
    for (let p = starts[i], end = p + lengths[i]; p < end; p++) {
      const t = stream[p];
      if (typed) h = Math.imul(h, power[t]) + hash[t] | 0;
      else if (tokenLength[t] > 0) {
        h = Math.imul(h, tailPower[t]) + tailHash[t] | 0;
        typed = true;
      }
    }
    if (!typed) throw new GuestError(`kallsyms: symbol ${i} has an empty name`);
    hashes[i] = h;
    let at = slotOf(h) & mask;
    while (slots[at] !== 0) at = at + 1 & mask;
    slots[at] = i + 1;
  }
  return (q) => {
    let h = 0;
    for (const c of q) h = Math.imul(h, HASH_MUL) + c | 0;
    for (let at = slotOf(h) & mask; slots[at] !== 0; at = at + 1 & mask) {
      const i = slots[at] - 1;
      if (hashes[i] === h && compareName(names, tokens, i, q) === 0) return i;
    }
    return -1;
  };
});
var nextPow22 = (function nextPow22(n) {
  let p = 1;
  while (p < n) p *= 2;
  return p;
});
var kallsymsAt = (function kallsymsAt(info) {
  const need = (name) => {
    const va = info.symbol(name);
    if (va === void 0) {
      throw new GuestError(`VMCOREINFO has no SYMBOL(${name}) (Linux 6.0 or later publishes it): pass --symbols FILE`);
    }
    return va;
  };
  return {
    numSyms: need("kallsyms_num_syms"),
    names: need("kallsyms_names"),
    tokenTable: need("kallsyms_token_table"),
    tokenIndex: need("kallsyms_token_index"),
    offsets: need("kallsyms_offsets"),
    relativeBase: info.symbol("kallsyms_relative_base")
  };
});
var readKallsyms = (function readKallsyms(read, info) {
  const at = kallsymsAt(info);
  const tokens = decodeTokens(read, at.tokenTable, at.tokenIndex);
  const count2 = new DataView(read(at.numSyms, 4).slice().buffer).getUint32(0, true);
  if (count2 === 0 || count2 > MAX_SYMS) throw new GuestError(`kallsyms: ${count2} symbols`);
  const names = walkNames(read, at.names, count2);
  const stextName = new TextEncoder().encode("_stext");
  let lookup;
  for (const va of seqsPlaces(at, names, count2)) {
    let seqs;
    try {
      seqs = read(va, 3 * count2);
    } catch (err) {
      if (err instanceof GuestError) continue;
      throw err;
    }
    const sorted2 = sortedLookup(names, tokens, seqs);
    if (sorted2(stextName) >= 0) {
      lookup = sorted2;
      break;
    }
  }
  const sorted = lookup !== void 0;
  lookup ??= hashedLookup(names, tokens);
  const indexOf = (name) => lookup(new TextEncoder().encode(name));
  const stextIndex = lookup(stextName);
  const stext = info.symbol("_stext");
  if (stextIndex < 0 || stext === void 0) {
    throw new GuestError("kallsyms: _stext is missing, so the address encoding cannot be told");
  }
  const offsetsVa = at.offsets;
  const raw = (i) => new DataView(read(offsetsVa + BigInt(4 * i), 4).slice().buffer).getInt32(0, true);
  const base = at.relativeBase === void 0 ? void 0 : new DataView(read(at.relativeBase, 8).slice().buffer).getBigUint64(0, true);
  const encodings = [
    // Place-relative (7.0 on): each offset from its own slot.
    (i) => offsetsVa + BigInt(4 * i) + BigInt(raw(i)) & U64
  ];
  if (base !== void 0) {
    encodings.push((i) => base + BigInt(raw(i) >>> 0) & U64);
    encodings.push((i) => {
      const v = raw(i);
      return v >= 0 ? BigInt(v) : base - 1n - BigInt(v) & U64;
    });
  }
  const decode = encodings.find((f) => f(stextIndex) === stext);
  if (decode === void 0) {
    throw new GuestError(`kallsyms: no address encoding gives _stext at ${hex4(stext)} (another kernel's memory?)`);
  }
  return {
    address(name) {
      const i = indexOf(name);
      return i < 0 ? void 0 : decode(i);
    },
    type(name) {
      const i = indexOf(name);
      return i < 0 ? void 0 : typeOf2(names, tokens, i);
    },
    size: count2,
    origin: "kallsyms in guest memory",
    sorted
  };
});
var parseVmcoreInfo = (function parseVmcoreInfo(text) {
  const entries = /* @__PURE__ */ new Map();
  for (const line of text.split("\n")) {
    const m = LINE.exec(line);
    if (m && !entries.has(m[1])) entries.set(m[1], m[2]);
  }
  const release = entries.get("OSRELEASE");
  if (release === void 0 || release === "" || release.includes("%")) {
    throw new GuestError("VMCOREINFO has no OSRELEASE line");
  }
  const hexOf = (v) => v !== void 0 && /^(0x)?[0-9a-f]+$/i.test(v) ? BigInt(v.startsWith("0x") ? v : `0x${v}`) : void 0;
  return {
    entries,
    release,
    symbol: (name) => hexOf(entries.get(`SYMBOL(${name})`)),
    number(name) {
      const v = entries.get(`NUMBER(${name})`);
      return v !== void 0 && /^-?\d+$/.test(v) ? BigInt(v) : void 0;
    },
    kernelOffset: hexOf(entries.get("KERNELOFFSET")) ?? 0n
  };
});
var textAt = (function textAt(bytes) {
  const end = bytes.indexOf(0);
  return new TextDecoder().decode(end < 0 ? bytes : bytes.subarray(0, end));
});
var vmcoreInfoFromNotes = (function vmcoreInfoFromNotes(notes) {
  const note = notes.find((n) => n.name === "VMCOREINFO");
  return note ? parseVmcoreInfo(textAt(note.desc)) : void 0;
});
var firstLineAt = (function firstLineAt(bytes, at) {
  if (at + FIRST_LINE.length > bytes.length) return false;
  for (let i = 0; i < FIRST_LINE.length; i++) if (bytes[at + i] !== FIRST_LINE[i]) return false;
  return true;
});
var findVmcoreInfo = (function findVmcoreInfo(mem) {
  const ranges = [
    ...mem.ranges.filter((r) => r.start >= FOUR_GIB),
    ...mem.ranges.filter((r) => r.start < FOUR_GIB)
  ];
  for (const range of ranges) {
    const size = range.present ?? range.size;
    for (let at = 0; at < size; at += SCAN_CHUNK) {
      const base = range.start + at;
      const chunk = mem.read(base, Math.min(size - at, SCAN_CHUNK));
      for (let page = (PAGE3 - base % PAGE3) % PAGE3; page < chunk.length; page += PAGE3) {
        if (chunk[page] !== O && chunk[page + TEXT_OFFSETS[1]] !== O) continue;
        for (const offset of TEXT_OFFSETS) {
          if (!firstLineAt(chunk, page + offset)) continue;
          const addr = base + page + offset;
          const text = textAt(mem.read(addr, Math.min(MAX_TEXT, range.start + size - addr)));
          if (!text.includes("\nPAGESIZE=")) continue;
          try {
            return parseVmcoreInfo(text);
          } catch {
            continue;
          }
        }
      }
    }
  }
  return void 0;
});
var imagePhys = (function imagePhys(va, physBase) {
  if (va < START_KERNEL_MAP || va >= START_KERNEL_MAP + KERNEL_IMAGE_SIZE) return null;
  return Number(va - START_KERNEL_MAP + physBase & U643);
});
var needSymbol = (function needSymbol(symbols, name) {
  const va = symbols.address(name);
  if (va === void 0) throw new GuestError(`symbol ${name} is not in ${symbols.origin}`);
  return va;
});
var btfInMemory = (function btfInMemory(symbols, read) {
  const start = symbols.address("__start_BTF"), stop = symbols.address("__stop_BTF");
  if (start === void 0 || stop === void 0 || stop <= start || stop - start > 1n << 28n) {
    throw new GuestError(`the kernel's BTF is not in ${symbols.origin} (no __start_BTF/__stop_BTF): pass -k KERNEL`);
  }
  const bytes = read(start, Number(stop - start));
  try {
    return BtfTypes.build(bytes);
  } catch (err) {
    if (err instanceof BtfError) {
      throw new GuestError(`the BTF at ${hex4(start)} in guest memory does not parse: ${err.message}`);
    }
    throw err;
  }
});
var findKernel = (function findKernel(image, inputs = {}) {
  const fromNote = vmcoreInfoFromNotes(image.notes);
  const vmcoreinfo = fromNote ?? findVmcoreInfo(image.memory);
  if (vmcoreinfo === void 0) {
    throw new GuestError("no VMCOREINFO in the image (not a Linux guest's memory?)");
  }
  const physBase = vmcoreinfo.number("phys_base");
  const topPgt = vmcoreinfo.symbol("init_top_pgt");
  if (physBase === void 0 || topPgt === void 0) {
    throw new GuestError("VMCOREINFO has no NUMBER(phys_base) or SYMBOL(init_top_pgt) (not x86_64?)");
  }
  const levels = vmcoreinfo.number("pgtable_l5_enabled") === 1n ? 5 : 4;
  const root = imagePhys(topPgt, physBase);
  if (root === null) {
    throw new GuestError(`VMCOREINFO's SYMBOL(init_top_pgt) 0x${topPgt.toString(16)} is outside the kernel image`);
  }
  const paging = {
    root,
    levels,
    physBase
  };
  const translator = new X86Translator(image.memory, paging);
  const read = (va, n) => translator.read(va, n);
  const symbols = inputs.symbols?.(vmcoreinfo) ?? readKallsyms(read, vmcoreinfo);
  const types = inputs.types ?? btfInMemory(symbols, read);
  const view = new GuestView(types, read);
  const cpuCount = Number(view.u32(needSymbol(symbols, "nr_cpu_ids")));
  if (cpuCount < 1 || cpuCount > MAX_CPUS) {
    throw new GuestError(`nr_cpu_ids is ${cpuCount}: symbols of another kernel?`);
  }
  const mask = read(needSymbol(symbols, "__cpu_possible_mask"), Math.ceil(cpuCount / 64) * 8);
  const cpus = [];
  for (let cpu = 0; cpu < cpuCount; cpu++) if (mask[cpu >> 3] & 1 << (cpu & 7)) cpus.push(cpu);
  const offsets = view.u64Array(needSymbol(symbols, "__per_cpu_offset"), cpuCount);
  const kernel = {
    vmcoreinfo,
    vmcoreinfoFrom: fromNote ? "note" : "ram",
    symbols,
    types,
    btfFrom: inputs.types ? inputs.btfFrom ?? "-k" : "guest memory",
    view,
    cpus,
    perCpuOffset: (cpu) => offsets[cpu],
    paging,
    kaslrOffset: vmcoreinfo.kernelOffset
  };
  checkFit(kernel);
  return kernel;
});
var perCpuAddress = (function perCpuAddress(kernel, name, cpu) {
  return needSymbol(kernel.symbols, name) + kernel.perCpuOffset(cpu) & (1n << 64n) - 1n;
});
var kernelSpaceStart = (function kernelSpaceStart(levels) {
  return levels === 5 ? 0xff00000000000000n : 0xffff800000000000n;
});
var checkFit = (function checkFit(kernel) {
  const { view } = kernel;
  for (const cpu of kernel.cpus) {
    let verdict;
    const rq2 = perCpuAddress(kernel, "runqueues", cpu);
    try {
      const said = view.int(rq2, "rq.cpu");
      if (said !== BigInt(cpu)) {
        verdict = new GuestError(`the run queue of CPU ${cpu} says it is CPU ${said}: BTF or symbols of another kernel`);
      }
      for (const [member2, task2] of [
        [
          "rq.idle",
          "idle"
        ],
        [
          "rq.curr",
          "current"
        ]
      ]) {
        const at = verdict ?? view.pointer(rq2, member2);
        if (typeof at === "bigint" && at < kernelSpaceStart(kernel.paging.levels)) {
          verdict = new GuestError(`CPU ${cpu}'s ${task2} task is at 0x${at.toString(16)}, not a kernel address: BTF or symbols of another kernel`);
        }
      }
      const comm = verdict ?? view.string(view.pointer(rq2, "rq.idle"), "task_struct.comm");
      if (typeof comm === "string" && comm !== `swapper/${cpu}`) {
        verdict = new GuestError(`CPU ${cpu}'s idle task is '${comm}', not 'swapper/${cpu}': BTF or symbols of another kernel`);
      }
    } catch (err) {
      if (!(err instanceof BtfError)) throw err;
      throw new GuestError(`the BTF does not fit this memory: ${err.message}`);
    }
    if (verdict) throw verdict;
  }
});
var count = (function count(v) {
  return v <= BigInt(Number.MAX_SAFE_INTEGER) && v >= -BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v.toString();
});
var className = (function className(kernel, va) {
  for (const c of CLASSES) if (kernel.symbols.address(`${c}_sched_class`) === va) return c;
  return `0x${va.toString(16)}`;
});
var optional2 = (function optional2(missing, part, read) {
  try {
    return read();
  } catch (err) {
    if (!(err instanceof BtfError)) throw err;
    missing[part] ??= err.message;
    return null;
  }
});
var readRunQueues = (function readRunQueues(kernel, cpus = kernel.cpus) {
  const { view } = kernel;
  const missing = {};
  const cputime = kernelConstants(kernel.types).constants;
  const kickPath = view.has("scx_rq.kick_sync") ? "rq.scx.kick_sync" : "rq.scx.pnt_seq";
  const rows = cpus.map((cpu) => {
    const rq2 = perCpuAddress(kernel, "runqueues", cpu);
    const curr = view.pointer(rq2, "rq.curr");
    return {
      cpu,
      nr_running: Number(view.uint(rq2, "rq.nr_running")),
      clock: count(view.uint(rq2, "rq.clock")),
      curr: {
        pid: Number(view.int(curr, "task_struct.pid")),
        comm: view.string(curr, "task_struct.comm"),
        class: className(kernel, view.pointer(curr, "task_struct.sched_class"))
      },
      scx: optional2(missing, "scx", () => ({
        nr_running: Number(view.uint(rq2, "rq.scx.nr_running")),
        flags: Number(view.uint(rq2, "rq.scx.flags")),
        cpu_released: view.uint(rq2, "rq.scx.cpu_released") !== 0n,
        kick_sync: count(view.uint(rq2, kickPath)),
        local_dsq: {
          nr: Number(view.uint(rq2, "rq.scx.local_dsq.nr"))
        }
      })),
      schedstat: optional2(missing, "schedstat", () => Object.fromEntries(Object.entries(SCHEDSTAT).map(([k, path]) => [
        k,
        count(view.uint(rq2, path))
      ]))),
      cpustat: optional2(missing, "cpustat", () => {
        const at = view.addr(perCpuAddress(kernel, "kernel_cpustat", cpu), "kernel_cpustat.cpustat");
        return Object.fromEntries(Object.keys(CPUTIME).map((name) => [
          name.slice("CPUTIME_".length).toLowerCase(),
          count(view.unsigned(at + BigInt(8 * cputime[name]), 8))
        ]));
      })
    };
  });
  return {
    cpus: rows,
    missing
  };
});
var table = (function table(header3, rows) {
  const widths = header3.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => i === cells.length - 1 ? c : c.padEnd(widths[i])).join("  ").trimEnd();
  return [
    line(header3),
    ...rows.map(line)
  ];
});
var kernelHeader = (function kernelHeader(path, kernel) {
  const kaslr = kernel.kaslrOffset === 0n ? "none" : `0x${kernel.kaslrOffset.toString(16)}`;
  return [
    path,
    `  Linux ${kernel.vmcoreinfo.release} \xB7 ${kernel.cpus.length} possible CPUs \xB7 ${kernel.paging.levels}-level paging \xB7 KASLR offset ${kaslr}`,
    `  VMCOREINFO from ${kernel.vmcoreinfoFrom === "note" ? "its ELF note" : "guest RAM"} \xB7 symbols: ${kernel.symbols.origin} (${kernel.symbols.size}) \xB7 BTF: ${kernel.btfFrom} (${kernel.types.count} types)`
  ];
});
var missingSection = (function missingSection(missing) {
  const parts = Object.entries(missing);
  if (parts.length === 0) return [];
  return [
    "",
    "missing",
    ...parts.flatMap(([part, why]) => [
      `  ${part}`,
      `    ${why}`
    ])
  ];
});
var renderRq = (function renderRq(path, kernel, snapshot) {
  const hasScx = snapshot.cpus.some((r) => r.scx !== null);
  const header3 = [
    "cpu",
    "nr_running",
    "clock",
    "curr"
  ];
  if (hasScx) header3.push("scx.nr", "scx.flags", "released", "kick_sync", "local_dsq.nr");
  const rows = snapshot.cpus.map((r) => {
    const row = [
      String(r.cpu),
      String(r.nr_running),
      String(r.clock),
      `${r.curr.pid} ${r.curr.comm} (${r.curr.class})`
    ];
    if (hasScx) {
      const s = r.scx;
      row.push(s ? String(s.nr_running) : "\u2014", s ? `0x${s.flags.toString(16)}` : "\u2014", s ? s.cpu_released ? "yes" : "no" : "\u2014", s ? String(s.kick_sync) : "\u2014", s ? String(s.local_dsq.nr) : "\u2014");
    }
    return row;
  });
  const out = [
    ...kernelHeader(path, kernel),
    "",
    ...table(header3, rows)
  ];
  const counters = (key, title) => {
    const first = snapshot.cpus.find((r) => r[key] !== null)?.[key];
    if (!first) return;
    const names = Object.keys(first);
    out.push("", title);
    out.push(...table([
      "cpu",
      ...names
    ], snapshot.cpus.map((r) => [
      String(r.cpu),
      ...names.map((n) => String(r[key]?.[n] ?? "\u2014"))
    ])));
  };
  counters("schedstat", "schedstat");
  counters("cpustat", "cpustat (ns)");
  out.push(...missingSection(snapshot.missing));
  return out.join("\n") + "\n";
});
var isElfCore = (function isElfCore(head) {
  return head.length >= 18 && head[0] === 127 && head[1] === 69 && head[2] === 76 && head[3] === 70 && head[4] === 2 && head[5] === 1 && head[16] === ET_CORE && head[17] === 0;
});
var notesOf = (function notesOf(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const notes = [];
  const align4 = (n) => n + 3 & ~3;
  for (let at = 0; at + 12 <= bytes.length; ) {
    const namesz = view.getUint32(at, true), descsz = view.getUint32(at + 4, true);
    const type = view.getUint32(at + 8, true);
    const nameAt = at + 12, descAt = nameAt + align4(namesz), end = descAt + align4(descsz);
    if (namesz > bytes.length || descsz > bytes.length || descAt + descsz > bytes.length) break;
    const raw = bytes.subarray(nameAt, nameAt + namesz);
    const name = new TextDecoder().decode(raw[raw.length - 1] === 0 ? raw.subarray(0, -1) : raw);
    notes.push({
      name,
      type,
      desc: bytes.subarray(descAt, descAt + descsz)
    });
    at = end;
  }
  return notes;
});
var parseElfCore = (function parseElfCore(src) {
  if (src.size < 64) throw new GuestError(`${src.size}-byte file is too short for an ELF core`);
  const head = src.read(0, 64);
  if (!isElfCore(head)) throw new GuestError("not an ELF64 little-endian core file");
  const h = new DataView(head.buffer, head.byteOffset, 64);
  const phoff = u64(h, 32), phentsize = h.getUint16(54, true);
  let phnum = h.getUint16(56, true);
  if (phnum === 65535) {
    const shoff = u64(h, 40);
    if (shoff + 64 > src.size) throw new GuestError("ELF core's section header 0 is missing");
    phnum = new DataView(src.read(shoff, 64).slice().buffer).getUint32(44, true);
  }
  if (phentsize < 56 || phnum > MAX_PHDRS * 64) {
    throw new GuestError(`ELF core program headers are malformed (${phnum} of ${phentsize} bytes)`);
  }
  if (phoff + phnum * phentsize > src.size) {
    throw new GuestError(`ELF core program headers run past the end of the ${src.size}-byte file (truncated)`);
  }
  const table2 = src.read(phoff, phnum * phentsize).slice();
  const view = new DataView(table2.buffer);
  const segments = [], notes = [];
  for (let i = 0; i < phnum; i++) {
    const at = i * phentsize, type = view.getUint32(at, true);
    const offset = view.getBigUint64(at + 8, true);
    const filesz = u64(view, at + 32), memsz = u64(view, at + 40);
    if (type === PT_NOTE) {
      if (filesz > MAX_NOTES_BYTES || offset + BigInt(filesz) > BigInt(src.size)) continue;
      notes.push(...notesOf(src.read(Number(offset), filesz).slice()));
    } else if (type === PT_LOAD) {
      const rawPaddr = view.getBigUint64(at + 24, true);
      const paddr = rawPaddr === 0xffffffffffffffffn || rawPaddr > BigInt(Number.MAX_SAFE_INTEGER) ? null : Number(rawPaddr);
      segments.push({
        paddr,
        vaddr: view.getBigUint64(at + 16, true),
        offset,
        filesz,
        memsz
      });
    }
  }
  if (segments.length === 0) throw new GuestError("ELF core has no PT_LOAD segment");
  return {
    segments,
    notes
  };
});
var readFar = (function readFar(src, far, at, dest) {
  const offset = far + BigInt(at);
  if (!src.readFarInto) {
    throw new GuestError(`file offset 0x${offset.toString(16)} is past 2^53: this source cannot read it`);
  }
  src.readFarInto(offset, dest);
});
var backedMemory = (function backedMemory(src, backed) {
  backed.sort((a, b) => a.start - b.start);
  const find = (addr) => {
    let lo = 0, hi = backed.length - 1;
    while (lo <= hi) {
      const mid = lo + hi >> 1, r = backed[mid];
      if (addr < r.start) hi = mid - 1;
      else if (addr >= r.start + r.size) lo = mid + 1;
      else return r;
    }
    return void 0;
  };
  return {
    ranges: backed.map(({ start, size, fileSize }) => fileSize < size ? {
      start,
      size,
      present: fileSize
    } : {
      start,
      size
    }),
    read(addr, length) {
      const r = find(addr);
      if (r === void 0 || addr + length > r.start + r.size) {
        if (r !== void 0 && length > 0) return spanning(this, r, addr, length);
        throw new GuestError(`guest physical address ${hex4(addr)} is not in the memory image`);
      }
      const at = addr - r.start;
      if (r.farOffset === void 0 && at + length <= r.fileSize) {
        return src.read(r.fileOffset + at, length);
      }
      const out = new Uint8Array(length);
      if (at < r.fileSize) this.readInto(addr, out.subarray(0, Math.min(length, r.fileSize - at)));
      return out;
    },
    readInto(addr, dest) {
      const r = find(addr), at = r === void 0 ? 0 : addr - r.start;
      if (r !== void 0 && at + dest.length <= r.fileSize) {
        if (r.farOffset === void 0) src.readInto(r.fileOffset + at, dest);
        else readFar(src, r.farOffset, at, dest);
      } else dest.set(this.read(addr, dest.length));
    }
  };
});
var spanning = (function spanning(mem, first, addr, length) {
  const out = new Uint8Array(length), head = first.start + first.size - addr;
  out.set(mem.read(addr, head));
  out.set(mem.read(addr + head, length - head), head);
  return out;
});
var coreMemory = (function coreMemory(src, core) {
  const backed = [];
  const physical = core.segments.filter((s) => s.paddr !== null && s.memsz > 0);
  for (const s of physical.sort((a, b) => b.memsz - a.memsz)) {
    const start = s.paddr;
    if (src.size <= Number.MAX_SAFE_INTEGER && s.offset + BigInt(s.filesz) > BigInt(src.size)) {
      throw new GuestError(`segment at ${hex4(start)} runs past the end of the ${src.size}-byte file (truncated)`);
    }
    if (backed.some((b) => start < b.start + b.size && b.start < start + s.memsz)) continue;
    const exact2 = s.offset + BigInt(s.filesz) <= BigInt(Number.MAX_SAFE_INTEGER);
    backed.push({
      start,
      size: s.memsz,
      fileOffset: exact2 ? Number(s.offset) : 0,
      ...exact2 ? {} : {
        farOffset: s.offset
      },
      fileSize: Math.min(s.filesz, s.memsz)
    });
  }
  if (backed.length === 0) throw new GuestError("ELF core gives no physical address");
  return backedMemory(src, backed);
});
var rawMemory = (function rawMemory(src, below4g = src.size) {
  const low = Math.min(below4g, src.size);
  const backed = [
    {
      start: 0,
      size: low,
      fileOffset: 0,
      fileSize: low
    }
  ];
  if (src.size > low) {
    backed.push({
      start: FOUR_GIB2,
      size: src.size - low,
      fileOffset: low,
      fileSize: src.size - low
    });
  }
  return backedMemory(src, backed);
});
var openMemoryImage = (function openMemoryImage(src) {
  const head = src.read(0, Math.min(64, src.size));
  if (isElfCore(head)) {
    const core = parseElfCore(src);
    return {
      kind: "elf-core",
      memory: coreMemory(src, core),
      notes: core.notes
    };
  }
  if (head.length >= 4 && head[0] === 127 && head[1] === 69 && head[2] === 76) {
    throw new GuestError("an ELF file, but not a 64-bit little-endian core (a vmlinux? pass it as -k)");
  }
  if (src.size < MIB || src.size % MIB !== 0) {
    throw new GuestError(`not an ELF core, and ${src.size} bytes is not a guest RAM size (whole MiB, at least 1 MiB)`);
  }
  const below4g = src.size >= Q35_LOWMEM_THRESHOLD ? 2 ** 31 : src.size;
  return {
    kind: "raw",
    memory: rawMemory(src, below4g),
    notes: []
  };
});
var parseSymbolsFile = (function parseSymbolsFile(text, path, info) {
  const names = [], addresses = [], types = [];
  const lines = text.split("\n");
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    if (line.trim() === "") continue;
    const m = LINE2.exec(line);
    if (!m) throw new GuestError(`${path}:${n + 1}: not a symbol line (address type name)`);
    if (line.includes("[")) continue;
    addresses.push(BigInt(`0x${m[1]}`));
    types.push(m[2]);
    names.push(m[3]);
  }
  if (names.length === 0) throw new GuestError(`${path}: no symbols`);
  const table2 = symbolTable(names, addresses, types, path);
  const stext = table2.address("_stext"), running = info?.symbol("_stext");
  if (stext === void 0 || running === void 0 || stext === running) return table2;
  if (stext + info.kernelOffset !== running) {
    throw new GuestError(`${path}: _stext is 0x${stext.toString(16)}, the guest's is 0x${running.toString(16)}: symbols of another kernel`);
  }
  const slid = addresses.map((a) => a >= IMAGE_START ? a + info.kernelOffset : a);
  return symbolTable(names, slid, types, `${path} (slid by KERNELOFFSET)`);
});
var openGuest = (async function openGuest(path, v, io) {
  let types, btfFrom;
  if (v.kernel !== void 0) {
    const [outcome2] = await loadKernels([
      v.kernel
    ], {
      jobs: "0",
      cache: {}
    }, [], io, true);
    if ("error" in outcome2) {
      complain(io, outcome2.error);
      return null;
    }
    types = outcome2.types;
    btfFrom = v.kernel;
  }
  let opened;
  try {
    opened = openMapped(path);
  } catch (err) {
    if (!(err instanceof BtfError)) throw err;
    complain(io, `${path}: ${err.message}`);
    return null;
  }
  try {
    const image = openMemoryImage(opened.src);
    const file = v.symbols;
    const text = file === void 0 ? void 0 : Deno.readTextFileSync(file);
    const symbols = file === void 0 ? void 0 : (info) => parseSymbolsFile(text, file, info);
    const kernel = findKernel(image, {
      types,
      btfFrom,
      symbols
    });
    return {
      kernel,
      path,
      close: () => opened.close()
    };
  } catch (err) {
    opened.close();
    if (err instanceof BtfError || err instanceof GuestError) {
      complain(io, `${path}: ${err.message}`);
      return null;
    }
    if (err instanceof Deno.errors.NotFound) {
      complain(io, `${v.symbols}: ${err.message}`);
      return null;
    }
    throw err;
  }
});
var readGuest = (function readGuest(guest, io, read) {
  try {
    return read();
  } catch (err) {
    if (!(err instanceof BtfError)) throw err;
    complain(io, `${guest.path}: ${err.message}`);
    return null;
  }
});
var guestSource = (function guestSource(path, kernel) {
  return {
    path,
    release: kernel.vmcoreinfo.release,
    possible_cpus: kernel.cpus.length,
    paging_levels: kernel.paging.levels,
    kaslr_offset: `0x${kernel.kaslrOffset.toString(16)}`,
    vmcoreinfo: kernel.vmcoreinfoFrom,
    symbols: kernel.symbols.origin,
    btf: kernel.btfFrom
  };
});
var walkList = (function walkList(view, head, nodeOffset, skip = () => false) {
  const entries = [], seen = /* @__PURE__ */ new Set([
    head
  ]);
  let node;
  try {
    node = view.pointer(head, "list_head.next");
  } catch (err) {
    if (err instanceof BtfError) return {
      entries,
      note: err.message
    };
    throw err;
  }
  while (node !== head) {
    if (seen.has(node)) return {
      entries,
      note: `the list loops at 0x${node.toString(16)}`
    };
    if (entries.length >= WALK_CAP) return {
      entries,
      note: `stopped after ${WALK_CAP} entries`
    };
    seen.add(node);
    let next;
    try {
      next = view.pointer(node, "list_head.next");
      if (!skip(node)) entries.push(node - BigInt(nodeOffset));
    } catch (err) {
      if (err instanceof BtfError) return {
        entries,
        note: err.message
      };
      throw err;
    }
    node = next;
  }
  return {
    entries
  };
});
var walkRhashtable = (function walkRhashtable(view, table2, nodeOffset) {
  const entries = [], seen = /* @__PURE__ */ new Set();
  try {
    const tbl = view.pointer(table2, "rhashtable.tbl");
    const size = Number(view.uint(tbl, "bucket_table.size"));
    if (size > 1 << 24) return {
      entries,
      note: `bucket table of ${size} buckets`
    };
    const buckets = view.addr(tbl, "bucket_table.buckets");
    for (let b = 0; b < size; b++) {
      let node = view.unsigned(buckets + BigInt(8 * b), 8) & ~1n;
      while (node !== 0n && (node & 1n) === 0n) {
        if (seen.has(node)) return {
          entries,
          note: `bucket ${b} loops at 0x${node.toString(16)}`
        };
        if (entries.length >= WALK_CAP) {
          return {
            entries,
            note: `stopped after ${WALK_CAP} entries`
          };
        }
        seen.add(node);
        entries.push(node - BigInt(nodeOffset));
        node = view.pointer(node, "rhash_head.next");
      }
    }
  } catch (err) {
    if (err instanceof BtfError) return {
      entries,
      note: err.message
    };
    throw err;
  }
  return {
    entries
  };
});
var hzFromWatchdog = (function hzFromWatchdog(watchdogTimeout, timeoutMs) {
  const hz = timeoutMs > 0 ? watchdogTimeout * 1e3 / timeoutMs : watchdogTimeout / 30;
  return HZ_CHOICES.includes(hz) ? hz : null;
});
var schedulerHz = (function schedulerHz(kernel, root, watchdog) {
  try {
    if (watchdog === null) return null;
    return hzFromWatchdog(Number(watchdog), Number(kernel.view.uint(root, "scx_sched.ops.timeout_ms")));
  } catch (err) {
    if (err instanceof BtfError) return null;
    throw err;
  }
});
var placeOfSchedValue = (function placeOfSchedValue(kernel, name, missing) {
  const { view, symbols } = kernel;
  const { member: member2, symbol, size, signed } = SCHED_VALUES[name];
  if (view.has(member2)) return {
    member: member2,
    signed
  };
  const global = symbols.address(symbol);
  if (global !== void 0) return {
    global,
    size,
    signed
  };
  let lacks = "";
  try {
    view.field(member2);
  } catch (err) {
    if (!(err instanceof BtfError)) throw err;
    lacks = err.message;
  }
  missing[`sched.${name}`] = `${lacks}, and no ${symbol} in ${symbols.origin}`;
  return null;
});
var schedValue = (function schedValue(kernel, root, place) {
  if (place === null) return null;
  const { view } = kernel;
  if ("member" in place) {
    return place.signed ? view.int(root, place.member) : view.uint(root, place.member);
  }
  const v = view.unsigned(place.global, place.size);
  return place.signed ? BigInt.asIntN(8 * place.size, v) : v;
});
var newerOrOlder = (function newerOrOlder(kernel, newer, within, older) {
  const { view } = kernel;
  if (!view.has(newer) && view.has(older)) return {
    member: older,
    within: 0
  };
  view.field(newer);
  return {
    member: newer,
    within: view.field(within).offset
  };
});
var eventStatsPlace = (function eventStatsPlace(kernel) {
  return newerOrOlder(kernel, "scx_sched.pcpu", "scx_sched_pcpu.event_stats", "scx_sched.event_stats_cpu");
});
var globalDsqsPlace = (function globalDsqsPlace(kernel) {
  return newerOrOlder(kernel, "scx_sched.pnode", "scx_sched_pnode.global_dsq", "scx_sched.global_dsqs");
});
var readScx = (function readScx(kernel) {
  const { view, symbols } = kernel;
  const missing = {};
  const rootVa = symbols.address("scx_root");
  if (rootVa === void 0 || !view.has("rq.scx")) {
    missing.sched = rootVa === void 0 ? `no scx_root in ${symbols.origin} (no sched_ext, or sched_ext before 6.16)` : "btf: struct 'rq' has no member 'scx'";
    return {
      sched: null,
      dsqs: [],
      runnable: [],
      missing
    };
  }
  const jiffiesVa = symbols.address("jiffies_64") ?? symbols.address("jiffies");
  const jiffies = jiffiesVa === void 0 ? void 0 : view.unsigned(jiffiesVa, 8);
  const root = view.unsigned(rootVa, 8);
  const watchdog = root === 0n ? null : schedValue(kernel, root, placeOfSchedValue(kernel, "watchdog_timeout", missing));
  const hz = root === 0n ? null : schedulerHz(kernel, root, watchdog);
  const task2 = (t) => ({
    pid: Number(view.int(t, "task_struct.pid")),
    comm: view.string(t, "task_struct.comm"),
    dsq_vtime: count(view.uint(t, "task_struct.scx.dsq_vtime")),
    slice: count(view.uint(t, "task_struct.scx.slice")),
    weight: Number(view.uint(t, "task_struct.scx.weight")),
    runnable_age_ms: hz === null || jiffies === void 0 ? null : Math.round(Number(BigInt.asIntN(64, jiffies - view.uint(t, "task_struct.scx.runnable_at"))) * 1e3 / hz)
  });
  const dsqNode = view.field("task_struct.scx.dsq_list.node").offset;
  const cursorFlag = BigInt(kernelConstants(kernel.types).constants.SCX_DSQ_LNODE_ITER_CURSOR);
  const isCursor = (node) => (view.uint(node, "scx_dsq_list_node.flags") & cursorFlag) !== 0n;
  const tasksOf = (walk) => {
    const tasks = [];
    for (const t of walk.entries) {
      try {
        tasks.push(task2(t));
      } catch (err) {
        if (!(err instanceof BtfError)) throw err;
        return {
          tasks,
          note: err.message
        };
      }
    }
    return walk.note ? {
      tasks,
      note: walk.note
    } : {
      tasks
    };
  };
  const dsq = (at, kind, where) => {
    const walk = walkList(view, view.addr(at, "scx_dispatch_q.list"), dsqNode, isCursor);
    return {
      id: `0x${view.uint(at, "scx_dispatch_q.id").toString(16)}`,
      kind,
      ...where,
      nr: Number(view.uint(at, "scx_dispatch_q.nr")),
      ...tasksOf(walk)
    };
  };
  const dsqs = [];
  for (const cpu of kernel.cpus) {
    const rq2 = perCpuAddress(kernel, "runqueues", cpu);
    dsqs.push(dsq(view.addr(rq2, "rq.scx.local_dsq"), "local", {
      cpu
    }));
  }
  const runnableNode = view.field("task_struct.scx.runnable_node").offset;
  const runnable = kernel.cpus.map((cpu) => {
    const rq2 = perCpuAddress(kernel, "runqueues", cpu);
    const walk = walkList(view, view.addr(rq2, "rq.scx.runnable_list"), runnableNode);
    return {
      cpu,
      ...tasksOf(walk)
    };
  });
  if (root === 0n) {
    missing.sched = "no BPF scheduler is loaded (scx_root is NULL)";
    return {
      sched: null,
      dsqs,
      runnable,
      missing
    };
  }
  const kernelGroup = resolveNamedGroup(kernel.types, "kernel");
  const sched = optional2(missing, "sched", () => {
    const stats = eventStatsPlace(kernel);
    const statsAt = (cpu) => view.pointer(root, stats.member) + kernel.perCpuOffset(cpu) + BigInt(stats.within) & U644;
    const events = {};
    const offsets = kernelGroup.value?.event_offsets;
    if (offsets?.counters) {
      for (const [name, off] of Object.entries(offsets.counters)) {
        let sum = 0n;
        for (const cpu of kernel.cpus) {
          sum += BigInt.asIntN(64, view.unsigned(statsAt(cpu) + BigInt(off), 8));
        }
        events[name] = count(sum);
      }
    }
    const aborting = schedValue(kernel, root, placeOfSchedValue(kernel, "aborting", missing));
    const bypassDepth = schedValue(kernel, root, placeOfSchedValue(kernel, "bypass_depth", missing));
    return {
      ops: view.string(root, "scx_sched.ops.name"),
      exit_kind: Number(view.uint(root, "scx_sched.exit_kind.counter")),
      aborting: aborting === null ? null : aborting !== 0n,
      bypass_depth: bypassDepth === null ? null : Number(bypassDepth),
      watchdog_timeout: watchdog === null ? null : count(watchdog),
      events
    };
  });
  optional2(missing, "dsqs.global", () => {
    const nodes = Number(view.u32(symbols.address("nr_node_ids") ?? 0n)) || 1;
    const place = globalDsqsPlace(kernel);
    const array = view.pointer(root, place.member);
    for (let node = 0; node < nodes; node++) {
      const p = view.unsigned(array + BigInt(8 * node), 8);
      dsqs.push(dsq(p + BigInt(place.within) & U644, "global", {
        node
      }));
    }
  });
  optional2(missing, "dsqs.bypass", () => {
    const pcpu = view.pointer(root, "scx_sched.pcpu");
    for (const cpu of kernel.cpus) {
      const at = pcpu + kernel.perCpuOffset(cpu) & U644;
      dsqs.push(dsq(view.addr(at, "scx_sched_pcpu.bypass_dsq"), "bypass", {
        cpu
      }));
    }
  });
  optional2(missing, "dsqs.user", () => {
    const node = view.field("scx_dispatch_q.hash_node").offset;
    const walk = walkRhashtable(view, view.addr(root, "scx_sched.dsq_hash"), node);
    for (const at of walk.entries) dsqs.push(dsq(at, "user", {}));
    if (walk.note) missing["dsqs.user"] = walk.note;
  });
  return {
    sched,
    dsqs,
    runnable,
    missing
  };
});
var isGuestReadError = (function isGuestReadError(err) {
  return err instanceof BtfError;
});
var uint = (function uint(b, s) {
  const dv = b.view;
  switch (s.size) {
    case 1:
      return BigInt(dv.getUint8(s.offset));
    case 2:
      return BigInt(dv.getUint16(s.offset, true));
    case 4:
      return BigInt(dv.getUint32(s.offset, true));
    default: {
      if (s.size >= 8) return dv.getBigUint64(s.offset, true);
      let v = 0n;
      for (let i = s.size - 1; i >= 0; i--) v = v << 8n | BigInt(dv.getUint8(s.offset + i));
      return v;
    }
  }
});
var num = (function num(b, s) {
  if (s.size === 4) return b.view.getUint32(s.offset, true);
  if (s.size === 1) return b.view.getUint8(s.offset);
  return Number(uint(b, s));
});
var sint = (function sint(b, s) {
  if (s.size === 4) return BigInt(b.view.getInt32(s.offset, true));
  return BigInt.asIntN(Math.min(s.size, 8) * 8, uint(b, s));
});
var cnt = (function cnt(b, s) {
  if (s.size >= 8) {
    const hi = b.view.getUint32(s.offset + 4, true);
    if (hi < 2097152) return hi * 4294967296 + b.view.getUint32(s.offset, true);
    return count(b.view.getBigUint64(s.offset, true));
  }
  return num(b, s);
});
var int = (function int(b, s) {
  return s.size === 4 ? b.view.getInt32(s.offset, true) : Number(sint(b, s));
});
var sameSlots = (function sameSlots(a, b, slots) {
  for (const s of slots) {
    for (let i = s.offset, end = s.offset + s.size; i < end; i++) {
      if (a.bytes[i] !== b.bytes[i]) return false;
    }
  }
  return true;
});
var sameBytes = (function sameBytes(a, b) {
  const x = a.bytes, y = b.bytes;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
});
var printableString = (function printableString(b, s) {
  const bytes = b.bytes.subarray(s.offset, s.offset + s.size);
  const end = bytes.indexOf(0);
  if (end <= 0) return null;
  for (let i = 0; i < end; i++) {
    const c = bytes[i];
    if (c < 32 || c >= 127 && c < 160) return null;
  }
  return latin12.decode(bytes.subarray(0, end));
});
var chunksOf = (function chunksOf(live, va, spans) {
  const chunks = [];
  for (const span of spans) {
    for (let off = span.start; off < span.end; ) {
      const at = va + BigInt(off) & U645;
      const n = Math.min(span.end - off, PAGE5 - Number(at & 0xfffn));
      const pa = live.phys(at), last = chunks.at(-1);
      if (last && last.pa + last.length === pa && last.at + last.length === off) last.length += n;
      else chunks.push({
        pa,
        length: n,
        at: off
      });
      off += n;
    }
  }
  return chunks;
});
var fillChunks = (function fillChunks(live, chunks, buf) {
  for (const c of chunks) live.readPhysInto(c.pa, buf.bytes.subarray(c.at, c.at + c.length));
});
var unstableRow = (function unstableRow(cpu, reason2) {
  return {
    cpu,
    unstable: true,
    reason: reason2,
    stalled: false,
    dsq_over_bound: false,
    nr_running: null,
    clock: null,
    curr: null,
    scx: null,
    schedstat: null,
    cpustat: null
  };
});
var stallAlert = (function stallAlert(row, s) {
  return {
    kind: "stall",
    cpu: row.cpu,
    nr_running: row.nr_running,
    clock: row.clock,
    samples: s.samples,
    ms: Math.round(s.ms)
  };
});
var taskRows = (function taskRows(tasks) {
  if (tasks.length === 0) return [];
  return table([
    "    pid",
    "comm",
    "dsq_vtime",
    "slice",
    "weight",
    "runnable"
  ], tasks.map((t) => [
    `    ${t.pid}`,
    t.comm,
    String(t.dsq_vtime),
    String(t.slice),
    String(t.weight),
    t.runnable_age_ms === null ? "\u2014" : `${t.runnable_age_ms} ms`
  ]));
});
var schedState = (function schedState(s) {
  return [
    `exit_kind ${EXIT_KINDS[s.exit_kind] ?? s.exit_kind}`,
    ...s.aborting === null ? [] : [
      `aborting ${s.aborting}`
    ],
    ...s.bypass_depth === null ? [] : [
      `bypass_depth ${s.bypass_depth}`
    ],
    ...s.watchdog_timeout === null ? [] : [
      `watchdog_timeout ${s.watchdog_timeout} jiffies`
    ]
  ].join(" \xB7 ");
});
var renderScx = (function renderScx(path, kernel, snapshot) {
  const out = [
    ...kernelHeader(path, kernel),
    ""
  ];
  const s = snapshot.sched;
  if (s) {
    out.push(`scheduler ${s.ops}`, `  ${schedState(s)}`);
    const events = Object.entries(s.events).filter(([, v]) => v !== 0);
    if (events.length > 0) {
      out.push("  events (summed over CPUs, zero ones left out)");
      for (const [name, v] of events) out.push(`    ${name.padEnd(36)} ${v}`);
    }
    out.push("");
  }
  out.push("dsqs");
  for (const d of snapshot.dsqs) {
    const where = d.cpu !== void 0 ? ` cpu ${d.cpu}` : d.node !== void 0 ? ` node ${d.node}` : "";
    out.push(`  ${d.kind}${where} (id ${d.id}) nr ${d.nr}${d.note ? ` \u2014 ${d.note}` : ""}`);
    out.push(...taskRows(d.tasks));
  }
  if (snapshot.runnable.some((r) => r.tasks.length > 0 || r.note)) {
    out.push("", "runnable lists");
    for (const r of snapshot.runnable) {
      out.push(`  cpu ${r.cpu}: ${r.tasks.length} task(s)${r.note ? ` \u2014 ${r.note}` : ""}`);
      out.push(...taskRows(r.tasks));
    }
  }
  out.push(...missingSection(snapshot.missing));
  return out.join("\n") + "\n";
});
var frame = (function frame(lines, size, color) {
  const room = Math.max(1, size.rows - 1);
  let shown = lines;
  if (lines.length > room) {
    shown = [
      ...lines.slice(0, room - 1),
      {
        text: `\u2026 ${lines.length - room + 1} more lines (a taller terminal shows them)`,
        style: "dim"
      }
    ];
  }
  const cols = Math.max(10, size.columns);
  const out = [
    "\x1B[H"
  ];
  for (const line of shown) {
    const text = [
      ...line.text
    ].length > cols ? [
      ...line.text
    ].slice(0, cols).join("") : line.text;
    const style = color ? STYLES[line.style] : "";
    out.push(style ? `${style}${text}\x1B[0m\x1B[K
` : `${text}\x1B[K
`);
  }
  out.push("\x1B[J");
  return out.join("");
});
var header2 = (function header2(ctx) {
  const every = ctx.interval === 0 ? "as fast as possible" : `every ${ctx.interval} s`;
  const time = new Date(ctx.t).toISOString().slice(11, 23);
  return [
    {
      text: `ktstr-btf ${ctx.command} --watch \xB7 sample ${ctx.index} \xB7 ${every} \xB7 ${ctx.rate.toFixed(ctx.rate < 10 ? 1 : 0)} samples/s \xB7 ${time} UTC \xB7 Ctrl-C quits`,
      style: "title"
    },
    ...kernelHeader(ctx.path, ctx.kernel).map(plain2)
  ];
});
var clockDelta = (function clockDelta(now, before) {
  if (now === null || before === null || before === void 0) return "";
  return (Number(BigInt(now) - BigInt(before)) / 1e6).toFixed(1);
});
var stallWords = (function stallWords(ctx) {
  return `stalled: runnable tasks and a clock unmoved for ${ctx.stallSamples} samples (and 100 ms) \xB7 unstable: two reads never agreed`;
});
var alertLines = (function alertLines(alerts) {
  if (alerts.length === 0) return [];
  return [
    plain2(""),
    ...alerts.map((a) => ({
      text: a.kind === "stall" ? `STALL  cpu ${a.cpu}: nr_running ${a.nr_running}, clock ${a.clock} unmoved for ${a.samples} samples (${a.ms} ms)` : `DSQ DEPTH  ${a.dsq_kind}${a.cpu !== void 0 ? ` cpu ${a.cpu}` : ""}${a.node !== void 0 ? ` node ${a.node}` : ""} (id ${a.dsq ?? "?"}): nr ${a.nr}`,
      style: "stall"
    }))
  ];
});
var missingLines = (function missingLines(missing) {
  const parts = Object.entries(missing);
  if (parts.length === 0) return [];
  return [
    plain2(""),
    {
      text: "missing",
      style: "dim"
    },
    ...parts.map(([part, why]) => ({
      text: `  ${part}: ${printable(why)}`,
      style: "dim"
    }))
  ];
});
var rqWatchLines = (function rqWatchLines(ctx, sample, prev) {
  const hasScx = sample.cpus.some((r) => r.scx !== null);
  const head = [
    "cpu",
    "nr_running",
    "clock",
    "\u0394clock ms",
    "curr"
  ];
  if (hasScx) head.push("scx.nr", "scx.flags", "local_dsq.nr");
  head.push("state");
  const styles = [];
  const rows = sample.cpus.map((r) => {
    const before = prev?.cpus.find((p) => p.cpu === r.cpu)?.clock;
    if (r.unstable) {
      styles.push("unstable");
      const row2 = [
        String(r.cpu),
        "?",
        "?",
        "",
        "?"
      ];
      if (hasScx) row2.push("", "", "");
      row2.push(`UNSTABLE: ${printable(r.reason)}`);
      return row2;
    }
    styles.push(r.stalled || r.dsq_over_bound ? "stall" : "plain");
    const row = [
      String(r.cpu),
      String(r.nr_running),
      String(r.clock),
      clockDelta(r.clock, before),
      `${r.curr.pid} ${r.curr.comm} (${r.curr.class})`
    ];
    if (hasScx) {
      const s = r.scx;
      row.push(s ? String(s.nr_running) : "\u2014", s ? `0x${s.flags.toString(16)}${s.cpu_released ? " released" : ""}` : "\u2014", s ? String(s.local_dsq.nr) : "\u2014");
    }
    const state = [
      r.stalled ? "STALLED" : "",
      r.dsq_over_bound ? "DSQ>BOUND" : ""
    ].filter((x) => x).join(" ");
    row.push(state || "ok");
    return row;
  });
  const [top, ...body] = table(head, rows);
  return [
    ...header2(ctx),
    {
      text: `  ${stallWords(ctx)}`,
      style: "dim"
    },
    plain2(""),
    {
      text: top,
      style: "title"
    },
    ...body.map((text, i) => ({
      text,
      style: styles[i]
    })),
    ...alertLines(sample.alerts),
    ...missingLines(sample.missing)
  ];
});
var dsqWhere = (function dsqWhere(d) {
  return d.cpu !== void 0 ? `cpu ${d.cpu}` : d.node !== void 0 ? `node ${d.node}` : "";
});
var scxWatchLines = (function scxWatchLines(ctx, sample, prev) {
  const out = [
    ...header2(ctx),
    {
      text: `  ${stallWords(ctx)}`,
      style: "dim"
    },
    plain2("")
  ];
  const s = sample.sched;
  if (s === null) out.push({
    text: "no scheduler (see missing)",
    style: "dim"
  });
  else if (s.unstable) {
    out.push({
      text: `scheduler UNSTABLE: ${printable(s.reason)}`,
      style: "unstable"
    });
  } else {
    out.push({
      text: `scheduler ${printable(s.ops)} \xB7 ${schedState(s)}`,
      style: s.exit_kind !== 0 || s.aborting ? "stall" : "title"
    });
    const events = Object.entries(s.events).filter(([, v]) => v !== 0).map(([k, v]) => `${k.replace(/^SCX_EV_/, "")} ${v}`);
    for (let i = 0; i < events.length; i += 4) {
      out.push(plain2(`  ${i === 0 ? "events:" : "       "} ${events.slice(i, i + 4).join(" \xB7 ")}`));
    }
  }
  out.push(plain2(""));
  const cpuStyles = [];
  const cpuRows = sample.cpus.map((c) => {
    const before = prev?.cpus.find((p) => p.cpu === c.cpu)?.clock;
    const local2 = sample.dsqs.find((d) => d.kind === "local" && d.cpu === c.cpu);
    const list2 = sample.runnable.find((r) => r.cpu === c.cpu);
    cpuStyles.push(c.unstable ? "unstable" : c.stalled ? "stall" : "plain");
    return [
      String(c.cpu),
      c.nr_running === null ? "?" : String(c.nr_running),
      c.clock === null ? "?" : String(c.clock),
      clockDelta(c.clock, before),
      local2?.nr === null || local2 === void 0 ? "?" : String(local2.nr),
      list2 === void 0 ? "" : list2.unstable ? "?" : String(list2.tasks.length),
      c.unstable ? `UNSTABLE: ${printable(c.reason ?? "")}` : c.stalled ? "STALLED" : "ok"
    ];
  });
  const [cpuTop, ...cpuBody] = table([
    "cpu",
    "nr_running",
    "clock",
    "\u0394clock ms",
    "local_dsq.nr",
    "runnable",
    "state"
  ], cpuRows);
  out.push({
    text: cpuTop,
    style: "title"
  }, ...cpuBody.map((text, i) => ({
    text,
    style: cpuStyles[i]
  })));
  if (sample.dsqs.length > 0) {
    out.push(plain2(""));
    const dsqStyles = [];
    const dsqRows = sample.dsqs.map((d) => {
      dsqStyles.push(d.unstable ? "unstable" : d.over_bound ? "stall" : "plain");
      const tasks = d.tasks.slice(0, 4).map((t) => `${t.pid} ${t.comm}`).join(", ") + (d.tasks.length > 4 ? `, \u2026 ${d.tasks.length - 4} more` : "");
      const state = d.unstable ? `UNSTABLE: ${printable(d.note ?? "")}` : [
        d.over_bound ? "DEPTH>BOUND" : "",
        d.note ? printable(d.note) : ""
      ].filter((x) => x).join(" ");
      return [
        d.kind,
        dsqWhere(d),
        d.id ?? "?",
        d.nr === null ? "?" : String(d.nr),
        tasks,
        state
      ];
    });
    const [top, ...body] = table([
      "dsq",
      "where",
      "id",
      "nr",
      "tasks",
      "note"
    ], dsqRows);
    out.push({
      text: top,
      style: "title"
    }, ...body.map((text, i) => ({
      text,
      style: dsqStyles[i]
    })));
  }
  out.push(...alertLines(sample.alerts), ...missingLines(sample.missing));
  return out;
});
var watchSettings = (function watchSettings(v, path) {
  if (!v.watch) {
    for (const name of [
      "interval",
      "count",
      "stall-samples"
    ]) {
      if (v[name] !== void 0) throw new UsageError(`--${name} needs --watch`);
    }
    return null;
  }
  if (isStandardInput(path)) {
    throw new UsageError("--watch reads memory the guest is still writing (a shared RAM file, /proc/kcore), not standard input");
  }
  const interval = v.interval === void 0 ? 1 : Number(v.interval);
  if (!/^\d*\.?\d+$/.test(v.interval ?? "1") || !Number.isFinite(interval) || interval > 86400) {
    throw new UsageError(`--interval takes seconds (0 to 86400), not '${v.interval}'`);
  }
  const whole = (name, fallback) => {
    const text = v[name];
    if (text === void 0) return fallback;
    if (!/^\d+$/.test(text) || Number(text) < 1 || !Number.isSafeInteger(Number(text))) {
      throw new UsageError(`--${name} takes a whole number of at least 1, not '${text}'`);
    }
    return Number(text);
  };
  return {
    interval,
    count: whole("count", null),
    stallSamples: whole("stall-samples", 3)
  };
});
var consoleSize = (function consoleSize() {
  try {
    return Deno.consoleSize();
  } catch {
    return {
      columns: 120,
      rows: 40
    };
  }
});
var runWatch = (async function runWatch(guest, target, settings, json, io) {
  const terminal = !json && (io.terminal ?? Deno.stdout.isTerminal());
  const { kernel } = guest;
  let opened;
  try {
    opened = openSource(guest.path);
  } catch (err) {
    if (!(err instanceof BtfError)) throw err;
    complain(io, `${guest.path}: ${err.message}`);
    return 1;
  }
  let watch;
  try {
    const { memory } = openMemoryImage(opened.src);
    const options = {
      stallSamples: settings.stallSamples
    };
    watch = target.kind === "rq" ? new RqWatch(kernel, memory, {
      ...options,
      cpus: target.cpus,
      counters: !terminal
    }) : new ScxWatch(kernel, memory, options);
  } catch (err) {
    opened.close();
    if (!(err instanceof BtfError)) throw err;
    complain(io, `${guest.path}: ${err.message}`);
    return 1;
  }
  let stop = false, wake = null;
  const onSignal = () => {
    stop = true;
    wake?.();
  };
  const listening = [];
  for (const signal2 of STOP_SIGNALS) {
    try {
      Deno.addSignalListener(signal2, onSignal);
      listening.push(signal2);
    } catch {
    }
  }
  const sleep = (ms) => new Promise((resolve) => {
    const id = setTimeout(() => {
      wake = null;
      resolve();
    }, ms);
    wake = () => {
      clearTimeout(id);
      wake = null;
      resolve();
    };
  });
  let shown = terminal;
  const restore = () => {
    if (!shown) return;
    shown = false;
    try {
      io.out(SCREEN_LEAVE);
    } catch {
    }
  };
  const source = guestSource(guest.path, kernel);
  const size = io.size ?? consoleSize;
  const times = [];
  let prev = null;
  if (terminal) io.out(SCREEN_ENTER);
  try {
    const intervalMs = settings.interval * 1e3;
    let due = performance.now(), yielded = due;
    for (let index = 0; !stop && (settings.count === null || index < settings.count); index++) {
      const t = Math.round((performance.timeOrigin + performance.now()) * 1e3) / 1e3;
      const sample = watch.sample(t);
      if (terminal) {
        times.push(t);
        while (times.length > 1 && t - times[0] > 2e3) times.shift();
        const rate = times.length > 1 ? (times.length - 1) * 1e3 / (t - times[0]) : 0;
        const ctx = {
          path: guest.path,
          kernel,
          command: target.kind,
          interval: settings.interval,
          index,
          t,
          rate,
          stallSamples: settings.stallSamples
        };
        const lines = target.kind === "rq" ? rqWatchLines(ctx, sample, prev) : scxWatchLines(ctx, sample, prev);
        io.out(frame(lines, size(), io.color));
      } else {
        io.out(jsonText({
          t,
          sample: index,
          source,
          ...sample
        }));
      }
      prev = sample;
      if (settings.count !== null && index + 1 >= settings.count) break;
      const now = performance.now();
      if (intervalMs > 0) {
        due += intervalMs;
        if (due < now) due = now;
        await sleep(due - now);
      } else if (now - yielded >= 20) {
        await sleep(0);
        yielded = performance.now();
      }
    }
    return 0;
  } catch (err) {
    if (!(err instanceof BtfError)) throw err;
    restore();
    complain(io, `${guest.path}: ${err.message}`);
    return 1;
  } finally {
    restore();
    for (const signal2 of listening) Deno.removeSignalListener(signal2, onSignal);
    opened.close();
  }
});
var runCache = (async function runCache(sub2, path, opts, io) {
  try {
    const root = cacheRoot(opts.cache);
    if (sub2 === "list") return list(root, opts.json, io);
    if (sub2 === "add") {
      const r2 = await addKernelEntry(root, path, opts.key, opts.force);
      const version = r2.version ? ` (Linux ${r2.version})` : "";
      io.out(`${r2.replaced ? "replaced" : "added"} ${r2.key}${version}: ${r2.path}
`);
      return 0;
    }
    const r = cleanEntries(root, opts.keep, opts.force);
    for (const key of r.removed) io.out(`${opts.force ? "removed" : "would remove"} ${key}
`);
    for (const name of r.orphans) io.out(`removed leftover ${name}
`);
    if (!opts.force) {
      io.out(r.removed.length === 0 ? `nothing to remove (${r.kept.length} kept)
` : `dry run: pass --force to remove ${r.removed.length} (${r.kept.length} kept)
`);
    } else {
      io.out(`removed ${r.removed.length}, kept ${r.kept.length}
`);
    }
    return 0;
  } catch (err) {
    if (err instanceof CacheError || err instanceof BtfError) {
      complain(io, err.message);
      return 1;
    }
    throw err;
  }
});
var list = (function list(root, json, io) {
  const entries = listEntries(root);
  if (json) {
    writeJson(io, {
      root,
      entries
    });
    return 0;
  }
  if (entries.length === 0) {
    io.out(`no cached kernels in ${root}
`);
    return 0;
  }
  const rows = [
    [
      "KEY",
      "VERSION",
      "SIZE",
      "SIDECAR"
    ],
    ...entries.map((e) => [
      e.key,
      e.version ?? "-",
      humanSize(e.size),
      e.sidecar
    ])
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  io.out(`cache root: ${root}
`);
  for (const r of rows) {
    io.out(r.map((c, i) => i === r.length - 1 ? c : c.padEnd(widths[i])).join("  ") + "\n");
  }
  return 0;
});
var parseOptions = (function parseOptions(args, specs) {
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
    const value2 = attached ?? args[++i];
    if (value2 === void 0) throw new UsageError(`option '${written}' needs a value`);
    values[name] = spec.multiple ? [
      ...values[name] ?? [],
      value2
    ] : value2;
  }
  return {
    values,
    positionals
  };
});
var usage = (function usage() {
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
});
var main = (async function main(args, io = processIo()) {
  let seeHelp = "ktstr-btf --help";
  try {
    const [first, ...rest] = args;
    if (first === void 0) throw new UsageError("missing command");
    if (first === "-h" || first === "--help" || first === "help") {
      const named2 = first === "help" ? rest[0] : void 0;
      const entry2 = COMMANDS.find((c) => c.name === named2);
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
});
var __defProp = Object.defineProperty;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __esm = (fn, res) => function __init() {
  return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};

// btf/errors.ts



var BtfError, BUILT_WITHOUT_BTF, NoBtfError, BEYOND_C0, UNPRINTABLE_BEYOND_C0, UNPRINTABLE, NAMED_ESCAPES;
var init_errors = __esm({
  "btf/errors.ts"() {
    BtfError = class extends Error {
      /** Creates an error whose message is exactly `message`. */
      constructor(message) {
        super(message);
        this.name = "BtfError";
      }
      /** This error, of the same class, with `context: ` before its message. */
      prefixed(context) {
        const Class = this.constructor;
        return new Class(`${context}: ${this.message}`);
      }
    };
    BUILT_WITHOUT_BTF = "the kernel was built without BTF (CONFIG_DEBUG_INFO_BTF; a module: CONFIG_DEBUG_INFO_BTF_MODULES)";
    NoBtfError = class extends BtfError {
    };
    BEYOND_C0 = "\\x7f-\\x9f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069";
    UNPRINTABLE_BEYOND_C0 = new RegExp(`[${BEYOND_C0}]`, "g");
    UNPRINTABLE = new RegExp(`[\\x00-\\x1f${BEYOND_C0}]`, "g");
    NAMED_ESCAPES = {
      "\n": "\\n",
      "	": "\\t",
      "\r": "\\r"
    };
  }
});

// cli/io.ts





var UsageError, StdoutClosed;
var init_io = __esm({
  "cli/io.ts"() {
    init_errors();
    UsageError = class extends Error {
      /** Creates a usage error with a one-line message. */
      constructor(message) {
        super(message);
        this.name = "UsageError";
      }
    };
    StdoutClosed = class extends Error {
      /** Creates the marker error. */
      constructor() {
        super("standard output closed");
        this.name = "StdoutClosed";
      }
    };
  }
});

// cli/suggest.ts



var init_suggest = __esm({
  "cli/suggest.ts"() {
  }
});

// btf/kinds.ts



var Kind, KIND_NAMES, MAX_KNOWN_KIND;
var init_kinds = __esm({
  "btf/kinds.ts"() {
    Kind = {
      VOID: 0,
      INT: 1,
      PTR: 2,
      ARRAY: 3,
      STRUCT: 4,
      UNION: 5,
      ENUM: 6,
      FWD: 7,
      TYPEDEF: 8,
      VOLATILE: 9,
      CONST: 10,
      RESTRICT: 11,
      FUNC: 12,
      FUNC_PROTO: 13,
      VAR: 14,
      DATASEC: 15,
      FLOAT: 16,
      DECL_TAG: 17,
      TYPE_TAG: 18,
      ENUM64: 19
    };
    KIND_NAMES = Object.keys(Kind);
    MAX_KNOWN_KIND = 19;
  }
});

// btf/enums.ts




var TWO_32;
var init_enums = __esm({
  "btf/enums.ts"() {
    init_errors();
    init_kinds();
    TWO_32 = 4294967296;
  }
});

// resolvers/constants.ts
var constants_exports = {};
__export(constants_exports, {
  CONSTANTS: () => CONSTANTS,
  CPUTIME: () => CPUTIME,
  NUMA_EVENT: () => NUMA_EVENT,
  NUMA_EVENT_NAMES: () => NUMA_EVENT_NAMES,
  PID_TYPE: () => PID_TYPE,
  SOFTIRQ_NAMES: () => SOFTIRQ_NAMES,
  kernelConstants: () => kernelConstants
});



var PID_TYPE, CPUTIME, SOFTIRQ_NAMES, NUMA_EVENT, NUMA_EVENT_NAMES, CONSTANTS, PID_ENUMERATORS, SAME_NAME;
var init_constants = __esm({
  "resolvers/constants.ts"() {
    init_enums();
    PID_TYPE = {
      PID: 0,
      TGID: 1,
      PGID: 2,
      SID: 3
    };
    CPUTIME = {
      CPUTIME_USER: 0,
      CPUTIME_NICE: 1,
      CPUTIME_SYSTEM: 2,
      CPUTIME_SOFTIRQ: 3,
      CPUTIME_IRQ: 4,
      CPUTIME_IDLE: 5,
      CPUTIME_IOWAIT: 6,
      CPUTIME_STEAL: 7
    };
    SOFTIRQ_NAMES = [
      "HI",
      "TIMER",
      "NET_TX",
      "NET_RX",
      "BLOCK",
      "IRQ_POLL",
      "TASKLET",
      "SCHED",
      "HRTIMER",
      "RCU"
    ];
    NUMA_EVENT = {
      NUMA_HIT: 0,
      NUMA_MISS: 1,
      NUMA_FOREIGN: 2,
      NUMA_INTERLEAVE_HIT: 3,
      NUMA_LOCAL: 4,
      NUMA_OTHER: 5
    };
    NUMA_EVENT_NAMES = Object.keys(NUMA_EVENT);
    CONSTANTS = {
      pid_type: PID_TYPE,
      SCX_DSQ_LNODE_ITER_CURSOR: 1,
      RHT_PTR_LOCK_BIT: 1,
      CPU_MAX_IDLE_TYPES: 3,
      ...CPUTIME,
      NR_SOFTIRQS: SOFTIRQ_NAMES.length,
      SOFTIRQ_NAMES,
      ...NUMA_EVENT,
      NR_VM_NUMA_EVENT_ITEMS: NUMA_EVENT_NAMES.length,
      NUMA_EVENT_NAMES
    };
    PID_ENUMERATORS = {
      PID: "PIDTYPE_PID",
      TGID: "PIDTYPE_TGID",
      PGID: "PIDTYPE_PGID",
      SID: "PIDTYPE_SID"
    };
    SAME_NAME = [
      "SCX_DSQ_LNODE_ITER_CURSOR",
      "CPU_MAX_IDLE_TYPES",
      ...Object.keys(CPUTIME),
      "NR_SOFTIRQS",
      ...NUMA_EVENT_NAMES,
      "NR_VM_NUMA_EVENT_ITEMS"
    ];
  }
});

// report/json.ts


var REPORT_SCHEMA;
var init_json = __esm({
  "report/json.ts"() {
    init_constants();
    REPORT_SCHEMA = 2;
  }
});

// btf/header.ts







var MIN_HEADER_LEN, LAYOUT_HEADER_LEN;
var init_header = __esm({
  "btf/header.ts"() {
    init_errors();
    MIN_HEADER_LEN = 24;
    LAYOUT_HEADER_LEN = 32;
  }
});

// btf/swap.ts


var init_swap = __esm({
  "btf/swap.ts"() {
  }
});

// btf/arena.ts





var WASM_PAGE, MAX_WASM_PAGES, GENERATION_WORD, MAP_PAGE, FRESH_SPACE, TableArena;
var init_arena = __esm({
  "btf/arena.ts"() {
    WASM_PAGE = 65536;
    MAX_WASM_PAGES = 65536;
    GENERATION_WORD = 19;
    MAP_PAGE = 4096;
    FRESH_SPACE = freshSpace();
    TableArena = class {
      #advice;
      #place;
      #free = [];
      #lent = [];
      #created = 0;
      /** An empty arena; `advice` is applied to each memory it creates. */
      constructor(advice2) {
        this.#advice = advice2;
        this.#place = placeIn(advice2, false);
      }
      /** Room for the advice's boundaries (the blob is copied in, never mapped). */
      slack(total) {
        return this.#advice?.slack(total) ?? 0;
      }
      /** Placement as the advice says. */
      place(memory, byte, region, total) {
        return this.#place(memory, byte, region, total);
      }
      /** A released memory when there is one (grown as needed), else a new one. */
      acquire(pages, _maxPages) {
        this.#reclaimFailed();
        let memory = this.#free.pop();
        if (memory) growTo(memory, pages);
        else {
          memory = newMemory(pages, MAX_WASM_PAGES);
          this.#advice?.fresh(memory, MAX_WASM_PAGES * WASM_PAGE);
          this.#created++;
        }
        new Uint32Array(memory.buffer, 0, 1)[0] = 0;
        this.#lent.push(memory);
        return memory;
      }
      /**
       * Gives the memory of `types` back for the next table. From now on `types`, and every
       * table attached to its buffer in any thread, throws on access. Returns false (and does
       * nothing) for a table this arena did not build.
       */
      release(types) {
        const i = this.#lent.findIndex((m) => types.occupies(m.buffer));
        if (i < 0) return false;
        const [memory] = this.#lent.splice(i, 1);
        Atomics.add(new Uint32Array(memory.buffer, 0, GENERATION_WORD + 1), GENERATION_WORD, 1);
        this.#free.push(memory);
        return true;
      }
      /** Memories this arena has created (a batch's page faults grow with this, not its size). */
      get created() {
        return this.#created;
      }
      /** A lent memory whose table never completed (its build threw) is free again. */
      #reclaimFailed() {
        for (let i = this.#lent.length - 1; i >= 0; i--) {
          if (new Uint32Array(this.#lent[i].buffer, 0, 1)[0] !== 0) continue;
          this.#free.push(...this.#lent.splice(i, 1));
        }
      }
    };
  }
});

// btf/table_plan.ts






var META_WORDS;
var init_table_plan = __esm({
  "btf/table_plan.ts"() {
    init_arena();
    META_WORDS = 24;
  }
});

// btf/wasm/decode_wasm.ts
var DECODE_WASM_BASE64;
var init_decode_wasm = __esm({
  "btf/wasm/decode_wasm.ts"() {
    DECODE_WASM_BASE64 = "AGFzbQEAAAABMgVgCH9/f39/f39/AX9gB39/f39/f38Bf2AEf39/fwF/YAp/f39/f39/f39/AGABfwF/AhIBA2VudgZtZW1vcnkCAwGAgAQDCAcAAQIBAwQDBgcBfwFBgAgLB0UFBXBhcnNlAAALc29ydGVkX2Zyb20AAgpmaW5kX25hbWVkAAMLYnVpbGRfaW5kZXgABBBidWlsZF9lbnVtX2luZGV4AAYKxzEHxQkFD38BfgJ/AX4GfyOAgICAAEEQayIIJICAgIAAQQAhCSAIQQA2AgwgCEEANgIIIAVBAnQhCkEAIQtBACEMQQAhDUEAIQ5BACEPQQAhBQJAAkAgACABTw0AIAZBAnQhECAHIAZqQQJ0IREgBEECdCISQYAIaiETIBJBgARqIRQgB0EBdCAGakECdCEVIABBAnRBBSAAa0ECdGohFiABrSEXQQAhGEEAIQ9BACEOQQAhDUEAIQwDQAJAIAEgAGtBAksNACAKIBg2AgBBfyEFDAMLAkAgEiAAQQJ0IgdBBGooAgAiBUEYdkH/AHEiBkECdCIJaigCACILQX9HDQAgCiAGNgIEIAogGDYCAEF+IQUMAwsCQCAHKAIAIgQgA0kNACAKIAQ2AgQgCiAYNgIAQX0hBQwDCyAYIAJqQQJ0IAA2AgACQAJAAkAgBkEMRw0AIBEgDUECdGohGSANQQFqIQ0MAQsCQCAERQ0AIBAgDkECdGogGDYCACAOQQFqIQ4LAkAgBkF6ag4OAAICAgICAgICAgICAgACCyAVIAxBAnRqIRkgBUH///8HcSAPaiEPIAxBAWohDAsgGSAYNgIACwJAIACtIAutfCAUIAlqKAIAIhmtIAVB////B3GtfnxCA3wiGiAXWA0AIAogBjYCBCAKIBg2AgBBfCEFDAMLAkAgBkETSw0AQQAhBiATIAlqKAIAIgtBAXEgBUGAgPyHBnFBAEdyIAtBCnYgBUH//wNxIglBAEdxciALQQt2IAlBAktxciALQQF2IAVBAEhxciALQQJ2IARFcXIgC0EDdiAEQQBHcXIhBCAHQQhqKAIAIRsCQCALQSBxRQ0AQQEhBiAbQRBLDQAgCyAbQQxqdkEBcUUhBgsgBCAGciEcIAtBG3RBH3UgG3EhHQJAIAtBwABxRQ0AIAtBGHRBH3UhBAJAAkACQAJAAkAgGUEDRg0AIAkNA0EAIQYMAQtBACEGIAkNAQtBACEFQQAhCQwCC0H///8HQX8gBUEASBtBACALQYAGcRshHiAJQQNsIR8gFiAHaiEHQQAhGUEAIQlBACEFQQAhBgNAIAcoAgAgHnEiICAJICAgCUsbIQkgB0F4aigCACIgIAYgICAGSxshBiAHQXxqKAIAIARxIiAgBSAgIAVLGyEFIAdBDGohByAZQQNqIhkgH0kNAAwCCwsgB0EMaiEHIAlBAXQhHkEAIQlBACEZQQAhBUEAIQYDQCAHQQRqKAIAIARxIiAgBSAgIAVLGyEFIAcoAgAiICAGICAgBksbIQYgB0EIaiEHIBlBAmoiGSAeSQ0ACwsgHCAGIANPciEHQQAhBgJAIAtBgAJxRQ0AIAlBA3YgCUEHcUEAR2ogG0shBgsgByALQQl2IAlBAEdxciAGciEcIAUgHSAFIB1LGyEdCwJAIBxFDQBBACAAIBggAyAKIAhBDGogCEEIahCBgICAACIFRQ0BDAQLIB0gCCgCDE0NACAIIBg2AgggCCAdNgIMCyAYQQFqIRggGqciACABSQ0ACyAIKAIIIQkgCCgCDCELIBghBQsgCiAMNgIcIAogDTYCGCAKIA42AhQgCiAPNgIQIAogCTYCDCAKIAs2AggLIAhBEGokgICAgAAgBQuHEwMNfwF+BX8CQCAAIAFBAnRqIgdBBGooAgAiCEGAgPyHBnFFDQAgBEEANgIEIAQgAjYCAEF7DwsgB0EMaiEJIAhB//8DcSEKIAcoAgAhCyAHQQhqKAIAIQwgBigCACENIAUoAgAhDgJAAkACQAJAAkACQAJAAkACQAJAAkACQAJAAkACQAJAAkACQAJAAkACQAJAAkACQCAIQRh2QR9xIg9Bf2oOEwABBAUFDw4CAQEBCwoJCAcGAw8SCwJAIApFDQAgBEEANgIEDBcLAkAgCEF/Sg0AIARBADYCBAwWCwJAAkAgDEF/akEPSw0AIAxpQQJJDQELIARBADYCBAwVCwJAIAkoAgAiB0GA/oOAf3ENACAHQf8BcSIAQYABSw0AIAdBEHZB/wFxIABqIAxBA3RLDQAgB0EYdkEPcSIHQQRLDQAgB2lBAkkNEgsgBEEANgIEIAQgAjYCAEFzDwsCQCAKRQ0AIARBADYCBAwWCwJAIAhBf0oNACAEQQA2AgQMFQsCQCALRQ0AIARBADYCBAwTCyAMIA4gDCAOSyIHGyEOIAIgDSAHGyENDBALAkAgCkUNACAEQQA2AgQMFQsCQCAIQX9KDQAgBEEANgIEDBQLAkAgCw0AIARBADYCBAwRCyAMIA4gDCAOSyIHGyEOIAIgDSAHGyENDA8LAkAgCkUNACAEQQA2AgQMFAsCQCALDQAgBEEANgIEDBALIAwgDiAMIA5LIgcbIQ4gAiANIAcbIQ0MDgsCQCAKRQ0AIARBADYCBAwTCwJAIAhBf0oNACAEQQA2AgQMEgsCQCALRQ0AIARBADYCBAwQCwJAIAxFDQAgBEEANgIEDBELIAkoAgQiByAJKAIAIgQgDiAEIA5LIgQbIgAgByAASyIHGyEOIAIgAiANIAcbIAQbIQ0MDQtBf0H///8HIAhBf0obIRACQAJAAkACQCAKRQ0AIAFBAnQgAGpBFGohB0EAIQggCiERQQAhAEEAIQFBACESA0AgBygCACAQcSILIAEgCyABSxshASAHQXxqKAIAIhMgACATIABLGyEAIAdBeGooAgAiEyAIIBMgCEsbIQggB0EMaiEHIAsgEnIhEiARQX9qIhENAAsgCCADSQ0BDAILQQAhAEEAIQFBACESIANFDQ4LAkAgD0EFRw0AIBJFDQ4gCg0CDA4LIAFBA3YgAUEHcUEAR2ogDE0NDQsgCkUNDAsgD0EFRyELQQAhBwNAAkAgCSgCACADSQ0AIAQgBzYCBAwMCyAJQQhqKAIAIgggEHEhAQJAAkACQCALDQAgAQ0BDAILIAFBA3YgCEEHcUEAR2ogDE0NAQsgBCAHNgIEIAQgAjYCAEF0DwsgCUEMaiEJIAogB0EBaiIHRg0MDAALCwJAIApFDQAgBEEANgIEDBELAkAgCw0AIARBADYCBAwNCwJAIAkoAgBBfkoNACAEQQA2AgQgBCACNgIAQXAPCyAMIA4gDCAOSyIHGyEOIAIgDSAHGyENDAsLAkAgCkUNACAEQQA2AgQMEAsCQCAIQX9KDQAgBEEANgIEDA8LAkAgDEF+akEfdyIHQQdLDQBBASAHdEGrAXENCwsgBEEANgIEDA0LAkAgCEF/Sg0AIARBADYCBAwOCwJAIAtFDQAgCkUNCiABQQJ0IABqQRRqIQcgDK0hFEEAIQEDQCAHQXhqKAIAIQACQCAMRQ0AIAc1AgAgB0F8ajUCAHwgFFgNACAEIAE2AgQgBCACNgIAQXEPCyAAIA4gACAOSyIIGyEOIAIgDSAIGyENIAdBDGohByAKIAFBAWoiAUcNAAwLCwsgBEEANgIEDAoLAkAgCkUNACAEQQA2AgQMDgsCQCAIQX9KDQAgBEEANgIEDA0LAkAgCw0AIARBADYCBAwKCwJAIAkoAgBBA0kNACAEQQA2AgQMAwsgDCAOIAwgDksiBxshDiACIA0gBxshDQwICwJAIAhBf0oNACAEQQA2AgQMDAsCQCALRQ0AIARBADYCBAwKCwJAAkAgCg0AQQAhAAwBCyAIQQFxIRMCQAJAIApBAUcNAEEAIQhBACEAQQAhAQwBCyAKIBNrIQsgAUECdCAAakEYaiEHQQAhCEEAIQBBACEBA0AgBygCACISIAdBeGooAgAiESAAIBEgAEsbIgAgEiAASxshACAHQXxqKAIAIhIgB0F0aigCACIRIAEgESABSxsiASASIAFLGyEBIAhBBGohCCAHQRBqIQcgC0F+aiILDQALCwJAIBNFDQAgCSAIQQJ0IgdqKAIAIgggASAIIAFLGyEBIAkgB0EEcmooAgAiByAAIAcgAEsbIQALIAEgA0kNAEEAIQcCQANAIAkoAgAgA08NASAJQQhqIQkgCiAHQQFqIgdGDQIMAAsLIAQgBzYCBAwGCyACIAIgDSAAIAwgDiAMIA5LIgcbIgRLIgEbIAcbIQ0gACAEIAEbIQ4MBwsCQCAIQX9KDQAgBEEANgIEDAsLIApBA0kNASAEQQA2AgQLIAQgAjYCAEFyDwsCQCALDQAgBEEANgIEDAYLIAwgDiAMIA5LIgcbIQ4gAiANIAcbIQ0MBAsCQCAKRQ0AIARBADYCBAwJCwJAIAsNACAEQQA2AgQMBQsgDEUNAyAEQQA2AgQMBgsCQAJAIAxBf2pBB0sNACAMaUEBSw0AIApFDQRBAkEDIA9BBkYbIRUgCEEDcSELAkAgCkF/akEDTw0AQQAhEkEAIQcMAgsgFUEMbCEPIBVBAnQhFiAVQQR0IRcgFUEDdCEYIAogC2shGUEAIRIgCSEIQQAhBwNAIAggD2ooAgAiESAIIBhqKAIAIhMgCCAWaigCACIQIAgoAgAiDCAHIAwgB0sbIgcgECAHSxsiByATIAdLGyIHIBEgB0sbIQcgCCAXaiEIIBkgEkEEaiISRw0ADAILCyAEQQA2AgQMBgsCQCALRQ0AIBVBAnQhCCABIBUgEmxqQQJ0IABqQQxqIQADQCAAKAIAIgEgByABIAdLGyEHIAAgCGohACALQX9qIgsNAAsLIAcgA0kNAiAVQQJ0IQBBACEHA0ACQCAJKAIAIANJDQAgBCAHNgIEDAILIAkgAGohCSAKIAdBAWoiB0cNAAwDCwsgBCACNgIAQXUPCyAAIA4gACAOSyIHGyEOIAIgDSAHGyENCyAFIA42AgAgBiANNgIAQQAPCyAEIAI2AgBBdw8LIAQgAjYCAEF2DwsgBCACNgIAQXgPCyAEIAI2AgBBeQ8LIAQgAjYCAEF6C/kBAQh/QQAhBAJAIAFFDQAgAEECdCEFIAIgA2shBkEAIQdBACEAIAEhCANAAkACQCAFIAdBAnRqKAIAQQJ0KAIAIgkNACAIIAFGIQIgASEIIAINAUF/DwtBfyEEIAkgA0kNAgJAIAggAUcNACAHIQggCSEADAELAkAgBiAAaiIALQAAIgIgBiAJaiIKLQAAIgtHDQAgAEEBaiEAIApBAWohCgNAAkAgAkH/AXENACAJIQAMAwsgCi0AACELIAAtAAAhAiAAQQFqIQAgCkEBaiEKIAIgC0YNAAsLIAkhACACIAtLDQILIAghBCAHQQFqIgcgAUcNAAsLIAQLzwEBCH9BACEHAkAgAUUNACAFQQJ0IQggAEECdCEJIAJBAnQhCiAEQQFqIQtBACEMA0ACQCAKIAkgDEECdGooAgAiDUECdGooAgBBAnQoAgAgA2oiAC0AACICIAQtAABHDQAgAEEBaiEAIAshBQJAA0AgAkH/AXFFDQEgBS0AACEOIAAtAAAhAiAAQQFqIQAgBUEBaiEFIAIgDkYNAAwCCwsCQCAHIAZPDQAgCCAHQQJ0aiANNgIACyAHQQFqIQcLIAxBAWoiDCABRw0ACwsgBwuxBgEGfyAGQQJqIgpBASAKQQFLGyILQQdxIQogBUECdCEMQQAhDQJAIAtBf2pBB0kNACAMQRBqIQUgC0F4cSELQQAhDQNAIAVCADcCACAFQQhqQgA3AgAgBUF4akIANwIAIAVBcGpCADcCACAFQSBqIQUgCyANQQhqIg1HDQALC0EAIAJrIQ4gAkECdCEPAkAgCkUNACAMIA1BAnRqIQUDQCAFQQA2AgAgBUEEaiEFIApBf2oiCg0ACwsgCEECdCELIABBAnQhDSAGQQFqIQAgDyAOQQJ0aiEIAkAgAUUNACADIARrIQMgDSEFIAEhDgNAAkACQCAIIA8gBSgCAEECdCICaigCAEECdGooAgAiCiAESQ0AIAMgCmoQhYCAgAAhCgwBCyALIAJqKAIAIQoLIAsgAmogCjYCACAKIAZxQQJ0IAxqQQRqIgogCigCAEEBajYCACAFQQRqIQUgDkF/aiIODQALCyAAQQEgAEEBSxsiD0EDcSECIAwoAgAhCkEAIQ4CQCAPQX9qQQNJDQAgDEEIaiEFIA9BfHEhBEEAIQ4DQCAFQXxqIg8gDygCACAKaiIKNgIAIAUgBSgCACAKaiIKNgIAIAVBBGoiDyAPKAIAIApqIgo2AgAgBUEIaiIPIA8oAgAgCmoiCjYCACAFQRBqIQUgBCAOQQRqIg5HDQALCwJAIAJFDQAgDkECdCAMakEEaiEFA0AgBSAFKAIAIApqIgo2AgAgBUEEaiEFIAJBf2oiAg0ACwsCQCABRQ0AA0AgDCALIA0oAgAiBUECdGooAgAiCiAGcUECdGoiAiACKAIAIgJBAWo2AgAgCCACQQF0IAdqQQJ0aiICIAo2AgAgAkEEaiAFIAlqNgIAIA1BBGohDSABQX9qIgENAAsLAkAgAEUNAAJAIABBA3EiCkUNACAMIAZBAnRqIQUDQCAFQQRqIAUoAgA2AgAgBUF8aiEFIABBf2ohACAKQX9qIgoNAAsLIAZBA0kNACAAQQJ0IAxqQXBqIQUDQCAFQQxqIAVBCGopAgA3AgAgBUEEaiAFKQIANwIAIAVBcGohBSAAQXxqIgANAAsLIAxBADYCAAvKAgEDfwJAAkAgACgAACIBQX9zIAFB//37d2pxQYCBgoR4cSICRQ0AQdO0u4h8QX9BJyACaCIAa3YgAXFBufPd8XlzQeuUr694bCAAQQdGGyIBQQ92IAFzQbXcypV8bCIBQQ12IAFzIQEMAQsCQCAAKAAEIgJBf3MgAkH//ft3anFBgIGChHhxIgNFDQAgAUG5893xeXNB65Svr3hsIgFBD3YgAXNBAEF/QScgA2giAWt2IAJxIAFBB0Ybc0G13MqVfGwiAUENdiABcyEBDAELAkAgACgACCIAQX9zIABB//37d2pxQYCBgoR4cSIDRQ0AQQBBf0EnIANoIgNrdiAAcSADQQdGGyEACyABQbnz3fF5c0HrlK+veGwiAUEPdiABcyACc0G13MqVfGwiAUENdiABcyAAcyEBCyABQa/W074CbCIBQRB2IAFzC6kIAQp/IAhBAnQhCkEAIQsCQCABRQ0AIABBAnQhDCACQQJ0Ig1BAyACa0ECdGohDkEAIQ8DQAJAIA0gDCAPQQJ0aigCACICQQJ0aigCAEECdCIIQQRqKAIAIgBB////B3EiEEUNAEECQQMgAEGAgID4B3FBgICAMEYbQQJ0IREgAiAJaiESIA4gCGohAkEAIQgDQAJAIAIoAgAiAEUNACAAIARPDQAgCiALQQxsaiITIAAgA2oQhYCAgAA2AgAgE0EEaiASNgIAIBNBCGogCDYCACALQQFqIQsLIAIgEWohAiAQIAhBAWoiCEcNAAsLIA9BAWoiDyABRw0ACwsgBUECdCETIAZBAmoiAkEBIAJBAUsbIhBBB3EhCEEAIQACQCAQQX9qQQdJDQAgE0EQaiECIBBBeHEhEEEAIQADQCACQgA3AgAgAkEIakIANwIAIAJBeGpCADcCACACQXBqQgA3AgAgAkEgaiECIBAgAEEIaiIARw0ACwsCQCAIRQ0AIBMgAEECdGohAgNAIAJBADYCACACQQRqIQIgCEF/aiIIDQALCyAGQQFqIQACQCALRQ0AIAtBAXEhBEEAIQgCQCALQQFGDQAgC0F+cSEQQQAhCCAKIQIDQCACKAIAIAZxQQJ0IBNqQQRqIhEgESgCAEEBajYCACACQQxqKAIAIAZxQQJ0IBNqQQRqIhEgESgCAEEBajYCACAIQQZqIQggAkEYaiECIBBBfmoiEA0ACwsgBEUNACAKIAhBAnRqKAIAIAZxQQJ0IBNqQQRqIgIgAigCAEEBajYCAAsgAEEBIABBAUsbIgRBA3EhECATKAIAIQhBACERAkAgBEF/akEDSQ0AIBNBCGohAiAEQXxxIRJBACERA0AgAkF8aiIEIAQoAgAgCGoiCDYCACACIAIoAgAgCGoiCDYCACACQQRqIgQgBCgCACAIaiIINgIAIAJBCGoiBCAEKAIAIAhqIgg2AgAgAkEQaiECIBIgEUEEaiIRRw0ACwsCQCAQRQ0AIBFBAnQgE2pBBGohAgNAIAIgAigCACAIaiIINgIAIAJBBGohAiAQQX9qIhANAAsLAkAgC0UNAANAIBMgCigCACAGcUECdGoiAiACKAIAIgJBAWo2AgAgAkEDbCAHakECdCICIAooAgA2AgAgAkEEaiAKQQRqKAIANgIAIAJBCGogCkEIaigCADYCACAKQQxqIQogC0F/aiILDQALCwJAIABFDQACQCAAQQNxIghFDQAgEyAGQQJ0aiECA0AgAkEEaiACKAIANgIAIAJBfGohAiAAQX9qIQAgCEF/aiIIDQALCyAGQQNJDQAgAEECdCATakFwaiECA0AgAkEMaiACQQhqKQIANwIAIAJBBGogAikCADcCACACQXBqIQIgAEF8aiIADQALCyATQQA2AgALAG0EbmFtZQFSBwAFcGFyc2UBBWNoZWNrAgtzb3J0ZWRfZnJvbQMKZmluZF9uYW1lZAQLYnVpbGRfaW5kZXgFCWhhc2hfbmFtZQYQYnVpbGRfZW51bV9pbmRleAcSAQAPX19zdGFja19wb2ludGVyAC0JcHJvZHVjZXJzAQxwcm9jZXNzZWQtYnkBDERlYmlhbiBjbGFuZwYxNC4wLjYAJw90YXJnZXRfZmVhdHVyZXMCKwdhdG9taWNzKwtidWxrLW1lbW9yeQ==";
  }
});

// btf/base64.ts

var init_base64 = __esm({
  "btf/base64.ts"() {
  }
});

// btf/table.ts
















var TABLE_MAGIC, M_MAGIC, M_FIRST_ID, M_COUNT, M_BTF_BYTE, M_BTF_LEN, M_STR_BYTE, M_STR_LEN, M_OFFSETS_WORD, M_SORTED, M_BUCKETS_WORD, M_BUCKET_MASK, M_ENTRIES_WORD, M_FIRST_NAMED, M_STR_BASE, M_ENUM_BUCKETS_WORD, M_ENUM_MASK, M_ENUM_ENTRIES_WORD, M_PENDING, M_FUNC_BUCKETS_WORD, M_FUNC_MASK, M_FUNC_ENTRIES_WORD, M_BIG_ENDIAN, PENDING_NAMES, PENDING_ENUMS, PENDING_FUNCS, SCANS_BEFORE_INDEX, encoder, textDecoder, R, KIND_RULES, decodeModule, SIZE_RULES, BtfTypes;
var init_table = __esm({
  "btf/table.ts"() {
    init_errors();
    init_header();
    init_swap();
    init_table_plan();
    init_decode_wasm();
    init_base64();
    init_arena();
    init_kinds();
    TABLE_MAGIC = 1262638150;
    M_MAGIC = 0;
    M_FIRST_ID = 1;
    M_COUNT = 2;
    M_BTF_BYTE = 3;
    M_BTF_LEN = 4;
    M_STR_BYTE = 5;
    M_STR_LEN = 6;
    M_OFFSETS_WORD = 7;
    M_SORTED = 8;
    M_BUCKETS_WORD = 9;
    M_BUCKET_MASK = 10;
    M_ENTRIES_WORD = 11;
    M_FIRST_NAMED = 12;
    M_STR_BASE = 13;
    M_ENUM_BUCKETS_WORD = 14;
    M_ENUM_MASK = 15;
    M_ENUM_ENTRIES_WORD = 16;
    M_PENDING = 17;
    M_FUNC_BUCKETS_WORD = 20;
    M_FUNC_MASK = 21;
    M_FUNC_ENTRIES_WORD = 22;
    M_BIG_ENDIAN = 23;
    PENDING_NAMES = 1;
    PENDING_ENUMS = 2;
    PENDING_FUNCS = 4;
    SCANS_BEFORE_INDEX = 2;
    encoder = new TextEncoder();
    textDecoder = new TextDecoder();
    R = {
      SLOW: 1,
      KF0: 2,
      NAME_REQ: 4,
      NAME_FORB: 8,
      REF2: 16,
      ELEMS: 64,
      ELEM_REF: 128,
      STRUCT: 256,
      UNION: 512,
      VLEN0: 1024,
      VLEN2: 2048
    };
    KIND_RULES = (() => {
      const rules = new Uint32Array(32);
      const modifier = R.VLEN0 | R.KF0 | R.NAME_FORB | R.REF2;
      const set = [
        [
          Kind.INT,
          R.SLOW
        ],
        [
          Kind.PTR,
          modifier
        ],
        [
          Kind.ARRAY,
          R.SLOW
        ],
        [
          Kind.STRUCT,
          R.ELEMS | R.ELEM_REF | R.STRUCT
        ],
        [
          Kind.UNION,
          R.ELEMS | R.ELEM_REF | R.UNION
        ],
        [
          Kind.ENUM,
          R.ELEMS | sizes(1, 2, 4, 8)
        ],
        [
          Kind.FWD,
          R.VLEN0 | R.NAME_REQ | sizes(0)
        ],
        [
          Kind.TYPEDEF,
          R.VLEN0 | R.KF0 | R.NAME_REQ | R.REF2
        ],
        [
          Kind.VOLATILE,
          modifier
        ],
        [
          Kind.CONST,
          modifier
        ],
        [
          Kind.RESTRICT,
          modifier
        ],
        [
          Kind.FUNC,
          R.VLEN2 | R.KF0 | R.NAME_REQ | R.REF2
        ],
        [
          Kind.FUNC_PROTO,
          R.KF0 | R.NAME_FORB | R.REF2 | R.ELEMS | R.ELEM_REF
        ],
        [
          Kind.VAR,
          R.SLOW
        ],
        [
          Kind.DATASEC,
          R.SLOW
        ],
        [
          Kind.FLOAT,
          R.VLEN0 | R.KF0 | sizes(2, 4, 8, 12, 16)
        ],
        [
          Kind.DECL_TAG,
          R.SLOW
        ],
        [
          Kind.TYPE_TAG,
          R.VLEN0 | R.NAME_REQ | R.REF2
        ],
        [
          Kind.ENUM64,
          R.ELEMS | sizes(1, 2, 4, 8)
        ]
      ];
      for (const [kind, rule] of set) rules[kind] = rule;
      return rules;
    })();
    SIZE_RULES = {
      [Kind.INT]: "is 1, 2, 4, 8 or 16 bytes",
      [Kind.ENUM]: "is 1, 2, 4 or 8 bytes",
      [Kind.ENUM64]: "is 1, 2, 4 or 8 bytes",
      [Kind.FLOAT]: "is 2, 4, 8, 12 or 16 bytes",
      [Kind.ARRAY]: "takes 0",
      [Kind.FWD]: "takes 0 (no referenced type)"
    };
    BtfTypes = class _BtfTypes {
      #buffer;
      /** The base table of a split BTF, or undefined for a base BTF. */
      base;
      /** First type id held by this table (1 for a base BTF). */
      firstId;
      /** Number of types held by this table (type 0, void, is not counted). */
      count;
      /** Size of the raw BTF blob in bytes. */
      btfBytes;
      /**
       * The blob was big-endian (an s390x or big-endian powerpc kernel's): it was swapped to
       * little-endian when the table was built, so {@link rawBytes} are little-endian.
       */
      bigEndian;
      #u8;
      #u32;
      #offsets;
      #strByte;
      #strLen;
      #strBase;
      #generation;
      /** Indexes this thread built the layout of and will build on demand (see IndexBuilds). */
      #index;
      #scans = 0;
      constructor(buffer, base) {
        const meta = new Uint32Array(buffer, 0, META_WORDS);
        if (meta[M_MAGIC] !== TABLE_MAGIC) throw new BtfError("btf: buffer is not a type table");
        this.#buffer = buffer;
        this.base = base;
        this.#u8 = new Uint8Array(buffer);
        this.#u32 = new Uint32Array(buffer);
        this.firstId = meta[M_FIRST_ID];
        this.count = meta[M_COUNT];
        this.btfBytes = meta[M_BTF_LEN];
        this.bigEndian = meta[M_BIG_ENDIAN] === 1;
        this.#offsets = meta[M_OFFSETS_WORD];
        this.#strByte = meta[M_STR_BYTE];
        this.#strLen = meta[M_STR_LEN];
        this.#strBase = meta[M_STR_BASE];
        this.#generation = this.#u32[GENERATION_WORD];
        if (base && this.firstId !== base.lastId + 1) {
          throw new BtfError("btf: split table does not continue its base");
        }
      }
      /**
       * Parses a raw BTF blob into a new shared table. With `base`, the blob is split BTF: its
       * ids continue after the base's, and a string offset at or past the base's string length
       * points into the blob's own strings.
       */
      static build(btf, base, space) {
        return _BtfTypes.buildFrom(btf.length, btf, (dest) => dest.set(btf), base, space);
      }
      /**
       * Parses a `total`-byte blob that `fill` writes straight into the table's memory (so a
       * file is read once, with no intermediate copy). `head` holds at least the blob's first
       * 32 bytes (fewer only when the blob is shorter). `space` says where the memory comes
       * from (default: a new memory; see btf/arena.ts for recycling).
       */
      static buildFrom(total, head, fill, base, space = FRESH_SPACE) {
        const hdr = parseHeader(head, total);
        const { shapesWord, errWord, metaEnd, maxTypes, pages, maxPages } = planFromHeader(total, hdr.typeLen, space.slack(total));
        checkMemoryLimit(total, maxPages);
        const memory = allocate(total, () => space.acquire(pages, maxPages));
        const start = space.place(memory, metaEnd, "blob", total);
        const btfByte = start + (4 - (start + hdr.typeStart) % 4) % 4;
        const offsetsWord = alignUp(space.place(memory, btfByte + total, "index", total), 4) / 4;
        let u32 = new Uint32Array(memory.buffer);
        const blob = new Uint8Array(memory.buffer, btfByte, total);
        fill(blob);
        const read = parseHeader(blob);
        if (!sameHeader(read, hdr) || read.bigEndian !== hdr.bigEndian) {
          throw new BtfError("btf: the header changed while the file was read");
        }
        checkStrings(blob, hdr, base !== void 0);
        const firstId = base ? base.lastId + 1 : 1;
        const strBase = base ? base.#strBase + base.#strLen : 0;
        if (base && base.bigEndian !== hdr.bigEndian) {
          throw new BtfError(`btf: split BTF is ${hdr.bigEndian ? "big" : "little"}-endian, its base is not`);
        }
        if (hdr.bigEndian) swapByteOrder(blob, hdr);
        const strByte = btfByte + hdr.strStart;
        const { fixed, perElem } = recordShapes(blob, hdr.layoutStart, hdr.layoutLen);
        new Int32Array(memory.buffer, shapesWord * 4, 256).set([
          ...fixed,
          ...perElem
        ]);
        new Uint32Array(memory.buffer, (shapesWord + 256) * 4, 32).set(KIND_RULES);
        const wasm = decoder(memory);
        const typeWord = (btfByte + hdr.typeStart) / 4;
        const listsWord = listsWordAfter(offsetsWord, maxTypes);
        const count2 = wasm.parse(typeWord, typeWord + hdr.typeLen / 4, offsetsWord, strBase + hdr.strLen, shapesWord, errWord, listsWord, maxTypes);
        if (count2 < 0) {
          const at = u32[offsetsWord + u32[errWord]];
          const rec = count2 === -1 || count2 === -2 || count2 === -3 ? new Uint32Array(3) : u32.subarray(at, Math.min(at + 3 + 3 * (u32[errWord + 1] + 1), u32.length));
          throw parseError(count2, firstId + u32[errWord], u32[errWord + 1], rec);
        }
        const lastId = firstId + count2 - 1, maxRef = u32[errWord + 2];
        if (maxRef > lastId) {
          const id = firstId + u32[errWord + 3];
          const kind = u32[u32[offsetsWord + u32[errWord + 3]] + 1] >>> 24 & 127;
          throw new BtfError(`btf: type id ${id} (${kindName(kind)}) refers to type id ${maxRef}, past the last type id ${lastId}`);
        }
        const firstNamed = wasm.sorted_from(offsetsWord, count2, strByte, strBase);
        const plan = planIndexes({
          offsetsWord,
          maxTypes,
          count: count2,
          named: u32[errWord + 5],
          funcs: u32[errWord + 6],
          enumerators: u32[errWord + 4],
          sorted: firstNamed >= 0
        });
        const { hashesWord, typeNames, funcNames, enumMask, enumEntriesWord, scratchWord } = plan;
        const indexEnd = plan.enumBucketsWord;
        const namedList = [
          plan.namedListWord,
          u32[errWord + 5]
        ];
        const funcList = [
          plan.funcListWord,
          u32[errWord + 6]
        ];
        const enumList = [
          plan.enumListWord,
          u32[errWord + 7]
        ];
        allocate(total, () => growTo(memory, pagesFor(base ? indexEnd : plan.end)));
        u32 = new Uint32Array(memory.buffer);
        const index = {
          pending: 0,
          names(which) {
            const [listWord, len] = which === "types" ? namedList : funcList;
            const { bucketsWord, mask, entriesWord } = which === "types" ? typeNames : funcNames;
            wasm.build_index(listWord, len, offsetsWord, strByte, strBase, bucketsWord, mask, entriesWord, hashesWord, firstId);
          },
          enums() {
            wasm.build_enum_index(enumList[0], enumList[1], offsetsWord, strByte, hdr.strLen, indexEnd, enumMask, enumEntriesWord, scratchWord, firstId);
          },
          find(query) {
            if (query.includes(0)) return [];
            const queryWords = (query.length >> 2) + 1, queryWord = offsetsWord + count2;
            const room = Math.min(listsWord - queryWord - queryWords, 64);
            if (room < 1) return null;
            new Uint8Array(memory.buffer, queryWord * 4, queryWords * 4).fill(0).set(query);
            const outWord = queryWord + queryWords;
            const n = wasm.find_named(namedList[0], namedList[1], offsetsWord, strByte, queryWord * 4, outWord, room);
            if (n > room) return null;
            return Array.from(new Uint32Array(memory.buffer, outWord * 4, n), (i) => firstId + i);
          }
        };
        if (base) {
          if (firstNamed < 0) {
            for (let i = 0; i < count2; i++) {
              const off = u32[u32[offsetsWord + i]];
              if (off === 0 || off >= strBase) continue;
              const ref2 = base.#nameRef(off);
              u32[hashesWord + i] = hashNameAt(ref2.table.#u32, ref2.at);
            }
            index.names("types");
            index.names("functions");
          }
        } else {
          index.pending = (firstNamed < 0 ? PENDING_NAMES | PENDING_FUNCS : 0) | PENDING_ENUMS;
        }
        u32.set([
          TABLE_MAGIC,
          firstId,
          count2,
          btfByte,
          total,
          strByte,
          hdr.strLen,
          offsetsWord
        ]);
        u32[M_SORTED] = firstNamed >= 0 ? 1 : 0;
        u32[M_FIRST_NAMED] = Math.max(firstNamed, 0);
        if (firstNamed < 0) {
          const words = (i) => [
            i.bucketsWord,
            i.mask,
            i.entriesWord
          ];
          [u32[M_BUCKETS_WORD], u32[M_BUCKET_MASK], u32[M_ENTRIES_WORD]] = words(typeNames);
          [u32[M_FUNC_BUCKETS_WORD], u32[M_FUNC_MASK], u32[M_FUNC_ENTRIES_WORD]] = words(funcNames);
        }
        u32[M_STR_BASE] = strBase;
        u32[M_BIG_ENDIAN] = hdr.bigEndian ? 1 : 0;
        [u32[M_ENUM_BUCKETS_WORD], u32[M_ENUM_MASK], u32[M_ENUM_ENTRIES_WORD]] = base ? [
          0,
          0,
          0
        ] : [
          indexEnd,
          enumMask,
          enumEntriesWord
        ];
        u32[M_PENDING] = index.pending;
        const types = new _BtfTypes(memory.buffer, base);
        types.#index = index.pending !== 0 ? index : void 0;
        return types;
      }
      /** Attaches to a table another thread built (no copy); `base` must be the same base. */
      static attach(buffer, base) {
        return new _BtfTypes(buffer, base);
      }
      /**
       * The shared buffer holding meta, raw bytes and indexes; send it to a worker to attach.
       * Reading it first builds any index not built yet, so an attached table never has to.
       */
      get buffer() {
        this.buildIndexes();
        this.#buildPending(PENDING_FUNCS);
        return this.#buffer;
      }
      /**
       * Builds the indexes a caller about to make many lookups of types and enumerators wants
       * (see {@link pendingIndexes}), so that none is answered by a scan; the index of function
       * names is left to the first lookup of a function.
       */
      buildIndexes() {
        this.#buildPending(PENDING_NAMES);
        this.#buildPending(PENDING_ENUMS);
      }
      /**
       * The indexes not built yet. The name index of types (`names`: every named kind but FUNC;
       * none for names sorted in the BTF) is built on the first lookup after a few answered by
       * scanning, that of the FUNCs (`functions`) on the first lookup that includes functions,
       * the enumerator index on the first enumerator lookup; all of them when {@link buffer} is
       * read. A split table builds its name indexes at once and has no enumerator index.
       */
      get pendingIndexes() {
        const pending = this.#index?.pending ?? 0;
        return [
          ...pending & PENDING_NAMES ? [
            "names"
          ] : [],
          ...pending & PENDING_FUNCS ? [
            "functions"
          ] : [],
          ...pending & PENDING_ENUMS ? [
            "enumerators"
          ] : []
        ];
      }
      /** Whether this table lives in `buffer` (a memory's buffer; no index is built). */
      occupies(buffer) {
        return buffer === this.#buffer;
      }
      /** Builds one index (a PENDING_* bit) if it is still pending. */
      #buildPending(which) {
        const index = this.#index;
        if (!index || !(index.pending & which)) return;
        this.#live();
        if (which === PENDING_ENUMS) index.enums();
        else index.names(which === PENDING_NAMES ? "types" : "functions");
        index.pending &= ~which;
        this.#u32[M_PENDING] = index.pending;
        if (index.pending === 0) this.#index = void 0;
      }
      /**
       * The types named `query` (but FUNCs) from a scan while the index of type names is
       * pending, else null.
       */
      #scanNamed(query) {
        if (!this.#index || !(this.#index.pending & PENDING_NAMES)) return null;
        this.#live();
        const found = ++this.#scans <= SCANS_BEFORE_INDEX ? this.#index.find(query) : null;
        if (found === null) this.#buildPending(PENDING_NAMES);
        return found;
      }
      /** The ids a name index (its meta words) holds for `query`, in id order. */
      #probe(query, bucketsMeta, maskMeta, entriesMeta) {
        const u32 = this.#u32, h = hashBytes(query), bucket = h & u32[maskMeta];
        const bucketsWord = u32[bucketsMeta], entriesWord = u32[entriesMeta], ids = [];
        for (let e = u32[bucketsWord + bucket]; e < u32[bucketsWord + bucket + 1]; e++) {
          const slot = entriesWord + 2 * e;
          if (u32[slot] !== h) continue;
          const id = u32[slot + 1];
          if (this.nameEquals(this.nameOff(id), query)) ids.push(id);
        }
        return ids;
      }
      /** Whether the named types were found sorted by name (binary search instead of hashing). */
      get sortedByName() {
        return this.#u32[M_SORTED] === 1;
      }
      /** Last type id of this table (for a base BTF, the number of types). */
      get lastId() {
        return this.firstId + this.count - 1;
      }
      /** The raw BTF blob this table was built from (a view into the shared buffer). */
      rawBytes() {
        this.#live();
        const meta = this.#u32;
        return this.#u8.subarray(meta[M_BTF_BYTE], meta[M_BTF_BYTE] + meta[M_BTF_LEN]);
      }
      /** Throws when this table's memory was released for another table (btf/arena.ts). */
      #live() {
        if (this.#u32[GENERATION_WORD] !== this.#generation) {
          throw new BtfError("btf: this table was released; its memory now holds another table");
        }
      }
      /** Resolves a string offset to the table and absolute byte holding it. */
      #nameRef(off) {
        this.#live();
        if (off < this.#strBase) {
          if (!this.base) throw new BtfError(`btf: name offset ${off} out of range`);
          return this.base.#nameRef(off);
        }
        const local2 = off - this.#strBase;
        if (local2 >= this.#strLen) throw new BtfError(`btf: name offset ${off} out of range`);
        return {
          table: this,
          at: this.#strByte + local2
        };
      }
      /** Compares the name at string offset `off` with `query` bytes (strcmp order). */
      #compareToQuery(off, query) {
        let bytes = this.#u8, at = this.#strByte + off - this.#strBase;
        if (off < this.#strBase || off - this.#strBase >= this.#strLen) {
          const ref2 = this.#nameRef(off);
          bytes = ref2.table.#u8;
          at = ref2.at;
        }
        for (let i = 0; i < query.length; i++) {
          const c = bytes[at + i];
          if (c === 0) return -1;
          if (c !== query[i]) return c - query[i];
        }
        return bytes[at + query.length] === 0 ? 0 : 1;
      }
      /** True when the string at offset `off` equals `query` (UTF-8 bytes). */
      nameEquals(off, query) {
        return this.#compareToQuery(off, query) === 0;
      }
      /** Decodes the string at offset `off` of the (combined) string table. */
      stringAt(off) {
        const ref2 = this.#nameRef(off), bytes = ref2.table.#u8;
        let end = ref2.at, high = 0;
        while (bytes[end] !== 0) high |= bytes[end++];
        if (high < 128 && end - ref2.at <= 256) {
          return String.fromCharCode.apply(null, bytes.subarray(ref2.at, end));
        }
        return textDecoder.decode(bytes.slice(ref2.at, end));
      }
      /**
       * The table holding type `id` (this one or a base); throws for an unknown id. With
       * {@link #recordWord} it locates a record without allocating (these run for every field
       * a query reads, mostly before the JIT has compiled them).
       */
      #holder(id) {
        this.#live();
        const i = id - this.firstId;
        if (i >>> 0 === i && i < this.count) return this;
        if (id < this.firstId && this.base) return this.base.#holder(id);
        throw new BtfError(`btf: type id ${id} out of range (last is ${this.lastId})`);
      }
      /** The word index of the record of type `id`, which this table holds. */
      #recordWord(id) {
        return this.#u32[this.#offsets + id - this.firstId];
      }
      /** Word `k` of the record of type `id` (0 name, 1 info, 2 size/type, 3... extra data). */
      word(id, k) {
        if (id === 0) return 0;
        const t = this.#holder(id);
        return t.#u32[t.#recordWord(id) + k];
      }
      /** Kind number of type `id` (0 for void). */
      kind(id) {
        return this.word(id, 1) >>> 24 & 127;
      }
      /** The kind_flag bit of type `id`. */
      kindFlag(id) {
        return this.word(id, 1) >>> 31 === 1;
      }
      /** Number of elements (members, enumerators, parameters, variables) of type `id`. */
      vlen(id) {
        return this.word(id, 1) & 16777215;
      }
      /** String offset of the name of type `id` (0 when anonymous). */
      nameOff(id) {
        return this.word(id, 0);
      }
      /** Name of type `id` ("" when anonymous). */
      name(id) {
        return this.stringAt(this.nameOff(id));
      }
      /** The size word of type `id` (bytes for INT, STRUCT, UNION, ENUM, DATASEC, FLOAT, ENUM64). */
      size(id) {
        return this.word(id, 2);
      }
      /** The referenced type id of a PTR, TYPEDEF, qualifier, FUNC, VAR, DECL_TAG or TYPE_TAG. */
      refType(id) {
        return this.word(id, 2);
      }
      /** Word `k` (0..2) of element `i` of a STRUCT, UNION or DATASEC (3 words per element). */
      elemWord(id, i, k) {
        if (i < 0 || i >= this.vlen(id)) throw new BtfError(`btf: type id ${id} has no element ${i}`);
        return this.word(id, 3 + 3 * i + k);
      }
      /**
       * The elements of a STRUCT, UNION or DATASEC as raw words: element `i` is
       * `words[at + 3 * i + 0..2]` (name offset, type, offset word). For hot loops.
       */
      elements(id) {
        const t = this.#holder(id), r = t.#recordWord(id);
        const info = t.#u32[r + 1];
        return {
          words: t.#u32,
          at: r + 3,
          count: info & 16777215,
          kindFlag: info >>> 31 === 1
        };
      }
      /** Bit offset of member `i` of struct/union `id`, honouring the kind_flag bitfield encoding. */
      memberBitOffset(id, i) {
        return memberBits(this.elemWord(id, i, 2), this.kindFlag(id));
      }
      /**
       * Every type id with exactly this name, in type-id order (the base's first for split BTF);
       * with `{ functions: false }` every one but the FUNCs, which a vmlinux has four times as
       * many of as named types and whose index is then never built.
       */
      byName(name, options = {}) {
        this.#live();
        const functions = options.functions ?? true;
        const query = encoder.encode(name);
        const found = this.base ? this.base.byName(name, options) : [];
        if (query.length === 0) return found;
        if (this.sortedByName) {
          const ids = this.#searchSorted(query);
          return found.concat(functions ? ids : ids.filter((id) => this.kind(id) !== Kind.FUNC));
        }
        const types = this.#scanNamed(query) ?? this.#probe(query, M_BUCKETS_WORD, M_BUCKET_MASK, M_ENTRIES_WORD);
        if (!functions) return found.concat(types);
        this.#buildPending(PENDING_FUNCS);
        const funcs = this.#probe(query, M_FUNC_BUCKETS_WORD, M_FUNC_MASK, M_FUNC_ENTRIES_WORD);
        return found.concat(types, funcs).sort((a, b) => a - b);
      }
      #searchSorted(query) {
        let lo = this.#u32[M_FIRST_NAMED], hi = this.count;
        while (lo < hi) {
          const mid = lo + hi >>> 1;
          if (this.#compareToQuery(this.nameOff(this.firstId + mid), query) < 0) lo = mid + 1;
          else hi = mid;
        }
        const ids = [];
        for (let i = lo; i < this.count; i++) {
          const id = this.firstId + i;
          if (this.#compareToQuery(this.nameOff(id), query) !== 0) break;
          ids.push(id);
        }
        return ids;
      }
      /**
       * Every enumerator named `name` as `[type id, element index]`, in type-id then element
       * order, the base's first (from the enumerator index; a split table, which has none, searches
       * its own enums directly).
       */
      enumeratorsNamed(name) {
        const query = encoder.encode(name);
        const found = this.base ? this.base.enumeratorsNamed(name) : [];
        if (query.length === 0) return found;
        const u32 = this.#u32;
        if (this.base) {
          for (let id = this.firstId; id <= this.lastId; id++) {
            const kind = this.kind(id);
            if (kind !== Kind.ENUM && kind !== Kind.ENUM64) continue;
            const { words, at, count: count2 } = this.elements(id);
            const step = elemWords(kind);
            for (let e = 0; e < count2; e++) {
              const off = words[at + step * e];
              if (off !== 0 && this.nameEquals(off, query)) found.push([
                id,
                e
              ]);
            }
          }
          return found;
        }
        this.#buildPending(PENDING_ENUMS);
        const h = hashBytes(query), bucketsWord = u32[M_ENUM_BUCKETS_WORD];
        const bucket = h & u32[M_ENUM_MASK], entriesWord = u32[M_ENUM_ENTRIES_WORD];
        for (let e = u32[bucketsWord + bucket]; e < u32[bucketsWord + bucket + 1]; e++) {
          const slot = entriesWord + 3 * e;
          if (u32[slot] !== h) continue;
          const id = u32[slot + 1], elem = u32[slot + 2];
          const { words, at } = this.elements(id);
          const step = elemWords(this.kind(id));
          if (this.nameEquals(words[at + step * elem], query)) found.push([
            id,
            elem
          ]);
        }
        return found;
      }
      /** Number of types of each kind held by this table, keyed by kind name (`STRUCT`, ...). */
      kindCounts() {
        const counts = {};
        for (let id = this.firstId; id <= this.lastId; id++) {
          const k = kindName(this.kind(id));
          counts[k] = (counts[k] ?? 0) + 1;
        }
        return counts;
      }
    };
  }
});

// btf/queries.ts













var MAX_CHAIN_STEPS, MAX_ANON_DEPTH, MAX_MEMBER_VISITS, encoder2, encoded, QUALIFIERS, QUALIFIERS_AND_PTR;
var init_queries = __esm({
  "btf/queries.ts"() {
    init_errors();
    init_kinds();
    init_table();
    MAX_CHAIN_STEPS = 20;
    MAX_ANON_DEPTH = 32;
    MAX_MEMBER_VISITS = 1e5;
    encoder2 = new TextEncoder();
    encoded = /* @__PURE__ */ new Map();
    QUALIFIERS = /* @__PURE__ */ new Set([
      Kind.CONST,
      Kind.VOLATILE,
      Kind.TYPEDEF,
      Kind.RESTRICT,
      Kind.TYPE_TAG
    ]);
    QUALIFIERS_AND_PTR = /* @__PURE__ */ new Set([
      ...QUALIFIERS,
      Kind.PTR
    ]);
  }
});

// resolvers/dsl.ts
























var structId;
var init_dsl = __esm({
  "resolvers/dsl.ts"() {
    init_errors();
    init_queries();
    init_table();
    init_enums();
    structId = perTable(findStruct);
  }
});

// resolvers/idr.ts
var IDR_FIELDS, IDR;
var init_idr = __esm({
  "resolvers/idr.ts"() {
    init_dsl();
    IDR_FIELDS = [
      member("xa_node_slots", "xa_node", "slots"),
      member("xa_node_shift", "xa_node", "shift"),
      // idr.idr_rt is an embedded struct xarray: its xa_head relative to the idr.
      embedded("idr_xa_head", "idr", "idr_rt", "xarray", "xa_head"),
      ...members("idr", "idr_next")
    ];
    IDR = group(...IDR_FIELDS);
  }
});

// resolvers/bpf_map.ts
var htabBucket, HTAB_OFFSETS, storageBucket, TASK_STORAGE_OFFSETS, STRUCT_OPS_OFFSETS, RINGBUF_OFFSETS, STACKMAP_OFFSETS, bpfMap, BPF_MAP;
var init_bpf_map = __esm({
  "resolvers/bpf_map.ts"() {
    init_errors();
    init_queries();
    init_kinds();
    init_dsl();
    init_idr();
    htabBucket = {
      label: "bucket",
      found: "the first struct 'bucket' with a 'head' member",
      resolve(types) {
        for (const id of types.byName("bucket", {
          functions: false
        })) {
          if (types.kind(id) !== Kind.STRUCT) continue;
          try {
            directMember(types, id, "head");
            return id;
          } catch (err) {
            if (!(err instanceof BtfError)) throw err;
          }
        }
        throw new BtfError("btf: no 'bucket' struct with 'head' field found");
      }
    };
    HTAB_OFFSETS = group(member("htab_buckets", "bpf_htab", "buckets"), member("htab_n_buckets", "bpf_htab", "n_buckets"), sizeOf("bucket_size", htabBucket), member("bucket_head", htabBucket, "head"), member("hlist_nulls_head_first", "hlist_nulls_head", "first"), member("hlist_nulls_node_next", "hlist_nulls_node", "next"), sizeOf("htab_elem_size_base", "htab_elem"), atOffsetZero("htab_elem", "hash_node"));
    storageBucket = named("bpf_local_storage_map_bucket");
    TASK_STORAGE_OFFSETS = group(member("smap_buckets", "bpf_local_storage_map", "buckets"), member("smap_bucket_log", "bpf_local_storage_map", "bucket_log"), sizeOf("bucket_size", storageBucket), direct("bucket_list", storageBucket, "list"), member("hlist_head_first", typeOf(storageBucket, "list", "hlist_head"), "first"), member("hlist_node_next", "hlist_node", "next"), direct("elem_local_storage", "bpf_local_storage_elem", "local_storage"), direct("elem_sdata", "bpf_local_storage_elem", "sdata"), member("sdata_data", "bpf_local_storage_data", "data"), member("ls_owner", "bpf_local_storage", "owner"), atOffsetZero("hlist_node", "next"), atOffsetZero("bpf_local_storage_elem", "map_node"));
    STRUCT_OPS_OFFSETS = group(direct("kvalue", "bpf_struct_ops_map", "kvalue"), member("value_data", typeOf("bpf_struct_ops_map", "kvalue", "bpf_struct_ops_value"), "data"));
    RINGBUF_OFFSETS = group(member("rbm_rb", "bpf_ringbuf_map", "rb"), member("rb_mask", "bpf_ringbuf", "mask"), member("rb_consumer_pos", "bpf_ringbuf", "consumer_pos"), member("rb_producer_pos", "bpf_ringbuf", "producer_pos"), member("rb_pending_pos", "bpf_ringbuf", "pending_pos"));
    STACKMAP_OFFSETS = group(member("smap_n_buckets", "bpf_stack_map", "n_buckets"), member("smap_buckets", "bpf_stack_map", "buckets"), member("smb_nr", "stack_map_bucket", "nr"), member("smb_data", "stack_map_bucket", "data"));
    bpfMap = named("bpf_map");
    BPF_MAP = group(member("map_name", bpfMap, "name"), member("map_type", bpfMap, "map_type"), member("map_flags", bpfMap, "map_flags"), member("key_size", bpfMap, "key_size"), member("value_size", bpfMap, "value_size"), member("max_entries", bpfMap, "max_entries"), member("array_value", "bpf_array", "value"), ...IDR_FIELDS, member("map_btf", bpfMap, "btf"), member("map_btf_value_type_id", bpfMap, "btf_value_type_id"), orZero(member("map_btf_vmlinux_value_type_id", bpfMap, "btf_vmlinux_value_type_id")), member("map_btf_key_type_id", bpfMap, "btf_key_type_id"), member("btf_data", "btf", "data"), member("btf_data_size", "btf", "data_size"), member("btf_base_btf", "btf", "base_btf"), sub("htab_offsets", HTAB_OFFSETS), sub("task_storage_offsets", TASK_STORAGE_OFFSETS), sub("struct_ops_offsets", STRUCT_OPS_OFFSETS), sub("ringbuf_offsets", RINGBUF_OFFSETS), sub("stackmap_offsets", STACKMAP_OFFSETS));
  }
});

// resolvers/bpf_prog.ts
var BPF_PROG;
var init_bpf_prog = __esm({
  "resolvers/bpf_prog.ts"() {
    init_dsl();
    init_idr();
    BPF_PROG = group(member("prog_type", "bpf_prog", "type"), member("prog_aux", "bpf_prog", "aux"), member("aux_verified_insns", "bpf_prog_aux", "verified_insns"), member("aux_name", "bpf_prog_aux", "name"), member("aux_used_maps", "bpf_prog_aux", "used_maps"), member("aux_used_map_cnt", "bpf_prog_aux", "used_map_cnt"), ...IDR_FIELDS, member("prog_stats", "bpf_prog", "stats"), member("stats_cnt", "bpf_prog_stats", "cnt"), member("stats_nsecs", "bpf_prog_stats", "nsecs"), member("stats_misses", "bpf_prog_stats", "misses"));
  }
});

// resolvers/cpu_time.ts
var CPU_TIME, NUMA_STATS;
var init_cpu_time = __esm({
  "resolvers/cpu_time.ts"() {
    init_dsl();
    CPU_TIME = group(member("kernel_cpustat_cpustat", "kernel_cpustat", "cpustat"), member("kstat_irqs_sum", "kernel_stat", "irqs_sum"), member("kstat_softirqs", "kernel_stat", "softirqs"), optional(member("tick_sched_iowait_sleeptime", "tick_sched", "iowait_sleeptime")));
    NUMA_STATS = group(member("pglist_data_node_zones", "pglist_data", "node_zones"), member("zone_vm_numa_event", "zone", "vm_numa_event"), sizeOf("zone_size", "zone"));
  }
});

// resolvers/cgroup.ts
var PSI, CGROUP_WALK;
var init_cgroup = __esm({
  "resolvers/cgroup.ts"() {
    init_dsl();
    PSI = group(member("psi_group_total", "psi_group", "total"), member("psi_group_avg", "psi_group", "avg"), optional(enumerator("psi_irq_full_idx", "PSI_IRQ_FULL")));
    CGROUP_WALK = group(member("cgroup_self", "cgroup", "self"), member("cgroup_kn", "cgroup", "kn"), member("cgroup_psi", "cgroup", "psi"), member("css_sibling", "cgroup_subsys_state", "sibling"), member("css_children", "cgroup_subsys_state", "children"), member("css_serial_nr", "cgroup_subsys_state", "serial_nr"), member("cgroup_root_cgrp", "cgroup_root", "cgrp"), member("kernfs_node_name", "kernfs_node", "name"));
  }
});

// resolvers/names.ts


var GROUP_NAMES;
var init_names = __esm({
  "resolvers/names.ts"() {
    GROUP_NAMES = [
      "kernel",
      "bpf_map",
      "bpf_prog",
      "idr",
      "scx_walker",
      "runnable_scan",
      "task_enrichment",
      "cpu_time",
      "numa_stats",
      "psi",
      "cgroup_walk"
    ];
  }
});

// resolvers/kernel.ts





var rq, scxRq, localDsq, eventPath, eventStats, EVENT_OFFSETS, schedInfo, SCHEDSTAT_OFFSETS, sd, SCHED_DOMAIN_STATS, SCHED_DOMAIN_OFFSETS, WATCHDOG_OFFSETS, KERNEL;
var init_kernel = __esm({
  "resolvers/kernel.ts"() {
    init_errors();
    init_queries();
    init_dsl();
    rq = named("rq");
    scxRq = typeOf(rq, "scx", "scx_rq");
    localDsq = typeOf(scxRq, "local_dsq", "scx_dispatch_q");
    eventPath = perTable((types, _) => findEventPath(types));
    eventStats = {
      label: "scx_event_stats",
      found: "typeof(scx_sched_pcpu.event_stats), else typeof(scx_sched.event_stats_cpu)",
      resolve: (types) => eventPath(types, "event").statsStruct
    };
    EVENT_OFFSETS = group(custom("percpu_ptr_off", "scx_sched.pcpu", percpuPtrOff, [
      "scx_sched.event_stats_cpu"
    ]), custom("event_stats_off", "scx_sched_pcpu.event_stats", eventStatsOff, [
      "0 (path B)"
    ]), event("ev_select_cpu_fallback"), event("ev_dispatch_local_dsq_offline"), event("ev_dispatch_keep_last"), event("ev_enq_skip_exiting"), event("ev_enq_skip_migration_disabled"), optional(event("ev_reenq_immed")), optional(event("ev_reenq_local_repeat", "SCX_EV_REENQ_REPEAT")), optional(event("ev_refill_slice_dfl", "SCX_EV_ENQ_SLICE_DFL")), optional(event("ev_bypass_duration")), optional(event("ev_bypass_dispatch")), optional(event("ev_bypass_activate")), optional(event("ev_insert_not_owned")), optional(event("ev_sub_bypass_dispatch")), optional(event("ev_slice_clamped")), optional(event("ev_slice_denied")), optional(event("ev_sub_forced_admit")), optional(event("ev_sub_preempt_denied")), optional(event("ev_sub_kick_denied")), optional(event("ev_sub_reenq_denied")), optional(event("ev_sub_cidperf_denied")), optional(event("ev_sub_rescue")), memberMap("counters", eventStats, "SCX_EV_"));
    schedInfo = typeOf(rq, "rq_sched_info", "sched_info");
    SCHEDSTAT_OFFSETS = group(direct("rq_sched_info", rq, "rq_sched_info"), member("sched_info_run_delay", schedInfo, "run_delay"), member("sched_info_pcount", schedInfo, "pcount"), member("rq_yld_count", rq, "yld_count"), member("rq_sched_count", rq, "sched_count"), member("rq_sched_goidle", rq, "sched_goidle"), member("rq_ttwu_count", rq, "ttwu_count"), member("rq_ttwu_local", rq, "ttwu_local"));
    sd = named("sched_domain");
    SCHED_DOMAIN_STATS = group(...[
      "sd_lb_count",
      "sd_lb_failed",
      "sd_lb_balanced",
      "sd_lb_imbalance_load",
      "sd_lb_imbalance_util",
      "sd_lb_imbalance_task",
      "sd_lb_imbalance_misfit",
      "sd_lb_gained",
      "sd_lb_hot_gained",
      "sd_lb_nobusyg",
      "sd_lb_nobusyq",
      "sd_alb_count",
      "sd_alb_failed",
      "sd_alb_pushed",
      "sd_sbe_count",
      "sd_sbe_balanced",
      "sd_sbe_pushed",
      "sd_sbf_count",
      "sd_sbf_balanced",
      "sd_sbf_pushed",
      "sd_ttwu_wake_remote",
      "sd_ttwu_move_affine",
      "sd_ttwu_move_balance"
    ].map(sdField));
    SCHED_DOMAIN_OFFSETS = group(member("rq_sd", rq, "sd"), ...[
      "sd_parent",
      "sd_level",
      "sd_name",
      "sd_flags",
      "sd_span_weight",
      "sd_balance_interval",
      "sd_nr_balance_failed",
      "sd_max_newidle_lb_cost"
    ].map(sdField), allOrNothing(sdField("sd_newidle_call"), sdField("sd_newidle_success"), sdField("sd_newidle_ratio")), sub("stats_offsets", SCHED_DOMAIN_STATS));
    WATCHDOG_OFFSETS = group(member("scx_sched_watchdog_timeout_off", "scx_sched", "watchdog_timeout"));
    KERNEL = group(member("rq_nr_running", rq, "nr_running"), member("rq_clock", rq, "clock"), direct("rq_scx", rq, "scx"), member("scx_rq_nr_running", scxRq, "nr_running"), direct("scx_rq_local_dsq", scxRq, "local_dsq"), member("scx_rq_flags", scxRq, "flags"), member("dsq_nr", localDsq, "nr"), member("rq_cpu", rq, "cpu"), optional(embedded("rq_avg_irq_util_avg", rq, "avg_irq", "sched_avg", "util_avg")), sub("event_offsets", EVENT_OFFSETS), sub("schedstat_offsets", SCHEDSTAT_OFFSETS), sub("sched_domain_offsets", SCHED_DOMAIN_OFFSETS), sub("watchdog_offsets", WATCHDOG_OFFSETS));
  }
});

// resolvers/runnable_scan.ts
var RUNNABLE_SCAN;
var init_runnable_scan = __esm({
  "resolvers/runnable_scan.ts"() {
    init_dsl();
    RUNNABLE_SCAN = group(member("task_struct_scx", "task_struct", "scx"), member("sched_ext_entity_tasks_node", "sched_ext_entity", "tasks_node"), member("sched_ext_entity_flags", "sched_ext_entity", "flags"), member("sched_ext_entity_runnable_at", "sched_ext_entity", "runnable_at"), member("sched_ext_entity_runnable_node", "sched_ext_entity", "runnable_node"), member("rq_scx", "rq", "scx"), member("scx_rq_runnable_list", "scx_rq", "runnable_list"));
  }
});

// resolvers/scx_walker.ts
var RQ, SCX_RQ, TASK, SEE, DSQ_LNODE, DSQ, SCHED, SCHED_PNODE, SCHED_PCPU, RHT, SUB_GROUPS, SCX_WALKER;
var init_scx_walker = __esm({
  "resolvers/scx_walker.ts"() {
    init_dsl();
    RQ = group(...members("rq", "scx", "curr"));
    SCX_RQ = group(...members("scx_rq", "local_dsq", "runnable_list", "nr_running", "flags", "cpu_released"), optional(member("ops_qseq", "scx_rq", "ops_qseq")), optional(member("kick_sync", "scx_rq", "kick_sync", "pnt_seq")), ...members("scx_rq", "nr_immed", "clock").map(optional));
    TASK = group(...members("task_struct", "comm", "pid", "scx"));
    SEE = group(...members("sched_ext_entity", "runnable_node", "runnable_at", "weight", "slice", "dsq_vtime", "dsq", "dsq_list", "flags", "dsq_flags", "sticky_cpu", "holding_cpu", "tasks_node"), optional(member("ops_qseq", "sched_ext_entity", "ops_qseq")));
    DSQ_LNODE = group(...members("scx_dsq_list_node", "node", "flags"));
    DSQ = group(...members("scx_dispatch_q", "list", "nr", "seq", "id", "hash_node"));
    SCHED = group(member("dsq_hash", "scx_sched", "dsq_hash"), ...members("scx_sched", "pnode", "pcpu", "aborting", "bypass_depth").map(optional), member("exit_kind", "scx_sched", "exit_kind"));
    SCHED_PNODE = group(structExists("scx_sched_pnode"), optional(member("global_dsq", "scx_sched_pnode", "global_dsq")));
    SCHED_PCPU = group(structExists("scx_sched_pcpu"), optional(member("bypass_dsq", "scx_sched_pcpu", "bypass_dsq")));
    RHT = group(...members("rhashtable", "tbl", "nelems"), member("bucket_table_size", "bucket_table", "size"), member("bucket_table_buckets", "bucket_table", "buckets"), member("rhash_head_next", "rhash_head", "next"));
    SUB_GROUPS = [
      [
        "rq",
        RQ,
        "rq"
      ],
      [
        "scx_rq",
        SCX_RQ,
        "scx_rq"
      ],
      [
        "task",
        TASK,
        "task_struct"
      ],
      [
        "see",
        SEE,
        "sched_ext_entity"
      ],
      [
        "dsq_lnode",
        DSQ_LNODE,
        "scx_dsq_list_node"
      ],
      [
        "dsq",
        DSQ,
        "scx_dispatch_q"
      ],
      [
        "sched",
        SCHED,
        "scx_sched"
      ],
      [
        "sched_pnode",
        SCHED_PNODE,
        "scx_sched_pnode"
      ],
      [
        "sched_pcpu",
        SCHED_PCPU,
        "scx_sched_pcpu"
      ],
      [
        "rht",
        RHT,
        "rhashtable/bucket_table/rhash_head"
      ]
    ];
    SCX_WALKER = group(...SUB_GROUPS.map(([key, g]) => sub(key, g)), derived("missing_groups", "the failed sub-groups", (partial) => SUB_GROUPS.filter(([key]) => partial[key] === null).map(([, , name]) => name)));
  }
});

// resolvers/task_enrichment.ts
var task, signal, TASK_ENRICHMENT;
var init_task_enrichment = __esm({
  "resolvers/task_enrichment.ts"() {
    init_dsl();
    task = (field) => member(`task_struct_${field}`, "task_struct", field);
    signal = (field) => member(`signal_struct_${field}`, "signal_struct", field);
    TASK_ENRICHMENT = group(...[
      "comm",
      "pid",
      "tgid",
      "prio",
      "static_prio",
      "normal_prio",
      "rt_priority",
      "sched_class",
      "scx"
    ].map(task), optional(task("core_cookie")), ...[
      "real_parent",
      "group_leader",
      "signal",
      "stack"
    ].map(task), member("see_weight", "sched_ext_entity", "weight"), ...[
      "nr_threads",
      "pids",
      "nvcsw",
      "nivcsw"
    ].map(signal), task("nvcsw"), task("nivcsw"), task("utime"), task("stime"), signal("utime"), signal("stime"), member("pid_numbers", "pid", "numbers"), derived("pid_size", "pid.numbers", (partial) => partial.pid_numbers), member("upid_nr", "upid", "nr"), sizeOf("upid_size", "upid"));
  }
});

// resolvers/mod.ts
var mod_exports = {};
__export(mod_exports, {
  GROUPS: () => GROUPS,
  GROUP_NAMES: () => GROUP_NAMES,
  inReportOrder: () => inReportOrder,
  mergeOutcomes: () => mergeOutcomes,
  resolveNamedGroup: () => resolveNamedGroup,
  resolveOffsets: () => resolveOffsets
});


var GROUPS;
var init_mod = __esm({
  "resolvers/mod.ts"() {
    init_bpf_map();
    init_bpf_prog();
    init_cpu_time();
    init_cgroup();
    init_dsl();
    init_names();
    init_idr();
    init_kernel();
    init_runnable_scan();
    init_scx_walker();
    init_task_enrichment();
    init_names();
    GROUPS = {
      kernel: KERNEL,
      bpf_map: BPF_MAP,
      bpf_prog: BPF_PROG,
      idr: IDR,
      scx_walker: SCX_WALKER,
      runnable_scan: RUNNABLE_SCAN,
      task_enrichment: TASK_ENRICHMENT,
      cpu_time: CPU_TIME,
      numa_stats: NUMA_STATS,
      psi: PSI,
      cgroup_walk: CGROUP_WALK
    };
  }
});

// resolvers/fields.ts






var fields, byPath;
var init_fields = __esm({
  "resolvers/fields.ts"() {
    init_mod();
  }
});

// report/human.ts






var NAME_WIDTH, NO_SCX, FORMAT_LABELS;
var init_human = __esm({
  "report/human.ts"() {
    init_fields();
    init_errors();
    NAME_WIDTH = 44;
    NO_SCX = "btf: struct 'rq' has no member 'scx'";
    FORMAT_LABELS = {
      raw: "raw BTF",
      elf: "ELF",
      image: "compressed image",
      flat: "flat kernel image"
    };
  }
});

// resolvers/paths.ts



var GROUP_PATHS;
var init_paths = __esm({
  "resolvers/paths.ts"() {
    init_mod();
    GROUP_PATHS = GROUP_NAMES.flatMap((name) => groupPaths(GROUPS[name], name));
  }
});

// cli/command.ts


var LOAD_OPTIONS, LOAD_OPTIONS_HELP, ENVIRONMENT_HELP;
var init_command = __esm({
  "cli/command.ts"() {
    LOAD_OPTIONS = {
      json: {
        type: "boolean"
      },
      base: {
        type: "string"
      },
      jobs: {
        type: "string",
        short: "j"
      },
      "cache-dir": {
        type: "string"
      },
      "no-cache": {
        type: "boolean"
      }
    };
    LOAD_OPTIONS_HELP = `  --json           JSON instead of the human report
  --base PATH      read every PATH as split BTF (a module's) over this base BTF
  -j, --jobs N     worker threads that share loading and resolving with the main
                   thread: 0 = inline, auto (default) = chosen by measured cost
  --cache-dir DIR  cache root for this call
  --no-cache       neither read nor write .btf sidecars
  -h, --help       show this help`;
    ENVIRONMENT_HELP = `Environment:
  KTSTR_CACHE_DIR  the cache root, used as given (must be absolute)
  XDG_CACHE_HOME   else the root is $XDG_CACHE_HOME/ktstr/kernels
  HOME             else the root is $HOME/.cache/ktstr/kernels
  NO_COLOR         no colour even on a terminal`;
  }
});

// btf/elf.ts







var ElfFormatError;
var init_elf = __esm({
  "btf/elf.ts"() {
    init_errors();
    ElfFormatError = class extends BtfError {
      /** Creates the error with a description of the defect. */
      constructor(message) {
        super(message);
        this.name = "ElfFormatError";
      }
    };
  }
});

// btf/image/compression.ts



var MAGICS;
var init_compression = __esm({
  "btf/image/compression.ts"() {
    MAGICS = [
      {
        name: "gzip",
        magic: [
          31,
          139,
          8
        ]
      },
      {
        name: "xz",
        magic: [
          253,
          55,
          122,
          88,
          90,
          0
        ]
      },
      {
        name: "bzip2",
        magic: [
          66,
          90,
          104
        ]
      },
      {
        name: "lzma",
        magic: [
          93,
          0,
          0,
          0
        ]
      },
      {
        name: "lzo",
        magic: [
          137,
          76,
          90
        ]
      },
      {
        name: "lz4",
        magic: [
          2,
          33,
          76,
          24
        ]
      },
      {
        name: "zstd",
        magic: [
          40,
          181,
          47,
          253
        ]
      }
    ];
  }
});

// btf/image/chunk_edge.ts


var CARRIED;
var init_chunk_edge = __esm({
  "btf/image/chunk_edge.ts"() {
    CARRIED = 3;
  }
});

// btf/image/btf_scan.ts




var MAX_BTF_BYTES, MAX_LIVE, PAGE_ALIGNED_MIN, HEAD, MIN_HDR, MAX_HDR, Candidate, BtfScanner;
var init_btf_scan = __esm({
  "btf/image/btf_scan.ts"() {
    init_kinds();
    init_chunk_edge();
    MAX_BTF_BYTES = 256 << 20;
    MAX_LIVE = 16;
    PAGE_ALIGNED_MIN = 1 << 20;
    HEAD = 32;
    MIN_HDR = 24;
    MAX_HDR = 256;
    Candidate = class {
      start;
      littleEndian;
      bytes = new Uint8Array(HEAD);
      filled = 0;
      /** The blob's size once the header is read (0 before). */
      size = 0;
      dead = false;
      #typeStart = 0;
      #typeEnd = 0;
      #strStart = 0;
      #strEnd = 0;
      #layoutStart = -1;
      #layoutEnd = 0;
      #walk = 0;
      #fixed = null;
      #perElem = null;
      constructor(start, littleEndian) {
        this.start = start;
        this.littleEndian = littleEndian;
      }
      get complete() {
        return this.size > 0 && this.filled === this.size;
      }
      /** Takes what it needs of `chunk`, which starts at stream offset `chunkStart`. */
      take(chunk, chunkStart) {
        const end = chunkStart + chunk.length;
        while (!this.dead && !this.complete) {
          const want = this.start + this.filled;
          if (want < chunkStart || want >= end) return;
          const limit = this.size > 0 ? this.size : HEAD;
          const n = Math.min(limit - this.filled, end - want);
          if (this.filled + n > this.bytes.length) this.#grow(this.filled + n);
          this.bytes.set(chunk.subarray(want - chunkStart, want - chunkStart + n), this.filled);
          this.filled += n;
          if (this.size === 0) {
            if (this.filled < HEAD) return;
            this.#readHeader();
          } else this.#advance();
        }
      }
      /** Grows the copy geometrically, never past the blob's size. */
      #grow(need) {
        if (this.size === 0) return;
        const next = new Uint8Array(Math.min(this.size, Math.max(need, this.bytes.length * 2)));
        next.set(this.bytes.subarray(0, this.filled));
        this.bytes = next;
      }
      #view() {
        return new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
      }
      #readHeader() {
        const v = this.#view(), le = this.littleEndian;
        const hdrLen = v.getUint32(4, le);
        const typeOff = v.getUint32(8, le), typeLen = v.getUint32(12, le);
        const strOff = v.getUint32(16, le), strLen = v.getUint32(20, le);
        if (hdrLen < MIN_HDR || hdrLen > MAX_HDR || typeOff % 4 !== 0 || typeLen % 4 !== 0 || typeLen === 0 || strLen === 0) return this.#die();
        let end = Math.max(typeOff + typeLen, strOff + strLen);
        if (hdrLen >= HEAD) {
          const layoutOff = v.getUint32(24, le), layoutLen = v.getUint32(28, le);
          if (layoutLen > 0) {
            this.#layoutStart = hdrLen + layoutOff;
            this.#layoutEnd = this.#layoutStart + layoutLen;
            end = Math.max(end, layoutOff + layoutLen);
          }
        }
        const size = hdrLen + end;
        if (size > MAX_BTF_BYTES) return this.#die();
        this.size = size;
        this.#typeStart = this.#walk = hdrLen + typeOff;
        this.#typeEnd = this.#typeStart + typeLen;
        this.#strStart = hdrLen + strOff;
        this.#strEnd = this.#strStart + strLen;
        if (this.filled > size) this.filled = size;
        this.#advance();
      }
      /** Extra words of a record of `kind` with `vlen` elements; -1 unknown, -2 not yet known. */
      #extra(kind, vlen) {
        if (kind >= 1 && kind <= MAX_KNOWN_KIND) return extraWords(kind, vlen);
        if (kind === 0 || this.#layoutStart < 0) return -1;
        if (this.filled < this.#layoutEnd) return -2;
        if (this.#fixed === null) {
          this.#fixed = new Int32Array(32).fill(-1);
          this.#perElem = new Int32Array(32);
          const kinds = Math.min(32, Math.floor((this.#layoutEnd - this.#layoutStart) / 4));
          for (let k = MAX_KNOWN_KIND + 1; k < kinds; k++) {
            const info = this.bytes[this.#layoutStart + 4 * k];
            const elem = this.bytes[this.#layoutStart + 4 * k + 1];
            if (info % 4 === 0 && elem % 4 === 0) {
              this.#fixed[k] = info / 4;
              this.#perElem[k] = elem / 4;
            }
          }
        }
        const fixed = this.#fixed[kind];
        return fixed < 0 ? -1 : fixed + this.#perElem[kind] * vlen;
      }
      /** Walks every record that has fully arrived; dies at the first that cannot be one. */
      #advance() {
        const v = this.#view(), le = this.littleEndian;
        const end = Math.min(this.filled, this.#typeEnd);
        let at = this.#walk;
        while (at + 12 <= end) {
          const info = v.getUint32(at + 4, le);
          const kind = info >>> 24 & 31;
          if (kind <= MAX_KNOWN_KIND && (info & 1627324416) !== 0) return this.#die();
          const extra = this.#extra(kind, info & 65535);
          if (extra === -2) break;
          if (extra < 0) return this.#die();
          const next = at + 12 + 4 * extra;
          if (next > this.#typeEnd) return this.#die();
          if (next > end) break;
          at = next;
        }
        this.#walk = at;
        if (this.complete) {
          if (at !== this.#typeEnd) return this.#die();
          if (this.bytes[this.#strStart] !== 0 || this.bytes[this.#strEnd - 1] !== 0) this.#die();
        }
      }
      #die() {
        this.dead = true;
        this.bytes = new Uint8Array(0);
      }
    };
    BtfScanner = class {
      #pos = 0;
      /** The last up to 3 bytes before `#pos`: a magic may start in them. */
      #tail = new Uint8Array(0);
      #live = [];
      #best = null;
      #valid = 0;
      /** Bytes scanned so far. */
      get received() {
        return this.#pos;
      }
      /** Valid blobs seen so far (the largest is kept). */
      get validCount() {
        return this.#valid;
      }
      /** Whether a valid blob has been found so far. */
      get found() {
        return this.#best !== null;
      }
      /**
       * Whether the fast path has found the vmlinux's BTF: a valid blob of at least
       * {@link PAGE_ALIGNED_MIN} bytes on a 4 KiB boundary. The rest of the binary may be
       * skipped (it is still scanned, and a larger blob wins, when pushed).
       */
      get settled() {
        const b = this.#best;
        return b !== null && b.start % 4096 === 0 && b.size >= PAGE_ALIGNED_MIN;
      }
      /** Takes the next chunk (it is copied from, never kept); false once {@link settled}. */
      push(chunk) {
        const start = this.#pos;
        for (const c of this.#live) c.take(chunk, start);
        this.#settle();
        const tail = this.#tail;
        if (tail.length > 0) {
          const joined = acrossEdge(tail, chunk);
          for (let i = 0; i < tail.length && i + 4 <= joined.length; i++) {
            if (isHeaderStart(joined, i)) {
              this.#start(start - tail.length + i, joined.subarray(i), chunk);
            }
          }
        }
        const none = new Uint8Array(0);
        let le = chunk.indexOf(159), be = chunk.indexOf(235);
        while (le >= 0 || be >= 0) {
          const at = be < 0 || le >= 0 && le < be ? le : be;
          if (at + 4 <= chunk.length && isHeaderStart(chunk, at)) this.#start(start + at, none, chunk);
          if (at === le) le = chunk.indexOf(159, at + 1);
          else be = chunk.indexOf(235, at + 1);
        }
        this.#pos += chunk.length;
        this.#tail = carryOver(tail, chunk);
        return !this.settled;
      }
      /**
       * A candidate at stream offset `at`: `seen` holds its bytes before the current chunk (a
       * magic that straddles the chunks), then it takes what it needs of `chunk`.
       */
      #start(at, seen, chunk) {
        if (this.#live.length >= MAX_LIVE) return;
        const first = at < this.#pos ? seen[0] : chunk[at - this.#pos];
        const c = new Candidate(at, first === 159);
        const before = Math.max(0, Math.min(this.#pos - at, HEAD));
        if (before > 0) {
          c.bytes.set(seen.subarray(0, before));
          c.filled = before;
        }
        c.take(chunk, this.#pos);
        this.#live.push(c);
        this.#settle();
      }
      /** Drops dead candidates and keeps the largest complete one. */
      #settle() {
        let kept = 0;
        for (const c of this.#live) {
          if (c.dead) continue;
          if (c.complete) {
            this.#valid++;
            if (this.#best === null || c.size > this.#best.size) this.#best = c;
            continue;
          }
          this.#live[kept++] = c;
        }
        this.#live.length = kept;
      }
      /** The largest valid blob of the stream (call once it has ended), or null. */
      finish() {
        this.#live = [];
        const best = this.#best;
        if (best === null) return null;
        return {
          offset: best.start,
          bytes: best.bytes.subarray(0, best.size),
          littleEndian: best.littleEndian
        };
      }
    };
  }
});

// btf/image/arch.ts


var PE_MACHINES;
var init_arch = __esm({
  "btf/image/arch.ts"() {
    PE_MACHINES = {
      332: "i386",
      34404: "x86_64",
      43620: "arm64",
      448: "arm",
      450: "arm",
      452: "arm",
      20530: "riscv32",
      20580: "riscv64",
      25138: "loongarch32",
      25188: "loongarch64"
    };
  }
});

// btf/image/pe.ts


var init_pe = __esm({
  "btf/image/pe.ts"() {
    init_arch();
  }
});

// btf/image/flat.ts





var FLAT_HEADER_BYTES, CHUNK, PAGE;
var init_flat = __esm({
  "btf/image/flat.ts"() {
    init_btf_scan();
    init_pe();
    FLAT_HEADER_BYTES = 256;
    CHUNK = 1 << 20;
    PAGE = 4096;
  }
});

// btf/image/s390.ts



var S390_HEAD_BYTES, S390_EP_OFFSET, S390_STARTUP, IPL_CCWS, EP_STRING, CHUNK2, LONGEST_MAGIC, FIRST;
var init_s390 = __esm({
  "btf/image/s390.ts"() {
    init_compression();
    S390_HEAD_BYTES = 24;
    S390_EP_OFFSET = 65544;
    S390_STARTUP = 65536;
    IPL_CCWS = [
      2,
      0,
      0,
      24,
      96,
      0,
      0,
      80,
      2,
      0,
      0,
      104,
      96,
      0,
      0,
      80
    ];
    EP_STRING = [
      83,
      51,
      57,
      48,
      69,
      80
    ];
    CHUNK2 = 1 << 20;
    LONGEST_MAGIC = Math.max(...MAGICS.map((m) => m.magic.length));
    FIRST = new Uint8Array(256);
    for (const { magic } of MAGICS) FIRST[magic[0]] = 1;
  }
});

// btf/image/zboot.ts


var ZBOOT_HEADER_BYTES, TYPES;
var init_zboot = __esm({
  "btf/image/zboot.ts"() {
    ZBOOT_HEADER_BYTES = 64;
    TYPES = {
      gzip: "gzip",
      lz4: "lz4",
      lzma: "lzma",
      lzo: "lzo",
      xzkern: "xz",
      xz: "xz",
      zstd22: "zstd",
      zstd: "zstd",
      bzip2: "bzip2"
    };
  }
});

// btf/image/bzimage.ts


var BOOT_HEADER_BYTES, HDRS, MIN_PROTOCOL;
var init_bzimage = __esm({
  "btf/image/bzimage.ts"() {
    init_compression();
    init_flat();
    init_s390();
    init_zboot();
    BOOT_HEADER_BYTES = 592;
    HDRS = 1400005704;
    MIN_PROTOCOL = 520;
  }
});

// btf/input.ts

var NOT_RECOGNIZED;
var init_input = __esm({
  "btf/input.ts"() {
    init_elf();
    init_errors();
    init_bzimage();
    init_header();
    NOT_RECOGNIZED = "not recognized as raw BTF (missing 0x9FEB magic), ELF vmlinux or compressed kernel image";
  }
});

// load/cache_root.ts














var CacheError, CACHE_DIR_ENV, TMP_PREFIX, ENTRY_VMLINUX, ENTRY_METADATA, SIDECAR_SUFFIX;
var init_cache_root = __esm({
  "load/cache_root.ts"() {
    CacheError = class extends Error {
      /** Creates the error with a one-line message. */
      constructor(message) {
        super(message);
        this.name = "CacheError";
      }
    };
    CACHE_DIR_ENV = "KTSTR_CACHE_DIR";
    TMP_PREFIX = ".tmp-";
    ENTRY_VMLINUX = "vmlinux";
    ENTRY_METADATA = "metadata.json";
    SIDECAR_SUFFIX = ".btf";
  }
});

// btf/split.ts



var SPLIT_NEEDS_BASE, MISMATCH, NOT_DATA;
var init_split = __esm({
  "btf/split.ts"() {
    init_errors();
    init_header();
    init_kinds();
    init_table();
    SPLIT_NEEDS_BASE = "split BTF (a module's): pass --base VMLINUX";
    MISMATCH = "split BTF does not match its base";
    NOT_DATA = /* @__PURE__ */ new Set([
      Kind.FUNC,
      Kind.VAR,
      Kind.DATASEC,
      Kind.DECL_TAG
    ]);
  }
});

// load/map.ts







var PAGE2, HUGE_PAGE, HUGE_MIN_BTF, PROT_READ, MAP_SHARED, MAP_PRIVATE, MAP_FIXED, MREMAP_MAYMOVE, MREMAP_FIXED, MADV_HUGEPAGE, O_RDONLY_CLOEXEC, AT_FDCWD, SYSFS_BTF, SYSCALL_NUMBERS, libc, advice;
var init_map = __esm({
  "load/map.ts"() {
    init_arena();
    PAGE2 = 4096;
    HUGE_PAGE = 2 << 20;
    HUGE_MIN_BTF = 1 << 20;
    PROT_READ = 1;
    MAP_SHARED = 1;
    MAP_PRIVATE = 2;
    MAP_FIXED = 16;
    MREMAP_MAYMOVE = 1;
    MREMAP_FIXED = 2;
    MADV_HUGEPAGE = 14;
    O_RDONLY_CLOEXEC = 524288;
    AT_FDCWD = -100;
    SYSFS_BTF = "/sys/kernel/btf/";
    SYSCALL_NUMBERS = {
      x86_64: {
        mmap: 9,
        munmap: 11,
        mremap: 25,
        madvise: 28,
        open: 257,
        close: 3
      },
      aarch64: {
        mmap: 222,
        munmap: 215,
        mremap: 216,
        madvise: 233,
        open: 56,
        close: 57
      }
    };
  }
});

// load/file.ts
















var stdinBytes;
var init_file = __esm({
  "load/file.ts"() {
    init_elf();
    init_errors();
    init_input();
    init_arch();
    init_split();
    init_map();
  }
});

// load/memo.ts

var HOST_BTF_PATH, BtfMemo, hostBtfMemo;
var init_memo = __esm({
  "load/memo.ts"() {
    init_file();
    HOST_BTF_PATH = "/sys/kernel/btf/vmlinux";
    BtfMemo = class {
      #value;
      #loads = 0;
      #load;
      /** Memoizes `load`. */
      constructor(load) {
        this.#load = load;
      }
      /** The loaded value, loading it on the first call (or after a failure). */
      get() {
        if (this.#value) return this.#value;
        this.#loads++;
        const value2 = this.#load();
        this.#value = value2;
        return value2;
      }
      /** How many times the loader ran. */
      get loads() {
        return this.#loads;
      }
      /** Forgets the value. */
      clear() {
        this.#value = void 0;
      }
    };
    hostBtfMemo = new BtfMemo(() => loadBtf(HOST_BTF_PATH));
  }
});

// load/atomic.ts












var renameat2;
var init_atomic = __esm({
  "load/atomic.ts"() {
    init_cache_root();
    init_file();
  }
});

// load/sidecar.ts












var HEAD_CHECK_BYTES;
var init_sidecar = __esm({
  "load/sidecar.ts"() {
    init_elf();
    init_header();
    init_swap();
    init_input();
    init_errors();
    init_cache_root();
    init_file();
    init_memo();
    init_atomic();
    init_bzimage();
    init_bzimage();
    HEAD_CHECK_BYTES = 4096;
  }
});

// load/entries.ts












var ELF_ARCH, COPY_CHUNK, BANNER_OVERLAP;
var init_entries = __esm({
  "load/entries.ts"() {
    init_elf();
    init_input();
    init_errors();
    init_table();
    init_cache_root();
    init_file();
    init_sidecar();
    init_atomic();
    ELF_ARCH = {
      3: "x86",
      62: "x86_64",
      183: "aarch64",
      243: "riscv64",
      21: "powerpc64",
      22: "s390x"
    };
    COPY_CHUNK = 1 << 20;
    BANNER_OVERLAP = 512;
  }
});

// btf/image/elf_btf.ts


var TAIL_BYTES, ELF_HEADER, BTF_HEADER, MAX_CANDIDATES, NotKept, NotElfError, ElfBtfCollector;
var init_elf_btf = __esm({
  "btf/image/elf_btf.ts"() {
    init_elf();
    init_errors();
    init_chunk_edge();
    TAIL_BYTES = 1 << 20;
    ELF_HEADER = 64;
    BTF_HEADER = 24;
    MAX_CANDIDATES = 8;
    NotKept = class extends BtfError {
    };
    NotElfError = class extends BtfError {
    };
    ElfBtfCollector = class {
      #keepAll;
      #pos = 0;
      #captures = [];
      #header;
      #elfEnd = Infinity;
      #carry = new Uint8Array(0);
      #candidates = 0;
      #failed;
      /** A collector; with `keepAll` the whole ELF is kept. */
      constructor(keepAll = false) {
        this.#keepAll = keepAll;
        this.#header = this.#capture(0, ELF_HEADER);
      }
      /** Decompressed bytes received so far. */
      get received() {
        return this.#pos;
      }
      /** Whether nothing more is needed: the section header table is in, or the stream failed. */
      get complete() {
        return this.#pos >= this.#elfEnd || this.#failed !== void 0;
      }
      /**
       * Takes the next chunk (it is copied from, never kept). Returns false once no more data
       * is needed (or the data is not an ELF file: {@link finish} then says so).
       */
      push(chunk) {
        if (this.complete) return false;
        try {
          this.#take(chunk);
        } catch (err) {
          if (!(err instanceof BtfError)) throw err;
          this.#failed = err;
        }
        return !this.complete;
      }
      #take(chunk) {
        const start = this.#pos;
        if (!this.#keepAll) this.#scan(chunk, start);
        this.#pos += chunk.length;
        for (let i = 0; i < this.#captures.length; i++) this.#copy(this.#captures[i], chunk, start);
        if (this.#elfEnd === Infinity && this.#header.filled === ELF_HEADER) {
          this.#copy(this.#planTail(), chunk, start);
        }
      }
      /**
       * The `.BTF` section once the stream has ended or {@link push} returned false; null when
       * the kept pieces do not hold it (retry with keepAll). Throws BtfError when the ELF is
       * incomplete, malformed or has no `.BTF`.
       */
      finish() {
        if (this.#failed) throw this.#failed;
        if (this.#header.filled < ELF_HEADER || !hasElfMagic(this.#header.bytes)) {
          throw new NotElfError(this.#notElf());
        }
        if (!this.complete) {
          throw new BtfError(`ends after ${this.#pos} decompressed bytes, before the ELF's section headers end at ${this.#elfEnd} (truncated?)`);
        }
        let range;
        try {
          range = findElfSection(this.#source(), ".BTF");
        } catch (err) {
          if (err instanceof NotKept) return null;
          if (err instanceof ElfFormatError) throw new BtfError(`decompressed ELF: ${err.message}`);
          throw err;
        }
        if (range === null) {
          throw new NoBtfError(`decompressed ELF has no .BTF section: ${BUILT_WITHOUT_BTF}`);
        }
        const btf = this.#slice(range.offset, range.size);
        if (btf === null) return null;
        return this.#keepAll ? {
          btf,
          elf: this.#captures[1].bytes
        } : {
          btf
        };
      }
      #notElf() {
        const head = Array.from(this.#header.bytes.subarray(0, Math.min(4, this.#header.filled))).map((b) => b.toString(16).padStart(2, "0")).join(" ");
        return this.#header.filled === 0 ? "decompresses to nothing" : `does not decompress to an ELF file (starts ${head})`;
      }
      #capture(start, length) {
        const c = {
          start,
          bytes: new Uint8Array(length),
          filled: 0,
          btfHeader: false
        };
        this.#captures.push(c);
        return c;
      }
      /** Once the ELF header is known: keep the tail and the section header table (or all). */
      #planTail() {
        const h = this.#header.bytes;
        if (!hasElfMagic(h)) throw new NotElfError(this.#notElf());
        const view = new DataView(h.buffer, h.byteOffset, h.byteLength);
        const is64 = h[4] === 2, le = h[5] !== 2;
        const shoff = is64 ? Number(view.getBigUint64(40, le)) : view.getUint32(32, le);
        const entry = view.getUint16(is64 ? 58 : 46, le);
        const count2 = view.getUint16(is64 ? 60 : 48, le);
        if (shoff === 0 || count2 === 0 || shoff > Number.MAX_SAFE_INTEGER / 2) {
          throw new BtfError("decompressed ELF has no usable section header table");
        }
        this.#elfEnd = shoff + entry * count2;
        const from = this.#keepAll ? 0 : Math.max(0, shoff - TAIL_BYTES);
        const tail = this.#refill(from, this.#elfEnd - from);
        this.#captures.push(tail);
        return tail;
      }
      /** A capture of [start, start+length) seeded with what was already kept of it. */
      #refill(start, length) {
        const c = {
          start,
          bytes: new Uint8Array(length),
          filled: 0,
          btfHeader: false
        };
        if (start < ELF_HEADER) {
          c.bytes.set(this.#header.bytes.subarray(start, Math.min(ELF_HEADER, start + length)));
          c.filled = Math.min(ELF_HEADER, start + length) - start;
        }
        return c;
      }
      /** Starts a capture at every BTF header magic in `chunk` (and across its left edge). */
      #scan(chunk, start) {
        const carry = this.#carry;
        const joined = acrossEdge(carry, chunk);
        for (let i = 0; i < carry.length; i++) {
          if (isBtfMagic(joined, i)) this.#startBtf(start - carry.length + i, joined.subarray(i));
        }
        for (let at = chunk.indexOf(159); at >= 0; at = chunk.indexOf(159, at + 1)) {
          if (isBtfMagic(chunk, at)) this.#startBtf(start + at, new Uint8Array(0));
        }
        this.#carry = carryOver(carry, chunk);
      }
      /** Starts capturing a BTF header at stream offset `at`; `seen` holds its bytes before `#pos`. */
      #startBtf(at, seen) {
        if (++this.#candidates > MAX_CANDIDATES) return;
        const c = this.#capture(at, BTF_HEADER);
        c.btfHeader = true;
        const before = Math.max(0, Math.min(this.#pos - at, BTF_HEADER));
        c.bytes.set(seen.subarray(0, before));
        c.filled = before;
      }
      #copy(c, chunk, chunkStart) {
        const want = c.start + c.filled;
        const end = chunkStart + chunk.length;
        if (c.filled >= c.bytes.length || want < chunkStart || want >= end) return;
        const n = Math.min(c.bytes.length - c.filled, end - want);
        c.bytes.set(chunk.subarray(want - chunkStart, want - chunkStart + n), c.filled);
        c.filled += n;
        if (c.btfHeader && c.filled === BTF_HEADER) {
          c.btfHeader = false;
          const length = btfBlobLength(c.bytes);
          if (length === null || c.start + length > this.#elfEnd) {
            c.bytes = new Uint8Array(0);
            c.filled = 0;
            return;
          }
          const grown = new Uint8Array(length);
          grown.set(c.bytes);
          c.bytes = grown;
          this.#copy(c, chunk, chunkStart);
        }
      }
      /** The kept bytes [offset, offset+length), or null when no capture holds all of them. */
      #slice(offset, length) {
        for (const c of this.#captures) {
          if (c.btfHeader || offset < c.start || offset + length > c.start + c.filled) continue;
          return c.bytes.subarray(offset - c.start, offset - c.start + length);
        }
        return null;
      }
      /** A ByteSource over the kept pieces; reading anything else throws NotKept. */
      #source() {
        const read = (offset, length) => {
          const got = this.#slice(offset, length);
          if (got === null) throw new NotKept(`bytes ${offset}+${length} were not kept`);
          return got;
        };
        return {
          size: this.#elfEnd,
          read,
          readInto: (offset, dest) => dest.set(read(offset, dest.length))
        };
      }
    };
  }
});

// btf/image/decompress.ts







var CHECKSUMMED, PayloadCollector;
var init_decompress = __esm({
  "btf/image/decompress.ts"() {
    init_errors();
    init_arch();
    init_btf_scan();
    init_elf_btf();
    init_flat();
    CHECKSUMMED = /* @__PURE__ */ new Set([
      "gzip",
      "xz",
      "zstd",
      "bzip2"
    ]);
    PayloadCollector = class {
      #keepAll;
      #head = new Uint8Array(FLAT_HEADER_BYTES);
      #headFilled = 0;
      #pending = [];
      #elf = null;
      #flat = null;
      #received = 0;
      constructor(keepAll) {
        this.#keepAll = keepAll;
      }
      /** Decompressed bytes taken (an ELF's: up to its section header table, as its collector counts). */
      get received() {
        return this.#elf?.received ?? this.#received;
      }
      /** Nothing more is needed (an ELF's section headers are in, or a flat binary's BTF found). */
      get complete() {
        return this.#elf?.complete ?? this.#flat?.found ?? false;
      }
      push(chunk) {
        this.#received += chunk.length;
        const n = Math.min(chunk.length, FLAT_HEADER_BYTES - this.#headFilled);
        this.#head.set(chunk.subarray(0, n), this.#headFilled);
        this.#headFilled += n;
        if (this.#elf === null && this.#flat === null) {
          if (this.#headFilled < 4) {
            this.#pending.push(chunk.slice());
            return true;
          }
          const pending = this.#pending;
          this.#pending = [];
          if (this.#isElf()) this.#elf = new ElfBtfCollector(this.#keepAll);
          else this.#flat = new BtfScanner();
          for (const p of pending) this.#forward(p);
        }
        return this.#forward(chunk);
      }
      #isElf() {
        const h = this.#head;
        return h[0] === 127 && h[1] === 69 && h[2] === 76 && h[3] === 70;
      }
      #forward(chunk) {
        return this.#elf !== null ? this.#elf.push(chunk) : this.#flat.push(chunk);
      }
      /** What {@link ElfBtfCollector.finish} says, or the flat binary's BTF; throws as they do. */
      finish() {
        const head = this.#head.subarray(0, this.#headFilled);
        if (this.#elf === null && this.#flat === null) {
          const elf = new ElfBtfCollector();
          for (const p of this.#pending) elf.push(p);
          return elf.finish();
        }
        if (this.#elf !== null) {
          const got = this.#elf.finish();
          const arch = elfArch(head);
          return got === null || arch === void 0 ? got : {
            ...got,
            arch
          };
        }
        const found = this.#flat.finish();
        const image = flatImageHeader(head);
        if (found === null) {
          if (image !== null) {
            throw new NoBtfError(`decompressed ${image.kind} holds no valid BTF: ${BUILT_WITHOUT_BTF}`);
          }
          const start = Array.from(head.subarray(0, 4), (b) => b.toString(16).padStart(2, "0"));
          throw new NotElfError(`decompresses to neither an ELF file nor a flat kernel with BTF (starts ${start.join(" ")})`);
        }
        const result2 = {
          btf: found.bytes,
          flatOffset: found.offset
        };
        if (image?.arch !== void 0) result2.arch = image.arch;
        return result2;
      }
    };
  }
});

// btf/image/image.ts
var image_exports = {};
__export(image_exports, {
  btfFromImage: () => btfFromImage
});







var MAX_SCAN;
var init_image = __esm({
  "btf/image/image.ts"() {
    init_errors();
    init_bzimage();
    init_compression();
    init_decompress();
    init_elf_btf();
    init_flat();
    init_pe();
    init_s390();
    init_zboot();
    MAX_SCAN = 256 << 20;
  }
});

// load/image.ts






var init_image2 = __esm({
  "load/image.ts"() {
    init_elf();
    init_errors();
    init_header();
    init_input();
    init_bzimage();
    init_split();
    init_entries();
    init_memo();
    init_sidecar();
    init_file();
    init_map();
  }
});

// btf/machine.ts





var LONG_NAMES, pointerSizes, ARCH_STRUCTS;
var init_machine = __esm({
  "btf/machine.ts"() {
    init_kinds();
    LONG_NAMES = [
      "long",
      "long int",
      "int long",
      "unsigned long",
      "long unsigned",
      "unsigned long int",
      "unsigned int long",
      "long unsigned int",
      "long int unsigned",
      "int unsigned long",
      "int long unsigned"
    ];
    pointerSizes = /* @__PURE__ */ new WeakMap();
    ARCH_STRUCTS = [
      [
        "cpuinfo_x86",
        (p) => p === 4 ? "i386" : "x86_64"
      ],
      [
        "cpuinfo_arm64",
        () => "arm64"
      ],
      [
        "cpuinfo_arm",
        () => "arm"
      ],
      [
        "riscv_cpuinfo",
        (p) => p === 4 ? "riscv32" : "riscv64"
      ],
      [
        "lowcore",
        (p) => p === 4 ? "s390" : "s390x"
      ],
      [
        "paca_struct",
        (_p, big) => big ? "ppc64" : "ppc64le"
      ],
      [
        "loongarch_fpu",
        () => "loongarch64"
      ]
    ];
  }
});

// workers/handler.ts





var threadArena;
var init_handler = __esm({
  "workers/handler.ts"() {
    init_machine();
    init_arena();
    init_errors();
    init_table();
    init_file();
    init_map();
    init_mod();
    init_constants();
  }
});

// workers/fanout.ts
var fanout_exports = {};
__export(fanout_exports, {
  batchedLoader: () => batchedLoader,
  loadPooled: () => loadPooled,
  resolvePooled: () => resolvePooled
});







var shared, nextTableId;
var init_fanout = __esm({
  "workers/fanout.ts"() {
    init_errors();
    init_table();
    init_names();
    init_handler();
    shared = /* @__PURE__ */ new WeakMap();
    nextTableId = 1;
  }
});

// workers/claims.ts



var init_claims = __esm({
  "workers/claims.ts"() {
  }
});

// workers/pool.ts
var pool_exports = {};
__export(pool_exports, {
  WorkerPool: () => WorkerPool
});

var WORKER_URL, DEFAULT_TIMEOUT_MS, DEFAULT_BOOT_TIMEOUT_MS, WorkerPool;
var init_pool = __esm({
  "workers/pool.ts"() {
    init_claims();
    WORKER_URL = new URL(import.meta.url.endsWith(".ts") ? "./resolver_worker.ts" : "./workers/resolver_worker.js", import.meta.url);
    DEFAULT_TIMEOUT_MS = 2e4;
    DEFAULT_BOOT_TIMEOUT_MS = 12e4;
    WorkerPool = class _WorkerPool {
      #slots;
      #timeoutMs;
      #bootTimeoutMs;
      #jobs = /* @__PURE__ */ new Map();
      #nextJob = 1;
      constructor(size, opts) {
        const url = opts.workerUrl ?? WORKER_URL;
        this.#timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
        this.#bootTimeoutMs = opts.bootTimeoutMs ?? DEFAULT_BOOT_TIMEOUT_MS;
        this.#slots = Array.from({
          length: size
        }, (_, i) => this.#spawn(url, i));
      }
      /**
       * Starts `size` workers now (default: the hardware concurrency); their start-up
       * runs on their own threads while the caller goes on.
       */
      static start(size = navigator.hardwareConcurrency, opts = {}) {
        if (!Number.isInteger(size) || size < 1) throw new RangeError(`pool size ${size} must be \u2265 1`);
        return new _WorkerPool(size, opts);
      }
      /** Number of workers started. */
      get size() {
        return this.#slots.length;
      }
      #spawn(url, index) {
        const slot = {
          index,
          worker: new Worker(url, {
            type: "module"
          }),
          dead: null,
          ready: false
        };
        slot.cancelBoot = after(this.#bootTimeoutMs, () => this.#kill(slot, `worker did not start within ${this.#bootTimeoutMs} ms`));
        slot.worker.onmessage = (event2) => this.#onReply(slot, event2.data);
        slot.worker.onerror = (event2) => {
          event2.preventDefault();
          after(10, () => this.#kill(slot, `worker died: ${event2.message}`));
        };
        slot.worker.onmessageerror = () => this.#kill(slot, "worker sent an unreadable message");
        return slot;
      }
      #onReply(slot, reply) {
        if (reply.kind === "ready") {
          slot.cancelBoot?.();
          slot.ready = true;
          for (const job2 of this.#jobs.values()) this.#arm(job2, slot);
          return;
        }
        const job = this.#jobs.get(reply.job);
        if (!job) return;
        if (reply.kind === "item") {
          this.#record(job, reply.index, reply.result);
          this.#arm(job, slot);
        } else {
          job.timers.get(slot.index)?.();
          job.timers.delete(slot.index);
        }
        this.#settle(job);
      }
      /** (Re)starts the hang timer of `slot` for `job` (once the worker has started). */
      #arm(job, slot) {
        if (!slot.ready) return;
        job.timers.get(slot.index)?.();
        job.timers.set(slot.index, after(this.#timeoutMs, () => this.#kill(slot, `worker did not answer within ${this.#timeoutMs} ms`)));
      }
      #record(job, index, result2) {
        if (job.results[index] !== void 0) return;
        job.results[index] = result2;
        job.open--;
      }
      /** Finishes `job` when every item has a result, or can never get one. */
      #settle(job) {
        const count2 = job.results.length;
        const unclaimed = Atomics.load(job.claims, 0) < count2;
        if (unclaimed && !this.#slots.some((s) => !s.dead)) {
          const reasons = [
            ...new Set(this.#slots.map((s) => s.dead))
          ].join("; ");
          for (let i = 0; i < count2; i++) {
            this.#record(job, i, new Error(`no live workers (${reasons})`));
          }
        }
        if (job.open > 0) return;
        for (const cancel of job.timers.values()) cancel();
        job.finish();
      }
      #kill(slot, reason2) {
        if (slot.dead) return;
        slot.dead = reason2;
        slot.cancelBoot?.();
        slot.worker.terminate();
        for (const job of this.#jobs.values()) {
          job.timers.get(slot.index)?.();
          job.timers.delete(slot.index);
          const claimed = Math.min(Atomics.load(job.claims, 0), job.results.length);
          for (let i = 0; i < claimed; i++) {
            const claimant = Atomics.load(job.claims, 1 + i);
            if (claimant === slot.index + 1 || claimant === 0) this.#record(job, i, new Error(reason2));
          }
          this.#settle(job);
        }
      }
      /**
       * Shares the items of `task` between the live workers and, when `runLocal` is given, the
       * main thread; resolves with each item's result (an Error for an item a worker failed).
       */
      async share(task2, runLocal) {
        const count2 = itemCount(task2);
        const claimsBuffer = newClaims(count2);
        const id = this.#nextJob++;
        let finish;
        const finished = new Promise((resolve) => finish = resolve);
        const job = {
          claims: new Int32Array(claimsBuffer),
          results: new Array(count2).fill(void 0),
          open: count2,
          timers: /* @__PURE__ */ new Map(),
          finish
        };
        this.#jobs.set(id, job);
        try {
          for (const slot of this.#slots.filter((s) => !s.dead)) {
            const request = {
              kind: "share",
              job: id,
              slot: slot.index,
              claims: claimsBuffer,
              task: task2
            };
            slot.worker.postMessage(request);
            this.#arm(job, slot);
          }
          if (runLocal) {
            for (let i; (i = claimNext(job.claims, count2, -1)) >= 0; ) this.#record(job, i, runLocal(i));
          }
          this.#settle(job);
          await finished;
          return job.results;
        } finally {
          for (const cancel of job.timers.values()) cancel();
          this.#jobs.delete(id);
        }
      }
      /** Terminates every worker. */
      close() {
        for (const slot of this.#slots) this.#kill(slot, "pool closed");
      }
    };
  }
});

// cli/batch.ts













var DEFAULT_BTF_PATH, COST;
var init_batch = __esm({
  "cli/batch.ts"() {
    init_arena();
    init_errors();
    init_entries();
    init_memo();
    init_sidecar();
    init_image2();
    init_map();
    init_json();
    init_machine();
    init_io();
    DEFAULT_BTF_PATH = HOST_BTF_PATH;
    COST = {
      MS_PER_MB: 1.2,
      MS_PER_KERNEL: 1.5,
      WORKER_BLOCK_MS: 25,
      WORKER_BOOT_MS: 150,
      ELF_BTF_MB: 6,
      MARGIN: 0.85
    };
  }
});

// cli/kernel.ts
var kernel_exports = {};
__export(kernel_exports, {
  EXIT_REQUIRE: () => EXIT_REQUIRE,
  KERNEL_COMMAND: () => KERNEL_COMMAND,
  runKernel: () => runKernel
});







var EXIT_REQUIRE, KERNEL_COMMAND;
var init_kernel2 = __esm({
  "cli/kernel.ts"() {
    init_json();
    init_human();
    init_mod();
    init_paths();
    init_io();
    init_command();
    init_suggest();
    init_batch();
    EXIT_REQUIRE = 3;
    KERNEL_COMMAND = command({
      name: "kernel",
      get help() {
        return kernelHelp();
      },
      options: {
        ...LOAD_OPTIONS,
        group: {
          type: "string",
          multiple: true
        },
        require: {
          type: "string",
          multiple: true
        }
      },
      run: (paths, v, io) => runKernel(paths, {
        ...loadOptions(v),
        json: v.json ?? false,
        groups: v.group ?? [],
        require: v.require ?? []
      }, io)
    });
  }
});

// query/size.ts

var MAX_DEPTH, POINTER_SIZE_UNKNOWN;
var init_size = __esm({
  "query/size.ts"() {
    init_errors();
    init_kinds();
    init_machine();
    init_machine();
    MAX_DEPTH = 64;
    POINTER_SIZE_UNKNOWN = "btf: the pointer size cannot be told (no INT of 4 or 8 bytes named long or unsigned long)";
  }
});

// query/members.ts



var init_members = __esm({
  "query/members.ts"() {
    init_errors();
    init_kinds();
    init_queries();
    init_table();
    init_size();
  }
});

// query/type_name.ts




var MAX_DEPTH2;
var init_type_name = __esm({
  "query/type_name.ts"() {
    init_kinds();
    MAX_DEPTH2 = 32;
  }
});

// query/layout.ts




var MAX_DEPTH3;
var init_layout = __esm({
  "query/layout.ts"() {
    init_errors();
    init_kinds();
    init_queries();
    init_table();
    init_members();
    init_size();
    init_type_name();
    MAX_DEPTH3 = 32;
  }
});

// report/layout.ts









var TYPE_WIDTH, DECL_WIDTH;
var init_layout2 = __esm({
  "report/layout.ts"() {
    init_errors();
    TYPE_WIDTH = 26;
    DECL_WIDTH = 48;
  }
});

// cli/one_kernel.ts




var ONE_KERNEL_OPTIONS, ONE_KERNEL_HELP;
var init_one_kernel = __esm({
  "cli/one_kernel.ts"() {
    init_errors();
    init_command();
    init_io();
    init_batch();
    ONE_KERNEL_OPTIONS = {
      ...LOAD_OPTIONS,
      kernel: {
        type: "string",
        short: "k"
      }
    };
    ONE_KERNEL_HELP = `  -k, --kernel PATH  the kernel to read: raw BTF, ELF vmlinux, '-' for standard
                   input, or a cache key; default ${DEFAULT_BTF_PATH}
${LOAD_OPTIONS_HELP}`;
  }
});

// cli/struct.ts
var struct_exports = {};
__export(struct_exports, {
  STRUCT_COMMAND: () => STRUCT_COMMAND
});

var HELP, STRUCT_COMMAND;
var init_struct = __esm({
  "cli/struct.ts"() {
    init_errors();
    init_queries();
    init_members();
    init_layout();
    init_layout2();
    init_command();
    init_io();
    init_one_kernel();
    HELP = `Usage: ktstr-btf struct NAME... [options]

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
    STRUCT_COMMAND = command({
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
          values: layouts,
          json: layoutJson,
          text: renderLayout,
          missing
        };
        return printAnswers(kernel, v.json ?? false, "structs", answers, io);
      }
    });
  }
});

// query/path.ts



var init_path = __esm({
  "query/path.ts"() {
    init_errors();
    init_kinds();
    init_queries();
    init_members();
    init_size();
    init_type_name();
  }
});

// report/path.ts




var init_path2 = __esm({
  "report/path.ts"() {
    init_errors();
  }
});

// cli/offset.ts
var offset_exports = {};
__export(offset_exports, {
  OFFSET_COMMAND: () => OFFSET_COMMAND
});
var HELP2, OFFSET_COMMAND;
var init_offset = __esm({
  "cli/offset.ts"() {
    init_path();
    init_path2();
    init_command();
    init_io();
    init_one_kernel();
    HELP2 = `Usage: ktstr-btf offset EXPR... [options]

Resolves each member path EXPR and prints its offset, size, C type and the
struct.member chain it went through. EXPR is a struct name followed by .member,
[index] and ->member steps:
  rq.scx.local_dsq.nr         members, through anonymous structs and unions
  kernel_cpustat.cpustat[5]   an array element
  rq.curr->scx.dsq_vtime      '->' follows a pointer: the offset of curr in rq,
                              then the offset of scx.dsq_vtime in task_struct
Lookups follow the groups' rules (docs/DESIGN.md: Lookup rules): the first struct of the name, members
found as member_offset finds them. Quote EXPRs with '->' or '[' in a shell.

Options:
${ONE_KERNEL_HELP}

Exit codes: 0 every EXPR resolved, 1 an EXPR did not resolve or the kernel failed
to load, 2 usage error.

${ENVIRONMENT_HELP}
`;
    OFFSET_COMMAND = command({
      name: "offset",
      help: HELP2,
      options: ONE_KERNEL_OPTIONS,
      async run(exprs, v, io) {
        if (exprs.length === 0) throw new UsageError("offset needs an EXPR");
        const kernel = await loadOne(v, io);
        if (!kernel) return 1;
        return answerEach(kernel, exprs, v.json ?? false, "paths", {
          answer: (types, arg) => resolvePath(types, arg),
          json: (arg, answer) => pathJson(arg, answer),
          text: (arg, answer) => renderPath(arg, answer)
        }, io);
      }
    });
  }
});

// query/enum.ts

var init_enum = __esm({
  "query/enum.ts"() {
    init_enums();
    init_errors();
    init_kinds();
  }
});

// report/enum.ts





var init_enum2 = __esm({
  "report/enum.ts"() {
    init_errors();
  }
});

// cli/enum.ts
var enum_exports = {};
__export(enum_exports, {
  ENUM_COMMAND: () => ENUM_COMMAND
});
var HELP3, ENUM_COMMAND;
var init_enum3 = __esm({
  "cli/enum.ts"() {
    init_enum();
    init_enum2();
    init_command();
    init_io();
    init_one_kernel();
    HELP3 = `Usage: ktstr-btf enum NAME|ENUMERATOR... [options]

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
    ENUM_COMMAND = command({
      name: "enum",
      help: HELP3,
      options: ONE_KERNEL_OPTIONS,
      async run(names, v, io) {
        if (names.length === 0) throw new UsageError("enum needs a NAME or ENUMERATOR");
        const kernel = await loadOne(v, io);
        if (!kernel) return 1;
        return answerEach(kernel, names, v.json ?? false, "results", {
          answer: (types, arg) => lookupEnum(types, arg),
          json: (_arg, answer) => enumJson(answer),
          text: (_arg, answer) => renderEnum(answer)
        }, io);
      }
    });
  }
});

// query/diff.ts







var init_diff = __esm({
  "query/diff.ts"() {
    init_fields();
    init_paths();
  }
});

// report/diff.ts




var MAX_PATH_WIDTH;
var init_diff2 = __esm({
  "report/diff.ts"() {
    init_errors();
    init_layout2();
    MAX_PATH_WIDTH = 44;
  }
});

// cli/diff.ts
var diff_exports = {};
__export(diff_exports, {
  DIFF_COMMAND: () => DIFF_COMMAND,
  EXIT_DIFFER: () => EXIT_DIFFER,
  EXIT_TROUBLE: () => EXIT_TROUBLE
});

var EXIT_DIFFER, EXIT_TROUBLE, HELP4, DIFF_COMMAND;
var init_diff3 = __esm({
  "cli/diff.ts"() {
    init_queries();
    init_errors();
    init_diff();
    init_layout();
    init_diff2();
    init_json();
    init_names();
    init_command();
    init_io();
    init_batch();
    EXIT_DIFFER = 1;
    EXIT_TROUBLE = 2;
    HELP4 = `Usage: ktstr-btf diff A B [C...] [options]

Shows what changed from kernel A to kernel B (then B to C, ...): every offset group
leaf, the groups missing on one side, and with --struct the layouts of those structs.
Each change is moved, added, removed or resized, with the struct.member it reads.
A, B, ... are raw BTF, ELF vmlinux, vmlinuz, '-' for standard input, or cache keys.

Options:
  --struct NAME    also compare this struct's layout, member by member (repeatable)
${LOAD_OPTIONS_HELP}

Exit codes: 0 the kernels are identical, 1 they differ, 2 error (usage, or a kernel
failed to load).

${ENVIRONMENT_HELP}
`;
    DIFF_COMMAND = command({
      name: "diff",
      help: HELP4,
      options: {
        ...LOAD_OPTIONS,
        struct: {
          type: "string",
          multiple: true
        }
      },
      async run(paths, v, io) {
        if (paths.length < 2) throw new UsageError("diff needs two kernels, A and B");
        const structs = v.struct ?? [];
        const keep = structs.length > 0;
        const outcomes = await loadKernels(paths, loadOptions(v), [
          ...GROUP_NAMES
        ], io, keep);
        const failed = outcomes.filter((o) => "error" in o);
        if (failed.length > 0) {
          for (const o of failed) if ("error" in o) complain(io, o.error);
          if (v.json) {
            const entries = outcomes.map((o) => "error" in o ? errorEntry(o.path, o.error) : o.source);
            writeJson(io, {
              kernels: entries
            });
          }
          return EXIT_TROUBLE;
        }
        const kernels = outcomes.flatMap((o) => "error" in o ? [] : [
          o
        ]);
        const diffs = [];
        for (let i = 1; i < kernels.length; i++) {
          const a = kernels[i - 1], b = kernels[i];
          const changes = diffReports(a.resolved, b.resolved);
          for (const name of structs) {
            changes.push(...diffLayouts(name, layoutOf(a.types, name), layoutOf(b.types, name)));
          }
          diffs.push({
            from: a.source.path,
            to: b.source.path,
            changes
          });
        }
        if (v.json) {
          const kernelSources = kernels.map((k) => k.source);
          writeJson(io, {
            kernels: kernelSources,
            diffs: diffs.map(diffJson)
          });
        } else {
          io.out(diffs.map(renderDiff).join("\n"));
        }
        return diffs.some((d) => d.changes.length > 0) ? EXIT_DIFFER : 0;
      }
    });
  }
});

// guest/errors.ts

var GuestError;
var init_errors2 = __esm({
  "guest/errors.ts"() {
    init_errors();
    GuestError = class extends BtfError {
    };
  }
});

// guest/kallsyms.ts














var MAX_SYMS, U64, HASH_MUL;
var init_kallsyms = __esm({
  "guest/kallsyms.ts"() {
    init_errors2();
    MAX_SYMS = 4e6;
    U64 = (1n << 64n) - 1n;
    HASH_MUL = 16777619;
  }
});

// guest/vmcoreinfo.ts





var LINE, MAX_TEXT, PAGE3, TEXT_OFFSETS, FIRST_LINE, O, SCAN_CHUNK, FOUR_GIB;
var init_vmcoreinfo = __esm({
  "guest/vmcoreinfo.ts"() {
    init_errors2();
    LINE = /^([A-Z][A-Z0-9_]*(?:\([^)=\n]*\))?)=([^\n]*)$/;
    MAX_TEXT = 4096;
    PAGE3 = 4096;
    TEXT_OFFSETS = [
      0,
      24
    ];
    FIRST_LINE = new TextEncoder().encode("OSRELEASE=");
    O = FIRST_LINE[0];
    SCAN_CHUNK = 8 << 20;
    FOUR_GIB = 2 ** 32;
  }
});

// guest/view.ts
var U642, latin1, GuestView;
var init_view = __esm({
  "guest/view.ts"() {
    init_errors();
    init_path();
    U642 = (1n << 64n) - 1n;
    latin1 = new TextDecoder("latin1");
    GuestView = class {
      #types;
      #read;
      #fields = /* @__PURE__ */ new Map();
      /** A view of memory `read` returns, laid out by `types`. */
      constructor(types, read) {
        this.#types = types;
        this.#read = read;
      }
      /** The raw read this view goes through. */
      bytes(va, length) {
        return this.#read(va & U642, length);
      }
      /** Where `path` (`struct.member…`) is; throws the lookup's BtfError when it is not. */
      field(path) {
        let f = this.#fields.get(path);
        if (f === void 0) {
          try {
            const r = resolvePath(this.#types, path);
            f = {
              offset: r.offset,
              size: r.size
            };
          } catch (err) {
            if (!(err instanceof BtfError)) throw err;
            f = err;
          }
          this.#fields.set(path, f);
        }
        if (f instanceof BtfError) throw f;
        return f;
      }
      /** Whether `path` resolves in this kernel. */
      has(path) {
        try {
          this.field(path);
          return true;
        } catch {
          return false;
        }
      }
      /** The address of `path`'s member in the struct at `base`. */
      addr(base, path) {
        return base + BigInt(this.field(path).offset) & U642;
      }
      /** An unsigned integer of `size` bytes at `va`. */
      unsigned(va, size) {
        const b = this.bytes(va, size);
        let v = 0n;
        for (let i = size - 1; i >= 0; i--) v = v << 8n | BigInt(b[i]);
        return v;
      }
      /** A 32-bit unsigned integer at `va`. */
      u32(va) {
        return this.unsigned(va, 4);
      }
      /** `count` 64-bit unsigned integers from `va`. */
      u64Array(va, count2) {
        const b = this.bytes(va, 8 * count2).slice();
        return Array.from(new BigUint64Array(b.buffer, 0, count2));
      }
      /** `path`'s member of the struct at `base`, unsigned, at its size. */
      uint(base, path) {
        const f = this.field(path);
        return this.unsigned(base + BigInt(f.offset) & U642, Math.min(f.size, 8));
      }
      /** `path`'s member of the struct at `base`, signed (two's complement at its size). */
      int(base, path) {
        const f = this.field(path), size = Math.min(f.size, 8);
        return BigInt.asIntN(size * 8, this.unsigned(base + BigInt(f.offset) & U642, size));
      }
      /** `path`'s pointer member of the struct at `base`. */
      pointer(base, path) {
        return this.uint(base, path);
      }
      /** `path`'s `char[]` member of the struct at `base`, up to its first NUL. */
      string(base, path) {
        const f = this.field(path);
        const b = this.bytes(base + BigInt(f.offset) & U642, f.size);
        const end = b.indexOf(0);
        return latin1.decode(end < 0 ? b : b.subarray(0, end));
      }
    };
  }
});

// guest/x86_64.ts

var START_KERNEL_MAP, KERNEL_IMAGE_SIZE, PAGE4, ADDR_MASK, PRESENT, HUGE, U643, X86Translator;
var init_x86_64 = __esm({
  "guest/x86_64.ts"() {
    init_errors2();
    START_KERNEL_MAP = 0xffffffff80000000n;
    KERNEL_IMAGE_SIZE = 1n << 30n;
    PAGE4 = 4096;
    ADDR_MASK = 0x000ffffffffff000n;
    PRESENT = 1n;
    HUGE = 1n << 7n;
    U643 = (1n << 64n) - 1n;
    X86Translator = class {
      #mem;
      #paging;
      #live;
      #tables = /* @__PURE__ */ new Map();
      #pages = /* @__PURE__ */ new Map();
      /** The root table, kept for a live guest. */
      #root;
      #directMap = null;
      /** Times the root table was read again after a failed walk (a live guest). */
      rootReloads = 0;
      /** A translator over `mem` for a kernel that maps as `paging` says. */
      constructor(mem, paging, options = {}) {
        this.#mem = mem;
        this.#paging = paging;
        this.#live = options.live ?? false;
        if (this.#live) this.#root = this.#readTable(paging.root);
      }
      /** The paging this translator walks. */
      get paging() {
        return this.#paging;
      }
      /** The direct map's base, when {@link setDirectMap} gave one. */
      get directMap() {
        return this.#directMap?.base ?? null;
      }
      /**
       * Translates the direct map (`base` up to `size` bytes of physical memory) by formula from
       * now on: a fast path the caller has checked against the page tables.
       */
      setDirectMap(base, size) {
        this.#directMap = {
          base,
          size
        };
      }
      /** Forgets the translations made so far (a live guest's next sample). */
      forget() {
        this.#pages.clear();
      }
      #readTable(pa) {
        return new BigUint64Array(this.#mem.read(pa, PAGE4).slice().buffer);
      }
      /** Entry `index` of the table at `table`, the level-`level` one. */
      #entry(table2, index, level) {
        if (!this.#live) {
          let t = this.#tables.get(table2);
          if (t === void 0) {
            t = this.#readTable(table2);
            this.#tables.set(table2, t);
          }
          return t[index];
        }
        if (level === this.#paging.levels) return this.#root[index];
        const b = this.#mem.read(table2 + 8 * index, 8);
        return new DataView(b.buffer, b.byteOffset, 8).getBigUint64(0, true);
      }
      #walkTables(va) {
        let table2 = this.#paging.root;
        for (let level = this.#paging.levels; level >= 1; level--) {
          const shift = 12n + 9n * BigInt(level - 1);
          const entry = this.#entry(table2, Number(va >> shift & 0x1ffn), level);
          if ((entry & PRESENT) === 0n) {
            throw new GuestError(`guest virtual address ${hex4(va)} is not mapped (level ${level})`);
          }
          if (level <= 3 && level >= 2 && (entry & HUGE) !== 0n) {
            const span = 1n << shift;
            return Number((entry & ADDR_MASK & ~(span - 1n)) + (va & span - 1n));
          }
          table2 = Number(entry & ADDR_MASK);
        }
        return table2 + Number(va & 0xfffn);
      }
      /** The physical address of `va` by a page-table walk; throws GuestError when unmapped. */
      walk(va) {
        const page = va >> 12n;
        const known = this.#pages.get(page);
        if (known !== void 0) return known + Number(va & 0xfffn);
        let pa;
        try {
          pa = this.#walkTables(va);
        } catch (err) {
          if (!this.#live || !(err instanceof GuestError)) throw err;
          const fresh = this.#readTable(this.#paging.root);
          this.rootReloads++;
          if (fresh.every((e, i) => e === this.#root[i])) throw err;
          this.#root = fresh;
          pa = this.#walkTables(va);
        }
        this.#pages.set(page, pa - Number(va & 0xfffn));
        return pa;
      }
      #direct(va) {
        if (this.#directMap === null) return null;
        const off = va - this.#directMap.base;
        return off >= 0n && off < BigInt(this.#directMap.size) ? Number(off) : null;
      }
      /**
       * The physical address of `va`: the image formula for the kernel image, the direct map's
       * once set, else a walk.
       */
      toPhys(va) {
        return imagePhys(va, this.#paging.physBase) ?? this.#direct(va) ?? this.walk(va);
      }
      /** Where `length` bytes at `va` start when they are physically contiguous by formula. */
      #contiguous(va, length) {
        const last = va + BigInt(length - 1) & U643;
        const image = imagePhys(va, this.#paging.physBase);
        if (image !== null && imagePhys(last, this.#paging.physBase) !== null) return image;
        const direct2 = this.#direct(va);
        return direct2 !== null && this.#direct(last) !== null ? direct2 : null;
      }
      /**
       * `length` bytes of guest virtual memory at `va`: one read where they are physically
       * contiguous (a page, the kernel image, the direct map), else page by page; throws
       * GuestError.
       */
      read(va, length) {
        va &= U643;
        if (length <= PAGE4 - Number(va & 0xfffn)) return this.#mem.read(this.toPhys(va), length);
        const at = this.#contiguous(va, length);
        if (at !== null) return this.#mem.read(at, length);
        const out = new Uint8Array(length);
        for (let done = 0; done < length; ) {
          const from = va + BigInt(done) & U643;
          const n = Math.min(length - done, PAGE4 - Number(from & 0xfffn));
          out.set(this.#mem.read(this.toPhys(from), n), done);
          done += n;
        }
        return out;
      }
      /** Fills `dest` from guest virtual memory at `va`, as {@link read} reads it. */
      readInto(va, dest) {
        va &= U643;
        const length = dest.length;
        if (length <= PAGE4 - Number(va & 0xfffn)) return this.#mem.readInto(this.toPhys(va), dest);
        const at = this.#contiguous(va, length);
        if (at !== null) return this.#mem.readInto(at, dest);
        dest.set(this.read(va, length));
      }
    };
  }
});

// guest/kernel.ts






var MAX_CPUS;
var init_kernel3 = __esm({
  "guest/kernel.ts"() {
    init_errors();
    init_table();
    init_errors2();
    init_kallsyms();
    init_vmcoreinfo();
    init_view();
    init_x86_64();
    MAX_CPUS = 8192;
  }
});

// guest/rq.ts




var CLASSES, SCHEDSTAT;
var init_rq = __esm({
  "guest/rq.ts"() {
    init_errors();
    init_constants();
    init_kernel3();
    CLASSES = [
      "stop",
      "dl",
      "rt",
      "fair",
      "ext",
      "idle"
    ];
    SCHEDSTAT = {
      run_delay: "rq.rq_sched_info.run_delay",
      pcount: "rq.rq_sched_info.pcount",
      yld_count: "rq.yld_count",
      sched_count: "rq.sched_count",
      sched_goidle: "rq.sched_goidle",
      ttwu_count: "rq.ttwu_count",
      ttwu_local: "rq.ttwu_local"
    };
  }
});

// report/rq.ts




var init_rq2 = __esm({
  "report/rq.ts"() {
  }
});

// guest/elf_core.ts



var PT_LOAD, PT_NOTE, ET_CORE, MAX_PHDRS, MAX_NOTES_BYTES;
var init_elf_core = __esm({
  "guest/elf_core.ts"() {
    init_elf();
    init_errors2();
    PT_LOAD = 1;
    PT_NOTE = 4;
    ET_CORE = 4;
    MAX_PHDRS = 65535;
    MAX_NOTES_BYTES = 64 << 20;
  }
});

// guest/physical.ts





var FOUR_GIB2;
var init_physical = __esm({
  "guest/physical.ts"() {
    init_errors2();
    FOUR_GIB2 = 2 ** 32;
  }
});

// guest/image.ts

var MIB, Q35_LOWMEM_THRESHOLD;
var init_image3 = __esm({
  "guest/image.ts"() {
    init_elf_core();
    init_errors2();
    init_physical();
    MIB = 1 << 20;
    Q35_LOWMEM_THRESHOLD = 2952790016;
  }
});

// guest/symbols_file.ts

var LINE2, IMAGE_START;
var init_symbols_file = __esm({
  "guest/symbols_file.ts"() {
    init_errors2();
    init_kallsyms();
    LINE2 = /^([0-9a-fA-F]{1,16})\s+(\S)\s+(\S+)(?:\s+\[\S+\])?\s*$/;
    IMAGE_START = 0xffffffff80000000n;
  }
});

// cli/guest_load.ts



var GUEST_OPTIONS, GUEST_OPTIONS_HELP, MEMORY_HELP;
var init_guest_load = __esm({
  "cli/guest_load.ts"() {
    init_errors();
    init_errors2();
    init_image3();
    init_kernel3();
    init_symbols_file();
    init_file();
    init_batch();
    init_io();
    GUEST_OPTIONS = {
      json: {
        type: "boolean"
      },
      kernel: {
        type: "string",
        short: "k"
      },
      symbols: {
        type: "string"
      }
    };
    GUEST_OPTIONS_HELP = `  -k, --kernel PATH  the guest kernel's BTF: raw BTF, ELF vmlinux, vmlinuz, a cache key;
                     default: the BTF the kernel keeps in its own memory
  --symbols FILE     /proc/kallsyms or System.map of the guest kernel; default:
                     kallsyms decoded from the guest's memory (Linux 6.0 and later)
  --json             JSON instead of the human report
  -h, --help         show this help`;
    MEMORY_HELP = `MEMORY is a QEMU dump-guest-memory ELF core (paging on or off), a kdump vmcore,
/proc/kcore, or a raw guest RAM file (QEMU memory-backend-file, share=on), recognised by
content. Nothing but the memory is needed: VMCOREINFO, the page tables, kallsyms and the
kernel's BTF are all found in it.`;
  }
});

// guest/lists.ts


var WALK_CAP;
var init_lists = __esm({
  "guest/lists.ts"() {
    init_errors();
    WALK_CAP = 4096;
  }
});

// guest/scx.ts








var U644, HZ_CHOICES, SCHED_VALUES;
var init_scx = __esm({
  "guest/scx.ts"() {
    init_errors();
    init_constants();
    init_mod();
    init_kernel3();
    init_lists();
    init_rq();
    U644 = (1n << 64n) - 1n;
    HZ_CHOICES = [
      100,
      250,
      300,
      1e3
    ];
    SCHED_VALUES = {
      aborting: {
        member: "scx_sched.aborting",
        symbol: "scx_aborting",
        size: 1,
        signed: false
      },
      bypass_depth: {
        member: "scx_sched.bypass_depth",
        symbol: "scx_bypass_depth",
        size: 4,
        signed: true
      },
      watchdog_timeout: {
        member: "scx_sched.watchdog_timeout",
        symbol: "scx_watchdog_timeout",
        size: 8,
        signed: false
      }
    };
  }
});

// guest/watch.ts













var READ_TRIES, STALL_SAMPLES, STALL_MIN_MS, DSQ_DEPTH_BOUND, U645, PAGE5, GIB, IMAGE_END, KERNEL_HALF, DEFAULT_DIRECT_MAP, DEFAULT_VMALLOC, VMALLOC_SIZE, SPAN_GAP, PID_MAX, MAX_BUCKETS, LiveMemory, Layout, latin12, RqWatcher, StallTracker, RqWatch, ScxWatch;
var init_watch = __esm({
  "guest/watch.ts"() {
    init_errors();
    init_constants();
    init_mod();
    init_errors2();
    init_kernel3();
    init_lists();
    init_rq();
    init_scx();
    init_x86_64();
    READ_TRIES = 4;
    STALL_SAMPLES = 3;
    STALL_MIN_MS = 100;
    DSQ_DEPTH_BOUND = 1e4;
    U645 = (1n << 64n) - 1n;
    PAGE5 = 4096;
    GIB = 1n << 30n;
    IMAGE_END = START_KERNEL_MAP + GIB;
    KERNEL_HALF = 0xff00000000000000n;
    DEFAULT_DIRECT_MAP = {
      4: 0xffff888000000000n,
      5: 0xff11000000000000n
    };
    DEFAULT_VMALLOC = {
      4: 0xffffc90000000000n,
      5: 0xffa0000000000000n
    };
    VMALLOC_SIZE = {
      4: 32n << 40n,
      5: 12800n << 40n
    };
    SPAN_GAP = 512;
    PID_MAX = 4194304;
    MAX_BUCKETS = 1 << 24;
    LiveMemory = class {
      /** The guest's physical memory. */
      memory;
      /** Paging levels. */
      levels;
      /** `phys_base`. */
      physBase;
      /** The root table's physical address. */
      root;
      /** The end of the highest physical range. */
      physEnd;
      /** The direct map's base, checked against the page tables; null when it could not be told. */
      directMap;
      /** The vmalloc area (`vmalloc_base`, else the default of the paging mode). */
      vmalloc;
      /** Physical reads made (each is one pread of a file). */
      physicalReads = 0;
      #counted;
      #translator;
      /** Reads `memory` as `kernel` maps it. */
      constructor(kernel, memory) {
        this.memory = memory;
        ({ levels: this.levels, physBase: this.physBase, root: this.root } = kernel.paging);
        this.physEnd = Math.max(...memory.ranges.map((r) => r.start + r.size));
        this.#counted = {
          ranges: memory.ranges,
          read: (pa, length) => (this.physicalReads++, memory.read(pa, length)),
          readInto: (pa, dest) => (this.physicalReads++, memory.readInto(pa, dest))
        };
        this.#translator = new X86Translator(this.#counted, kernel.paging, {
          live: true
        });
        this.directMap = this.#findDirectMap(kernel);
        if (this.directMap !== null) this.#translator.setDirectMap(this.directMap, this.physEnd);
        const vmalloc = this.#symbolU64(kernel, "vmalloc_base") ?? DEFAULT_VMALLOC[this.levels];
        this.vmalloc = {
          start: vmalloc,
          end: vmalloc + VMALLOC_SIZE[this.levels]
        };
        this.#translator.forget();
      }
      /** Times the root table was read again after a failed walk. */
      get rootReloads() {
        return this.#translator.rootReloads;
      }
      #symbolU64(kernel, name) {
        const va = kernel.symbols.address(name);
        const pa = va === void 0 ? null : imagePhys(va, this.physBase);
        if (pa === null) return void 0;
        try {
          return new DataView(this.readPhys(pa, 8).slice().buffer).getBigUint64(0, true);
        } catch (err) {
          if (isGuestReadError(err)) return void 0;
          throw err;
        }
      }
      /**
       * The direct map's base: `page_offset_base`, else what a walk of CPU 0's run queue implies,
       * else the default; the first that maps the root table's page and the kernel image's first
       * page where the formula says.
       */
      #findDirectMap(kernel) {
        const candidates = [];
        const pob = this.#symbolU64(kernel, "page_offset_base");
        if (pob !== void 0) candidates.push(pob);
        try {
          const rq2 = perCpuAddress(kernel, "runqueues", kernel.cpus[0]);
          if (!this.inImage(rq2)) candidates.push(rq2 - BigInt(this.walk(rq2)) & U645);
        } catch (err) {
          if (!isGuestReadError(err)) throw err;
        }
        candidates.push(DEFAULT_DIRECT_MAP[this.levels]);
        const stext = kernel.symbols.address("_stext");
        const probes = [
          this.root
        ];
        const imagePa = stext === void 0 ? null : imagePhys(stext, this.physBase);
        if (imagePa !== null) probes.push(imagePa & ~(PAGE5 - 1));
        for (const base of candidates) {
          if ((base & GIB - 1n) !== 0n || base < KERNEL_HALF) continue;
          const fits = probes.every((pa) => {
            try {
              return this.walk(base + BigInt(pa)) === pa;
            } catch (err) {
              if (isGuestReadError(err)) return false;
              throw err;
            }
          });
          if (fits) return base;
        }
        return null;
      }
      /** Forgets this sample's translations (outside the image and the direct map). */
      newSample() {
        this.#translator.forget();
      }
      /** Whether `va` is in the kernel image's mapping. */
      inImage(va) {
        return va >= START_KERNEL_MAP && va < IMAGE_END;
      }
      /** Whether `va` is in the direct map (any kernel-half address when its base is unknown). */
      inDirectMap(va) {
        if (this.directMap === null) return va >= KERNEL_HALF;
        return va >= this.directMap && va < this.directMap + BigInt(this.physEnd);
      }
      /** Whether `va` may be a kernel pointer: the direct map, the image or vmalloc. */
      plausible(va) {
        return this.inDirectMap(va) || this.inImage(va) || va >= this.vmalloc.start && va < this.vmalloc.end;
      }
      /** Whether `va` may point at a task_struct (slab, in the direct map; init_task in the image). */
      taskPointer(va) {
        return (va & 7n) === 0n && (this.inDirectMap(va) || this.inImage(va));
      }
      /** The physical address of `va`; throws GuestError when it is not mapped. */
      phys(va) {
        return this.#translator.toPhys(va);
      }
      /** The physical address of `va` by a page-table walk; the root is re-read once on failure. */
      walk(va) {
        return this.#translator.walk(va);
      }
      /** `length` bytes at guest physical `pa` (one read). */
      readPhys(pa, length) {
        return this.#counted.read(pa, length);
      }
      /** Fills `dest` from guest physical `pa` (one read, no new array). */
      readPhysInto(pa, dest) {
        this.#counted.readInto(pa, dest);
      }
      /** Fills `dest` from kernel address `va`: one read where it is physically contiguous. */
      readInto(va, dest) {
        this.#translator.readInto(va, dest);
      }
      /** `length` bytes at kernel address `va`: one read where it is physically contiguous. */
      read(va, length) {
        return this.#translator.read(va, length);
      }
      /** The 8-byte word at `va`. */
      u64(va) {
        const b = this.read(va, 8);
        return new DataView(b.buffer, b.byteOffset, 8).getBigUint64(0, true);
      }
    };
    Layout = class {
      slots = [];
      spans = [];
      size = 0;
      slot(field) {
        const s = {
          offset: field.offset,
          size: field.size
        };
        this.slots.push(s);
        return s;
      }
      /** Merges the members into spans (members closer than SPAN_GAP share one). */
      finish() {
        const sorted = [
          ...this.slots
        ].sort((a, b) => a.offset - b.offset);
        this.spans = [];
        for (const s of sorted) {
          const end = s.offset + Math.max(s.size, 1), last = this.spans.at(-1);
          if (last && s.offset <= last.end + SPAN_GAP) last.end = Math.max(last.end, end);
          else this.spans.push({
            start: s.offset,
            end
          });
        }
        this.size = Math.max(0, ...this.spans.map((s) => s.end));
        return this;
      }
      buffer() {
        const bytes = new Uint8Array(this.size);
        return {
          bytes,
          view: new DataView(bytes.buffer)
        };
      }
      /** Reads the struct at `va` into `buf`. */
      fill(live, va, buf) {
        for (const s of this.spans) {
          live.readInto(va + BigInt(s.start) & U645, buf.bytes.subarray(s.start, s.end));
        }
      }
    };
    latin12 = new TextDecoder("latin1");
    RqWatcher = class {
      /** Part → why this kernel lacks it (as `readRunQueues` says it). */
      missing = {};
      #live;
      #tries;
      #plans;
      #rq = new Layout();
      #task = new Layout();
      #s;
      #cpustat = null;
      #classes = /* @__PURE__ */ new Map();
      #bufs;
      #rqSlots;
      /** A watcher of `cpus`' run queues reading `parts`. */
      constructor(kernel, live, cpus, parts, tries = READ_TRIES) {
        const { view } = kernel;
        this.#live = live;
        this.#tries = Math.max(2, tries);
        const rq2 = this.#rq;
        const opt = (part, fn) => optional2(this.missing, part, fn);
        const core = {
          nr: rq2.slot(view.field("rq.nr_running")),
          clock: rq2.slot(view.field("rq.clock")),
          cpu: view.has("rq.cpu") ? rq2.slot(view.field("rq.cpu")) : null,
          curr: parts.curr ? rq2.slot(view.field("rq.curr")) : null
        };
        let scx = null;
        if (parts.scx) {
          const kick = view.has("scx_rq.kick_sync") ? "rq.scx.kick_sync" : "rq.scx.pnt_seq";
          const paths = [
            "rq.scx.nr_running",
            "rq.scx.flags",
            "rq.scx.cpu_released",
            kick,
            "rq.scx.local_dsq.nr"
          ];
          const fields2 = opt("scx", () => paths.map((p) => view.field(p)));
          scx = fields2 && fields2.map((f) => rq2.slot(f));
        }
        let stat = null;
        let cpustatAt = null;
        if (parts.counters) {
          const fields2 = opt("schedstat", () => Object.entries(SCHEDSTAT).map(([k, p]) => [
            k,
            view.field(p)
          ]));
          stat = fields2 && fields2.map(([k, f]) => [
            k,
            rq2.slot(f)
          ]);
          cpustatAt = opt("cpustat", () => ({
            symbol: needSymbol(kernel.symbols, "kernel_cpustat"),
            field: view.field("kernel_cpustat.cpustat")
          }));
          if (cpustatAt) {
            const indexes = kernelConstants(kernel.types).constants;
            this.#cpustat = Object.keys(CPUTIME).filter((n) => 8 * (indexes[n] + 1) <= cpustatAt.field.size).map((n) => [
              n.slice("CPUTIME_".length).toLowerCase(),
              8 * indexes[n]
            ]);
          }
        }
        rq2.finish();
        this.#rqSlots = [
          ...rq2.slots
        ];
        this.#s = {
          ...core,
          scx,
          stat
        };
        if (parts.curr) {
          this.#s.pid = this.#task.slot(view.field("task_struct.pid"));
          this.#s.comm = this.#task.slot(view.field("task_struct.comm"));
          this.#s.cls = this.#task.slot(view.field("task_struct.sched_class"));
        }
        this.#task.finish();
        for (const c of CLASSES) {
          const va = kernel.symbols.address(`${c}_sched_class`);
          if (va !== void 0) this.#classes.set(va, c);
        }
        const cpustatSize = cpustatAt ? cpustatAt.field.size : 0;
        this.#plans = cpus.map((cpu) => {
          const rqVa = perCpuAddress(kernel, "runqueues", cpu);
          let cpustat = null;
          if (cpustatAt) {
            const va = cpustatAt.symbol + kernel.perCpuOffset(cpu) + BigInt(cpustatAt.field.offset) & U645;
            cpustat = chunksOf(live, va, [
              {
                start: 0,
                end: cpustatSize
              }
            ]);
          }
          return {
            cpu,
            rq: chunksOf(live, rqVa, rq2.spans),
            cpustat
          };
        });
        const bufs = () => {
          const bytes = new Uint8Array(cpustatSize);
          return {
            rq: rq2.buffer(),
            task: this.#task.buffer(),
            cpustat: {
              bytes,
              view: new DataView(bytes.buffer)
            }
          };
        };
        this.#bufs = [
          bufs(),
          bufs()
        ];
      }
      /** The CPUs watched, in order. */
      get cpus() {
        return this.#plans.map((p) => p.cpu);
      }
      /** Reads every watched CPU's row (validated, or why not). */
      sample() {
        return this.#plans.map((p) => this.#readCpu(p));
      }
      #readCpu(p) {
        let prev = null, why = "";
        for (let i = 0; i < this.#tries; i++) {
          const cur = this.#bufs[i & 1];
          const bad = this.#readOnce(p, cur);
          if (bad !== null) {
            why = bad;
            prev = null;
            continue;
          }
          if (prev !== null && this.#same(prev, cur)) return {
            cpu: p.cpu,
            row: this.#decode(p, cur)
          };
          prev = cur;
          why = `its values changed between ${i + 1} reads`;
        }
        return {
          cpu: p.cpu,
          unstable: why
        };
      }
      /** One read of a CPU's row; null when it makes sense, else why not. */
      #readOnce(p, b) {
        const s = this.#s, live = this.#live;
        try {
          fillChunks(live, p.rq, b.rq);
          if (s.cpu !== null) {
            const said = int(b.rq, s.cpu);
            if (said !== p.cpu) return `rq->cpu reads ${said}`;
          }
          if (s.curr !== null) {
            const curr = uint(b.rq, s.curr);
            if (!live.taskPointer(curr)) {
              return `curr ${hex4(curr)} is neither in the direct map nor in the kernel image`;
            }
            this.#task.fill(live, curr, b.task);
            const pid = int(b.task, s.pid);
            if (pid < 0 || pid > PID_MAX) return `curr's pid reads ${pid}`;
            if (printableString(b.task, s.comm) === null) return "curr's comm is not printable";
            if (!live.inImage(uint(b.task, s.cls))) return "curr's sched_class is not in the image";
          }
          if (p.cpustat !== null) fillChunks(live, p.cpustat, b.cpustat);
          return null;
        } catch (err) {
          if (isGuestReadError(err)) return err.message;
          throw err;
        }
      }
      #same(a, b) {
        if (!sameSlots(a.rq, b.rq, this.#rqSlots)) return false;
        if (this.#s.curr !== null && !sameSlots(a.task, b.task, this.#task.slots)) return false;
        return this.#cpustat === null || sameBytes(a.cpustat, b.cpustat);
      }
      #decode(p, b) {
        const s = this.#s;
        let curr = null;
        if (s.curr !== null) {
          const cls = uint(b.task, s.cls);
          curr = {
            pid: int(b.task, s.pid),
            comm: printableString(b.task, s.comm),
            class: this.#classes.get(cls) ?? hex4(cls)
          };
        }
        const x = s.scx;
        return {
          cpu: p.cpu,
          nr_running: num(b.rq, s.nr),
          clock: cnt(b.rq, s.clock),
          curr,
          scx: x === null ? null : {
            nr_running: num(b.rq, x[0]),
            flags: num(b.rq, x[1]),
            cpu_released: uint(b.rq, x[2]) !== 0n,
            kick_sync: cnt(b.rq, x[3]),
            local_dsq: {
              nr: num(b.rq, x[4])
            }
          },
          schedstat: s.stat === null ? null : Object.fromEntries(s.stat.map(([k, slot]) => [
            k,
            cnt(b.rq, slot)
          ])),
          cpustat: this.#cpustat === null ? null : Object.fromEntries(this.#cpustat.map(([k, off]) => [
            k,
            cnt(b.cpustat, {
              offset: off,
              size: 8
            })
          ]))
        };
      }
    };
    StallTracker = class {
      #samples;
      #minMs;
      #state = /* @__PURE__ */ new Map();
      /** A tracker flagging after `samples` unmoved samples spanning at least `minMs` ms. */
      constructor(samples = STALL_SAMPLES, minMs = STALL_MIN_MS) {
        this.#samples = samples;
        this.#minMs = minMs;
      }
      /** Takes CPU `cpu`'s reading at time `t` (ms). */
      update(cpu, t, nrRunning, clock) {
        const s = this.#state.get(cpu);
        if (s === void 0 || s.clock !== clock) {
          this.#state.set(cpu, {
            clock,
            same: 0,
            since: t
          });
          return {
            stalled: false,
            samples: 0,
            ms: 0
          };
        }
        s.same++;
        const ms = t - s.since;
        return {
          stalled: nrRunning > 0 && s.same >= this.#samples && ms >= this.#minMs,
          samples: s.same,
          ms
        };
      }
    };
    RqWatch = class {
      /** The live reads. */
      live;
      #rows;
      #stalls;
      #bound;
      /** Prepares a watch of `kernel` in `memory` (the discovery is done here, once). */
      constructor(kernel, memory, opts = {}) {
        this.live = memory instanceof LiveMemory ? memory : new LiveMemory(kernel, memory);
        this.#rows = new RqWatcher(kernel, this.live, opts.cpus ?? kernel.cpus, {
          curr: true,
          scx: true,
          counters: opts.counters ?? true
        }, opts.tries);
        this.#stalls = new StallTracker(opts.stallSamples, opts.stallMinMs);
        this.#bound = opts.dsqBound ?? DSQ_DEPTH_BOUND;
      }
      /** Takes a sample at time `t` (ms). */
      sample(t) {
        this.live.newSample();
        const alerts = [];
        const cpus = this.#rows.sample().map((r) => {
          if (!("row" in r)) return unstableRow(r.cpu, r.unstable);
          const row = r.row;
          const stall = this.#stalls.update(row.cpu, t, row.nr_running, row.clock);
          if (stall.stalled) alerts.push(stallAlert(row, stall));
          const over = row.scx !== null && row.scx.local_dsq.nr > this.#bound;
          if (over) {
            alerts.push({
              kind: "dsq_depth",
              dsq: "0x8000000000000002",
              dsq_kind: "local",
              cpu: row.cpu,
              nr: row.scx.local_dsq.nr
            });
          }
          return {
            ...row,
            unstable: false,
            stalled: stall.stalled,
            dsq_over_bound: over
          };
        });
        return {
          cpus,
          missing: {
            ...this.#rows.missing
          },
          alerts
        };
      }
    };
    ScxWatch = class {
      /** The live reads. */
      live;
      #kernel;
      #rows;
      #stalls;
      #tries;
      #bound;
      #missing = {};
      #plan;
      #dsqBuf;
      #taskBuf;
      #rootBufs;
      /** Prepares a watch of `kernel` in `memory` (the discovery is done here, once). */
      constructor(kernel, memory, opts = {}) {
        this.#kernel = kernel;
        this.live = memory instanceof LiveMemory ? memory : new LiveMemory(kernel, memory);
        this.#rows = new RqWatcher(kernel, this.live, opts.cpus ?? kernel.cpus, {
          curr: false,
          scx: false,
          counters: false
        }, opts.tries);
        this.#stalls = new StallTracker(opts.stallSamples, opts.stallMinMs);
        this.#tries = Math.max(2, opts.tries ?? READ_TRIES);
        this.#bound = opts.dsqBound ?? DSQ_DEPTH_BOUND;
        this.#plan = this.#makePlan();
        this.#dsqBuf = this.#plan ? this.#plan.dsq.buffer() : new Layout().buffer();
        this.#taskBuf = this.#plan ? this.#plan.task.buffer() : new Layout().buffer();
        const root = this.#plan ? this.#plan.root : new Layout();
        this.#rootBufs = [
          root.buffer(),
          root.buffer()
        ];
      }
      #makePlan() {
        const kernel = this.#kernel, { view, symbols } = kernel, missing = this.#missing;
        const rootVa = symbols.address("scx_root");
        if (rootVa === void 0 || !view.has("rq.scx")) {
          missing.sched = rootVa === void 0 ? `no scx_root in ${symbols.origin} (no sched_ext, or sched_ext before 6.16)` : "btf: struct 'rq' has no member 'scx'";
          return null;
        }
        const opt = (part, fn) => optional2(missing, part, fn);
        return opt("dsqs", () => {
          const f = (p) => view.field(p);
          const dsq = new Layout(), task2 = new Layout(), root = new Layout();
          const listOff = f("scx_dispatch_q.list").offset, nextOff = f("list_head.next").offset;
          const dsqId = dsq.slot(f("scx_dispatch_q.id")), dsqNr = dsq.slot(f("scx_dispatch_q.nr"));
          const dsqFirst = dsq.slot({
            offset: listOff + nextOff,
            size: 8
          });
          const t = {
            pid: task2.slot(f("task_struct.pid")),
            comm: task2.slot(f("task_struct.comm")),
            vtime: task2.slot(f("task_struct.scx.dsq_vtime")),
            slice: task2.slot(f("task_struct.scx.slice")),
            weight: task2.slot(f("task_struct.scx.weight")),
            runnableAt: task2.slot(f("task_struct.scx.runnable_at"))
          };
          const slot = (p) => view.has(p) ? root.slot(f(p)) : null;
          const r = {
            pcpu: slot("scx_sched.pcpu"),
            stats: null,
            globals: null,
            name: slot("scx_sched.ops.name"),
            exitKind: slot("scx_sched.exit_kind.counter"),
            timeoutMs: slot("scx_sched.ops.timeout_ms"),
            tbl: null
          };
          const groupCounters = resolveNamedGroup(kernel.types, "kernel").value?.event_offsets?.counters;
          const valueSlot = (name) => {
            const place = placeOfSchedValue(kernel, name, missing);
            if (place === null) return null;
            return "member" in place ? {
              slot: root.slot(f(place.member)),
              signed: place.signed
            } : place;
          };
          const values = {
            watchdog_timeout: valueSlot("watchdog_timeout")
          };
          const stats = opt("sched", () => {
            const place = eventStatsPlace(kernel);
            f("scx_sched.ops.name");
            f("scx_sched.exit_kind.counter");
            return place;
          });
          if (stats) {
            r.stats = root.slot(f(stats.member));
            values.aborting = valueSlot("aborting");
            values.bypass_depth = valueSlot("bypass_depth");
          }
          let events = null;
          if (groupCounters && stats) {
            const names = Object.keys(groupCounters), offsets = names.map((n) => groupCounters[n]);
            const size = Math.max(0, ...offsets) + 8;
            events = {
              names,
              offsets,
              at: stats.within,
              size
            };
          }
          const global = opt("dsqs.global", () => {
            const place = globalDsqsPlace(kernel);
            r.globals = root.slot(f(place.member));
            const nodesVa = symbols.address("nr_node_ids");
            const nodes = nodesVa === void 0 ? 1 : Number(view.u32(nodesVa)) || 1;
            return {
              nodes: Math.min(nodes, 1024),
              globalDsq: place.within
            };
          });
          const bypass = opt("dsqs.bypass", () => {
            f("scx_sched.pcpu");
            return {
              bypassDsq: f("scx_sched_pcpu.bypass_dsq").offset
            };
          });
          const user = opt("dsqs.user", () => {
            const hashNode = f("scx_dispatch_q.hash_node").offset;
            const table2 = f("scx_sched.dsq_hash").offset + f("rhashtable.tbl").offset;
            r.tbl = root.slot({
              offset: table2,
              size: 8
            });
            return {
              hashNode,
              size: f("bucket_table.size").offset,
              buckets: f("bucket_table.buckets").offset,
              next: f("rhash_head.next").offset
            };
          });
          return {
            rootVa,
            jiffiesVa: symbols.address("jiffies_64") ?? symbols.address("jiffies"),
            cursorFlag: BigInt(kernelConstants(kernel.types).constants.SCX_DSQ_LNODE_ITER_CURSOR),
            rqs: this.#rows.cpus.map((cpu) => ({
              cpu,
              rq: perCpuAddress(kernel, "runqueues", cpu)
            })),
            localDsq: f("rq.scx.local_dsq").offset,
            runnableList: f("rq.scx.runnable_list").offset,
            dsq: dsq.finish(),
            dsqId,
            dsqNr,
            dsqFirst,
            dsqList: listOff,
            nextOff,
            dsqNode: f("task_struct.scx.dsq_list.node").offset,
            cursorFlags: f("scx_dsq_list_node.flags").offset,
            runnableNode: f("task_struct.scx.runnable_node").offset,
            task: task2.finish(),
            t,
            root: root.finish(),
            r,
            values,
            events,
            global,
            bypass,
            user
          };
        });
      }
      /** Takes a sample at time `t` (ms). */
      sample(t) {
        this.live.newSample();
        const missing = {
          ...this.#missing
        }, alerts = [];
        const cpus = this.#rows.sample().map((r2) => {
          if (!("row" in r2)) {
            return {
              cpu: r2.cpu,
              nr_running: null,
              clock: null,
              stalled: false,
              unstable: true,
              reason: r2.unstable
            };
          }
          const { cpu, nr_running, clock } = r2.row;
          const stall = this.#stalls.update(cpu, t, nr_running, clock);
          if (stall.stalled) alerts.push(stallAlert(r2.row, stall));
          return {
            cpu,
            nr_running,
            clock,
            stalled: stall.stalled,
            unstable: false
          };
        });
        const plan = this.#plan;
        if (plan === null) return {
          cpus,
          sched: null,
          dsqs: [],
          runnable: [],
          missing,
          alerts
        };
        const live = this.live;
        let jiffies = null, root = 0n;
        try {
          if (plan.jiffiesVa !== void 0) jiffies = live.u64(plan.jiffiesVa);
          root = live.u64(plan.rootVa);
        } catch (err) {
          if (!isGuestReadError(err)) throw err;
          missing.sched = err.message;
          return {
            cpus,
            sched: null,
            dsqs: [],
            runnable: [],
            missing,
            alerts
          };
        }
        const rootRead = root === 0n ? null : this.#readRoot(root);
        const values = rootRead && "buf" in rootRead ? this.#values(rootRead.buf, missing) : null;
        const hz = rootRead && "buf" in rootRead && values ? this.#hz(rootRead.buf, values.watchdog_timeout) : null;
        const dsqs = [];
        for (const { cpu, rq: rq2 } of plan.rqs) {
          dsqs.push(this.#dsq(rq2 + BigInt(plan.localDsq) & U645, "local", {
            cpu
          }, jiffies, hz));
        }
        const runnable = plan.rqs.map(({ cpu, rq: rq2 }) => this.#runnable(cpu, rq2 + BigInt(plan.runnableList) & U645, jiffies, hz));
        const done = (sched2) => {
          for (const d of dsqs) {
            if (d.over_bound) {
              alerts.push({
                kind: "dsq_depth",
                dsq: d.id,
                dsq_kind: d.kind,
                ...d.cpu !== void 0 ? {
                  cpu: d.cpu
                } : {},
                ...d.node !== void 0 ? {
                  node: d.node
                } : {},
                nr: d.nr
              });
            }
          }
          return {
            cpus,
            sched: sched2,
            dsqs,
            runnable,
            missing,
            alerts
          };
        };
        if (rootRead === null) {
          missing.sched = "no BPF scheduler is loaded (scx_root is NULL)";
          return done(null);
        }
        if (!("buf" in rootRead)) return done({
          unstable: true,
          reason: rootRead.unstable
        });
        const b = rootRead.buf, r = plan.r;
        let sched = null;
        if (!this.#missing.sched) {
          const { aborting, bypass_depth, watchdog_timeout } = values;
          sched = {
            ops: printableString(b, r.name) ?? "",
            exit_kind: num(b, r.exitKind),
            aborting: aborting === null ? null : aborting !== 0n,
            bypass_depth: bypass_depth === null ? null : Number(bypass_depth),
            watchdog_timeout: watchdog_timeout === null ? null : count(watchdog_timeout),
            events: this.#events(r.stats ? uint(b, r.stats) : 0n),
            unstable: false
          };
        }
        if (plan.global) {
          const pnode = uint(b, r.globals);
          try {
            const ptrs = live.read(pnode, 8 * plan.global.nodes);
            const dv = new DataView(ptrs.buffer, ptrs.byteOffset, ptrs.byteLength);
            for (let node = 0; node < plan.global.nodes; node++) {
              const p = dv.getBigUint64(8 * node, true);
              const at = p + BigInt(plan.global.globalDsq) & U645;
              dsqs.push(this.#dsq(at, "global", {
                node
              }, jiffies, hz));
            }
          } catch (err) {
            if (!isGuestReadError(err)) throw err;
            missing["dsqs.global"] = err.message;
          }
        }
        if (plan.bypass) {
          const pcpu = uint(b, r.pcpu);
          for (const { cpu } of plan.rqs) {
            const at = pcpu + this.#kernel.perCpuOffset(cpu) + BigInt(plan.bypass.bypassDsq) & U645;
            dsqs.push(this.#dsq(at, "bypass", {
              cpu
            }, jiffies, hz));
          }
        }
        if (plan.user) {
          const walk = this.#walkHash(uint(b, r.tbl));
          for (const at of walk.entries) dsqs.push(this.#dsq(at, "user", {}, jiffies, hz));
          if (walk.note) missing["dsqs.user"] = walk.note;
        }
        return done(sched);
      }
      /** The root scheduler's struct, read until two reads agree. */
      #readRoot(root) {
        const plan = this.#plan, r = plan.r, live = this.live;
        if (!live.plausible(root)) {
          return {
            unstable: `scx_root ${hex4(root)} is out of the kernel's ranges`
          };
        }
        let prev = null, why = "";
        for (let i = 0; i < this.#tries; i++) {
          const cur = this.#rootBufs[i & 1];
          try {
            plan.root.fill(live, root, cur);
          } catch (err) {
            if (!isGuestReadError(err)) throw err;
            why = err.message;
            prev = null;
            continue;
          }
          if (r.name && printableString(cur, r.name) === null) {
            why = "its ops name is not printable";
            prev = null;
            continue;
          }
          if (prev !== null && sameSlots(prev, cur, plan.root.slots)) return {
            buf: cur
          };
          prev = cur;
          why = `its values changed between ${i + 1} reads`;
        }
        return {
          unstable: why
        };
      }
      /** HZ told by the watchdog (as readScx tells it), or null. */
      #hz(b, watchdog) {
        const r = this.#plan.r;
        if (watchdog === null || r.timeoutMs === null) return null;
        return hzFromWatchdog(Number(watchdog), Number(uint(b, r.timeoutMs)));
      }
      /**
       * The scheduler's aborting, bypass_depth and watchdog_timeout: from its struct's bytes `b`,
       * or a global's own read (null, the read's error in `missing`, when that fails).
       */
      #values(b, missing) {
        const out = {};
        for (const [name, v] of Object.entries(this.#plan.values)) {
          out[name] = null;
          if (v === null) continue;
          if ("slot" in v) {
            out[name] = v.signed ? sint(b, v.slot) : uint(b, v.slot);
            continue;
          }
          try {
            const bytes = this.live.read(v.global, v.size);
            let x = 0n;
            for (let i = v.size - 1; i >= 0; i--) x = x << 8n | BigInt(bytes[i]);
            out[name] = v.signed ? BigInt.asIntN(8 * v.size, x) : x;
          } catch (err) {
            if (!isGuestReadError(err)) throw err;
            missing[`sched.${name}`] = err.message;
          }
        }
        return out;
      }
      /** The event counters summed over the possible CPUs (monotonic words: one read each). */
      #events(pcpu) {
        const ev = this.#plan.events, events = {};
        if (ev === null) return events;
        const sums = ev.names.map(() => 0n);
        for (const cpu of this.#kernel.cpus) {
          try {
            const bytes = this.live.read(pcpu + this.#kernel.perCpuOffset(cpu) + BigInt(ev.at) & U645, ev.size);
            const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
            ev.offsets.forEach((off, i) => sums[i] += dv.getBigInt64(off, true));
          } catch (err) {
            if (!isGuestReadError(err)) throw err;
          }
        }
        ev.names.forEach((n, i) => events[n] = count(sums[i]));
        return events;
      }
      /** The task at `va` as one read sees it; null when it is not a task (torn, or freed). */
      #task(va, jiffies, hz) {
        const plan = this.#plan, t = plan.t, b = this.#taskBuf;
        if (!this.live.taskPointer(va)) return null;
        plan.task.fill(this.live, va, b);
        const pid = int(b, t.pid), comm = printableString(b, t.comm);
        if (pid < 0 || pid > PID_MAX || comm === null) return null;
        const runnableAt = uint(b, t.runnableAt);
        const task2 = {
          pid,
          comm,
          dsq_vtime: cnt(b, t.vtime),
          slice: cnt(b, t.slice),
          weight: num(b, t.weight),
          runnable_age_ms: hz === null || jiffies === null ? null : Math.round(Number(BigInt.asIntN(64, jiffies - runnableAt)) * 1e3 / hz)
        };
        const key = `${va}:${pid}:${comm}:${task2.dsq_vtime}:${task2.slice}:${task2.weight}:${runnableAt}`;
        return {
          task: task2,
          runnableAt,
          key
        };
      }
      /**
       * The list from `head` (whose `next` is `first`): each node's container, `nodeOffset` below
       * it, skipping iterator cursors when `cursors`. Bounded; a loop, a pointer out of the
       * kernel's ranges or memory not there ends it with a note.
       */
      #walk(head, first, nodeOffset, cursors) {
        const plan = this.#plan, live = this.live;
        const entries = [], seen = /* @__PURE__ */ new Set([
          head
        ]);
        const cursorFlag = plan.cursorFlag;
        const span = cursors ? Math.max(plan.nextOff, plan.cursorFlags) + 8 : plan.nextOff + 8;
        let node = first;
        while (node !== head) {
          if (seen.has(node)) return {
            entries,
            note: `the list loops at ${hex4(node)}`
          };
          if (entries.length >= WALK_CAP) return {
            entries,
            note: `stopped after ${WALK_CAP} entries`
          };
          if (!live.plausible(node)) {
            return {
              entries,
              note: `a list pointer ${hex4(node)} is out of the kernel's ranges`
            };
          }
          seen.add(node);
          let next, flags = 0n;
          try {
            const bytes = live.read(node, span);
            const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
            next = dv.getBigUint64(plan.nextOff, true);
            if (cursors) flags = BigInt(dv.getUint32(plan.cursorFlags, true));
          } catch (err) {
            if (!isGuestReadError(err)) throw err;
            return {
              entries,
              note: err.message
            };
          }
          if ((flags & cursorFlag) === 0n) entries.push(node - BigInt(nodeOffset) & U645);
          node = next;
        }
        return {
          entries
        };
      }
      /** The tasks of a walk, and the key two reads compare; null when one is not a task. */
      #tasks(walk, jiffies, hz) {
        const tasks = [], keys = [];
        for (const va of walk.entries) {
          let t;
          try {
            t = this.#task(va, jiffies, hz);
          } catch (err) {
            if (!isGuestReadError(err)) throw err;
            return {
              bad: err.message
            };
          }
          if (t === null) return {
            bad: `the entry at ${hex4(va)} is not a task`
          };
          tasks.push(t.task);
          keys.push(t.key);
        }
        return {
          tasks,
          key: `${keys.join(",")}|${walk.note ?? ""}`
        };
      }
      /** A DSQ, read until two reads agree. */
      #dsq(at, kind, where, jiffies, hz) {
        const plan = this.#plan, b = this.#dsqBuf;
        let prev = null, why = "";
        for (let i = 0; i < this.#tries; i++) {
          let id, nr, walk;
          try {
            plan.dsq.fill(this.live, at, b);
            id = uint(b, plan.dsqId);
            nr = num(b, plan.dsqNr);
            walk = this.#walk(at + BigInt(plan.dsqList) & U645, uint(b, plan.dsqFirst), plan.dsqNode, true);
          } catch (err) {
            if (!isGuestReadError(err)) throw err;
            why = err.message;
            prev = null;
            continue;
          }
          const read = this.#tasks(walk, jiffies, hz);
          if ("bad" in read) {
            why = read.bad;
            prev = null;
            continue;
          }
          const key = `${id}|${nr}|${read.key}`;
          if (prev === key) {
            return {
              id: hex4(id),
              kind,
              ...where,
              nr,
              tasks: read.tasks,
              ...walk.note ? {
                note: walk.note
              } : {},
              unstable: false,
              over_bound: nr > this.#bound
            };
          }
          prev = key;
          why = `its list changed between ${i + 1} reads`;
        }
        return {
          id: null,
          kind,
          ...where,
          nr: null,
          tasks: [],
          note: why,
          unstable: true,
          over_bound: false
        };
      }
      /** A CPU's runnable list, read until two walks agree. */
      #runnable(cpu, head, jiffies, hz) {
        const plan = this.#plan;
        let prev = null, why = "";
        for (let i = 0; i < this.#tries; i++) {
          let walk;
          try {
            walk = this.#walk(head, this.live.u64(head + BigInt(plan.nextOff) & U645), 0, false);
          } catch (err) {
            if (!isGuestReadError(err)) throw err;
            why = err.message;
            prev = null;
            continue;
          }
          walk.entries = walk.entries.map((n) => n - BigInt(plan.runnableNode) & U645);
          const read = this.#tasks(walk, jiffies, hz);
          if ("bad" in read) {
            why = read.bad;
            prev = null;
            continue;
          }
          if (prev === read.key) {
            return {
              cpu,
              tasks: read.tasks,
              ...walk.note ? {
                note: walk.note
              } : {},
              unstable: false
            };
          }
          prev = read.key;
          why = `the list changed between ${i + 1} reads`;
        }
        return {
          cpu,
          tasks: [],
          note: why,
          unstable: true
        };
      }
      /** The user DSQs of the rhashtable whose bucket table is `tbl` (bounded, tolerant). */
      #walkHash(tbl) {
        const user = this.#plan.user, live = this.live;
        const entries = [], seen = /* @__PURE__ */ new Set();
        try {
          if (!live.plausible(tbl)) return {
            entries,
            note: `bucket table ${hex4(tbl)} out of range`
          };
          const size = Number(new DataView(live.read(tbl + BigInt(user.size), 4).slice().buffer).getUint32(0, true));
          if (size > MAX_BUCKETS) return {
            entries,
            note: `bucket table of ${size} buckets`
          };
          const buckets = size === 0 ? new Uint8Array(0) : live.read(tbl + BigInt(user.buckets), 8 * size);
          const dv = new DataView(buckets.buffer, buckets.byteOffset, buckets.byteLength);
          for (let b = 0; b < size; b++) {
            let node = dv.getBigUint64(8 * b, true) & ~1n;
            while (node !== 0n && (node & 1n) === 0n) {
              if (seen.has(node)) return {
                entries,
                note: `bucket ${b} loops at ${hex4(node)}`
              };
              if (entries.length >= WALK_CAP) {
                return {
                  entries,
                  note: `stopped after ${WALK_CAP} entries`
                };
              }
              if (!live.plausible(node)) {
                return {
                  entries,
                  note: `a bucket pointer ${hex4(node)} is out of the kernel's ranges`
                };
              }
              seen.add(node);
              entries.push(node - BigInt(user.hashNode) & U645);
              node = live.u64(node + BigInt(user.next) & U645);
            }
          }
        } catch (err) {
          if (!isGuestReadError(err)) throw err;
          return {
            entries,
            note: err.message
          };
        }
        return {
          entries
        };
      }
    };
  }
});

// report/scx.ts



var EXIT_KINDS;
var init_scx2 = __esm({
  "report/scx.ts"() {
    init_rq2();
    EXIT_KINDS = {
      0: "none",
      1: "done",
      64: "unregistered",
      65: "unregistered (bpf)",
      66: "unregistered (kernel)",
      67: "sysrq",
      68: "parent",
      1024: "error",
      1025: "error (bpf)",
      1026: "stall"
    };
  }
});

// report/watch.ts









var SCREEN_ENTER, SCREEN_LEAVE, STYLES, plain2;
var init_watch2 = __esm({
  "report/watch.ts"() {
    init_errors();
    init_rq2();
    init_scx2();
    SCREEN_ENTER = "\x1B[?25l\x1B[2J";
    SCREEN_LEAVE = "\x1B[?25h\n";
    STYLES = {
      plain: "",
      title: "\x1B[1m",
      stall: "\x1B[1;31m",
      unstable: "\x1B[33m",
      dim: "\x1B[2m"
    };
    plain2 = (text) => ({
      text,
      style: "plain"
    });
  }
});

// cli/watch.ts



var WATCH_OPTIONS, WATCH_OPTIONS_HELP, STOP_SIGNALS;
var init_watch3 = __esm({
  "cli/watch.ts"() {
    init_errors();
    init_image3();
    init_watch();
    init_file();
    init_watch2();
    init_guest_load();
    init_io();
    WATCH_OPTIONS = {
      watch: {
        type: "boolean"
      },
      interval: {
        type: "string"
      },
      count: {
        type: "string"
      },
      "stall-samples": {
        type: "string"
      }
    };
    WATCH_OPTIONS_HELP = `  --watch            sample again and again while the guest runs (a shared guest-RAM
                     file, /proc/kcore): one JSON object per sample per line with --json
                     or when stdout is not a terminal, else a screen redrawn in place;
                     Ctrl-C ends it
  --interval SECONDS time between samples (default 1; 0: as fast as possible)
  --count N          stop after N samples (default: until Ctrl-C)
  --stall-samples N  flag a CPU with runnable tasks whose clock has not moved for N
                     samples in a row and at least 100 ms (default 3)`;
    STOP_SIGNALS = [
      "SIGINT",
      "SIGTERM",
      "SIGHUP"
    ];
  }
});

// cli/rq.ts
var rq_exports = {};
__export(rq_exports, {
  RQ_COMMAND: () => RQ_COMMAND
});
var HELP5, RQ_COMMAND;
var init_rq3 = __esm({
  "cli/rq.ts"() {
    init_rq();
    init_rq2();
    init_command();
    init_guest_load();
    init_io();
    init_watch3();
    HELP5 = `Usage: ktstr-btf rq MEMORY [options]
       ktstr-btf rq MEMORY --watch [--interval SECONDS] [--count N] [options]

Every possible CPU's run queue in a guest kernel's memory: nr_running, clock, the
current task (pid, comm, scheduling class); on a sched_ext kernel, rq->scx's
nr_running, flags, cpu_released, kick_sync and the local DSQ's depth; the schedstats
and the CPU time counters. A part the kernel lacks is shown as missing, with why.

${MEMORY_HELP}

Options:
  --cpu N            only CPU N (repeatable)
${WATCH_OPTIONS_HELP}
${GUEST_OPTIONS_HELP}

Exit codes: 0 read, 1 the memory image or the kernel in it could not be read,
2 usage error.
`;
    RQ_COMMAND = command({
      name: "rq",
      help: HELP5,
      options: {
        ...GUEST_OPTIONS,
        ...WATCH_OPTIONS,
        cpu: {
          type: "string",
          multiple: true
        }
      },
      async run(args, v, io) {
        if (args.length !== 1) throw new UsageError("rq needs one MEMORY image");
        const watch = watchSettings(v, args[0]);
        const guest = await openGuest(args[0], v, io);
        if (!guest) return 1;
        try {
          const { kernel } = guest;
          const wanted = (v.cpu ?? []).map((c) => {
            const n = Number(c);
            if (!/^\d+$/.test(c) || !kernel.cpus.includes(n)) {
              throw new UsageError(`--cpu takes a possible CPU (0 to ${kernel.cpus.at(-1)}), not '${c}'`);
            }
            return n;
          });
          const cpus = wanted.length > 0 ? wanted : kernel.cpus;
          if (watch) return await runWatch(guest, {
            kind: "rq",
            cpus
          }, watch, v.json ?? false, io);
          const snapshot = readGuest(guest, io, () => readRunQueues(kernel, cpus));
          if (snapshot === null) return 1;
          if (v.json) {
            writeJson(io, {
              source: guestSource(guest.path, kernel),
              cpus: snapshot.cpus,
              missing: snapshot.missing
            });
          } else io.out(renderRq(guest.path, kernel, snapshot));
          return 0;
        } finally {
          guest.close();
        }
      }
    });
  }
});

// cli/scx.ts
var scx_exports = {};
__export(scx_exports, {
  SCX_COMMAND: () => SCX_COMMAND
});
var HELP6, SCX_COMMAND;
var init_scx3 = __esm({
  "cli/scx.ts"() {
    init_scx();
    init_scx2();
    init_command();
    init_guest_load();
    init_io();
    init_watch3();
    HELP6 = `Usage: ktstr-btf scx MEMORY [options]
       ktstr-btf scx MEMORY --watch [--interval SECONDS] [--count N] [options]

The sched_ext state in a guest kernel's memory: the root scheduler (ops name, exit
kind, aborting, bypass_depth, watchdog_timeout, the event counters summed over CPUs),
every dispatch queue (local per CPU, global per node, bypass per CPU, the user DSQs)
with its depth and its tasks (pid, comm, dsq_vtime, slice, weight, how long runnable),
and each CPU's runnable list: what sched_ext's SysRq-D dump shows, plus the DSQ
contents it leaves out. Walks stop at 4096 entries or a loop, with a note.

${MEMORY_HELP}

Options:
${WATCH_OPTIONS_HELP}
${GUEST_OPTIONS_HELP}

Exit codes: 0 read, 1 the memory image or the kernel in it could not be read,
2 usage error.
`;
    SCX_COMMAND = command({
      name: "scx",
      help: HELP6,
      options: {
        ...GUEST_OPTIONS,
        ...WATCH_OPTIONS
      },
      async run(args, v, io) {
        if (args.length !== 1) throw new UsageError("scx needs one MEMORY image");
        const watch = watchSettings(v, args[0]);
        const guest = await openGuest(args[0], v, io);
        if (!guest) return 1;
        try {
          if (watch) return await runWatch(guest, {
            kind: "scx"
          }, watch, v.json ?? false, io);
          const snapshot = readGuest(guest, io, () => readScx(guest.kernel));
          if (snapshot === null) return 1;
          if (v.json) writeJson(io, {
            source: guestSource(guest.path, guest.kernel),
            ...snapshot
          });
          else io.out(renderScx(guest.path, guest.kernel, snapshot));
          return 0;
        } finally {
          guest.close();
        }
      }
    });
  }
});

// cli/cache.ts
var cache_exports = {};
__export(cache_exports, {
  CACHE_COMMAND: () => CACHE_COMMAND
});


var CACHE_HELP, SUBCOMMAND_OPTIONS, CACHE_COMMAND;
var init_cache = __esm({
  "cli/cache.ts"() {
    init_errors();
    init_entries();
    init_sidecar();
    init_cache_root();
    init_image2();
    init_io();
    init_command();
    init_suggest();
    CACHE_HELP = `Usage: ktstr-btf cache list [--json]
       ktstr-btf cache add VMLINUX [--key K] [--force]
       ktstr-btf cache clean [--keep N] [--force]

Manages the kernel cache (<root>/<key>/vmlinux, its .btf sidecar and metadata.json,
as ktstr lays them out).
  list    the cached kernels: key, version, size, sidecar freshness
  add     copy an ELF vmlinux in as an entry (key: --key, else the kernel release);
          an existing key is replaced only with --force
  clean   remove all but the --keep N newest entries; without --force, only says
          what it would remove

Options:
  --json           list: JSON output
  --key K          add: the entry's key
  --keep N         clean: keep the N newest entries (default 0)
  --force          add: replace an existing entry; clean: really remove
  --cache-dir DIR  cache root for this call
  -h, --help       show this help

Exit codes: 0 success, 1 failure, 2 usage error.

${ENVIRONMENT_HELP}
`;
    SUBCOMMAND_OPTIONS = {
      list: [
        "json",
        "cache-dir"
      ],
      add: [
        "key",
        "force",
        "cache-dir"
      ],
      clean: [
        "keep",
        "force",
        "cache-dir"
      ]
    };
    CACHE_COMMAND = command({
      name: "cache",
      help: CACHE_HELP,
      options: {
        json: {
          type: "boolean"
        },
        key: {
          type: "string"
        },
        keep: {
          type: "string"
        },
        force: {
          type: "boolean"
        },
        "cache-dir": {
          type: "string"
        }
      },
      run(args, values, io) {
        const [sub2, ...rest] = args;
        if (sub2 === void 0) throw new UsageError("cache: missing subcommand (list, add or clean)");
        const allowed = SUBCOMMAND_OPTIONS[sub2];
        if (!allowed) {
          const names = Object.keys(SUBCOMMAND_OPTIONS);
          throw new UsageError(`cache: unknown subcommand '${sub2}'${didYouMean(sub2, names)}`);
        }
        for (const [name, value2] of Object.entries(values)) {
          if (value2 !== void 0 && !allowed.includes(name)) {
            throw new UsageError(`--${name} does not apply to 'cache ${sub2}'`);
          }
        }
        if (sub2 === "add" ? rest.length !== 1 : rest.length !== 0) {
          throw new UsageError(sub2 === "add" ? "cache add takes one vmlinux path" : `cache ${sub2} takes no arguments`);
        }
        if (values.keep !== void 0 && !/^\d+$/.test(values.keep)) {
          throw new UsageError(`--keep takes a non-negative number, not '${values.keep}'`);
        }
        return runCache(sub2, rest[0], {
          json: values.json ?? false,
          key: values.key,
          keep: Number(values.keep ?? 0),
          force: values.force ?? false,
          cache: {
            root: values["cache-dir"]
          }
        }, io);
      }
    });
  }
});

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
    acorn: "npm:acorn@8.19.0",
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
    testdata: "bash testdata/build.sh && bash tests/prepare.sh",
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
init_io();
init_suggest();


// cli.ts
init_io();
init_suggest();
var COMMANDS = [
  {
    name: "kernel",
    summary: "report each kernel's offset groups (raw BTF, ELF vmlinux, '-', a cache key)",
    load: () => Promise.resolve().then(() => (init_kernel2(), kernel_exports)).then((m) => m.KERNEL_COMMAND)
  },
  {
    name: "struct",
    summary: "print struct layouts like pahole (offsets, sizes, types, holes)",
    load: () => Promise.resolve().then(() => (init_struct(), struct_exports)).then((m) => m.STRUCT_COMMAND)
  },
  {
    name: "offset",
    summary: "resolve member paths (rq.scx.nr_running, rq.curr->scx.dsq_vtime)",
    load: () => Promise.resolve().then(() => (init_offset(), offset_exports)).then((m) => m.OFFSET_COMMAND)
  },
  {
    name: "enum",
    summary: "enum values from BTF (ENUM and ENUM64, signedness)",
    load: () => Promise.resolve().then(() => (init_enum3(), enum_exports)).then((m) => m.ENUM_COMMAND)
  },
  {
    name: "diff",
    summary: "what changed between kernels (groups, struct layouts)",
    load: () => Promise.resolve().then(() => (init_diff3(), diff_exports)).then((m) => m.DIFF_COMMAND)
  },
  {
    name: "rq",
    summary: "every CPU's run queue in a guest's memory dump (BTF only, no debuginfo)",
    load: () => Promise.resolve().then(() => (init_rq3(), rq_exports)).then((m) => m.RQ_COMMAND)
  },
  {
    name: "scx",
    summary: "the sched_ext scheduler, its DSQs and their tasks in a guest's memory dump",
    load: () => Promise.resolve().then(() => (init_scx3(), scx_exports)).then((m) => m.SCX_COMMAND)
  },
  {
    name: "cache",
    summary: "list, add or clean the cached kernels (ktstr's cache layout)",
    load: () => Promise.resolve().then(() => (init_cache(), cache_exports)).then((m) => m.CACHE_COMMAND)
  }
];
var EXIT_STDOUT_CLOSED = 141;


if (import.meta.main) {
  const code = await main(Deno.args);
  await Deno.stdout.write(new Uint8Array(0)).catch(() => 0);
  Deno.exit(code);
}
export {
  COMMANDS,
  EXIT_STDOUT_CLOSED,
  main,
  usage
};
