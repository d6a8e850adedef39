"""macOS: processes grouped by the application bundle their executable is in. The bundles are
real directory trees with real Info.plist (XML and binary) and InfoPlist.strings files."""

import os
import plistlib
import sys
from pathlib import Path

import pytest

from gui.core.app_identity import IdentitySource
from gui.core.process_key import ProcessKey
from gui.core.process_kind import ProcessKind
from gui.core.process_row import make_row
from gui.core.process_sample import ProcessSample
from gui.platforms import PosixAdapter
from gui.platforms.mac_apps import MacAppIdentifier
from gui.platforms.mac_bundles import lproj_locale, outermost_app, parse_strings, read_bundle

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="bundles are POSIX paths (and FIFOs)")


def make_bundle(
    root: Path,
    relative: str,
    info: dict[str, object],
    *,
    binary: bool = False,
    executable: str = "app",
    strings: dict[str, bytes] | None = None,
    icons: tuple[str, ...] = (),
) -> Path:
    """``root/relative`` as an application bundle; returns its executable's path."""
    bundle = root / relative
    (bundle / "Contents" / "MacOS").mkdir(parents=True)
    resources = bundle / "Contents" / "Resources"
    resources.mkdir()
    form = plistlib.FMT_BINARY if binary else plistlib.FMT_XML
    (bundle / "Contents" / "Info.plist").write_bytes(plistlib.dumps(info, fmt=form))
    for language, data in (strings or {}).items():
        (resources / f"{language}.lproj").mkdir()
        (resources / f"{language}.lproj" / "InfoPlist.strings").write_bytes(data)
    for icon in icons:
        (resources / icon).write_bytes(b"icns\x00\x00\x00\x08")
    program = bundle / "Contents" / "MacOS" / executable
    program.write_bytes(b"\xcf\xfa\xed\xfe")
    return program


def sample(pid: int, name: str, *, user: str = "alice", mine: bool = True) -> ProcessSample:
    return ProcessSample(
        key=ProcessKey(pid, 1000.0 + pid),
        name=name,
        user=user,
        status="running",
        cpu_seconds=0.0,
        memory_rss=1 << 20,
        threads=4,
        command_line=name,
        owned_by_me=mine,
        is_kernel_thread=False,
        parent_pid=1,
    )


@pytest.fixture
def mac(tmp_path: Path) -> tuple[MacAppIdentifier, dict[int, str], Path]:
    """An Applications folder with Chrome (and its helper app inside), a Calculator whose
    Info.plist is binary, a menu bar agent, and a system folder with the Dock (an agent)."""
    apps = tmp_path / "Applications"
    system = tmp_path / "System"
    chrome = make_bundle(
        apps,
        "Google Chrome.app",
        {"CFBundleIdentifier": "com.google.Chrome", "CFBundleName": "Chrome",
         "CFBundleDisplayName": "Google Chrome", "CFBundleIconFile": "app.icns"},
        executable="Google Chrome",
        icons=("app.icns",),
    )  # fmt: skip
    helper = make_bundle(
        apps,
        "Google Chrome.app/Contents/Frameworks/Google Chrome Framework.framework/Helpers/"
        "Google Chrome Helper (Renderer).app",
        {"CFBundleIdentifier": "com.google.Chrome.helper.renderer", "CFBundleName": "Google Chrome Helper"},
        executable="Google Chrome Helper (Renderer)",
    )
    calculator = make_bundle(
        system / "Applications",
        "Calculator.app",
        {
            "CFBundleIdentifier": "com.apple.calculator",
            "CFBundleName": "Calculator",
            "CFBundleIconFile": "AppIcon",
        },
        binary=True,
        icons=("AppIcon.icns",),
        strings={
            "zh-Hans": 'CFBundleName = "计算器";\n'.encode("utf-16"),
            "de": plistlib.dumps({"CFBundleDisplayName": "Rechner"}, fmt=plistlib.FMT_BINARY),
            "Base": b'"CFBundleName" = "Base name";',
        },
    )
    agent = make_bundle(apps, "Menu Meter.app", {"CFBundleName": "Menu Meter", "LSUIElement": True})
    dock = make_bundle(
        system / "Library" / "CoreServices", "Dock.app", {"CFBundleName": "Dock", "LSUIElement": "1"}
    )
    executables = {
        100: str(chrome),
        101: str(helper),
        102: str(calculator),
        103: str(agent),
        104: str(dock),
        105: str(system / "Library" / "PrivateFrameworks" / "daemon"),
        106: "/usr/local/bin/python3",
    }
    return MacAppIdentifier(executables.get, (str(system) + "/",)), executables, tmp_path


