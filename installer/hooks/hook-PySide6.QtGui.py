"""PyInstaller hook (replaces the built-in one for PySide6.QtGui): Qt's GUI plugins minus those we never need.

Filtering here, before PyInstaller follows the plugins' library dependencies, also keeps out what only those
plugins link (QtNetwork with Kerberos, the EGL device libraries, the GTK/Cairo/Pango stack).
"""

from pathlib import PurePath

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

# Relative to Qt's plugins folder; a prefix matches Linux (libqtiff.so), macOS (libqtiff.dylib) and Windows
# (qtiff.dll) names alike. Not needed by a widgets program on a desktop: touch/evdev input and EGL device integration
# (kiosks), Wayland shells other than the desktops' xdg-shell, the minimal platform (offscreen serves headless runs),
# OpenGL glue (we draw with the raster engine), the GTK3 theme (would load the system's GTK against our bundled GLib;
# the XDG portal theme still follows dark mode and contrast), image codecs we never read (icns: macOS reads its own).
UNNOETIGE_QT_PLUGINS = (
    "platforms/libqeglfs",
    "platforms/libqlinuxfb",
    "platforms/libqvnc",
    "platforms/libqminimalegl",
    "platforms/libqvkkhrdisplay",
    "platformthemes/libqgtk3",
    "generic/",
    "egldeviceintegrations/",
    "wayland-graphics-integration-client/",
    "xcbglintegrations/",
    "wayland-shell-integration/libivi-shell",  # Wayland shells of cars, kiosks and Qt's own compositor, and the
    "wayland-shell-integration/libfullscreen-shell",  # deprecated wl-shell; desktops use xdg-shell
    "wayland-shell-integration/libqt-shell",
    "wayland-shell-integration/libwl-shell",
    "platforms/libqminimal",
    "platforms/qminimal",
    "imageformats/libqicns",
    "imageformats/qicns",
    "imageformats/libqtiff",
    "imageformats/libqwebp",
    "imageformats/libqwbmp",
    "imageformats/libqtga",
    "imageformats/qtiff",
    "imageformats/qwebp",
    "imageformats/qwbmp",
    "imageformats/qtga",
)


def _gebraucht(quelle: str) -> bool:
    teile = PurePath(quelle).parts
    if "plugins" not in teile:
        return True
    innen = "/".join(teile[len(teile) - teile[::-1].index("plugins") :])
    return not innen.startswith(UNNOETIGE_QT_PLUGINS)


hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = [(quelle, ziel) for quelle, ziel in binaries if _gebraucht(quelle)]
