"""Start-up's leftovers are tidied: PySide's cached module sources go, start-up's objects are frozen."""

import subprocess
import sys
import textwrap

CHECK = textwrap.dedent("""
    import gc, linecache
    from PySide6 import QtCore
    import gui.views.main_window
    from gui.start_up_memory import settle_after_start_up
    cached = [name for name in linecache.cache if "/gui/" in name]
    assert cached, "PySide's import hook no longer caches module sources: drop this step"
    settle_after_start_up()
    assert not linecache.cache, list(linecache.cache)
    assert gc.get_freeze_count() > 1000
    print("ok")
""")


def test_module_sources_are_dropped_and_start_up_objects_frozen() -> None:
    """In a fresh interpreter: the app's own imports fill ``linecache`` through shiboken's
    feature check, and the tidy-up empties it."""
    result = subprocess.run(
        [sys.executable, "-c", CHECK],
        check=False,
        capture_output=True,
        text=True,
        timeout=60,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
    )
    assert result.stdout.strip() == "ok", result.stderr
