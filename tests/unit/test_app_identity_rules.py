"""The pure rules behind application identity, on real-format names, paths and files."""

from dataclasses import replace

import pytest

from gui.core.app_boundaries import is_app_boundary
from gui.core.app_identity import AppIdentity, IdentitySource, ProcessIdentity
from gui.core.cgroup_app import CgroupKind, app_from_cgroup_path, app_from_proc_cgroup, app_from_unit
from gui.core.desktop_entry import DesktopEntry, desktop_id_of, parse_desktop_entry, split_exec
from gui.core.exec_match import ExecMatcher, exec_target
from gui.core.flatpak_info import flatpak_app_id
from gui.core.localized_name import locale_candidates, localized_name
from gui.core.process_kind import ProcessKind, classify
from gui.core.script_name import ScriptName, script_of
from gui.core.unit_names import escape_unit_name, unescape_unit_name
from tests.rows import make_test_row

# Unit names ---------------------------------------------------------------------


def test_unit_names_unescape_as_systemd_escapes_them() -> None:
    assert unescape_unit_name(r"org.gnome.Text\x2dEditor") == "org.gnome.Text-Editor"
    assert unescape_unit_name(r"caf\xc3\xa9") == "café"  # UTF-8 bytes, escaped one by one
    assert unescape_unit_name("org.gnome.Maps") == "org.gnome.Maps"
    assert escape_unit_name("org.gnome.Text-Editor") == r"org.gnome.Text\x2dEditor"
    assert unescape_unit_name(escape_unit_name("my app/β")) == "my app/β"


# Cgroup paths -------------------------------------------------------------------

USER_APPS = "/user.slice/user-1000.slice/user@1000.service/app.slice/"


@pytest.mark.parametrize(
    ("unit", "desktop_id", "kind", "launcher"),
    [
        # gnome-shell: app-gnome-<escaped desktop id>-<pid>.scope
        ("app-gnome-org.gnome.Evince-12345.scope", "org.gnome.Evince", CgroupKind.DESKTOP, "gnome"),
        (
            r"app-gnome-org.gnome.Text\x2dEditor-4321.scope",
            "org.gnome.Text-Editor",
            CgroupKind.DESKTOP,
            "gnome",
        ),
        ("app-gnome-firefox\\x2desr-2210.scope", "firefox-esr", CgroupKind.DESKTOP, "gnome"),
        # KDE (KIO): app-<desktop id>-<random>.scope, app-<id>@<random>.service
        (
            "app-org.kde.konsole-a1b2c3d4e5f64c2b9d1e0f7a6b5c4d3e.scope",
            "org.kde.konsole",
            CgroupKind.DESKTOP,
            None,
        ),
        (
            "app-org.kde.okular@3c1b8f0e0ab84bd1a1b7e2b24c16ec1d.service",
            "org.kde.okular",
            CgroupKind.DESKTOP,
            None,
        ),
        # systemd's DESKTOP_ENVIRONMENTS.md examples
        ("app-KDE-org.kde.okular-12345.service", "org.kde.okular", CgroupKind.DESKTOP, "KDE"),
        ("app-gnome-org.gnome.Evince@12345.service", "org.gnome.Evince", CgroupKind.DESKTOP, "gnome"),
        # systemd-xdg-autostart-generator
        (
            "app-org.gnome.Evolution\\x2dalarm\\x2dnotify@autostart.service",
            "org.gnome.Evolution-alarm-notify",
            CgroupKind.DESKTOP,
            None,
        ),
        # Flatpak (flatpak-run.c): app-flatpak-<app id>-<pid>.scope
        (
            "app-flatpak-org.telegram.desktop-12345.scope",
            "org.telegram.desktop",
            CgroupKind.FLATPAK,
            "flatpak",
        ),
        # Snap (snapd sandbox/cgroup): new and original scope names, and a daemon
        (
            "snap.firefox.firefox-1f4e3b6c-8d5a-4b2e-9c7f-0a1b2c3d4e5f.scope",
            "firefox_firefox",
            CgroupKind.SNAP,
            None,
        ),
        (
            "snap.firefox.firefox.1f4e3b6c-8d5a-4b2e-9c7f-0a1b2c3d4e5f.scope",
            "firefox_firefox",
            CgroupKind.SNAP,
            None,
        ),
        ("snap.lxd.daemon.service", "lxd_daemon", CgroupKind.SNAP, None),
        # D-Bus activation under systemd
        ("dbus-:1.2-org.gnome.Nautilus@0.service", "org.gnome.Nautilus", CgroupKind.DESKTOP, "dbus"),
    ],
)
def test_app_units_name_their_desktop_id(
    unit: str, desktop_id: str, kind: CgroupKind, launcher: str | None
) -> None:
    app = app_from_cgroup_path(USER_APPS + unit)
    assert app is not None
    assert (app.desktop_id, app.kind, app.launcher, app.unit) == (desktop_id, kind, launcher, unit)


