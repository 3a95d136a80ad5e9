/**
 * idr (IdrOffsets): walking a kernel `struct idr` (xarray nodes). Its four fields are also
 * part of bpf_map and bpf_prog.
 * @module
 */
import { embedded, type Field, group, member, members } from "./dsl.ts";

/** xa_node_slots, xa_node_shift, idr_xa_head, idr_next: shared by idr, bpf_map, bpf_prog. */
export const IDR_FIELDS: readonly Field[] = [
  member("xa_node_slots", "xa_node", "slots"),
  member("xa_node_shift", "xa_node", "shift"),
  // idr.idr_rt is an embedded struct xarray: its xa_head relative to the idr.
  embedded("idr_xa_head", "idr", "idr_rt", "xarray", "xa_head"),
  ...members("idr", "idr_next"),
];

/** The idr group. */
export const IDR = group(...IDR_FIELDS);