SAMPLES = [
    sample(100, "Google Chrome"),
    sample(101, "Google Chrome Helper (Renderer)"),
    sample(102, "Calculator"),
    sample(103, "Menu Meter"),
    sample(104, "Dock"),
    sample(105, "daemon"),
    sample(106, "python3"),
    sample(107, "launchd", user="root", mine=False),
    sample(108, "mds", user="root"),  # root's, even if this session could read it as its own
]


def classified(identifier: MacAppIdentifier) -> dict[int, tuple[ProcessKind, str | None]]:
    identities = identifier.identify(SAMPLES)
    rows = [
        make_row(each, 0.0, identities[each.key]) if each.key in identities else make_row(each, 0.0)
        for each in SAMPLES
    ]
    return {row.key.pid: (row.kind, row.identity.app.name if row.identity.app else None) for row in rows}


def test_processes_are_grouped_by_their_outermost_bundle_and_classified(mac) -> None:
    identifier, _executables, _root = mac
    assert classified(identifier) == {
        100: (ProcessKind.APPLICATION, "Google Chrome"),
        101: (ProcessKind.APPLICATION, "Google Chrome"),  # the helper app inside belongs to Chrome
        102: (ProcessKind.APPLICATION, "Calculator"),  # an app, although under /System
        103: (ProcessKind.BACKGROUND, None),  # a menu bar agent outside /System
        104: (ProcessKind.SYSTEM, None),  # an agent under /System
        105: (ProcessKind.SYSTEM, None),
        106: (ProcessKind.BACKGROUND, None),
        107: (ProcessKind.SYSTEM, None),
        108: (ProcessKind.SYSTEM, None),
    }


def test_one_identity_per_app_with_its_bundle_icon_and_names(mac) -> None:
    identifier, _executables, root = mac
    identities = {key.pid: identity for key, identity in identifier.identify(SAMPLES).items()}
    assert identities[100] is identities[101]
    assert identities[100].source is IdentitySource.BUNDLE
    chrome = identities[100].app
    calculator = identities[102].app
    assert chrome is not None and calculator is not None
    assert chrome.app_id == "bundle:com.google.Chrome"
    assert chrome.icon_name == str(
        root / "Applications" / "Google Chrome.app" / "Contents" / "Resources" / "app.icns"
    )
    assert chrome.desktop_file == str(root / "Applications" / "Google Chrome.app")
    assert calculator.icon_name is not None and calculator.icon_name.endswith(
        "Calculator.app/Contents/Resources/AppIcon.icns"
    )
    assert calculator.name_in("zh_CN.UTF-8") == "计算器"
    assert calculator.name_in("de_DE.UTF-8") == "Rechner"
    assert calculator.name_in("fr_FR.UTF-8") == "Calculator"


def test_the_same_mapping_while_no_process_is_new(mac) -> None:
    identifier, _executables, _root = mac
    first = identifier.identify(SAMPLES)
    assert identifier.identify(SAMPLES) is first
    fewer = identifier.identify(SAMPLES[1:])
    assert fewer is not first and SAMPLES[0].key not in fewer


