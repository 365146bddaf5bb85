/**
 * Whether a task file manages containers: the test that tells a container
 * service (whose update starts new containers on new images) from a role
 * whose `run.yml` only reloads a host service (edpm-ansible's configure-os
 * and run-os roles: edpm_nftables, edpm_sshd, edpm_timezone, edpm_tuned) or
 * starts a timer (edpm_instanceha_monitoring). Reads text, line by line;
 * comment lines are ignored. Pure.
 */
import type { ContainerEvidence } from './facts.js';

/** What manages containers in EDPM task files, in the order tested. */
export const CONTAINER_MARKERS: readonly { readonly what: string; readonly pattern: RegExp }[] = [
  // edpm-ansible's roles that create, start and replace service containers.
  { what: 'edpm_container_manage', pattern: /\bedpm_container_manage\b/u },
  { what: 'edpm_container_standalone', pattern: /\bedpm_container_standalone\b/u },
  // The podman modules (podman_container, podman_image, podman_prune, ...).
  { what: 'containers.podman', pattern: /\bcontainers\.podman\.\w+/u },
  { what: 'a podman module', pattern: /^\s*-?\s*podman_(?:container|image|pod)\s*:/u },
  // The podman command itself.
  { what: 'the podman command', pattern: /\bpodman\s+(?:run|create|start|stop|restart|rm|pull|kill|container|image|pod)\b/u },
  // Quadlets: systemd units generated from .container files.
  { what: 'a quadlet', pattern: /\/etc\/containers\/systemd\b|\.container(?=["'\s]|$)/u },
  // The systemd unit edpm_container_manage makes for each container.
  { what: 'a container unit (edpm_<container>.service)', pattern: /\bedpm_[a-z0-9_]+\.service\b/u },
];

/** The first line of `text` that manages containers, or null. */
export function containerEvidence(text: string): ContainerEvidence | null {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^\s*#/u.test(line)) continue;
    for (const marker of CONTAINER_MARKERS) if (marker.pattern.test(line)) return { line: i + 1, what: marker.what };
  }
  return null;
}