@pytest.mark.parametrize(
    "path",
    [
        "/user.slice/user-1000.slice/session-2.scope",
        USER_APPS + "app-org.gnome.Terminal.slice/vte-spawn-12ed9380-2972-4c2b-843d-683d39022b48.scope",
        "/user.slice/user-1000.slice/user@1000.service/init.scope",
        "/user.slice/user-1000.slice/user@1000.service/session.slice/org.gnome.Shell@x11.service",
        "/system.slice/snapd.service",
        "/system.slice/snap.foo.hook.configure-1f4e3b6c-8d5a-4b2e-9c7f-0a1b2c3d4e5f.scope",
        USER_APPS + "app-gnome.scope",
        "/",
    ],
)
def test_other_units_name_no_app(path: str) -> None:
    assert app_from_cgroup_path(path) is None


def test_the_v2_line_and_the_name_systemd_line_are_both_read() -> None:
    unified = f"0::{USER_APPS}app-gnome-org.gnome.Maps-3104.scope\n"
    hybrid = (
        "12:memory:/user.slice/user-1000.slice\n"
        f"1:name=systemd:{USER_APPS}app-gnome-org.gnome.Maps-3104.scope\n"
        "0::/\n"
    )
    for text in (unified, hybrid):
        app = app_from_proc_cgroup(text)
        assert app is not None and app.desktop_id == "org.gnome.Maps"
    assert app_from_proc_cgroup("9:name=systemd:/\n0::/\n") is None
    assert app_from_unit("app-org.gnome.Maps.slice") is None


def test_flatpak_info_names_the_app() -> None:
    text = (
        "[Application]\nname=org.gnome.Maps\nruntime=runtime/org.gnome.Platform/x86_64/45\n\n"
        "[Instance]\ninstance-id=1471598209\nbranch=stable\n"
    )
    assert flatpak_app_id(text) == "org.gnome.Maps"
    assert flatpak_app_id("[Runtime]\nname=org.gnome.Platform\n") is None


# Desktop entries ------------------------------------------------------------------

OWL = """[Desktop Entry]
Type=Application
Name=Blinking Owl
Name[zh_CN]=眨眼猫头鹰
Name[sr@latin]=Trepćuća sova
Name[pt_BR]=Coruja Piscante
Comment=Watches you
Exec=env OWL_MODE=1 python3 -u "/opt/blinking owl/owl.py" --window %U
TryExec=python3
Icon=org.procpilot.BlinkingOwl
StartupWMClass=blinking-owl

[Desktop Action new-window]
Name=New Window
Exec=python3 /opt/other.py
"""


def test_a_desktop_entry_gives_names_icon_and_command() -> None:
    entry = parse_desktop_entry(OWL, "org.procpilot.BlinkingOwl", "/x/org.procpilot.BlinkingOwl.desktop")
    assert entry is not None
    assert entry.name == "Blinking Owl"
    assert ("zh_CN", "眨眼猫头鹰") in entry.localized_names
    assert entry.icon == "org.procpilot.BlinkingOwl"
    assert entry.startup_wm_class == "blinking-owl"
    assert entry.exec_argv == ("env", "OWL_MODE=1", "python3", "-u", "/opt/blinking owl/owl.py", "--window")
    assert not entry.no_display


