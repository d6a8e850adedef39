"""App icons: by file path and theme name, the generic and section fallbacks, one lookup per app,
and the bundled theme on a system without icons (offscreen here, and on a real X server)."""

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QIcon, QImage, QImageReader

from gui.core.app_identity import AppIdentity, IconSource
from gui.core.process_kind import ProcessKind
from gui.views import app_icons
from gui.views.app_icons import AppIcons
from tests.e2e.x11 import start_xvfb

PROBE = Path(__file__).with_name("app_icons_probe.py")
INDEX = "[Icon Theme]\nName=Hicolor\nDirectories=48x48/apps\n\n[48x48/apps]\nSize=48\nType=Threshold\n"


def app(icon_name: str | None, app_id: str = "org.example.Owl") -> AppIdentity:
    return AppIdentity(app_id, "Blinking Owl", (), icon_name, None)


def write_png(path: Path, colour: str, size: int = 48) -> Path:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(QColor(colour))
    assert image.save(str(path))
    return path


def centre(icon: QIcon, size: int = 48) -> str:
    image = icon.pixmap(size).toImage()
    assert not image.isNull()
    return image.pixelColor(image.width() // 2, image.height() // 2).name()


def same(a: QIcon, b: QIcon) -> bool:
    return a.cacheKey() == b.cacheKey()


@pytest.fixture
def icons(qapp) -> AppIcons:
    return AppIcons()


@pytest.fixture
def theme_apps(qapp, tmp_path: Path) -> Iterator[Path]:
    """A temporary hicolor theme first on Qt's search path; yields its 48x48/apps folder."""
    root = tmp_path / "icons"
    apps = root / "hicolor" / "48x48" / "apps"
    apps.mkdir(parents=True)
    (root / "hicolor" / "index.theme").write_text(INDEX, encoding="utf-8")
    before = QIcon.themeSearchPaths()
    QIcon.setThemeSearchPaths([str(root), *before])
    yield apps
    QIcon.setThemeSearchPaths(before)


def test_an_absolute_path_gives_that_image(icons: AppIcons, tmp_path: Path) -> None:
    path = write_png(tmp_path / "owl.png", "#d02020")
    icon = icons.application(app(str(path)))
    assert not same(icon, icons.generic())
    assert centre(icon) == "#d02020"


def test_an_absolute_svg_path_is_drawn_at_every_size(icons: AppIcons, tmp_path: Path) -> None:
    if b"svg" not in [bytes(f.data()) for f in QImageReader.supportedImageFormats()]:
        pytest.skip("this Qt has no SVG image plugin")
    path = tmp_path / "owl.svg"
    path.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
        '<rect width="10" height="10" fill="#2050d0"/></svg>',
        encoding="utf-8",
    )
    icon = icons.application(app(str(path)))
    assert centre(icon, 16) == centre(icon, 64) == "#2050d0"
    assert icon.pixmap(64).width() == 64  # rendered at the size, not a scaled-up 10 px image


def test_a_theme_name_is_found_in_the_icon_theme(icons: AppIcons, theme_apps: Path) -> None:
    write_png(theme_apps / "org.example.Owl.png", "#20a040")
    icon = icons.application(app("org.example.Owl"))
    assert centre(icon) == "#20a040"


def test_a_theme_name_written_with_its_extension_is_found(icons: AppIcons, theme_apps: Path) -> None:
    write_png(theme_apps / "owl.png", "#20a040")
    assert centre(icons.application(app("owl.png"))) == "#20a040"


@pytest.mark.parametrize(
    "icon_name",
    [None, "", "no-such-icon-procpilot-test", "/no/such/file.png", "relative/owl.png"],
)
def test_a_missing_icon_is_the_generic_one(icons: AppIcons, theme_apps: Path, icon_name: str | None) -> None:
    icon = icons.application(app(icon_name))
    assert same(icon, icons.generic())
    assert not icon.isNull()


