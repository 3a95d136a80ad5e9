import {
  BtfError
} from "./chunk-PX3IRLHB.js";

// btf/header.ts
var MIN_HEADER_LEN = 24;
var LAYOUT_HEADER_LEN = 32;
function hasBtfMagic(bytes) {
  return bytes.length >= 2 && bytes[0] === 159 && bytes[1] === 235;
}
function hasBigEndianBtfMagic(bytes) {
  return bytes.length >= 2 && bytes[0] === 235 && bytes[1] === 159;
}
function section(name, hdrLen, off, len, total) {
  const start = hdrLen + off;
  if (start + len > total) {
    throw new BtfError(`btf: ${name} section (offset ${off}, length ${len}) runs past the end of the ${total}-byte blob`);
  }
  return start;
}
function checkLayout(sections, hdrLen, total) {
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
}
function parseHeader(bytes, total = bytes.length) {
  if (hasBigEndianBtfMagic(bytes)) {
    throw new BtfError("btf: big-endian BTF is not supported (magic eb 9f); only little-endian BTF is read");
  }
  if (!hasBtfMagic(bytes)) throw new BtfError("btf: missing 0x9FEB magic");
  if (total < MIN_HEADER_LEN || bytes.length < MIN_HEADER_LEN) {
    throw new BtfError(`btf: ${total}-byte blob is shorter than the 24-byte header`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = bytes[2];
  if (version !== 1) throw new BtfError(`btf: unsupported version ${version} (expected 1)`);
  const flags = bytes[3];
  if (flags !== 0) throw new BtfError(`btf: header flags 0x${flags.toString(16)} are not zero`);
  const hdrLen = view.getUint32(4, true);
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
  const typeOff = view.getUint32(8, true), typeLen = view.getUint32(12, true);
  const strOff = view.getUint32(16, true), strLen = view.getUint32(20, true);
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
    const layoutOff = view.getUint32(24, true);
    layoutLen = view.getUint32(28, true);
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
    hdrLen,
    typeStart,
    typeLen,
    strStart,
    strLen,
    layoutStart,
    layoutLen
  };
}
function checkStrings(blob, hdr, split) {
  if (!split && hdr.strLen === 0) {
    throw new BtfError("btf: string section is empty (offset 0 is the empty name)");
  }
  if (!split && blob[hdr.strStart] !== 0) {
    throw new BtfError("btf: string section does not start with a NUL (offset 0 is the empty name)");
  }
  if (hdr.strLen > 0 && blob[hdr.strStart + hdr.strLen - 1] !== 0) {
    throw new BtfError("btf: string section is not NUL-terminated");
  }
}

// btf/wasm/decode_wasm.ts
var DECODE_WASM_BASE64 = "AGFzbQEAAAABMQVgBn9/f39/fwF/YAR/f39/AX9gCX9/f39/f39/fwBgAX8Bf2AKf39/f39/f39/fwACEgEDZW52Bm1lbW9yeQIDAYCABAMHBgABAAIDBAYHAX8BQYAICwdFBQVwYXJzZQAAC3NvcnRlZF9mcm9tAAEKZmluZF9uYW1lZAACC2J1aWxkX2luZGV4AAMQYnVpbGRfZW51bV9pbmRleAAFCrAvBoIaBwt/AX4HfwF+Bn8BfgF/IAVBAnQhBkEAIQdBACEIQQAhCUEAIQoCQAJAAkACQAJAAkAgACABTw0AIARBAnQiC0GACGohDCALQYAEaiENIABBAnQiBUEFIABrQQJ0aiEOIAVBAyAAa0ECdGohDyAFQQYgAGtBAnRqIRAgAa0hEUEAIQpBACEJQQAhCEEAIQcDQAJAIAEgAGtBAksNACAGIAo2AgBBfw8LAkAgCyAAQQJ0IhJBBGoiEygCACIFQRh2Qf8AcSIEQQJ0IhRqKAIAIhVBf0cNACAGIAQ2AgQgBiAKNgIAQX4PCwJAIBIoAgAiFiADSQ0AIAYgFjYCBCAGIAo2AgBBfQ8LIAogAmpBAnQgADYCAAJAAkACQCAEQXpqDg4BAAAAAAAAAAAAAAAAAQALIAVB////B3EhFwwBCyAFQf///wdxIhcgCWohCQsCQCAArSAVrXwgDSAUaigCACIYrSAXrX58QgN8IhkgEVgNACAGIAQ2AgQgBiAKNgIAQXwPCwJAIARBE0sNAEEAIQQgDCAUaigCACIXQQFxIAVBgID8hwZxQQBHciAXQQp2IAVB//8DcSIVQQBHcXIgF0ELdiAVQQJLcXIgF0EBdiAFQQBIcXIgF0ECdiAWRXFyIBdBA3YgFkEAR3FyIRQgEkEIaigCACEaAkAgF0EgcUUNAEEBIQQgGkEQSw0AIBcgGkEManZBAXFFIQQLIBQgBHIhGyAXQRt0QR91IBpxIRwCQCAXQcAAcUUNACAXQRh0QR91IRYCQAJAAkACQAJAIBhBA0YNACAVDQNBACEEDAELQQAhBCAVDQELQQAhBUEAIRUMAgtB////B0F/IAVBAEgbQQAgF0GABnEbIR0gFUEDbCEeIA4gEmohFEEAIRhBACEVQQAhBUEAIQQDQCAUKAIAIB1xIh8gFSAfIBVLGyEVIBRBeGooAgAiHyAEIB8gBEsbIQQgFEF8aigCACAWcSIfIAUgHyAFSxshBSAUQQxqIRQgGEEDaiIYIB5JDQAMAgsLIBJBDGohFCAVQQF0IR1BACEVQQAhGEEAIQVBACEEA0AgFEEEaigCACAWcSIfIAUgHyAFSxshBSAUKAIAIh8gBCAfIARLGyEEIBRBCGohFCAYQQJqIhggHUkNAAsLIBsgBCADT3IhFEEAIQQCQCAXQYACcUUNACAVQQN2IBVBB3FBAEdqIBpLIQQLIBQgF0EJdiAVQQBHcXIgBHIhGyAFIBwgBSAcSxshHAsCQAJAAkACQAJAAkACQAJAAkACQAJAAkACQCAbRQ0AAkAgEygCACIFQYCA/IcGcUUNACAGQQA2AgQgBiAKNgIAQXsPCyASQQxqIRQgBUH//wNxIRYgEigCACEEAkACQAJAAkACQAJAIAVBGHZBH3EiHkF/ag4TAAEEBQUQDwIBAQEMCwoJCAcDEBMLAkAgFkUNACAGQQA2AgQMGgsCQCAFQX9KDQAgBkEANgIEDBkLAkACQCAaQX9qQQ9LDQAgGmlBAkkNAQsgBkEANgIEDBgLAkAgFCgCACIFQYD+g4B/cQ0AIAVB/wFxIgRBgAFLDQAgBUEQdkH/AXEgBGogGkEDdEsNACAFQRh2QQ9xIgVBBEsNACAFaUECSQ0TCyAGQQA2AgQgBiAKNgIAQXMPCwJAIBZFDQAgBkEANgIEDBkLAkAgBUF/Sg0AIAZBADYCBAwYCwJAIARFDQAgBkEANgIEDBYLIBogByAaIAdLIgUbIQcgCiAIIAUbIQgMEQsCQCAWRQ0AIAZBADYCBAwYCwJAIAVBf0oNACAGQQA2AgQMFwsCQCAEDQAgBkEANgIEDBQLIBogByAaIAdLIgUbIQcgCiAIIAUbIQgMEAsCQCAWRQ0AIAZBADYCBAwXCwJAIAQNACAGQQA2AgQMEwsgGiAHIBogB0siBRshByAKIAggBRshCAwPCwJAIBZFDQAgBkEANgIEDBYLAkAgBUF/Sg0AIAZBADYCBAwVCwJAIARFDQAgBkEANgIEDBMLAkAgGkUNACAGQQA2AgQMFAsgFCgCBCIFIBQoAgAiBCAHIAQgB0siBBsiFCAFIBRLIgUbIQcgCiAKIAggBRsgBBshCAwOC0F/Qf///wcgBUF/ShshHQJAAkACQCAWDQBBACEEQQAhFUEAIRgMAQsgDiASaiEFQQAhACAWIR9BACEEQQAhFUEAIRgDQCAFKAIAIB1xIhcgFSAXIBVLGyEVIAVBfGooAgAiEiAEIBIgBEsbIQQgBUF4aigCACISIAAgEiAASxshACAFQQxqIQUgFyAYciEYIB9Bf2oiHw0ACyAAIANPDQELAkAgHkEFRw0AIBhFDQ4gFg0BDA4LIBVBA3YgFUEHcUEAR2ogGk0NDSAWRQ0NC0EAIQUDQAJAIBQoAgAgA0kNACAGIAU2AgQMDQsgFEEIaigCACIAIB1xIRUCQAJAAkAgHkEFRw0AIBUNAQwCCyAVQQN2IABBB3FBAEdqIBpNDQELIAYgBTYCBCAGIAo2AgBBdA8LIBRBDGohFCAWIAVBAWoiBUYNDQwACwsgCiAIIBwgB0siBRshCCAcIAcgBRshBwwMCwJAIBZFDQAgBkEANgIEDBMLAkAgBA0AIAZBADYCBAwPCwJAIBQoAgBBfkoNACAGQQA2AgQgBiAKNgIAQXAPCyAaIAcgGiAHSyIFGyEHIAogCCAFGyEIDAsLAkAgFkUNACAGQQA2AgQMEgsCQCAFQX9KDQAgBkEANgIEDBELAkAgGkF+akEfdyIFQQdLDQBBASAFdEGrAXENCwsgBkEANgIEDA8LAkAgBUF/Sg0AIAZBADYCBAwQCwJAIARFDQAgFkUNCiAOIBJqIQUgGq0hIEEAIRQDQCAFQXhqKAIAIQQCQCAaRQ0AIAU1AgAgBUF8ajUCAHwgIFgNACAGIBQ2AgQgBiAKNgIAQXEPCyAEIAcgBCAHSyIVGyEHIAogCCAVGyEIIAVBDGohBSAWIBRBAWoiFEcNAAwLCwsgBkEANgIEDAwLAkAgFkUNACAGQQA2AgQMEAsCQCAFQX9KDQAgBkEANgIEDA8LAkAgBA0AIAZBADYCBAwMCwJAIBQoAgBBA0kNACAGQQA2AgQMAwsgGiAHIBogB0siBRshByAKIAggBRshCAwICwJAIAVBf0oNACAGQQA2AgQMDgsCQCAERQ0AIAZBADYCBAwMCwJAAkACQCAWDQBBACEEDAELIAVBAXEhHUEAIQBBACEEQQAhFQJAIBZBAUYNACAWIB1rIR8gECASaiEFQQAhAEEAIQRBACEVA0AgBSgCACIXIAVBeGooAgAiGCAEIBggBEsbIgQgFyAESxshBCAFQXxqKAIAIhcgBUF0aigCACIYIBUgGCAVSxsiFSAXIBVLGyEVIAVBEGohBSAfIABBAmoiAEcNAAsLAkAgHUUNACAUIABBA3RqIgUoAgAiACAVIAAgFUsbIRUgBUEEaigCACIFIAQgBSAESxshBAsgFSADSQ0AQQAhBQNAIBQoAgAgA08NAiAUQQhqIRQgFiAFQQFqIgVHDQALCyAKIAogCCAEIBogByAaIAdLIgUbIhRLIhUbIAUbIQggBCAUIBUbIQcMCAsgBiAFNgIEDAULAkAgBUF/Sg0AIAZBADYCBAwNCyAWQQNJDQEgBkEANgIECyAGIAo2AgBBcg8LAkAgBA0AIAZBADYCBAwICyAaIAcgGiAHSyIFGyEHIAogCCAFGyEIDAQLAkAgFkUNACAGQQA2AgQMCwsCQCAEDQAgBkEANgIEDAcLIBpFDQMgBkEANgIEDAgLAkAgGkF/akEHSw0AIBppQQFLDQAgFkUNA0ECQQMgHkEGRhshISAFQQNxIRVBACEXQQAhBQJAIBZBf2pBA0kNACAhQQxsIR4gIUECdCEaICFBBHQhHCAhQQN0IRsgFiAVayETQQAhFyAUIQRBACEFA0AgBCAeaigCACIYIAQgG2ooAgAiHyAEIBpqKAIAIhIgBCgCACIdIAUgHSAFSxsiBSASIAVLGyIFIB8gBUsbIgUgGCAFSxshBSAEIBxqIQQgEyAXQQRqIhdHDQALCwJAIBVFDQAgIUECdCEYIA8gACAhIBdsakECdGohBANAIAQoAgAiACAFIAAgBUsbIQUgBCAYaiEEIBVBf2oiFQ0ACwsgBSADSQ0DICFBAnQhBEEAIQUDQAJAIBQoAgAgA0kNACAGIAU2AgQMAwsgFCAEaiEUIBYgBUEBaiIFRw0ADAQLCyAGQQA2AgQMBwsgBiAKNgIAQXUPCyAEIAcgBCAHSyIFGyEHIAogCCAFGyEICyAKQQFqIQogGaciACABSQ0ACwsgBiAJNgIQIAYgCDYCDCAGIAc2AgggCg8LIAYgCjYCAEF3DwsgBiAKNgIAQXYPCyAGIAo2AgBBeA8LIAYgCjYCAEF5DwsgBiAKNgIAQXoL+QEBCH9BACEEAkAgAUUNACAAQQJ0IQUgAiADayEGQQAhB0EAIQAgASEIA0ACQAJAIAUgB0ECdGooAgBBAnQoAgAiCQ0AIAggAUYhAiABIQggAg0BQX8PC0F/IQQgCSADSQ0CAkAgCCABRw0AIAchCCAJIQAMAQsCQCAGIABqIgAtAAAiAiAGIAlqIgotAAAiC0cNACAAQQFqIQAgCkEBaiEKA0ACQCACQf8BcQ0AIAkhAAwDCyAKLQAAIQsgAC0AACECIABBAWohACAKQQFqIQogAiALRg0ACwsgCSEAIAIgC0sNAgsgCCEEIAdBAWoiByABRw0ACwsgBAvEAQEHf0EAIQYCQCABRQ0AIARBAnQhByAAQQJ0IQggA0EBaiEJQQAhCgNAAkAgCCAKQQJ0aigCAEECdCgCACIARQ0AIAAgAmoiBC0AACIAIAMtAABHDQAgBEEBaiEEIAkhCwJAA0AgAEH/AXFFDQEgCy0AACEMIAQtAAAhACAEQQFqIQQgC0EBaiELIAAgDEYNAAwCCwsCQCAGIAVPDQAgByAGQQJ0aiAKNgIACyAGQQFqIQYLIApBAWoiCiABRw0ACwsgBgvABgEGfyAFQQJqIglBASAJQQFLGyIKQQdxIQkgBEECdCELQQAhDAJAIApBf2pBB0kNACALQRBqIQQgCkF4cSEKQQAhDANAIARCADcCACAEQQhqQgA3AgAgBEF4akIANwIAIARBcGpCADcCACAEQSBqIQQgCiAMQQhqIgxHDQALC0EAIABrIQ0gAEECdCEKAkAgCUUNACALIAxBAnRqIQQDQCAEQQA2AgAgBEEEaiEEIAlBf2oiCQ0ACwsgB0ECdCEMIAVBAWohByAKIA1BAnRqIQACQCABRQ0AIAIgA2shDiAKIQQgASENIAwhCQNAAkAgACAEKAIAQQJ0aigCACICRQ0AAkACQCACIANJDQAgDiACahCEgICAACECDAELIAkoAgAhAgsgCSACNgIAIAIgBXFBAnQgC2pBBGoiAiACKAIAQQFqNgIACyAEQQRqIQQgCUEEaiEJIA1Bf2oiDQ0ACwsgB0EBIAdBAUsbIgNBA3EhDSALKAIAIQlBACECAkAgA0F/akEDSQ0AIAtBCGohBCADQXxxIQ5BACECA0AgBEF8aiIDIAMoAgAgCWoiCTYCACAEIAQoAgAgCWoiCTYCACAEQQRqIgMgAygCACAJaiIJNgIAIARBCGoiAyADKAIAIAlqIgk2AgAgBEEQaiEEIA4gAkEEaiICRw0ACwsCQCANRQ0AIAJBAnQgC2pBBGohBANAIAQgBCgCACAJaiIJNgIAIARBBGohBCANQX9qIg0NAAsLAkAgAUUNAANAAkAgACAKKAIAQQJ0aigCAEUNACALIAwoAgAiBCAFcUECdGoiCSAJKAIAIglBAWo2AgAgACAJQQF0IAZqQQJ0aiIJIAQ2AgAgCUEEaiAINgIACyAKQQRqIQogDEEEaiEMIAhBAWohCCABQX9qIgENAAsLAkAgB0UNAAJAIAdBA3EiCUUNACALIAVBAnRqIQQDQCAEQQRqIAQoAgA2AgAgBEF8aiEEIAdBf2ohByAJQX9qIgkNAAsLIAVBA0kNACAHQQJ0IAtqQXBqIQQDQCAEQQxqIARBCGopAgA3AgAgBEEEaiAEKQIANwIAIARBcGohBCAHQXxqIgcNAAsLIAtBADYCAAvKAgEDfwJAAkAgACgAACIBQX9zIAFB//37d2pxQYCBgoR4cSICRQ0AQdO0u4h8QX9BJyACaCIAa3YgAXFBufPd8XlzQeuUr694bCAAQQdGGyIBQQ92IAFzQbXcypV8bCIBQQ12IAFzIQEMAQsCQCAAKAAEIgJBf3MgAkH//ft3anFBgIGChHhxIgNFDQAgAUG5893xeXNB65Svr3hsIgFBD3YgAXNBAEF/QScgA2giAWt2IAJxIAFBB0Ybc0G13MqVfGwiAUENdiABcyEBDAELAkAgACgACCIAQX9zIABB//37d2pxQYCBgoR4cSIDRQ0AQQBBf0EnIANoIgNrdiAAcSADQQdGGyEACyABQbnz3fF5c0HrlK+veGwiAUEPdiABcyACc0G13MqVfGwiAUENdiABcyAAcyEBCyABQa/W074CbCIBQRB2IAFzC9oIAQx/IAhBAnQhCkEAIQtBACEMAkAgACABTw0AIAJBAnQiDUGABGohDiAAQQJ0QQMgAGtBAnRqIQ9BACEMQQAhEANAIAAgDSAAQQJ0IhFBBGooAgAiAkEYdkH/AHEiCEECdCISaigCAGogDiASaigCACACQf///wdxIhNsakEDaiEAAkACQCAIQXpqDg4AAQEBAQEBAQEBAQEBAAELIBNFDQBBAkEDIAhBBkYbQQJ0IRQgECAJaiEVIA8gEWohCEEAIQIDQAJAIAgoAgAiEkUNACASIARPDQAgCiAMQQxsaiIRIBIgA2oQhICAgAA2AgAgEUEEaiAVNgIAIBFBCGogAjYCACAMQQFqIQwLIAggFGohCCATIAJBAWoiAkcNAAsLIBBBAWohECAAIAFJDQALCyAFQQJ0IREgBkECaiIIQQEgCEEBSxsiEkEHcSECAkAgEkF/akEHSQ0AIBFBEGohCCASQXhxIRJBACELA0AgCEIANwIAIAhBCGpCADcCACAIQXhqQgA3AgAgCEFwakIANwIAIAhBIGohCCASIAtBCGoiC0cNAAsLAkAgAkUNACARIAtBAnRqIQgDQCAIQQA2AgAgCEEEaiEIIAJBf2oiAg0ACwsgBkEBaiESAkAgDEUNACAMQQFxIQRBACECAkAgDEEBRg0AIAxBfnEhE0EAIQIgCiEIA0AgCCgCACAGcUECdCARakEEaiIUIBQoAgBBAWo2AgAgCEEMaigCACAGcUECdCARakEEaiIUIBQoAgBBAWo2AgAgAkEGaiECIAhBGGohCCATQX5qIhMNAAsLIARFDQAgCiACQQJ0aigCACAGcUECdCARakEEaiIIIAgoAgBBAWo2AgALIBJBASASQQFLGyIEQQNxIRMgESgCACECQQAhFAJAIARBf2pBA0kNACARQQhqIQggBEF8cSEVQQAhFANAIAhBfGoiBCAEKAIAIAJqIgI2AgAgCCAIKAIAIAJqIgI2AgAgCEEEaiIEIAQoAgAgAmoiAjYCACAIQQhqIgQgBCgCACACaiICNgIAIAhBEGohCCAVIBRBBGoiFEcNAAsLAkAgE0UNACAUQQJ0IBFqQQRqIQgDQCAIIAgoAgAgAmoiAjYCACAIQQRqIQggE0F/aiITDQALCwJAIAxFDQADQCARIAooAgAgBnFBAnRqIgggCCgCACIIQQFqNgIAIAhBA2wgB2pBAnQiCCAKKAIANgIAIAhBBGogCkEEaigCADYCACAIQQhqIApBCGooAgA2AgAgCkEMaiEKIAxBf2oiDA0ACwsCQCASRQ0AAkAgEkEDcSICRQ0AIBEgBkECdGohCANAIAhBBGogCCgCADYCACAIQXxqIQggEkF/aiESIAJBf2oiAg0ACwsgBkEDSQ0AIBJBAnQgEWpBcGohCANAIAhBDGogCEEIaikCADcCACAIQQRqIAgpAgA3AgAgCEFwaiEIIBJBfGoiEg0ACwsgEUEANgIACwBmBG5hbWUBSwYABXBhcnNlAQtzb3J0ZWRfZnJvbQIKZmluZF9uYW1lZAMLYnVpbGRfaW5kZXgECWhhc2hfbmFtZQUQYnVpbGRfZW51bV9pbmRleAcSAQAPX19zdGFja19wb2ludGVyAC0JcHJvZHVjZXJzAQxwcm9jZXNzZWQtYnkBDERlYmlhbiBjbGFuZwYxNC4wLjYAJw90YXJnZXRfZmVhdHVyZXMCKwdhdG9taWNzKwtidWxrLW1lbW9yeQ==";

// btf/arena.ts
var WASM_PAGE = 65536;
var MAX_WASM_PAGES = 65536;
var GENERATION_WORD = 19;
function wholeHugePages(pages) {
  return Math.min(MAX_WASM_PAGES, Math.ceil(pages / 32) * 32);
}
function newMemory(pages, maxPages) {
  return new WebAssembly.Memory({
    initial: wholeHugePages(pages),
    maximum: wholeHugePages(maxPages),
    shared: true
  });
}
function growTo(memory, pages) {
  const have = memory.buffer.byteLength / WASM_PAGE;
  if (have < pages) memory.grow(wholeHugePages(pages) - have);
}
var MAP_PAGE = 4096;
function placeIn(advice2, mappable) {
  return (memory, byte, region, total) => {
    if (region === "index" && !mappable) return byte;
    const at = advice2 ? advice2.place(memory, byte, total) : byte;
    return region === "blob" && mappable ? Math.ceil(at / MAP_PAGE) * MAP_PAGE : at;
  };
}
function freshSpace(advice2, mappable = false) {
  return {
    slack: (total) => (advice2?.slack(total) ?? 0) + (mappable ? MAP_PAGE : 0),
    acquire(pages, maxPages) {
      const memory = newMemory(mappable ? maxPages : pages, maxPages);
      advice2?.fresh(memory, maxPages * WASM_PAGE);
      return memory;
    },
    place: placeIn(advice2, mappable)
  };
}
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
function extraWords(kind, vlen) {
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
}
function kindName(kind) {
  return KIND_NAMES[kind] ?? `kind ${kind}`;
}
function elemWords(kind) {
  return extraWords(kind, 1) - extraWords(kind, 0);
}

// btf/table.ts
var TABLE_MAGIC = 1262638150;
var META_WORDS = 20;
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
var PENDING_NAMES = 1;
var PENDING_ENUMS = 2;
var SCANS_BEFORE_INDEX = 4;
var encoder = new TextEncoder();
var textDecoder = new TextDecoder();
function pagesFor(words) {
  return Math.max(1, Math.ceil(words * 4 / WASM_PAGE));
}
function alignUp(n, align) {
  return Math.ceil(n / align) * align;
}
function nextPow2(n) {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}
function mixWords(a, b, c) {
  let h = Math.imul(a ^ 2654435769, 2246822507);
  h = Math.imul(h ^ h >>> 15 ^ b, 3266489909);
  h = Math.imul(h ^ h >>> 13 ^ c, 668265263);
  return (h ^ h >>> 16) >>> 0;
}
function zeroBytes(w) {
  return w - 16843009 & ~w & 2155905152;
}
function beforeNul(w, zero) {
  const bits = 31 - Math.clz32(zero & -zero) - 7;
  return bits === 0 ? 0 : (w & 4294967295 >>> 32 - bits) >>> 0;
}
function hashNameAt(u32, at) {
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
}
function hashBytes(bytes) {
  const padded = new Uint8Array(16);
  padded.set(bytes.subarray(0, 12));
  return hashNameAt(new Uint32Array(padded.buffer), 0);
}
function recordShapes(bytes, layoutStart, layoutLen) {
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
}
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
function sizes(...allowed) {
  return allowed.reduce((m, s) => m | 1 << 12 + s, 32) >>> 0;
}
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
function fromBase64(text) {
  const native = Uint8Array.fromBase64;
  if (native) return native(text);
  const bin = atob(text), bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}
function decoder(memory) {
  if (!decodeModule) decodeModule = new WebAssembly.Module(fromBase64(DECODE_WASM_BASE64));
  return new WebAssembly.Instance(decodeModule, {
    env: {
      memory
    }
  }).exports;
}
var SIZE_RULES = {
  [Kind.INT]: "is 1, 2, 4, 8 or 16 bytes",
  [Kind.ENUM]: "is 1, 2, 4 or 8 bytes",
  [Kind.ENUM64]: "is 1, 2, 4 or 8 bytes",
  [Kind.FLOAT]: "is 2, 4, 8, 12 or 16 bytes",
  [Kind.ARRAY]: "takes 0",
  [Kind.FWD]: "takes 0 (no referenced type)"
};
function hex(v) {
  return `0x${(v >>> 0).toString(16).padStart(8, "0")}`;
}
function parseError(code, id, elem, rec) {
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
}
function checkMemoryLimit(total, pages) {
  if (pages > MAX_WASM_PAGES) {
    throw new BtfError(`btf: a ${total}-byte BTF needs ${Math.ceil(pages / 16)} MiB of WebAssembly memory, over the ${MAX_WASM_PAGES / 16} MiB (4 GiB) limit`);
  }
}
function sameHeader(a, b) {
  return a.hdrLen === b.hdrLen && a.typeStart === b.typeStart && a.typeLen === b.typeLen && a.strStart === b.strStart && a.strLen === b.strLen && a.layoutStart === b.layoutStart && a.layoutLen === b.layoutLen;
}
function allocate(total, fn) {
  try {
    return fn();
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
    throw new BtfError(`btf: cannot allocate the table of a ${total}-byte BTF: ${err.message}`);
  }
}
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
    const maxTypes = Math.floor(hdr.typeLen / 12);
    const shapesWord = META_WORDS, errWord = shapesWord + 256 + 32;
    const metaEnd = (errWord + 5) * 4;
    const indexWord = Math.ceil((metaEnd + 3 + total + space.slack(total)) / 4) + maxTypes;
    const maxEnumerators = Math.floor(hdr.typeLen / 8);
    const indexBound = 3 * maxTypes + nextPow2(Math.max(1, maxTypes >> 1)) + 1 + 6 * maxEnumerators + nextPow2(Math.max(1, maxEnumerators >> 1)) + 1;
    const pages = pagesFor(indexWord), maxPages = pagesFor(indexWord + indexBound);
    checkMemoryLimit(total, maxPages);
    const memory = allocate(total, () => space.acquire(pages, maxPages));
    const start = space.place(memory, metaEnd, "blob", total);
    const btfByte = start + (4 - (start + hdr.typeStart) % 4) % 4;
    const offsetsWord = alignUp(space.place(memory, btfByte + total, "index", total), 4) / 4;
    let u32 = new Uint32Array(memory.buffer);
    const blob = new Uint8Array(memory.buffer, btfByte, total);
    fill(blob);
    if (!sameHeader(parseHeader(blob), hdr)) {
      throw new BtfError("btf: the header changed while the file was read");
    }
    checkStrings(blob, hdr, base !== void 0);
    const firstId = base ? base.lastId + 1 : 1;
    const strBase = base ? base.#strBase + base.#strLen : 0;
    const strByte = btfByte + hdr.strStart;
    const { fixed, perElem } = recordShapes(blob, hdr.layoutStart, hdr.layoutLen);
    new Int32Array(memory.buffer, shapesWord * 4, 256).set([
      ...fixed,
      ...perElem
    ]);
    new Uint32Array(memory.buffer, (shapesWord + 256) * 4, 32).set(KIND_RULES);
    const wasm = decoder(memory);
    const typeWord = (btfByte + hdr.typeStart) / 4;
    const count = wasm.parse(typeWord, typeWord + hdr.typeLen / 4, offsetsWord, strBase + hdr.strLen, shapesWord, errWord);
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
    const hashesWord = offsetsWord + count, mask = nextPow2(Math.max(1, count >> 1)) - 1;
    const bucketsWord = hashesWord + count, entriesWord = bucketsWord + mask + 2;
    const indexEnd = firstNamed < 0 ? entriesWord + 2 * count : offsetsWord + count;
    const enumerators = u32[errWord + 4];
    const enumMask = nextPow2(Math.max(1, enumerators >> 1)) - 1;
    const enumEntriesWord = indexEnd + enumMask + 2;
    const scratchWord = enumEntriesWord + 3 * enumerators;
    allocate(total, () => growTo(memory, pagesFor(base ? indexEnd : scratchWord + 3 * enumerators)));
    u32 = new Uint32Array(memory.buffer);
    const index = {
      wasm,
      pending: 0,
      names() {
        wasm.build_index(offsetsWord, count, strByte, strBase, bucketsWord, mask, entriesWord, hashesWord, firstId);
      },
      enums() {
        wasm.build_enum_index(typeWord, typeWord + hdr.typeLen / 4, shapesWord, strByte, hdr.strLen, indexEnd, enumMask, enumEntriesWord, scratchWord, firstId);
      },
      find(query) {
        if (query.includes(0)) return [];
        const queryWords = (query.length >> 2) + 1, room = Math.min(count - queryWords, 64);
        if (room < 1) return null;
        new Uint8Array(memory.buffer, hashesWord * 4, queryWords * 4).fill(0).set(query);
        const outWord = hashesWord + queryWords;
        const n = wasm.find_named(offsetsWord, count, strByte, hashesWord * 4, outWord, room);
        if (n > room) return null;
        return Array.from(new Uint32Array(memory.buffer, outWord * 4, n), (i) => firstId + i);
      }
    };
    if (base) {
      if (firstNamed < 0) {
        for (let i = 0; i < count; i++) {
          const off = u32[u32[offsetsWord + i]];
          if (off === 0 || off >= strBase) continue;
          const ref = base.#nameRef(off);
          u32[hashesWord + i] = hashNameAt(ref.table.#u32, ref.at);
        }
        index.names();
      }
    } else {
      index.pending = (firstNamed < 0 ? PENDING_NAMES : 0) | PENDING_ENUMS;
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
    [u32[M_BUCKETS_WORD], u32[M_BUCKET_MASK], u32[M_ENTRIES_WORD]] = firstNamed < 0 ? [
      bucketsWord,
      mask,
      entriesWord
    ] : [
      0,
      0,
      0
    ];
    u32[M_STR_BASE] = strBase;
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
    const index = this.#index;
    if (index) {
      if (index.pending & PENDING_NAMES) this.#build(PENDING_NAMES);
      if (index.pending & PENDING_ENUMS) this.#build(PENDING_ENUMS);
    }
    return this.#buffer;
  }
  /**
   * The indexes not built yet: the name index (`names`, none for names sorted in the BTF) is
   * built on the first lookup after a few answered by scanning, the enumerator index on the
   * first enumerator lookup; both when {@link buffer} is read. A split table builds its
   * name index at once and has no enumerator index.
   */
  get pendingIndexes() {
    const pending = this.#index?.pending ?? 0;
    return [
      ...pending & PENDING_NAMES ? [
        "names"
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
  /** Builds one pending index (PENDING_NAMES or PENDING_ENUMS). */
  #build(which) {
    this.#live();
    const index = this.#index;
    if (which === PENDING_NAMES) index.names();
    else index.enums();
    index.pending &= ~which;
    this.#u32[M_PENDING] = index.pending;
    if (index.pending === 0) this.#index = void 0;
  }
  /** The types named `query` from a scan while the name index is pending, else null. */
  #scanNamed(query) {
    if (!this.#index || !(this.#index.pending & PENDING_NAMES)) return null;
    this.#live();
    const found = ++this.#scans <= SCANS_BEFORE_INDEX ? this.#index.find(query) : null;
    if (found === null) this.#build(PENDING_NAMES);
    return found;
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
      const ref = this.#nameRef(off);
      bytes = ref.table.#u8;
      at = ref.at;
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
    const ref = this.#nameRef(off), bytes = ref.table.#u8;
    let end = ref.at;
    while (bytes[end] !== 0) end++;
    return textDecoder.decode(bytes.slice(ref.at, end));
  }
  /** The table holding `id` and the word index of its record; throws for an unknown id. */
  #record(id) {
    this.#live();
    if (id >= this.firstId) {
      const i = id - this.firstId;
      if (i >= this.count || !Number.isInteger(i)) {
        throw new BtfError(`btf: type id ${id} out of range (last is ${this.lastId})`);
      }
      return [
        this,
        this.#u32[this.#offsets + i]
      ];
    }
    if (this.base) return this.base.#record(id);
    throw new BtfError(`btf: type id ${id} out of range (last is ${this.lastId})`);
  }
  /** Word `k` of the record of type `id` (0 name, 1 info, 2 size/type, 3... extra data). */
  word(id, k) {
    if (id === 0) return 0;
    const [t, r] = this.#record(id);
    return t.#u32[r + k];
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
    const [t, r] = this.#record(id);
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
  /** Every type id with exactly this name, in type-id order (the base's first for split BTF). */
  byName(name) {
    this.#live();
    const query = encoder.encode(name);
    const found = this.base ? this.base.byName(name) : [];
    if (query.length === 0) return found;
    if (this.sortedByName) return found.concat(this.#searchSorted(query));
    const scanned = this.#scanNamed(query);
    if (scanned) return found.concat(scanned);
    const u32 = this.#u32, meta = u32;
    const h = hashBytes(query), bucket = h & meta[M_BUCKET_MASK];
    const bucketsWord = meta[M_BUCKETS_WORD], entriesWord = meta[M_ENTRIES_WORD];
    for (let e = u32[bucketsWord + bucket]; e < u32[bucketsWord + bucket + 1]; e++) {
      const slot = entriesWord + 2 * e;
      if (u32[slot] !== h) continue;
      const id = u32[slot + 1];
      if (this.nameEquals(this.nameOff(id), query)) found.push(id);
    }
    return found;
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
    if (this.#index && this.#index.pending & PENDING_ENUMS) this.#build(PENDING_ENUMS);
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
function memberBits(offsetWord, kindFlag) {
  return kindFlag ? offsetWord & 16777215 : offsetWord;
}
function isComposite(kind) {
  return kind === Kind.STRUCT || kind === Kind.UNION;
}

// btf/elf.ts
function memorySource(bytes) {
  return {
    size: bytes.length,
    read: (offset, length) => bytes.subarray(offset, offset + length),
    readInto: (offset, dest) => dest.set(bytes.subarray(offset, offset + dest.length))
  };
}
var ElfFormatError = class extends BtfError {
  /** Creates the error with a description of the defect. */
  constructor(message) {
    super(message);
    this.name = "ElfFormatError";
  }
};
function hasElfMagic(bytes) {
  return bytes.length >= 4 && bytes[0] === 127 && bytes[1] === 69 && bytes[2] === 76 && bytes[3] === 70;
}
function readChecked(src, offset, length, what) {
  if (offset < 0 || length < 0 || offset + length > src.size) {
    throw new ElfFormatError(`ELF ${what} lies outside the ${src.size}-byte file`);
  }
  const b = src.read(offset, length);
  return new DataView(b.buffer, b.byteOffset, b.byteLength);
}
function u64(view, at) {
  const value = view.getBigUint64(at, true);
  return value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(value);
}
function readLayout(src) {
  const ident = readChecked(src, 0, 16, "identification");
  if (ident.getUint32(0, false) !== 2135247942) throw new ElfFormatError("not an ELF file");
  const cls = ident.getUint8(4), data = ident.getUint8(5);
  if (cls !== 1 && cls !== 2) throw new ElfFormatError(`unknown ELF class ${cls}`);
  if (data === 2) throw new ElfFormatError("big-endian ELF is not supported");
  if (data !== 1) throw new ElfFormatError(`unknown ELF data encoding ${data}`);
  const is64 = cls === 2;
  const h = readChecked(src, 0, is64 ? 64 : 52, "header");
  const layout = is64 ? {
    is64,
    shoff: u64(h, 40),
    shentsize: h.getUint16(58, true),
    shnum: h.getUint16(60, true),
    shstrndx: h.getUint16(62, true)
  } : {
    is64,
    shoff: h.getUint32(32, true),
    shentsize: h.getUint16(46, true),
    shnum: h.getUint16(48, true),
    shstrndx: h.getUint16(50, true)
  };
  const minEntry = is64 ? 64 : 40;
  if (layout.shoff === 0) throw new ElfFormatError("ELF has no section header table");
  if (layout.shentsize < minEntry) {
    throw new ElfFormatError(`ELF section header size ${layout.shentsize} is too small`);
  }
  if (layout.shnum === 0 || layout.shstrndx === 65535) {
    const s0 = readChecked(src, layout.shoff, minEntry, "section header 0");
    if (layout.shnum === 0) layout.shnum = is64 ? u64(s0, 32) : s0.getUint32(20, true);
    if (layout.shstrndx === 65535) layout.shstrndx = s0.getUint32(is64 ? 40 : 24, true);
  }
  if (layout.shstrndx >= layout.shnum) {
    throw new ElfFormatError(`ELF section name table index ${layout.shstrndx} is out of range`);
  }
  return layout;
}
function sectionAt(src, l, index) {
  const view = readChecked(src, l.shoff + index * l.shentsize, l.is64 ? 64 : 40, "section header");
  return l.is64 ? {
    name: view.getUint32(0, true),
    offset: u64(view, 24),
    size: u64(view, 32)
  } : {
    name: view.getUint32(0, true),
    offset: view.getUint32(16, true),
    size: view.getUint32(20, true)
  };
}
function findElfSection(src, name) {
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
}

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
function matchesAt(bytes, at, magic) {
  if (at < 0 || at + magic.length > bytes.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[at + i] !== magic[i]) return false;
  return true;
}
function compressionAt(bytes, at = 0) {
  for (const { name, magic } of MAGICS) if (matchesAt(bytes, at, magic)) return name;
  return null;
}
function magicCandidates(bytes, limit = 64) {
  const found = [];
  for (const { name, magic } of MAGICS) {
    let count = 0;
    for (let at = bytes.indexOf(magic[0]); at >= 0 && count < limit; ) {
      if (matchesAt(bytes, at, magic)) {
        found.push({
          compression: name,
          offset: at
        });
        count++;
      }
      at = bytes.indexOf(magic[0], at + 1);
    }
  }
  return found;
}

// btf/image/bzimage.ts
var BOOT_HEADER_BYTES = 592;
var HDRS = 1400005704;
var MIN_PROTOCOL = 520;
function bootPayload(head) {
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
}
function isKernelImage(head) {
  return bootPayload(head) !== null || compressionAt(head) !== null;
}

// btf/input.ts
var NOT_RECOGNIZED = "not recognized as raw BTF (missing 0x9FEB magic), ELF vmlinux or compressed kernel image";
function locateBtf(src) {
  if (src.size === 0) throw new BtfError("empty file");
  const head = src.read(0, Math.min(16, src.size));
  if (hasBtfMagic(head)) return {
    format: "raw",
    offset: 0,
    size: src.size
  };
  if (hasBigEndianBtfMagic(head)) {
    throw new BtfError(`big-endian BTF is not supported (magic eb 9f); only little-endian BTF is read`);
  }
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
  if (section2 === null) throw new BtfError("vmlinux ELF has no .BTF section");
  if (section2.offset + section2.size > src.size) {
    throw new BtfError(".BTF section data out of bounds");
  }
  return {
    format: "elf",
    offset: section2.offset,
    size: section2.size
  };
}

// btf/split.ts
var SPLIT_NEEDS_BASE = "split BTF (a module's): pass --base VMLINUX";
function isSplitStrings(strLen, firstStringByte) {
  return strLen > 0 && firstStringByte !== 0;
}
function buildTypes(total, head, fill, byteAt, base, space) {
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
}
var MISMATCH = "split BTF does not match its base";
var NOT_DATA = /* @__PURE__ */ new Set([
  Kind.FUNC,
  Kind.VAR,
  Kind.DATASEC,
  Kind.DECL_TAG
]);
function checkSplitBase(types) {
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
  const refKind = (ref) => ref <= base.lastId ? base.kind(ref) : null;
  const fail = (id, what) => {
    throw new BtfError(`${MISMATCH}: type id ${id} ${what} (built against another vmlinux?)`);
  };
  const checkData = (id, ref, what) => {
    const kind = refKind(ref);
    if (kind !== null && ref !== 0 && NOT_DATA.has(kind)) {
      fail(id, `${what}refers to base type ${ref}, a ${kindName(kind)}`);
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
}

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
var MAP_FAILED = 0xffffffffffffffffn;
var SYSFS_BTF = "/sys/kernel/btf/";
var SYMBOLS = {
  mmap: {
    parameters: [
      "pointer",
      "usize",
      "i32",
      "i32",
      "i32",
      "i64"
    ],
    result: "pointer"
  },
  mremap: {
    parameters: [
      "pointer",
      "usize",
      "usize",
      "i32",
      "pointer"
    ],
    result: "pointer"
  },
  munmap: {
    parameters: [
      "pointer",
      "usize"
    ],
    result: "i32"
  },
  madvise: {
    parameters: [
      "pointer",
      "usize",
      "i32"
    ],
    result: "i32"
  },
  open: {
    parameters: [
      "buffer",
      "i32"
    ],
    result: "i32"
  },
  close: {
    parameters: [
      "i32"
    ],
    result: "i32"
  }
};
var libc;
function lib() {
  if (libc !== void 0) return libc;
  libc = null;
  try {
    if (typeof Deno.dlopen !== "function") return null;
    if (Deno.permissions.querySync({
      name: "ffi"
    }).state !== "granted") return null;
    libc = Deno.dlopen("libc.so.6", SYMBOLS).symbols;
  } catch {
  }
  return libc;
}
function address(bytes) {
  return Deno.UnsafePointer.value(Deno.UnsafePointer.of(bytes));
}
function pointer(at) {
  return Deno.UnsafePointer.create(at);
}
var advice;
function pageAdvice() {
  if (advice !== void 0) return advice;
  const c = lib();
  advice = c ? {
    // A region starts on a 2 MiB boundary of the address space (V8 aligns a memory to
    // 64 KiB only), so each 2 MiB of it faults once.
    slack: (total) => total >= HUGE_MIN_BTF ? 2 * HUGE_PAGE : 0,
    place(memory, byte, total) {
      if (total < HUGE_MIN_BTF) return byte;
      const base = address(new Uint8Array(memory.buffer));
      const huge = BigInt(HUGE_PAGE);
      return Number((base + BigInt(byte) + huge - 1n) / huge * huge - base);
    },
    fresh(memory, maxBytes) {
      const base = address(new Uint8Array(memory.buffer)), huge = BigInt(HUGE_PAGE);
      const from = (base / huge + 1n) * huge, end = base + BigInt(maxBytes);
      if (from < end) c.madvise(pointer(from), end - from, MADV_HUGEPAGE);
    }
  } : null;
  return advice;
}
function defaultSpace(path) {
  const a = pageAdvice();
  return freshSpace(a ?? void 0, a !== null && mayMap(path));
}
function mayMap(path) {
  return path.startsWith(SYSFS_BTF);
}
function mapInto(path, offset, dest) {
  if (!mayMap(path) || offset % PAGE !== 0 || dest.length === 0) return false;
  const c = lib();
  const at = c ? address(dest) : 0n;
  if (!c || at % BigInt(PAGE) !== 0n) return false;
  const fd = c.open(new TextEncoder().encode(path + "\0"), O_RDONLY_CLOEXEC);
  if (fd < 0) return false;
  try {
    const len = BigInt(dest.length);
    const probe = c.mmap(null, len, PROT_READ, MAP_PRIVATE, fd, BigInt(offset));
    if (Deno.UnsafePointer.value(probe) === MAP_FAILED) return false;
    const moved = c.mremap(probe, len, len, MREMAP_MAYMOVE | MREMAP_FIXED, pointer(at));
    if (Deno.UnsafePointer.value(moved) === at) return true;
    c.munmap(probe, len);
    const fixed = c.mmap(pointer(at), len, PROT_READ, MAP_PRIVATE | MAP_FIXED, fd, BigInt(offset));
    return Deno.UnsafePointer.value(fixed) === at;
  } finally {
    c.close(fd);
  }
}

// load/file.ts
function osMessage(err) {
  const message = err instanceof Error ? err.message : String(err);
  return message.replace(/: [a-z_]+ '.*'$/s, "");
}
function fileSource(file, size) {
  const readInto = (offset, dest) => {
    try {
      file.seekSync(offset, Deno.SeekMode.Start);
      for (let done = 0; done < dest.length; ) {
        const n = file.readSync(dest.subarray(done));
        if (n === null || n === 0) {
          throw new BtfError(`read file: unexpected end of file at ${offset + done}`);
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
    read(offset, length) {
      const out = new Uint8Array(length);
      readInto(offset, out);
      return out;
    }
  };
}
function isStandardInput(path) {
  return path === "-" || path === "/dev/stdin" || path === "/dev/fd/0" || path === "/proc/self/fd/0";
}
var stdinBytes;
function standardInputBytes() {
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
}
function fileKind(info) {
  if (info.isFifo) return "a FIFO";
  if (info.isSocket) return "a socket";
  if (info.isCharDevice) return "a character device";
  if (info.isBlockDevice) return "a block device";
  return "not a file";
}
function refuseNonRegular(info) {
  if (info.isDirectory) throw new BtfError("read file: Is a directory (os error 21)");
  if (!info.isFile) {
    throw new BtfError(`read file: not a regular file (${fileKind(info)}); only regular files and standard input are read`);
  }
}
function openSource(path) {
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
}
function withInput(path, use) {
  const opened = openSource(path);
  try {
    return use(opened);
  } finally {
    opened.close();
  }
}
function withFile(path, use) {
  return withInput(path, (input) => use(input.src));
}
function readHead(path, n) {
  return withFile(path, (src) => src.read(0, Math.min(n, src.size)).slice());
}
function loadBtf(path, base, space) {
  return openedAs(path, () => withInput(path, (input) => loadBtfFrom(input, path, base, space)));
}
function loadBtfFrom(input, path, base, space) {
  const src = input.src, at = locateBtf(src);
  const types = buildTypes(at.size, src.read(at.offset, Math.min(at.size, 64)), (dest) => mapInto(path, at.offset, dest) || src.readInto(at.offset, dest), (offset) => src.read(at.offset + offset, 1)[0], base, space ?? defaultSpace(path));
  return {
    path,
    format: at.format,
    types
  };
}
function openedAs(path, fn) {
  try {
    return fn();
  } catch (err) {
    throw openError(path, err);
  }
}
function openError(path, err) {
  return err instanceof BtfError ? new BtfError(`btf: open ${path}: ${err.message}`) : err;
}

export {
  Kind,
  kindName,
  elemWords,
  hasBtfMagic,
  hasBigEndianBtfMagic,
  TableArena,
  BtfTypes,
  memberBits,
  isComposite,
  memorySource,
  ElfFormatError,
  hasElfMagic,
  findElfSection,
  compressionAt,
  magicCandidates,
  BOOT_HEADER_BYTES,
  bootPayload,
  isKernelImage,
  NOT_RECOGNIZED,
  locateBtf,
  buildTypes,
  SYSFS_BTF,
  pageAdvice,
  osMessage,
  isStandardInput,
  openSource,
  withInput,
  readHead,
  loadBtf,
  loadBtfFrom,
  openedAs,
  openError
};