def test_hidden_and_non_application_entries_are_skipped() -> None:
    assert parse_desktop_entry(OWL.replace("Type=Application", "Type=Link"), "x", "x") is None
    assert parse_desktop_entry(OWL + "", "x", "x") is not None
    hidden = OWL.replace("Icon=", "Hidden=true\nIcon=")
    assert parse_desktop_entry(hidden, "x", "x") is None
    no_display = parse_desktop_entry(OWL.replace("Icon=", "NoDisplay=true\nIcon="), "x", "x")
    assert no_display is not None and no_display.no_display


def test_desktop_ids_use_dashes_for_subfolders() -> None:
    assert desktop_id_of("kde4/dolphin.desktop") == "kde4-dolphin"
    assert desktop_id_of("org.gnome.Maps.desktop") == "org.gnome.Maps"


def test_exec_is_split_as_the_specification_says() -> None:
    assert split_exec(r'"/opt/My App/run" --name "a \"b\"" %f 100%%') == (
        "/opt/My App/run",
        "--name",
        'a "b"',
        "100%",
    )
    assert split_exec("firefox %u") == ("firefox",)


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("zh_CN.UTF-8", "眨眼猫头鹰"),
        ("sr_RS.UTF-8@latin", "Trepćuća sova"),  # lang_COUNTRY@MOD → ... → lang@MOD
        ("pt_BR", "Coruja Piscante"),
        ("pt_PT.UTF-8", "Blinking Owl"),  # no pt, no pt_PT
        ("C.UTF-8", "Blinking Owl"),
    ],
)
def test_localized_names_fall_back_as_the_specification_orders(locale: str, expected: str) -> None:
    entry = parse_desktop_entry(OWL, "owl", "owl")
    assert entry is not None
    assert localized_name(entry.name, entry.localized_names, locale) == expected


def test_locale_candidates_are_in_the_specification_order() -> None:
    assert locale_candidates("sr_RS.UTF-8@latin") == ("sr_RS@latin", "sr_RS", "sr@latin", "sr")
    assert locale_candidates("de") == ("de",)


# Matching Exec ------------------------------------------------------------------


def entry(desktop_id: str, exec_line: str, **extra: str) -> DesktopEntry:
    lines = [f"[Desktop Entry]\nType=Application\nName={desktop_id}\nExec={exec_line}"]
    lines += [f"{key}={value}" for key, value in extra.items()]
    parsed = parse_desktop_entry("\n".join(lines) + "\n", desktop_id, desktop_id + ".desktop")
    assert parsed is not None
    return parsed


def test_exec_targets_skip_env_and_name_scripts_not_interpreters() -> None:
    assert exec_target(("env", "A=1", "/usr/bin/gimp", "%U")) == ("/usr/bin/gimp", None)
    assert exec_target(("/usr/bin/python3.11",)) is None  # Debian's python3.11.desktop
    assert exec_target(("sh", "-c", "foo | bar")) is None
    assert exec_target(("flatpak", "run", "org.gnome.Maps")) is None
    found = exec_target(("python3", "/opt/owl/owl.py"))
    assert found is not None and found[1] == ScriptName("owl.py", "/opt/owl/owl.py", "python3")