def test_a_file_qt_cannot_read_is_the_generic_one(icons: AppIcons, tmp_path: Path) -> None:
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"not a picture")
    assert same(icons.application(app(str(broken))), icons.generic())
    assert same(icons.application(app(str(tmp_path), app_id="a.folder")), icons.generic())


def test_an_app_is_looked_up_once(icons: AppIcons, tmp_path: Path, theme_apps: Path, monkeypatch) -> None:
    path = write_png(tmp_path / "owl.png", "#d02020")
    themed = write_png(theme_apps / "org.example.Lark.png", "#20a040")
    lookups: list[str | None] = []
    find = app_icons._find

    def counting_find(icon_name: str | None) -> QIcon:
        lookups.append(icon_name)
        return find(icon_name)

    monkeypatch.setattr(app_icons, "_find", counting_find)
    first = icons.application(app(str(path)))
    first_themed = icons.application(app("org.example.Lark", app_id="org.example.Lark"))
    path.unlink()
    themed.unlink()

    for _ in range(3):
        again = icons.application(app(str(path)))
        again_themed = icons.application(app("org.example.Lark", app_id="org.example.Lark"))
        assert same(again, first)
        assert same(again_themed, first_themed)
        assert centre(again, 16) == "#d02020"  # painted from memory: the files are gone
        assert centre(again_themed, 32) == "#20a040"
    assert lookups == [str(path), "org.example.Lark"]
    # A fresh lookup would see that the files are gone.
    fresh = AppIcons()
    assert same(fresh.application(app(str(path))), fresh.generic())


def test_sections_have_their_own_icons(icons: AppIcons) -> None:
    generic = icons.generic()
    background = icons.section(ProcessKind.BACKGROUND)
    system = icons.section(ProcessKind.SYSTEM)
    images = [icon.pixmap(32).toImage() for icon in (generic, background, system)]
    assert all(not image.isNull() for image in images)
    assert len({bytes(image.constBits()) for image in images}) == 3, "the three icons look alike"
    assert same(icons.section(ProcessKind.KERNEL_THREAD), system)
    assert same(icons.section(ProcessKind.APPLICATION), generic)


def test_a_process_row_shows_its_app_or_its_section(icons: AppIcons, tmp_path: Path) -> None:
    owl = app(str(write_png(tmp_path / "owl.png", "#d02020")))
    assert same(icons.process(ProcessKind.APPLICATION, owl), icons.application(owl))
    assert same(icons.process(ProcessKind.APPLICATION, None), icons.generic())
    assert same(icons.process(ProcessKind.BACKGROUND, None), icons.section(ProcessKind.BACKGROUND))
    assert same(icons.process(ProcessKind.SYSTEM, owl), icons.section(ProcessKind.SYSTEM))


def test_icons_paint_at_high_dpi(icons: AppIcons, tmp_path: Path) -> None:
    icon = icons.application(app(str(write_png(tmp_path / "big.png", "#d02020", size=64))))
    pixmap = icon.pixmap(QSize(16, 16), 2.0)
    assert (pixmap.width(), pixmap.height()) == (32, 32)  # sharp on a 2x screen, not 16 px scaled up
    assert pixmap.toImage().pixelColor(16, 16) == QColor("#d02020")


def probe(env: dict[str, str], *names: str) -> dict[str, Any]:
    result = subprocess.run(
        [sys.executable, str(PROBE), *names], env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    report: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return report


def clean_env(tmp_path: Path) -> dict[str, str]:
    """No icon theme anywhere: empty XDG data folders and home."""
    empty = tmp_path / "empty"
    (empty / "data").mkdir(parents=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "QT_"))}
    env.update(HOME=str(empty), XDG_DATA_DIRS=str(empty), XDG_DATA_HOME=str(empty / "data"))
    env["XDG_CONFIG_HOME"] = str(empty)
    return env


