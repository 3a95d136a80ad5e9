var itemCount = (function itemCount(task2) {
  return task2.kind === "groups" ? task2.groups.length : task2.paths.length;
});
var claimNext = (function claimNext(claims, count, claimant) {
  const index = Atomics.add(claims, 0, 1);
  if (index >= count) return -1;
  Atomics.store(claims, 1 + index, claimant);
  return index;
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
  const value = view.getBigUint64(at, le);
  return value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(value);
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
var isS390Head = (function isS390Head(head) {
  if (head.length < S390_HEAD_BYTES) return false;
  if (head[0] !== 0 || head[1] !== 8 || head[2] !== 0 || head[3] !== 0 || head[4] !== 128) {
    return false;
  }
  return IPL_CCWS.every((b, i) => head[8 + i] === b);
});
var isZboot = (function isZboot(head) {
  return head.length >= ZBOOT_HEADER_BYTES && head[0] === 77 && head[1] === 90 && head[4] === 122 && head[5] === 105 && head[6] === 109 && head[7] === 103;
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
  const fail = (id, what) => {
    throw new BtfError(`${MISMATCH}: type id ${id} ${what} (built against another vmlinux?)`);
  };
  const checkData = (id, ref2, what) => {
    const kind = refKind(ref2);
    if (kind !== null && ref2 !== 0 && NOT_DATA.has(kind)) {
      fail(id, `${what}refers to base type ${ref2}, a ${kindName(kind)}`);
    }
  };
  for (let id = types.firstId; id <= types.lastId; id++) {
    const kind = types.kind(id);
    if (!onStringStart(types.nameOff(id))) {
      fail(id, `has name offset ${types.nameOff(id)}, not the start of a string`);
    }
    switch (kind) {
      case Kind.FUNC: {
        const proto = refKind(types.refType(id));
        if (proto !== null && proto !== Kind.FUNC_PROTO) {
          fail(id, `(a FUNC) refers to base type ${types.refType(id)}, a ${kindName(proto)}`);
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
            fail(id, `member ${i} has name offset ${types.elemWord(id, i, 0)}, not the start of a string`);
          }
          checkData(id, types.elemWord(id, i, 1), `member ${i} `);
        }
        break;
      case Kind.FUNC_PROTO:
        checkData(id, types.refType(id), "return type ");
        for (let i = 0; i < types.vlen(id); i++) {
          if (!onStringStart(types.word(id, 3 + 2 * i))) {
            fail(id, `parameter ${i} has a name offset that is not the start of a string`);
          }
          checkData(id, types.word(id, 4 + 2 * i), `parameter ${i} `);
        }
        break;
      case Kind.ENUM:
      case Kind.ENUM64: {
        const step = elemWords(kind);
        for (let i = 0; i < types.vlen(id); i++) {
          if (!onStringStart(types.word(id, 3 + step * i))) {
            fail(id, `enumerator ${i} has a name offset that is not the start of a string`);
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
  if (!mayMap(path) || offset % PAGE !== 0 || dest.length === 0) return false;
  const c = lib();
  const at = c ? address(dest) : 0;
  if (!c || at % PAGE !== 0) return false;
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
var osMessage = (function osMessage(err) {
  const message = err instanceof Error ? err.message : String(err);
  return message.replace(/: [a-z_]+ '.*'$/s, "");
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
    const { words, at, count, kindFlag } = types.elements(id);
    path.push(id);
    for (let i = 0, w = at; i < count; i++, w += 3) {
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
  const { words, at, count, kindFlag } = types.elements(structId2);
  for (let i = 0, w = at; i < count; i++, w += 3) {
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
var valueOf = (function valueOf(types, id, i) {
  const { words, at, kindFlag } = types.elements(id);
  if (types.kind(id) === Kind.ENUM) {
    const raw = words[at + 2 * i + 1];
    return kindFlag ? raw | 0 : raw;
  }
  const lo = words[at + 3 * i + 1], hi = words[at + 3 * i + 2];
  const high = kindFlag ? hi | 0 : hi;
  const value = high * TWO_32 + lo;
  if (Number.isSafeInteger(value)) return value;
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
  const { words, at, count } = types.elements(typeId);
  const step = elemWords(kind);
  const list = [];
  for (let i = 0; i < count; i++) {
    list.push({
      name: types.stringAt(words[at + step * i]),
      value: valueOf(types, typeId, i)
    });
  }
  return list;
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
var member = (function member(key, struct, ...members2) {
  const s = ref(struct);
  const [first, ...rest] = members2.length > 0 ? members2 : [
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
      const { words, at, count, kindFlag } = types.elements(id);
      for (let i = 0, w = at; i < count; i++, w += 3) {
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
var allOrNothing = (function allOrNothing(...fields) {
  return {
    kind: "set",
    fields
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
  const value = {};
  const local = {};
  const localVia = {};
  const noteFor = (key, into = localVia) => (v) => into[`${path}.${key}`] = v;
  for (const entry of g.entries) {
    switch (entry.kind) {
      case "field":
        value[entry.key] = resolveField(types, entry, noteFor(entry.key));
        break;
      case "set": {
        const notes = {};
        const all = entry.fields.map((f) => orNull(() => f.resolve(types, noteFor(f.key, notes))));
        const complete = all.every((v) => v !== null);
        entry.fields.forEach((f, i) => value[f.key] = complete ? all[i] : null);
        if (complete) Object.assign(localVia, notes);
        break;
      }
      case "sub":
        value[entry.key] = resolveOptional(types, entry.group, `${path}.${entry.key}`, local, localVia);
        break;
      case "map":
        value[entry.key] = entry.resolve(types);
        break;
      case "derived":
        value[entry.key] = entry.compute(value);
        break;
      case "check":
        entry.verify(types);
        break;
    }
  }
  Object.assign(missing, local);
  Object.assign(via, localVia);
  return value;
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
  const value = resolveOptional(types, GROUPS[name], name, missing, via);
  return {
    value,
    missing,
    via
  };
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
var softirqNames = (function softirqNames(types, hi, count, via) {
  if (hi === void 0) {
    via["constants.SOFTIRQ_NAMES"] = "builtin";
    return SOFTIRQ_NAMES;
  }
  const vectors = enumerators(types, hi.typeId).filter((e) => e.name.endsWith("_SOFTIRQ") && typeof e.value === "number" && e.value < count);
  return byValue(vectors.map((e) => [
    e.name.slice(0, -"_SOFTIRQ".length),
    e.value
  ]));
});
var attach = (function attach(shared, attached) {
  let types = attached.get(shared.id);
  if (!types) {
    const base = shared.base ? attach(shared.base, attached) : void 0;
    types = BtfTypes.attach(shared.buffer, base);
    attached.set(shared.id, types);
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
var serveShares = (function serveShares() {
  self.onmessage = (event2) => {
    const { job, slot, task: task2 } = event2.data;
    const claims = new Int32Array(event2.data.claims);
    const count = itemCount(task2);
    const post = (reply) => self.postMessage(reply);
    const attached = /* @__PURE__ */ new Map();
    for (let i; (i = claimNext(claims, count, slot + 1)) >= 0; ) {
      post({
        kind: "item",
        job,
        index: i,
        result: runItem(task2, i, attached)
      });
    }
    post({
      kind: "done",
      job
    });
  };
  self.postMessage({
    kind: "ready"
  });
});
// workers/claims.ts



// btf/kinds.ts
var Kind = {
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
var KIND_NAMES = Object.keys(Kind);
var MAX_KNOWN_KIND = 19;




// btf/machine.ts
var LONG_NAMES = [
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
var pointerSizes = /* @__PURE__ */ new WeakMap();


var ARCH_STRUCTS = [
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



// btf/arena.ts
var WASM_PAGE = 65536;
var MAX_WASM_PAGES = 65536;
var GENERATION_WORD = 19;



var MAP_PAGE = 4096;


var FRESH_SPACE = freshSpace();
var TableArena = class {
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

// btf/errors.ts
var BtfError = class extends Error {
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
var BUILT_WITHOUT_BTF = "the kernel was built without BTF (CONFIG_DEBUG_INFO_BTF; a module: CONFIG_DEBUG_INFO_BTF_MODULES)";
var NoBtfError = class extends BtfError {
};


var BEYOND_C0 = "\\x7f-\\x9f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069";
var UNPRINTABLE_BEYOND_C0 = new RegExp(`[${BEYOND_C0}]`, "g");
var UNPRINTABLE = new RegExp(`[\\x00-\\x1f${BEYOND_C0}]`, "g");

// btf/header.ts
var MIN_HEADER_LEN = 24;
var LAYOUT_HEADER_LEN = 32;








// btf/swap.ts



// btf/table_plan.ts
var META_WORDS = 24;







// btf/wasm/decode_wasm.ts
var DECODE_WASM_BASE64 = "AGFzbQEAAAABMgVgCH9/f39/f39/AX9gB39/f39/f38Bf2AEf39/fwF/YAp/f39/f39/f39/AGABfwF/AhIBA2VudgZtZW1vcnkCAwGAgAQDCAcAAQIBAwQDBgcBfwFBgAgLB0UFBXBhcnNlAAALc29ydGVkX2Zyb20AAgpmaW5kX25hbWVkAAMLYnVpbGRfaW5kZXgABBBidWlsZF9lbnVtX2luZGV4AAYKxzEHxQkFD38BfgJ/AX4GfyOAgICAAEEQayIIJICAgIAAQQAhCSAIQQA2AgwgCEEANgIIIAVBAnQhCkEAIQtBACEMQQAhDUEAIQ5BACEPQQAhBQJAAkAgACABTw0AIAZBAnQhECAHIAZqQQJ0IREgBEECdCISQYAIaiETIBJBgARqIRQgB0EBdCAGakECdCEVIABBAnRBBSAAa0ECdGohFiABrSEXQQAhGEEAIQ9BACEOQQAhDUEAIQwDQAJAIAEgAGtBAksNACAKIBg2AgBBfyEFDAMLAkAgEiAAQQJ0IgdBBGooAgAiBUEYdkH/AHEiBkECdCIJaigCACILQX9HDQAgCiAGNgIEIAogGDYCAEF+IQUMAwsCQCAHKAIAIgQgA0kNACAKIAQ2AgQgCiAYNgIAQX0hBQwDCyAYIAJqQQJ0IAA2AgACQAJAAkAgBkEMRw0AIBEgDUECdGohGSANQQFqIQ0MAQsCQCAERQ0AIBAgDkECdGogGDYCACAOQQFqIQ4LAkAgBkF6ag4OAAICAgICAgICAgICAgACCyAVIAxBAnRqIRkgBUH///8HcSAPaiEPIAxBAWohDAsgGSAYNgIACwJAIACtIAutfCAUIAlqKAIAIhmtIAVB////B3GtfnxCA3wiGiAXWA0AIAogBjYCBCAKIBg2AgBBfCEFDAMLAkAgBkETSw0AQQAhBiATIAlqKAIAIgtBAXEgBUGAgPyHBnFBAEdyIAtBCnYgBUH//wNxIglBAEdxciALQQt2IAlBAktxciALQQF2IAVBAEhxciALQQJ2IARFcXIgC0EDdiAEQQBHcXIhBCAHQQhqKAIAIRsCQCALQSBxRQ0AQQEhBiAbQRBLDQAgCyAbQQxqdkEBcUUhBgsgBCAGciEcIAtBG3RBH3UgG3EhHQJAIAtBwABxRQ0AIAtBGHRBH3UhBAJAAkACQAJAAkAgGUEDRg0AIAkNA0EAIQYMAQtBACEGIAkNAQtBACEFQQAhCQwCC0H///8HQX8gBUEASBtBACALQYAGcRshHiAJQQNsIR8gFiAHaiEHQQAhGUEAIQlBACEFQQAhBgNAIAcoAgAgHnEiICAJICAgCUsbIQkgB0F4aigCACIgIAYgICAGSxshBiAHQXxqKAIAIARxIiAgBSAgIAVLGyEFIAdBDGohByAZQQNqIhkgH0kNAAwCCwsgB0EMaiEHIAlBAXQhHkEAIQlBACEZQQAhBUEAIQYDQCAHQQRqKAIAIARxIiAgBSAgIAVLGyEFIAcoAgAiICAGICAgBksbIQYgB0EIaiEHIBlBAmoiGSAeSQ0ACwsgHCAGIANPciEHQQAhBgJAIAtBgAJxRQ0AIAlBA3YgCUEHcUEAR2ogG0shBgsgByALQQl2IAlBAEdxciAGciEcIAUgHSAFIB1LGyEdCwJAIBxFDQBBACAAIBggAyAKIAhBDGogCEEIahCBgICAACIFRQ0BDAQLIB0gCCgCDE0NACAIIBg2AgggCCAdNgIMCyAYQQFqIRggGqciACABSQ0ACyAIKAIIIQkgCCgCDCELIBghBQsgCiAMNgIcIAogDTYCGCAKIA42AhQgCiAPNgIQIAogCTYCDCAKIAs2AggLIAhBEGokgICAgAAgBQuHEwMNfwF+BX8CQCAAIAFBAnRqIgdBBGooAgAiCEGAgPyHBnFFDQAgBEEANgIEIAQgAjYCAEF7DwsgB0EMaiEJIAhB//8DcSEKIAcoAgAhCyAHQQhqKAIAIQwgBigCACENIAUoAgAhDgJAAkACQAJAAkACQAJAAkACQAJAAkACQAJAAkACQAJAAkACQAJAAkACQAJAAkACQCAIQRh2QR9xIg9Bf2oOEwABBAUFDw4CAQEBCwoJCAcGAw8SCwJAIApFDQAgBEEANgIEDBcLAkAgCEF/Sg0AIARBADYCBAwWCwJAAkAgDEF/akEPSw0AIAxpQQJJDQELIARBADYCBAwVCwJAIAkoAgAiB0GA/oOAf3ENACAHQf8BcSIAQYABSw0AIAdBEHZB/wFxIABqIAxBA3RLDQAgB0EYdkEPcSIHQQRLDQAgB2lBAkkNEgsgBEEANgIEIAQgAjYCAEFzDwsCQCAKRQ0AIARBADYCBAwWCwJAIAhBf0oNACAEQQA2AgQMFQsCQCALRQ0AIARBADYCBAwTCyAMIA4gDCAOSyIHGyEOIAIgDSAHGyENDBALAkAgCkUNACAEQQA2AgQMFQsCQCAIQX9KDQAgBEEANgIEDBQLAkAgCw0AIARBADYCBAwRCyAMIA4gDCAOSyIHGyEOIAIgDSAHGyENDA8LAkAgCkUNACAEQQA2AgQMFAsCQCALDQAgBEEANgIEDBALIAwgDiAMIA5LIgcbIQ4gAiANIAcbIQ0MDgsCQCAKRQ0AIARBADYCBAwTCwJAIAhBf0oNACAEQQA2AgQMEgsCQCALRQ0AIARBADYCBAwQCwJAIAxFDQAgBEEANgIEDBELIAkoAgQiByAJKAIAIgQgDiAEIA5LIgQbIgAgByAASyIHGyEOIAIgAiANIAcbIAQbIQ0MDQtBf0H///8HIAhBf0obIRACQAJAAkACQCAKRQ0AIAFBAnQgAGpBFGohB0EAIQggCiERQQAhAEEAIQFBACESA0AgBygCACAQcSILIAEgCyABSxshASAHQXxqKAIAIhMgACATIABLGyEAIAdBeGooAgAiEyAIIBMgCEsbIQggB0EMaiEHIAsgEnIhEiARQX9qIhENAAsgCCADSQ0BDAILQQAhAEEAIQFBACESIANFDQ4LAkAgD0EFRw0AIBJFDQ4gCg0CDA4LIAFBA3YgAUEHcUEAR2ogDE0NDQsgCkUNDAsgD0EFRyELQQAhBwNAAkAgCSgCACADSQ0AIAQgBzYCBAwMCyAJQQhqKAIAIgggEHEhAQJAAkACQCALDQAgAQ0BDAILIAFBA3YgCEEHcUEAR2ogDE0NAQsgBCAHNgIEIAQgAjYCAEF0DwsgCUEMaiEJIAogB0EBaiIHRg0MDAALCwJAIApFDQAgBEEANgIEDBELAkAgCw0AIARBADYCBAwNCwJAIAkoAgBBfkoNACAEQQA2AgQgBCACNgIAQXAPCyAMIA4gDCAOSyIHGyEOIAIgDSAHGyENDAsLAkAgCkUNACAEQQA2AgQMEAsCQCAIQX9KDQAgBEEANgIEDA8LAkAgDEF+akEfdyIHQQdLDQBBASAHdEGrAXENCwsgBEEANgIEDA0LAkAgCEF/Sg0AIARBADYCBAwOCwJAIAtFDQAgCkUNCiABQQJ0IABqQRRqIQcgDK0hFEEAIQEDQCAHQXhqKAIAIQACQCAMRQ0AIAc1AgAgB0F8ajUCAHwgFFgNACAEIAE2AgQgBCACNgIAQXEPCyAAIA4gACAOSyIIGyEOIAIgDSAIGyENIAdBDGohByAKIAFBAWoiAUcNAAwLCwsgBEEANgIEDAoLAkAgCkUNACAEQQA2AgQMDgsCQCAIQX9KDQAgBEEANgIEDA0LAkAgCw0AIARBADYCBAwKCwJAIAkoAgBBA0kNACAEQQA2AgQMAwsgDCAOIAwgDksiBxshDiACIA0gBxshDQwICwJAIAhBf0oNACAEQQA2AgQMDAsCQCALRQ0AIARBADYCBAwKCwJAAkAgCg0AQQAhAAwBCyAIQQFxIRMCQAJAIApBAUcNAEEAIQhBACEAQQAhAQwBCyAKIBNrIQsgAUECdCAAakEYaiEHQQAhCEEAIQBBACEBA0AgBygCACISIAdBeGooAgAiESAAIBEgAEsbIgAgEiAASxshACAHQXxqKAIAIhIgB0F0aigCACIRIAEgESABSxsiASASIAFLGyEBIAhBBGohCCAHQRBqIQcgC0F+aiILDQALCwJAIBNFDQAgCSAIQQJ0IgdqKAIAIgggASAIIAFLGyEBIAkgB0EEcmooAgAiByAAIAcgAEsbIQALIAEgA0kNAEEAIQcCQANAIAkoAgAgA08NASAJQQhqIQkgCiAHQQFqIgdGDQIMAAsLIAQgBzYCBAwGCyACIAIgDSAAIAwgDiAMIA5LIgcbIgRLIgEbIAcbIQ0gACAEIAEbIQ4MBwsCQCAIQX9KDQAgBEEANgIEDAsLIApBA0kNASAEQQA2AgQLIAQgAjYCAEFyDwsCQCALDQAgBEEANgIEDAYLIAwgDiAMIA5LIgcbIQ4gAiANIAcbIQ0MBAsCQCAKRQ0AIARBADYCBAwJCwJAIAsNACAEQQA2AgQMBQsgDEUNAyAEQQA2AgQMBgsCQAJAIAxBf2pBB0sNACAMaUEBSw0AIApFDQRBAkEDIA9BBkYbIRUgCEEDcSELAkAgCkF/akEDTw0AQQAhEkEAIQcMAgsgFUEMbCEPIBVBAnQhFiAVQQR0IRcgFUEDdCEYIAogC2shGUEAIRIgCSEIQQAhBwNAIAggD2ooAgAiESAIIBhqKAIAIhMgCCAWaigCACIQIAgoAgAiDCAHIAwgB0sbIgcgECAHSxsiByATIAdLGyIHIBEgB0sbIQcgCCAXaiEIIBkgEkEEaiISRw0ADAILCyAEQQA2AgQMBgsCQCALRQ0AIBVBAnQhCCABIBUgEmxqQQJ0IABqQQxqIQADQCAAKAIAIgEgByABIAdLGyEHIAAgCGohACALQX9qIgsNAAsLIAcgA0kNAiAVQQJ0IQBBACEHA0ACQCAJKAIAIANJDQAgBCAHNgIEDAILIAkgAGohCSAKIAdBAWoiB0cNAAwDCwsgBCACNgIAQXUPCyAAIA4gACAOSyIHGyEOIAIgDSAHGyENCyAFIA42AgAgBiANNgIAQQAPCyAEIAI2AgBBdw8LIAQgAjYCAEF2DwsgBCACNgIAQXgPCyAEIAI2AgBBeQ8LIAQgAjYCAEF6C/kBAQh/QQAhBAJAIAFFDQAgAEECdCEFIAIgA2shBkEAIQdBACEAIAEhCANAAkACQCAFIAdBAnRqKAIAQQJ0KAIAIgkNACAIIAFGIQIgASEIIAINAUF/DwtBfyEEIAkgA0kNAgJAIAggAUcNACAHIQggCSEADAELAkAgBiAAaiIALQAAIgIgBiAJaiIKLQAAIgtHDQAgAEEBaiEAIApBAWohCgNAAkAgAkH/AXENACAJIQAMAwsgCi0AACELIAAtAAAhAiAAQQFqIQAgCkEBaiEKIAIgC0YNAAsLIAkhACACIAtLDQILIAghBCAHQQFqIgcgAUcNAAsLIAQLzwEBCH9BACEHAkAgAUUNACAFQQJ0IQggAEECdCEJIAJBAnQhCiAEQQFqIQtBACEMA0ACQCAKIAkgDEECdGooAgAiDUECdGooAgBBAnQoAgAgA2oiAC0AACICIAQtAABHDQAgAEEBaiEAIAshBQJAA0AgAkH/AXFFDQEgBS0AACEOIAAtAAAhAiAAQQFqIQAgBUEBaiEFIAIgDkYNAAwCCwsCQCAHIAZPDQAgCCAHQQJ0aiANNgIACyAHQQFqIQcLIAxBAWoiDCABRw0ACwsgBwuxBgEGfyAGQQJqIgpBASAKQQFLGyILQQdxIQogBUECdCEMQQAhDQJAIAtBf2pBB0kNACAMQRBqIQUgC0F4cSELQQAhDQNAIAVCADcCACAFQQhqQgA3AgAgBUF4akIANwIAIAVBcGpCADcCACAFQSBqIQUgCyANQQhqIg1HDQALC0EAIAJrIQ4gAkECdCEPAkAgCkUNACAMIA1BAnRqIQUDQCAFQQA2AgAgBUEEaiEFIApBf2oiCg0ACwsgCEECdCELIABBAnQhDSAGQQFqIQAgDyAOQQJ0aiEIAkAgAUUNACADIARrIQMgDSEFIAEhDgNAAkACQCAIIA8gBSgCAEECdCICaigCAEECdGooAgAiCiAESQ0AIAMgCmoQhYCAgAAhCgwBCyALIAJqKAIAIQoLIAsgAmogCjYCACAKIAZxQQJ0IAxqQQRqIgogCigCAEEBajYCACAFQQRqIQUgDkF/aiIODQALCyAAQQEgAEEBSxsiD0EDcSECIAwoAgAhCkEAIQ4CQCAPQX9qQQNJDQAgDEEIaiEFIA9BfHEhBEEAIQ4DQCAFQXxqIg8gDygCACAKaiIKNgIAIAUgBSgCACAKaiIKNgIAIAVBBGoiDyAPKAIAIApqIgo2AgAgBUEIaiIPIA8oAgAgCmoiCjYCACAFQRBqIQUgBCAOQQRqIg5HDQALCwJAIAJFDQAgDkECdCAMakEEaiEFA0AgBSAFKAIAIApqIgo2AgAgBUEEaiEFIAJBf2oiAg0ACwsCQCABRQ0AA0AgDCALIA0oAgAiBUECdGooAgAiCiAGcUECdGoiAiACKAIAIgJBAWo2AgAgCCACQQF0IAdqQQJ0aiICIAo2AgAgAkEEaiAFIAlqNgIAIA1BBGohDSABQX9qIgENAAsLAkAgAEUNAAJAIABBA3EiCkUNACAMIAZBAnRqIQUDQCAFQQRqIAUoAgA2AgAgBUF8aiEFIABBf2ohACAKQX9qIgoNAAsLIAZBA0kNACAAQQJ0IAxqQXBqIQUDQCAFQQxqIAVBCGopAgA3AgAgBUEEaiAFKQIANwIAIAVBcGohBSAAQXxqIgANAAsLIAxBADYCAAvKAgEDfwJAAkAgACgAACIBQX9zIAFB//37d2pxQYCBgoR4cSICRQ0AQdO0u4h8QX9BJyACaCIAa3YgAXFBufPd8XlzQeuUr694bCAAQQdGGyIBQQ92IAFzQbXcypV8bCIBQQ12IAFzIQEMAQsCQCAAKAAEIgJBf3MgAkH//ft3anFBgIGChHhxIgNFDQAgAUG5893xeXNB65Svr3hsIgFBD3YgAXNBAEF/QScgA2giAWt2IAJxIAFBB0Ybc0G13MqVfGwiAUENdiABcyEBDAELAkAgACgACCIAQX9zIABB//37d2pxQYCBgoR4cSIDRQ0AQQBBf0EnIANoIgNrdiAAcSADQQdGGyEACyABQbnz3fF5c0HrlK+veGwiAUEPdiABcyACc0G13MqVfGwiAUENdiABcyAAcyEBCyABQa/W074CbCIBQRB2IAFzC6kIAQp/IAhBAnQhCkEAIQsCQCABRQ0AIABBAnQhDCACQQJ0Ig1BAyACa0ECdGohDkEAIQ8DQAJAIA0gDCAPQQJ0aigCACICQQJ0aigCAEECdCIIQQRqKAIAIgBB////B3EiEEUNAEECQQMgAEGAgID4B3FBgICAMEYbQQJ0IREgAiAJaiESIA4gCGohAkEAIQgDQAJAIAIoAgAiAEUNACAAIARPDQAgCiALQQxsaiITIAAgA2oQhYCAgAA2AgAgE0EEaiASNgIAIBNBCGogCDYCACALQQFqIQsLIAIgEWohAiAQIAhBAWoiCEcNAAsLIA9BAWoiDyABRw0ACwsgBUECdCETIAZBAmoiAkEBIAJBAUsbIhBBB3EhCEEAIQACQCAQQX9qQQdJDQAgE0EQaiECIBBBeHEhEEEAIQADQCACQgA3AgAgAkEIakIANwIAIAJBeGpCADcCACACQXBqQgA3AgAgAkEgaiECIBAgAEEIaiIARw0ACwsCQCAIRQ0AIBMgAEECdGohAgNAIAJBADYCACACQQRqIQIgCEF/aiIIDQALCyAGQQFqIQACQCALRQ0AIAtBAXEhBEEAIQgCQCALQQFGDQAgC0F+cSEQQQAhCCAKIQIDQCACKAIAIAZxQQJ0IBNqQQRqIhEgESgCAEEBajYCACACQQxqKAIAIAZxQQJ0IBNqQQRqIhEgESgCAEEBajYCACAIQQZqIQggAkEYaiECIBBBfmoiEA0ACwsgBEUNACAKIAhBAnRqKAIAIAZxQQJ0IBNqQQRqIgIgAigCAEEBajYCAAsgAEEBIABBAUsbIgRBA3EhECATKAIAIQhBACERAkAgBEF/akEDSQ0AIBNBCGohAiAEQXxxIRJBACERA0AgAkF8aiIEIAQoAgAgCGoiCDYCACACIAIoAgAgCGoiCDYCACACQQRqIgQgBCgCACAIaiIINgIAIAJBCGoiBCAEKAIAIAhqIgg2AgAgAkEQaiECIBIgEUEEaiIRRw0ACwsCQCAQRQ0AIBFBAnQgE2pBBGohAgNAIAIgAigCACAIaiIINgIAIAJBBGohAiAQQX9qIhANAAsLAkAgC0UNAANAIBMgCigCACAGcUECdGoiAiACKAIAIgJBAWo2AgAgAkEDbCAHakECdCICIAooAgA2AgAgAkEEaiAKQQRqKAIANgIAIAJBCGogCkEIaigCADYCACAKQQxqIQogC0F/aiILDQALCwJAIABFDQACQCAAQQNxIghFDQAgEyAGQQJ0aiECA0AgAkEEaiACKAIANgIAIAJBfGohAiAAQX9qIQAgCEF/aiIIDQALCyAGQQNJDQAgAEECdCATakFwaiECA0AgAkEMaiACQQhqKQIANwIAIAJBBGogAikCADcCACACQXBqIQIgAEF8aiIADQALCyATQQA2AgALAG0EbmFtZQFSBwAFcGFyc2UBBWNoZWNrAgtzb3J0ZWRfZnJvbQMKZmluZF9uYW1lZAQLYnVpbGRfaW5kZXgFCWhhc2hfbmFtZQYQYnVpbGRfZW51bV9pbmRleAcSAQAPX19zdGFja19wb2ludGVyAC0JcHJvZHVjZXJzAQxwcm9jZXNzZWQtYnkBDERlYmlhbiBjbGFuZwYxNC4wLjYAJw90YXJnZXRfZmVhdHVyZXMCKwdhdG9taWNzKwtidWxrLW1lbW9yeQ==";

// btf/base64.ts


// btf/table.ts
var TABLE_MAGIC = 1262638150;
var M_MAGIC = 0;
var M_FIRST_ID = 1;
var M_COUNT = 2;
var M_BTF_BYTE = 3;
var M_BTF_LEN = 4;
var M_STR_BYTE = 5;
var M_STR_LEN = 6;
var M_OFFSETS_WORD = 7;
var M_SORTED = 8;
var M_BUCKETS_WORD = 9;
var M_BUCKET_MASK = 10;
var M_ENTRIES_WORD = 11;
var M_FIRST_NAMED = 12;
var M_STR_BASE = 13;
var M_ENUM_BUCKETS_WORD = 14;
var M_ENUM_MASK = 15;
var M_ENUM_ENTRIES_WORD = 16;
var M_PENDING = 17;
var M_FUNC_BUCKETS_WORD = 20;
var M_FUNC_MASK = 21;
var M_FUNC_ENTRIES_WORD = 22;
var M_BIG_ENDIAN = 23;
var PENDING_NAMES = 1;
var PENDING_ENUMS = 2;
var PENDING_FUNCS = 4;
var SCANS_BEFORE_INDEX = 2;
var encoder = new TextEncoder();
var textDecoder = new TextDecoder();







var R = {
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

var KIND_RULES = (() => {
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
var decodeModule;

var SIZE_RULES = {
  [Kind.INT]: "is 1, 2, 4, 8 or 16 bytes",
  [Kind.ENUM]: "is 1, 2, 4 or 8 bytes",
  [Kind.ENUM64]: "is 1, 2, 4 or 8 bytes",
  [Kind.FLOAT]: "is 2, 4, 8, 12 or 16 bytes",
  [Kind.ARRAY]: "takes 0",
  [Kind.FWD]: "takes 0 (no referenced type)"
};





var BtfTypes = class _BtfTypes {
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
    const count = wasm.parse(typeWord, typeWord + hdr.typeLen / 4, offsetsWord, strBase + hdr.strLen, shapesWord, errWord, listsWord, maxTypes);
    if (count < 0) {
      const at = u32[offsetsWord + u32[errWord]];
      const rec = count === -1 || count === -2 || count === -3 ? new Uint32Array(3) : u32.subarray(at, Math.min(at + 3 + 3 * (u32[errWord + 1] + 1), u32.length));
      throw parseError(count, firstId + u32[errWord], u32[errWord + 1], rec);
    }
    const lastId = firstId + count - 1, maxRef = u32[errWord + 2];
    if (maxRef > lastId) {
      const id = firstId + u32[errWord + 3];
      const kind = u32[u32[offsetsWord + u32[errWord + 3]] + 1] >>> 24 & 127;
      throw new BtfError(`btf: type id ${id} (${kindName(kind)}) refers to type id ${maxRef}, past the last type id ${lastId}`);
    }
    const firstNamed = wasm.sorted_from(offsetsWord, count, strByte, strBase);
    const plan = planIndexes({
      offsetsWord,
      maxTypes,
      count,
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
        const queryWords = (query.length >> 2) + 1, queryWord = offsetsWord + count;
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
        for (let i = 0; i < count; i++) {
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
      count,
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
    const local = off - this.#strBase;
    if (local >= this.#strLen) throw new BtfError(`btf: name offset ${off} out of range`);
    return {
      table: this,
      at: this.#strByte + local
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
        const { words, at, count } = this.elements(id);
        const step = elemWords(kind);
        for (let e = 0; e < count; e++) {
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



// btf/elf.ts

var ElfFormatError = class extends BtfError {
  /** Creates the error with a description of the defect. */
  constructor(message) {
    super(message);
    this.name = "ElfFormatError";
  }
};







// btf/image/compression.ts
var MAGICS = [
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



// btf/image/btf_scan.ts
var MAX_BTF_BYTES = 256 << 20;
var PAGE_ALIGNED_MIN = 1 << 20;

// btf/image/arch.ts
var PE_MACHINES = {
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



// btf/image/pe.ts



// btf/image/flat.ts


var CHUNK = 1 << 20;

// btf/image/s390.ts
var S390_HEAD_BYTES = 24;
var IPL_CCWS = [
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

var CHUNK2 = 1 << 20;
var LONGEST_MAGIC = Math.max(...MAGICS.map((m) => m.magic.length));
var FIRST = new Uint8Array(256);
for (const { magic } of MAGICS) FIRST[magic[0]] = 1;

// btf/image/zboot.ts
var ZBOOT_HEADER_BYTES = 64;


// btf/image/bzimage.ts
var BOOT_HEADER_BYTES = 592;
var HDRS = 1400005704;
var MIN_PROTOCOL = 520;



// btf/input.ts
var NOT_RECOGNIZED = "not recognized as raw BTF (missing 0x9FEB magic), ELF vmlinux or compressed kernel image";


// btf/split.ts
var SPLIT_NEEDS_BASE = "split BTF (a module's): pass --base VMLINUX";


var MISMATCH = "split BTF does not match its base";
var NOT_DATA = /* @__PURE__ */ new Set([
  Kind.FUNC,
  Kind.VAR,
  Kind.DATASEC,
  Kind.DECL_TAG
]);


// load/map.ts
var PAGE = 4096;
var HUGE_PAGE = 2 << 20;
var HUGE_MIN_BTF = 1 << 20;
var PROT_READ = 1;
var MAP_PRIVATE = 2;
var MAP_FIXED = 16;
var MREMAP_MAYMOVE = 1;
var MREMAP_FIXED = 2;
var MADV_HUGEPAGE = 14;
var O_RDONLY_CLOEXEC = 524288;
var AT_FDCWD = -100;
var SYSFS_BTF = "/sys/kernel/btf/";
var SYSCALL_NUMBERS = {
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
var libc;


var advice;





// load/file.ts



var stdinBytes;










// btf/queries.ts
var MAX_CHAIN_STEPS = 20;
var MAX_ANON_DEPTH = 32;
var MAX_MEMBER_VISITS = 1e5;
var encoder2 = new TextEncoder();
var encoded = /* @__PURE__ */ new Map();



var QUALIFIERS = /* @__PURE__ */ new Set([
  Kind.CONST,
  Kind.VOLATILE,
  Kind.TYPEDEF,
  Kind.RESTRICT,
  Kind.TYPE_TAG
]);
var QUALIFIERS_AND_PTR = /* @__PURE__ */ new Set([
  ...QUALIFIERS,
  Kind.PTR
]);










// btf/enums.ts
var TWO_32 = 4294967296;





// resolvers/dsl.ts

var structId = perTable(findStruct);
























// resolvers/idr.ts
var IDR_FIELDS = [
  member("xa_node_slots", "xa_node", "slots"),
  member("xa_node_shift", "xa_node", "shift"),
  // idr.idr_rt is an embedded struct xarray: its xa_head relative to the idr.
  embedded("idr_xa_head", "idr", "idr_rt", "xarray", "xa_head"),
  ...members("idr", "idr_next")
];
var IDR = group(...IDR_FIELDS);

// resolvers/bpf_map.ts
var htabBucket = {
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
var HTAB_OFFSETS = group(member("htab_buckets", "bpf_htab", "buckets"), member("htab_n_buckets", "bpf_htab", "n_buckets"), sizeOf("bucket_size", htabBucket), member("bucket_head", htabBucket, "head"), member("hlist_nulls_head_first", "hlist_nulls_head", "first"), member("hlist_nulls_node_next", "hlist_nulls_node", "next"), sizeOf("htab_elem_size_base", "htab_elem"), atOffsetZero("htab_elem", "hash_node"));
var storageBucket = named("bpf_local_storage_map_bucket");
var TASK_STORAGE_OFFSETS = group(member("smap_buckets", "bpf_local_storage_map", "buckets"), member("smap_bucket_log", "bpf_local_storage_map", "bucket_log"), sizeOf("bucket_size", storageBucket), direct("bucket_list", storageBucket, "list"), member("hlist_head_first", typeOf(storageBucket, "list", "hlist_head"), "first"), member("hlist_node_next", "hlist_node", "next"), direct("elem_local_storage", "bpf_local_storage_elem", "local_storage"), direct("elem_sdata", "bpf_local_storage_elem", "sdata"), member("sdata_data", "bpf_local_storage_data", "data"), member("ls_owner", "bpf_local_storage", "owner"), atOffsetZero("hlist_node", "next"), atOffsetZero("bpf_local_storage_elem", "map_node"));
var STRUCT_OPS_OFFSETS = group(direct("kvalue", "bpf_struct_ops_map", "kvalue"), member("value_data", typeOf("bpf_struct_ops_map", "kvalue", "bpf_struct_ops_value"), "data"));
var RINGBUF_OFFSETS = group(member("rbm_rb", "bpf_ringbuf_map", "rb"), member("rb_mask", "bpf_ringbuf", "mask"), member("rb_consumer_pos", "bpf_ringbuf", "consumer_pos"), member("rb_producer_pos", "bpf_ringbuf", "producer_pos"), member("rb_pending_pos", "bpf_ringbuf", "pending_pos"));
var STACKMAP_OFFSETS = group(member("smap_n_buckets", "bpf_stack_map", "n_buckets"), member("smap_buckets", "bpf_stack_map", "buckets"), member("smb_nr", "stack_map_bucket", "nr"), member("smb_data", "stack_map_bucket", "data"));
var bpfMap = named("bpf_map");
var BPF_MAP = group(member("map_name", bpfMap, "name"), member("map_type", bpfMap, "map_type"), member("map_flags", bpfMap, "map_flags"), member("key_size", bpfMap, "key_size"), member("value_size", bpfMap, "value_size"), member("max_entries", bpfMap, "max_entries"), member("array_value", "bpf_array", "value"), ...IDR_FIELDS, member("map_btf", bpfMap, "btf"), member("map_btf_value_type_id", bpfMap, "btf_value_type_id"), orZero(member("map_btf_vmlinux_value_type_id", bpfMap, "btf_vmlinux_value_type_id")), member("map_btf_key_type_id", bpfMap, "btf_key_type_id"), member("btf_data", "btf", "data"), member("btf_data_size", "btf", "data_size"), member("btf_base_btf", "btf", "base_btf"), sub("htab_offsets", HTAB_OFFSETS), sub("task_storage_offsets", TASK_STORAGE_OFFSETS), sub("struct_ops_offsets", STRUCT_OPS_OFFSETS), sub("ringbuf_offsets", RINGBUF_OFFSETS), sub("stackmap_offsets", STACKMAP_OFFSETS));

// resolvers/bpf_prog.ts
var BPF_PROG = group(member("prog_type", "bpf_prog", "type"), member("prog_aux", "bpf_prog", "aux"), member("aux_verified_insns", "bpf_prog_aux", "verified_insns"), member("aux_name", "bpf_prog_aux", "name"), member("aux_used_maps", "bpf_prog_aux", "used_maps"), member("aux_used_map_cnt", "bpf_prog_aux", "used_map_cnt"), ...IDR_FIELDS, member("prog_stats", "bpf_prog", "stats"), member("stats_cnt", "bpf_prog_stats", "cnt"), member("stats_nsecs", "bpf_prog_stats", "nsecs"), member("stats_misses", "bpf_prog_stats", "misses"));

// resolvers/cpu_time.ts
var CPU_TIME = group(member("kernel_cpustat_cpustat", "kernel_cpustat", "cpustat"), member("kstat_irqs_sum", "kernel_stat", "irqs_sum"), member("kstat_softirqs", "kernel_stat", "softirqs"), optional(member("tick_sched_iowait_sleeptime", "tick_sched", "iowait_sleeptime")));
var NUMA_STATS = group(member("pglist_data_node_zones", "pglist_data", "node_zones"), member("zone_vm_numa_event", "zone", "vm_numa_event"), sizeOf("zone_size", "zone"));

// resolvers/cgroup.ts
var PSI = group(member("psi_group_total", "psi_group", "total"), member("psi_group_avg", "psi_group", "avg"), optional(enumerator("psi_irq_full_idx", "PSI_IRQ_FULL")));
var CGROUP_WALK = group(member("cgroup_self", "cgroup", "self"), member("cgroup_kn", "cgroup", "kn"), member("cgroup_psi", "cgroup", "psi"), member("css_sibling", "cgroup_subsys_state", "sibling"), member("css_children", "cgroup_subsys_state", "children"), member("css_serial_nr", "cgroup_subsys_state", "serial_nr"), member("cgroup_root_cgrp", "cgroup_root", "cgrp"), member("kernfs_node_name", "kernfs_node", "name"));

// resolvers/kernel.ts
var rq = named("rq");
var scxRq = typeOf(rq, "scx", "scx_rq");
var localDsq = typeOf(scxRq, "local_dsq", "scx_dispatch_q");

var eventPath = perTable((types, _) => findEventPath(types));
var eventStats = {
  label: "scx_event_stats",
  found: "typeof(scx_sched_pcpu.event_stats), else typeof(scx_sched.event_stats_cpu)",
  resolve: (types) => eventPath(types, "event").statsStruct
};



var EVENT_OFFSETS = group(custom("percpu_ptr_off", "scx_sched.pcpu", percpuPtrOff, [
  "scx_sched.event_stats_cpu"
]), custom("event_stats_off", "scx_sched_pcpu.event_stats", eventStatsOff, [
  "0 (path B)"
]), event("ev_select_cpu_fallback"), event("ev_dispatch_local_dsq_offline"), event("ev_dispatch_keep_last"), event("ev_enq_skip_exiting"), event("ev_enq_skip_migration_disabled"), optional(event("ev_reenq_immed")), optional(event("ev_reenq_local_repeat", "SCX_EV_REENQ_REPEAT")), optional(event("ev_refill_slice_dfl", "SCX_EV_ENQ_SLICE_DFL")), optional(event("ev_bypass_duration")), optional(event("ev_bypass_dispatch")), optional(event("ev_bypass_activate")), optional(event("ev_insert_not_owned")), optional(event("ev_sub_bypass_dispatch")), optional(event("ev_slice_clamped")), optional(event("ev_slice_denied")), optional(event("ev_sub_forced_admit")), optional(event("ev_sub_preempt_denied")), optional(event("ev_sub_kick_denied")), optional(event("ev_sub_reenq_denied")), optional(event("ev_sub_cidperf_denied")), optional(event("ev_sub_rescue")), memberMap("counters", eventStats, "SCX_EV_"));
var schedInfo = typeOf(rq, "rq_sched_info", "sched_info");
var SCHEDSTAT_OFFSETS = group(direct("rq_sched_info", rq, "rq_sched_info"), member("sched_info_run_delay", schedInfo, "run_delay"), member("sched_info_pcount", schedInfo, "pcount"), member("rq_yld_count", rq, "yld_count"), member("rq_sched_count", rq, "sched_count"), member("rq_sched_goidle", rq, "sched_goidle"), member("rq_ttwu_count", rq, "ttwu_count"), member("rq_ttwu_local", rq, "ttwu_local"));
var sd = named("sched_domain");

var SCHED_DOMAIN_STATS = group(...[
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
var SCHED_DOMAIN_OFFSETS = group(member("rq_sd", rq, "sd"), ...[
  "sd_parent",
  "sd_level",
  "sd_name",
  "sd_flags",
  "sd_span_weight",
  "sd_balance_interval",
  "sd_nr_balance_failed",
  "sd_max_newidle_lb_cost"
].map(sdField), allOrNothing(sdField("sd_newidle_call"), sdField("sd_newidle_success"), sdField("sd_newidle_ratio")), sub("stats_offsets", SCHED_DOMAIN_STATS));
var WATCHDOG_OFFSETS = group(member("scx_sched_watchdog_timeout_off", "scx_sched", "watchdog_timeout"));
var KERNEL = group(member("rq_nr_running", rq, "nr_running"), member("rq_clock", rq, "clock"), direct("rq_scx", rq, "scx"), member("scx_rq_nr_running", scxRq, "nr_running"), direct("scx_rq_local_dsq", scxRq, "local_dsq"), member("scx_rq_flags", scxRq, "flags"), member("dsq_nr", localDsq, "nr"), member("rq_cpu", rq, "cpu"), optional(embedded("rq_avg_irq_util_avg", rq, "avg_irq", "sched_avg", "util_avg")), sub("event_offsets", EVENT_OFFSETS), sub("schedstat_offsets", SCHEDSTAT_OFFSETS), sub("sched_domain_offsets", SCHED_DOMAIN_OFFSETS), sub("watchdog_offsets", WATCHDOG_OFFSETS));

// resolvers/runnable_scan.ts
var RUNNABLE_SCAN = group(member("task_struct_scx", "task_struct", "scx"), member("sched_ext_entity_tasks_node", "sched_ext_entity", "tasks_node"), member("sched_ext_entity_flags", "sched_ext_entity", "flags"), member("sched_ext_entity_runnable_at", "sched_ext_entity", "runnable_at"), member("sched_ext_entity_runnable_node", "sched_ext_entity", "runnable_node"), member("rq_scx", "rq", "scx"), member("scx_rq_runnable_list", "scx_rq", "runnable_list"));

// resolvers/scx_walker.ts
var RQ = group(...members("rq", "scx", "curr"));
var SCX_RQ = group(...members("scx_rq", "local_dsq", "runnable_list", "nr_running", "flags", "cpu_released"), optional(member("ops_qseq", "scx_rq", "ops_qseq")), optional(member("kick_sync", "scx_rq", "kick_sync", "pnt_seq")), ...members("scx_rq", "nr_immed", "clock").map(optional));
var TASK = group(...members("task_struct", "comm", "pid", "scx"));
var SEE = group(...members("sched_ext_entity", "runnable_node", "runnable_at", "weight", "slice", "dsq_vtime", "dsq", "dsq_list", "flags", "dsq_flags", "sticky_cpu", "holding_cpu", "tasks_node"), optional(member("ops_qseq", "sched_ext_entity", "ops_qseq")));
var DSQ_LNODE = group(...members("scx_dsq_list_node", "node", "flags"));
var DSQ = group(...members("scx_dispatch_q", "list", "nr", "seq", "id", "hash_node"));
var SCHED = group(member("dsq_hash", "scx_sched", "dsq_hash"), ...members("scx_sched", "pnode", "pcpu", "aborting", "bypass_depth").map(optional), member("exit_kind", "scx_sched", "exit_kind"));
var SCHED_PNODE = group(structExists("scx_sched_pnode"), optional(member("global_dsq", "scx_sched_pnode", "global_dsq")));
var SCHED_PCPU = group(structExists("scx_sched_pcpu"), optional(member("bypass_dsq", "scx_sched_pcpu", "bypass_dsq")));
var RHT = group(...members("rhashtable", "tbl", "nelems"), member("bucket_table_size", "bucket_table", "size"), member("bucket_table_buckets", "bucket_table", "buckets"), member("rhash_head_next", "rhash_head", "next"));
var SUB_GROUPS = [
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
var SCX_WALKER = group(...SUB_GROUPS.map(([key, g]) => sub(key, g)), derived("missing_groups", "the failed sub-groups", (partial) => SUB_GROUPS.filter(([key]) => partial[key] === null).map(([, , name]) => name)));

// resolvers/task_enrichment.ts
var task = (field) => member(`task_struct_${field}`, "task_struct", field);
var signal = (field) => member(`signal_struct_${field}`, "signal_struct", field);
var TASK_ENRICHMENT = group(...[
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

// resolvers/mod.ts
var GROUPS = {
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


// resolvers/constants.ts
var PID_TYPE = {
  PID: 0,
  TGID: 1,
  PGID: 2,
  SID: 3
};
var CPUTIME = {
  CPUTIME_USER: 0,
  CPUTIME_NICE: 1,
  CPUTIME_SYSTEM: 2,
  CPUTIME_SOFTIRQ: 3,
  CPUTIME_IRQ: 4,
  CPUTIME_IDLE: 5,
  CPUTIME_IOWAIT: 6,
  CPUTIME_STEAL: 7
};
var SOFTIRQ_NAMES = [
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
var NUMA_EVENT = {
  NUMA_HIT: 0,
  NUMA_MISS: 1,
  NUMA_FOREIGN: 2,
  NUMA_INTERLEAVE_HIT: 3,
  NUMA_LOCAL: 4,
  NUMA_OTHER: 5
};
var NUMA_EVENT_NAMES = Object.keys(NUMA_EVENT);
var CONSTANTS = {
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
var PID_ENUMERATORS = {
  PID: "PIDTYPE_PID",
  TGID: "PIDTYPE_TGID",
  PGID: "PIDTYPE_PGID",
  SID: "PIDTYPE_SID"
};
var SAME_NAME = [
  "SCX_DSQ_LNODE_ITER_CURSOR",
  "CPU_MAX_IDLE_TYPES",
  ...Object.keys(CPUTIME),
  "NR_SOFTIRQS",
  ...NUMA_EVENT_NAMES,
  "NR_VM_NUMA_EVENT_ITEMS"
];




// workers/handler.ts


var threadArena;




// workers/serve.ts


// workers/resolver_worker.ts
serveShares();