def test_processes_match_entries_by_path_name_or_script() -> None:
    matcher = ExecMatcher(
        [
            entry("firefox", "firefox %u"),
            entry("owl", "python3 /opt/owl/owl.py"),
            entry("python3.11", "/usr/bin/python3.11", NoDisplay="true"),
            entry("libreoffice-calc", "libreoffice --calc %U"),
            entry("libreoffice-writer", "libreoffice --writer %U"),
            entry("gimp", "gimp-launcher", TryExec="/usr/bin/gimp-2.10"),
        ]
    )

    def match(executable: str | None, *argv: str) -> str | None:
        found = matcher.match(executable, argv, script_of(argv, executable))
        return None if found is None else found.desktop_id

    assert match("/usr/lib/firefox/firefox", "/usr/lib/firefox/firefox", "-contentproc") == "firefox"
    assert match("/usr/bin/python3.11", "python3", "-u", "/opt/owl/owl.py") == "owl"
    assert match("/usr/bin/python3.11", "python3", "/home/me/frozen_editor.py") is None
    assert match("/usr/bin/python3.11", "python3") is None
    assert match("/usr/lib/libreoffice/program/oosplash", "libreoffice", "--writer") == "libreoffice-writer"
    assert match("/usr/bin/gimp-2.10", "gimp-2.10") == "gimp"
    assert match(None, "sleep", "5") is None


# Scripts ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "name"),
    [
        (["python3", "-u", "/home/me/frozen_editor.py", "--fast"], "frozen_editor.py"),
        (["/usr/bin/python3.11", "-X", "dev", "-W", "error", "tool.py"], "tool.py"),
        (["python3", "-m", "http.server", "8000"], "http.server"),
        (["python3", "-mhttp.server"], "http.server"),
        (["python3", "-c", "import time"], None),
        (["python3", "-uc", "import time"], None),
        (["python3"], None),
        (["bash", "-c", "python3 x.py"], None),
        (["-bash"], None),
        (["bash", "/dev/fd/3"], None),
        (["/bin/sh", "-e", "/usr/bin/owl-launcher"], "owl-launcher"),
        (["node", "--inspect=9229", "-r", "ts-node/register", "server.ts"], "server.ts"),
        (["node", "-e", "1"], None),
        (
            ["java", "-Xmx2g", "-cp", "lib/*", "org.gradle.launcher.daemon.bootstrap.GradleDaemon"],
            "GradleDaemon",
        ),
        (["java", "-jar", "/opt/minecraft/launcher.jar"], "launcher.jar"),
        (["ruby", "-I", "lib", "bin/rails", "server"], "rails"),
        (["perl", "-w", "/usr/bin/exiftool"], "exiftool"),
        (["php8.2", "-d", "memory_limit=1G", "artisan", "serve"], "artisan"),
        (["Rscript", "--vanilla", "model.R"], "model.R"),
        (["sleep", "100"], None),
    ],
)
def test_scripts_are_named_after_the_script_or_module(argv: list[str], name: str | None) -> None:
    script = script_of(argv)
    assert (script.name if script else None) == name


def test_the_label_keeps_the_interpreter() -> None:
    identity = ProcessIdentity(None, script_of(["python3", "frozen_editor.py"]))
    assert identity.script_label == "frozen_editor.py (python3)"


def test_boundaries_are_terminals_sessions_and_adopters() -> None:
    assert is_app_boundary(["/usr/libexec/gnome-terminal-server".rpartition("/")[2]])
    assert is_app_boundary([None, "tmux: server"])
    assert is_app_boundary(["ksmserver"])
    assert not is_app_boundary(["firefox", "bash", None])


# Classification ---------------------------------------------------------------------

APP = AppIdentity("owl", "Blinking Owl", (), None, None)


def test_processes_are_classified_for_the_applications_view() -> None:
    mine = make_test_row(10, mine=True).sample
    theirs = make_test_row(11, mine=False).sample
    with_app = ProcessIdentity(APP, None, IdentitySource.CGROUP)
    assert classify(mine, with_app) is ProcessKind.APPLICATION
    assert classify(mine, ProcessIdentity(None, None)) is ProcessKind.BACKGROUND
    assert classify(mine, None) is ProcessKind.BACKGROUND
    assert classify(theirs, with_app) is ProcessKind.SYSTEM
    assert classify(replace(theirs, is_kernel_thread=True), None) is ProcessKind.KERNEL_THREAD
