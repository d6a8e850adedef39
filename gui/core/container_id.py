"""Which container a process runs in, from its ``/proc/<pid>/cgroup`` text.

Docker (``/docker/<id>``, ``docker-<id>.scope``), Podman (``libpod-<id>.scope``),
containerd and CRI-O (``cri-containerd-<id>.scope``, ``crio-<id>.scope``) and Kubernetes
(``/kubepods/.../<id>``) name the cgroup after the container's 64-digit id; LXC after the
container's name (``/lxc/<name>``, ``/lxc.payload.<name>``).
"""

import re

_HEX_ID = re.compile(
    r"(?:^|/)(?:docker-|libpod-|cri-containerd-|crio-|containerd-)?(?P<id>[0-9a-f]{64})(?:\.scope)?(?:/|$)"
)
_LXC = re.compile(r"(?:^|/)(?:lxc\.payload|lxc)[./](?P<name>[^/]+)")
#: How many digits of an id people read (as ``docker ps`` shows them).
SHORT_ID = 12


def container_of(proc_cgroup: str) -> str | None:
    """A container's short id or name, or ``None`` for a process on the host."""
    for line in proc_cgroup.splitlines():
        path = line.split(":", 2)[-1]
        match = _HEX_ID.search(path)
        if match is not None:
            return match.group("id")[:SHORT_ID]
        lxc = _LXC.search(path)
        if lxc is not None:
            return lxc.group("name")
    return None
