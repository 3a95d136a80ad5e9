/**
 * psi (pressure stall accounting) and cgroup_walk (walking the cgroup hierarchy) (docs/FIELDS.md).
 * @module
 */
import { enumerator, group, member, optional } from "./dsl.ts";

/** The psi group. */
export const PSI = group(
  member("psi_group_total", "psi_group", "total"),
  member("psi_group_avg", "psi_group", "avg"),
  // Only with CONFIG_IRQ_TIME_ACCOUNTING.
  optional(enumerator("psi_irq_full_idx", "PSI_IRQ_FULL")),
);

/** The cgroup_walk group. */
export const CGROUP_WALK = group(
  member("cgroup_self", "cgroup", "self"),
  member("cgroup_kn", "cgroup", "kn"),
  member("cgroup_psi", "cgroup", "psi"),
  member("css_sibling", "cgroup_subsys_state", "sibling"),
  member("css_children", "cgroup_subsys_state", "children"),
  member("css_serial_nr", "cgroup_subsys_state", "serial_nr"),
  member("cgroup_root_cgrp", "cgroup_root", "cgrp"),
  member("kernfs_node_name", "kernfs_node", "name"),
);
