"""The pure rules that tie windows to desktop entries and to applications."""

from gui.core.app_identity import AppIdentity, IdentitySource, ProcessIdentity
from gui.core.desktop_entry import parse_desktop_entry
from gui.core.process_key import ProcessKey
from gui.core.window_entry_match import WmClassMatcher, entry_for_window
from gui.core.window_groups import group_windows
from gui.core.window_info import WindowInfo, WmClass


def entry(desktop_id: str, exec_line: str, *extra: str):
    lines = ["[Desktop Entry]", "Type=Application", f"Name={desktop_id}", f"Exec={exec_line}", *extra]
    text = "\n".join(lines)
    found = parse_desktop_entry(text + "\n", desktop_id, f"/usr/share/applications/{desktop_id}.desktop")
    assert found is not None
    return found


def window(window_id: int, instance: str | None, class_name: str = "", pid: int | None = None) -> WindowInfo:
    wm_class = WmClass(instance, class_name) if instance is not None else None
    return WindowInfo(window_id, f"title {window_id}", wm_class, pid, pid is not None)


CHROMIUM = entry("chromium", "/usr/bin/chromium %U", "StartupWMClass=Chromium")
WEB_APP = entry("chrome-abc-Default", "/usr/bin/chromium --app-id=abc", "StartupWMClass=crx_abc")
MAPS = entry("org.gnome.Maps", "gapplication launch org.gnome.Maps")
XMESSAGE = entry("night-owl", "/usr/bin/xmessage hoot")
HIDDEN_XMESSAGE = entry("aaa-hidden", "xmessage", "NoDisplay=true")
EDITOR = entry("editor", "python3 /opt/editor/editor.py")
MATCHER = WmClassMatcher([CHROMIUM, WEB_APP, MAPS, XMESSAGE, HIDDEN_XMESSAGE, EDITOR])


def test_startup_wm_class_matches_the_instance_before_the_class() -> None:
    # Chromium's web apps: instance crx_<id>, class Chromium (as GNOME Shell's tracker reads it).
    assert MATCHER.match(WmClass("crx_abc", "Chromium")) is WEB_APP
    assert MATCHER.match(WmClass("chromium", "Chromium")) is CHROMIUM


def test_a_desktop_id_equal_to_the_instance_or_class_ignoring_case_matches() -> None:
    assert MATCHER.match(WmClass("org.gnome.Maps", "Org.gnome.Maps")) is MAPS
    assert MATCHER.match(WmClass("maps", "ORG.GNOME.MAPS")) is MAPS


def test_the_owners_executable_then_the_instance_name_the_program_an_entry_runs() -> None:
    # The shown entry wins over a NoDisplay one that runs the same program.
    assert MATCHER.match(WmClass("hoot", "Hoot"), executable="/usr/bin/xmessage") is XMESSAGE
    assert MATCHER.match(WmClass("xmessage", "Xmessage")) is XMESSAGE  # no owner known
    # An interpreter is no program of its own: a python3 window is not the editor's.
    assert MATCHER.match(WmClass("python3", "Python3"), executable="/usr/bin/python3") is None
    assert MATCHER.match(WmClass("unknown", "Unknown")) is None
    assert MATCHER.match(None) is None


def test_a_unit_decided_identity_is_not_overridden_by_the_window_class() -> None:
    firefox = AppIdentity("firefox", "Firefox", (), None, None)
    chromium_window = window(1, "chromium", "Chromium", pid=10)
    from_unit = ProcessIdentity(firefox, None, IdentitySource.CGROUP)
    from_exec = ProcessIdentity(firefox, None, IdentitySource.DESKTOP_ENTRY)
    assert entry_for_window(chromium_window, from_unit, "/usr/bin/chromium", MATCHER) is None
    assert entry_for_window(chromium_window, from_exec, "/usr/bin/chromium", MATCHER) is CHROMIUM
    assert entry_for_window(chromium_window, None, None, MATCHER) is CHROMIUM


def test_windows_go_to_their_owner_and_its_app_or_the_app_their_class_named() -> None:
    notes = AppIdentity("notes", "Notes", (), None, None)
    browser = AppIdentity("chromium", "Chromium", (), None, None)
    owner, helper, stranger = ProcessKey(10, 1.0), ProcessKey(11, 2.0), ProcessKey(12, 3.0)
    first, second = window(1, "notes", pid=10), window(2, "notes", pid=10)
    by_class = window(3, "crx_abc", "Chromium", pid=11)  # its process has no identity
    no_app = window(4, "tool", pid=12)
    gone = window(5, "ghost", pid=99)  # an owner that is not (or no longer) listed
    nameless = window(6, None)  # no owner known at all

    groups = group_windows(
        [first, by_class, second, no_app, gone, nameless],
        [owner, helper, stranger],
        {owner: ProcessIdentity(notes, None, IdentitySource.CGROUP)},
        apps_by_window={by_class.window_id: browser},
    )

    assert groups.by_process == {owner: (first, second), helper: (by_class,), stranger: (no_app,)}
    assert groups.by_app == {notes: (first, second), browser: (by_class,)}
    assert groups.unowned == (gone, nameless)


def test_a_reused_pid_attaches_to_the_listed_process_only() -> None:
    current = ProcessKey(10, 5.0)
    groups = group_windows([window(1, "x", pid=10)], [current], {})
    assert list(groups.by_process) == [current]
    assert groups.by_app == {}
    assert groups.unowned == ()
