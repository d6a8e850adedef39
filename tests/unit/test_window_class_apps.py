"""Identities completed from windows' classes: only where nothing else named an app, and
the same objects back while nothing changed (the snapshot builder compares with ``is``)."""

from pathlib import Path

from gui.core.app_identity import AppIdentity, IdentitySource, ProcessIdentity
from gui.core.desktop_entry import DesktopEntry
from gui.core.process_key import ProcessKey
from gui.core.window_info import WindowInfo, WmClass
from gui.platforms.desktop_entries import DesktopEntryIndex
from gui.platforms.window_class_apps import WindowClassApps

EYES = ProcessKey(101, 1.0)
TERMINAL_CHILD = ProcessKey(102, 2.0)
OTHER = ProcessKey(103, 3.0)
EDITOR = AppIdentity("editor", "Editor", (), None, None)


def eyes_window(title: str = "xeyes", window_id: int = 1, pid: int = EYES.pid) -> WindowInfo:
    return WindowInfo(window_id, title, WmClass("xeyes", "XEyes"), pid, True)


def owl_apps(tmp_path: Path) -> tuple[WindowClassApps, DesktopEntryIndex]:
    applications = tmp_path / "applications"
    applications.mkdir()
    (applications / "owl.desktop").write_text(
        "[Desktop Entry]\nType=Application\nName=Blinking Owl\nExec=owl\nStartupWMClass=XEyes\n",
        encoding="utf-8",
    )
    index = DesktopEntryIndex({"XDG_DATA_HOME": str(tmp_path), "XDG_DATA_DIRS": str(tmp_path / "none")})
    index.refresh()
    apps: dict[str, AppIdentity] = {}

    def app_of(entry: DesktopEntry) -> AppIdentity:
        return apps.setdefault(entry.desktop_id, AppIdentity(entry.desktop_id, entry.name, (), None, None))

    return WindowClassApps(index, app_of, proc=str(tmp_path / "no-proc")), index


def test_an_unidentified_process_gets_the_app_its_window_class_names(tmp_path: Path) -> None:
    classes, _ = owl_apps(tmp_path)
    identities = {OTHER: ProcessIdentity(EDITOR, None, IdentitySource.DESKTOP_ENTRY)}
    windows = {EYES: (eyes_window(),), OTHER: (eyes_window(window_id=2, pid=OTHER.pid),)}

    completed = classes.complete(identities, windows)

    owl = completed[EYES].app
    assert owl is not None and owl.name == "Blinking Owl"
    assert completed[EYES].source is IdentitySource.WINDOW_CLASS
    assert completed[OTHER] is identities[OTHER], "the entry's Exec already said: the class does not override"
    assert classes.complete(identities, windows) is completed, "nothing changed: the same mapping"


def test_a_title_change_keeps_the_identity_object_and_the_mapping(tmp_path: Path) -> None:
    classes, _ = owl_apps(tmp_path)
    identities: dict[ProcessKey, ProcessIdentity] = {}
    first = classes.complete(identities, {EYES: (eyes_window(),)})
    renamed = classes.complete(identities, {EYES: (eyes_window("blinking"),)})
    assert renamed is first
    assert renamed[EYES] is first[EYES]


def test_no_match_gives_the_identities_back_and_a_new_entry_is_seen(tmp_path: Path) -> None:
    classes, index = owl_apps(tmp_path)
    other_class = WindowInfo(3, "clock", WmClass("xclock", "XClock"), TERMINAL_CHILD.pid, True)
    identities: dict[ProcessKey, ProcessIdentity] = {}
    assert classes.complete(identities, {TERMINAL_CHILD: (other_class,)}) is identities

    (tmp_path / "applications" / "clock.desktop").write_text(
        "[Desktop Entry]\nType=Application\nName=Clock\nExec=clock-app\nStartupWMClass=XClock\n",
        encoding="utf-8",
    )
    index.refresh()  # the identifier re-reads the entries when a pass has newcomers
    found = classes.complete(identities, {TERMINAL_CHILD: (other_class,)})
    clock = found[TERMINAL_CHILD].app
    assert clock is not None and clock.name == "Clock"


def test_a_window_class_overrides_the_parents_app_but_not_a_unit(tmp_path: Path) -> None:
    """A launcher app's child whose window names another entry (a game with an entry of its own)
    belongs to that entry; a child in the launcher's own systemd scope stays the launcher's."""
    classes, _ = owl_apps(tmp_path)
    launcher = AppIdentity("launcher", "Launcher", (), None, None)
    identities = {
        EYES: ProcessIdentity(launcher, None, IdentitySource.PARENT),
        OTHER: ProcessIdentity(launcher, None, IdentitySource.CGROUP),
    }
    windows = {EYES: (eyes_window(),), OTHER: (eyes_window(window_id=2, pid=OTHER.pid),)}

    completed = classes.complete(identities, windows)

    owl = completed[EYES].app
    assert owl is not None and owl.name == "Blinking Owl"
    assert completed[EYES].source is IdentitySource.WINDOW_CLASS
    assert completed[OTHER] is identities[OTHER], "the unit's word stands"