def test_the_bundled_icons_need_no_system_theme(tmp_path: Path) -> None:
    env = clean_env(tmp_path)
    env["QT_QPA_PLATFORM"] = "offscreen"
    report = probe(env, "application-x-executable", "org.example.Unknown")
    builtin = report["builtin"]
    assert None not in builtin.values()
    assert len(set(builtin.values())) == 3
    assert report["apps"] == {
        # An entry may name the standard icon: the bundled theme has it.
        "application-x-executable": {"centre": builtin["generic"], "generic": False},
        "org.example.Unknown": {"centre": builtin["generic"], "generic": True},
    }


@pytest.mark.skipif(shutil.which("Xvfb") is None, reason="Xvfb is not installed (apt-get install xvfb)")
@pytest.mark.parametrize("system_dirs", [False, True], ids=["bare", "with-system-dirs"])
def test_on_x11_the_users_theme_and_the_bundled_one_are_found(tmp_path: Path, system_dirs: bool) -> None:
    """The real platform theme reads $XDG_DATA_HOME/icons (and $XDG_DATA_DIRS/icons)."""
    env = clean_env(tmp_path)
    if system_dirs:
        env.pop("XDG_DATA_DIRS")  # the default: /usr/local/share:/usr/share
    user_apps = Path(env["XDG_DATA_HOME"]) / "icons" / "hicolor" / "48x48" / "apps"
    user_apps.mkdir(parents=True)
    write_png(user_apps / "org.example.Owl.png", "#20a040")
    server, display = start_xvfb()
    try:
        env.update(QT_QPA_PLATFORM="xcb", DISPLAY=display)
        report = probe(env, "org.example.Owl", "org.example.Owl.png", "org.example.Unknown")
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert report["platform"] == "xcb"
    builtin = report["builtin"]
    assert None not in builtin.values()
    assert len(set(builtin.values())) == 3
    apps = report["apps"]
    assert apps["org.example.Owl"] == {"centre": "#20a040", "generic": False}
    assert apps["org.example.Owl.png"] == {"centre": "#20a040", "generic": False}
    assert apps["org.example.Unknown"]["generic"] is True


@pytest.mark.skipif(shutil.which("Xvfb") is None, reason="Xvfb is not installed (apt-get install xvfb)")
@pytest.mark.skipif(
    not Path("/usr/share/icons/Adwaita/index.theme").is_file(),
    reason="needs the Adwaita icon theme (apt-get install adwaita-icon-theme)",
)
def test_in_a_bare_x11_session_a_full_installed_theme_names_the_icons(tmp_path: Path) -> None:
    """No desktop chose a theme (Qt says hicolor): an entry's Icon=accessories-text-editor,
    which only full themes have, is found in the installed Adwaita, as GTK apps find it."""
    env = clean_env(tmp_path)
    env.pop("XDG_DATA_DIRS")  # the default: /usr/local/share:/usr/share
    server, display = start_xvfb()
    try:
        env.update(QT_QPA_PLATFORM="xcb", DISPLAY=display)
        report = probe(env, "accessories-text-editor", "org.example.Unknown")
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert report["apps"]["accessories-text-editor"]["generic"] is False
    assert report["apps"]["org.example.Unknown"]["generic"] is True


def test_an_executable_named_as_a_file_gets_the_shell_icon_of_that_file(icons: AppIcons) -> None:
    """Windows apps name their executable (``IconSource.FILE``): its icon is what
    QFileIconProvider shows for it (the exe's own icon on Windows), never read as an image."""
    executable = sys.executable
    shell = AppIdentity("exe:python", "Python", (), executable, executable, IconSource.FILE)
    assert not same(icons.application(shell), icons.generic())
    as_entry = AppIdentity("entry:python", "Python", (), executable, None)  # not an image: generic
    assert same(icons.application(as_entry), icons.generic())
    gone = AppIdentity("exe:gone", "Gone", (), "/nonexistent/gone.exe", None, IconSource.FILE)
    assert same(icons.application(gone), icons.generic())
