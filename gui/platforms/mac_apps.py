"""macOS: which application each process belongs to, from the bundle its executable is in.

A process whose executable lies inside an application bundle (not an agent) is that app,
wherever the bundle is (``/Applications``, ``~/Applications``, ``/System/Applications``);
its helpers inside the bundle are the same app. A program under ``/System``,
``/usr/libexec``, ``/usr/sbin`` or ``/sbin`` (an agent bundle there too: the Dock) and
root's processes are the system's. The rest of the user's processes are background
processes. Each process is looked at once per :class:`ProcessKey`; each bundle is read once.
"""

from collections.abc import Callable, Mapping, Sequence
from types import MappingProxyType

from gui.core.app_identity import NO_IDENTITY, AppIdentity, IdentitySource, ProcessIdentity
from gui.core.process_key import ProcessKey
from gui.core.process_sample import ProcessSample
from gui.platforms.mac_bundles import Bundle, outermost_app, read_bundle

SYSTEM_PREFIXES = ("/System/", "/usr/libexec/", "/usr/sbin/", "/sbin/")
SYSTEM_PROCESS = ProcessIdentity(None, None, None, system_process=True)


class MacAppIdentifier:
    """Identities of processes by key. Not thread-safe: the sampler's thread owns it.

    ``executable_of`` reads a process's executable path (``None`` when macOS refuses);
    ``system_prefixes`` are the folders of the system's own programs.
    """

    def __init__(
        self,
        executable_of: Callable[[int], str | None],
        system_prefixes: tuple[str, ...] = SYSTEM_PREFIXES,
    ) -> None:
        self._executable_of = executable_of
        self._system_prefixes = system_prefixes
        self._known: dict[ProcessKey, tuple[str, ProcessIdentity]] = {}
        self._bundles: dict[str, Bundle | None] = {}
        self._apps: dict[str, ProcessIdentity] = {}
        self._view: Mapping[ProcessKey, ProcessIdentity] = MappingProxyType({})

    def identify(self, samples: Sequence[ProcessSample]) -> Mapping[ProcessKey, ProcessIdentity]:
        """Every process's identity; the previous mapping object when no process is new."""
        known = self._known
        changed = False
        for sample in samples:
            found = known.get(sample.key)
            if found is None or found[0] != sample.name:
                known[sample.key] = (sample.name, self._decide(sample))
                changed = True
        if changed or len(known) != len(samples):
            current = {sample.key for sample in samples}
            for key in [key for key in known if key not in current]:
                del known[key]
            self._view = MappingProxyType(
                {key: identity for key, (_, identity) in known.items() if identity is not NO_IDENTITY}
            )
        return self._view

    def _decide(self, sample: ProcessSample) -> ProcessIdentity:
        if sample.user == "root":
            return SYSTEM_PROCESS
        executable = self._executable_of(sample.key.pid)
        if not executable:
            return NO_IDENTITY
        bundle_path = outermost_app(executable)
        bundle = self._bundle(bundle_path) if bundle_path is not None else None
        if bundle is not None and not bundle.agent:
            return self._identity(bundle)
        if executable.startswith(self._system_prefixes):
            return SYSTEM_PROCESS
        return NO_IDENTITY

    def _bundle(self, path: str) -> Bundle | None:
        if path not in self._bundles:
            self._bundles[path] = read_bundle(path)
        return self._bundles[path]

    def _identity(self, bundle: Bundle) -> ProcessIdentity:
        """One identity object per app: rows compare identities by ``is``."""
        app_id = f"bundle:{bundle.identifier or bundle.path}"
        identity = self._apps.get(app_id)
        if identity is None:
            app = AppIdentity(app_id, bundle.name, bundle.localized_names, bundle.icon_path, bundle.path)
            identity = self._apps[app_id] = ProcessIdentity(app, None, IdentitySource.BUNDLE)
        return identity
