"""Which of PyInstaller's collected files go into the binary (procpilot.spec's filter).

Plain Python, so the choice can be tested on any OS: ``wanted(dest, macos=True)`` is what the
macOS build keeps.
"""

import re
import sys

KEPT_PLATFORM_PLUGINS = re.compile(
    r"(q?xcb|q?wayland[-\w]*|q?offscreen|q?minimal|qwindows|qcocoa)\.(so|dll|dylib)$"
)
KEPT_IMAGE_PLUGINS = re.compile(r"/plugins/(imageformats|iconengines)/(lib)?qsvg(icon)?\.(so|dll|dylib)$")
#: macOS apps' icons are .icns files in their bundles (gui/platforms/mac_bundles.py): Qt reads
#: them through this plugin, which PySide6 ships only on macOS.
KEPT_MAC_IMAGE_PLUGINS = re.compile(r"/plugins/imageformats/libqicns\.dylib$")
#: Input methods and platform themes; not the virtual keyboard (it needs QML and Quick).
KEPT_DESKTOP_PLUGINS = re.compile(
    r"/plugins/(platforminputcontexts/(lib)?(ibus|compose|fcitx5?)\w*|platformthemes/(lib)?q\w+)\.(so|dll|dylib)$"
)
#: Qt's own strings in the languages ProcPilot is translated into (the source language needs none).
KEPT_QT_TRANSLATIONS = re.compile(r"(/translations/qtbase_zh_CN|^gui/_translations/procpilot_\w+)\.qm$")
#: What only the gtk3 platform theme needs: loaded from the system, where GTK matches its theme.
SYSTEM_GTK = re.compile(
    r"(^|/)lib(gtk-3|gdk-3|gdk_pixbuf-2\.0|atk-1\.0|atk-bridge-2\.0|atspi|cairo(-gobject)?|"
    r"pango(cairo|ft2)?-1\.0|epoxy|harfbuzz|fribidi|thai|datrie|graphite2|pixman-1|gio-2\.0|gmodule-2\.0|"
    r"gobject-2\.0|X(composite|cursor|damage|ext|fixes|i|inerama|randr|render)|jpeg|mount|blkid|selinux|"
    r"wayland-egl)\.so[.\d]*$"
)
DROPPED = re.compile(
    r"(/translations/|\.qm$"
    r"|/plugins/(platformthemes|imageformats|iconengines|networkinformation|tls|generic|"
    r"egldeviceintegrations|platforminputcontexts|xcbglintegrations|wayland-graphics-integration-\w+|"
    r"sqldrivers|printsupport|qmltooling|designer|vectorimageformats)/"
    r"|Qt6(Network|Qml\w*|Quick\w*|Pdf|SvgWidgets|OpenGL\w*|PrintSupport|Sql|Test|Xml|Designer\w*|Help|"
    r"Concurrent|Labs\w*|Lottie\w*|VirtualKeyboard\w*|ShaderTools|3D\w*|Multimedia\w*|WebEngine\w*)[.\d]*"
    r"\.(so[.\d]*|dll|dylib)$)"
)


def wanted(dest: str, macos: bool = sys.platform == "darwin") -> bool:
    """Whether the file PyInstaller would put at ``dest`` stays in the build."""
    path = dest.replace("\\", "/")
    if "/plugins/platforms/" in path:
        return bool(KEPT_PLATFORM_PLUGINS.search(path))
    if macos and KEPT_MAC_IMAGE_PLUGINS.search(path):
        return True
    kept = (KEPT_IMAGE_PLUGINS, KEPT_DESKTOP_PLUGINS, KEPT_QT_TRANSLATIONS)
    if any(pattern.search(path) for pattern in kept):
        return True
    return not (DROPPED.search(path) or SYSTEM_GTK.search(path))
