// btf/base64.ts
function fromBase64(text) {
  const native = Uint8Array.fromBase64;
  if (native) return native(text);
  const bin = atob(text), bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

export {
  fromBase64
};