def test_the_adapter_on_macos_asks_the_bundles(mac) -> None:
    _identifier, executables, _root = mac
    adapter = PosixAdapter(linux=False, needs_display_server=False, macos=True, executable_of=executables.get)
    identities = adapter.identify_processes(SAMPLES, 2000.0)
    app = identities[SAMPLES[0].key].app
    assert app is not None and app.name == "Google Chrome"
    assert PosixAdapter(linux=False, needs_display_server=False).identify_processes(SAMPLES, 2000.0) == {}


def test_the_outermost_app_directory_holds_an_executable(tmp_path: Path) -> None:
    program = make_bundle(tmp_path, "Outer.app/Contents/Frameworks/Inner.app", {"CFBundleName": "Inner"})
    assert outermost_app(str(program)) == str(tmp_path / "Outer.app")
    assert outermost_app("/usr/bin/python3") is None
    assert outermost_app(str(tmp_path / "Missing.app" / "Contents" / "MacOS" / "x")) is None


def test_a_bundle_without_names_is_named_after_its_folder(tmp_path: Path) -> None:
    program = make_bundle(tmp_path, "Plain.app", {"CFBundleIdentifier": "org.example.plain"})
    bundle = read_bundle(str(tmp_path / "Plain.app"))
    assert bundle is not None and os.path.exists(program)
    assert (bundle.name, bundle.icon_path, bundle.agent) == ("Plain", None, False)


@pytest.mark.parametrize(
    "content",
    [b"", b"not a plist", b"<?xml version='1.0'?><plist><dict><key>x", plistlib.dumps(["a list"])],
)
def test_a_broken_info_plist_gives_no_bundle(tmp_path: Path, content: bytes) -> None:
    make_bundle(tmp_path, "Broken.app", {})
    (tmp_path / "Broken.app" / "Contents" / "Info.plist").write_bytes(content)
    assert read_bundle(str(tmp_path / "Broken.app")) is None


def test_a_fifo_or_a_huge_info_plist_is_not_read(tmp_path: Path) -> None:
    make_bundle(tmp_path, "Fifo.app", {})
    info = tmp_path / "Fifo.app" / "Contents" / "Info.plist"
    info.unlink()
    os.mkfifo(info)  # opening it to read would block until a writer came
    assert read_bundle(str(tmp_path / "Fifo.app")) is None
    make_bundle(tmp_path, "Huge.app", {"CFBundleName": "x" * (2 << 20)})
    assert read_bundle(str(tmp_path / "Huge.app")) is None


def test_a_hostile_name_is_bounded(tmp_path: Path) -> None:
    make_bundle(tmp_path, "Long.app", {"CFBundleName": "\u202e" + "y" * 10_000})
    bundle = read_bundle(str(tmp_path / "Long.app"))
    assert bundle is not None and len(bundle.name) == 200


@pytest.mark.parametrize(
    ("folder", "locale"),
    [("en.lproj", "en"), ("English.lproj", "en"), ("pt-BR.lproj", "pt_BR"), ("pt_PT.lproj", "pt_PT"),
     ("zh-Hans.lproj", "zh_CN"), ("zh-Hant.lproj", "zh_TW"), ("sr-Latn.lproj", "sr@latin"),
     ("Base.lproj", None)],
)  # fmt: skip
def test_lproj_folders_name_posix_locales(folder: str, locale: str | None) -> None:
    assert lproj_locale(folder) == locale


def test_strings_files_in_their_three_forms() -> None:
    text = (
        '/* comment */\n"CFBundleName" = "Quote \\"q\\" \\U00e9";\nCFBundleDisplayName = "Shown"; // note\n'
    )
    assert parse_strings(text.encode("utf-16")) == {
        "CFBundleName": 'Quote "q" é',
        "CFBundleDisplayName": "Shown",
    }
    assert parse_strings(text.encode("utf-8")) == {
        "CFBundleName": 'Quote "q" é',
        "CFBundleDisplayName": "Shown",
    }
    assert parse_strings(plistlib.dumps({"CFBundleName": "Bin", "n": 1}, fmt=plistlib.FMT_BINARY)) == {
        "CFBundleName": "Bin"
    }
    assert parse_strings(b"bplist00 broken") == {}
