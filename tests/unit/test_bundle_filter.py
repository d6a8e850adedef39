"""What the PyInstaller spec keeps of PySide6's plugins, per OS (packaging/bundle_filter.py)."""

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
from bundle_filter import wanted  # noqa: E402 - the packaging script, not a package

PLUGINS = "PySide6/Qt/plugins"


def test_the_macos_build_keeps_the_icns_image_plugin_for_apps_bundle_icons() -> None:
    assert wanted(f"{PLUGINS}/imageformats/libqicns.dylib", macos=True)


@pytest.mark.parametrize("name", ["libqicns.dylib", "qicns.dll", "libqicns.so"])
def test_other_builds_drop_it(name: str) -> None:
    assert not wanted(f"{PLUGINS}/imageformats/{name}", macos=False)


@pytest.mark.parametrize("macos", [True, False])
def test_every_build_keeps_svg_and_drops_the_other_image_formats(macos: bool) -> None:
    suffix = "dylib" if macos else "so"
    assert wanted(f"{PLUGINS}/imageformats/libqsvg.{suffix}", macos=macos)
    assert wanted(f"{PLUGINS}/iconengines/libqsvgicon.{suffix}", macos=macos)
    for dropped in ("qjpeg", "qgif", "qtiff", "qwebp", "qico", "qtga", "qwbmp", "qpdf"):
        assert not wanted(f"{PLUGINS}/imageformats/lib{dropped}.{suffix}", macos=macos), dropped


def test_windows_paths_are_read_with_either_slash() -> None:
    assert wanted("PySide6\\plugins\\imageformats\\qsvg.dll", macos=False)
    assert not wanted("PySide6\\plugins\\imageformats\\qjpeg.dll", macos=False)
    assert wanted("PySide6\\plugins\\platforms\\qwindows.dll", macos=False)


def test_the_platform_plugins_and_libraries_are_filtered_as_before() -> None:
    assert wanted(f"{PLUGINS}/platforms/libqcocoa.dylib", macos=True)
    assert not wanted(f"{PLUGINS}/platforms/libqvnc.so", macos=False)
    assert not wanted("PySide6/Qt/lib/libQt6Network.so.6", macos=False)
    assert wanted("PySide6/Qt/lib/libQt6Widgets.so.6", macos=False)
    assert not wanted("libgtk-3.so.0", macos=False)
