"""Entry point: options, QApplication, the main window, clean shutdown."""

import logging
import os
import signal
import sys
import time

import gui
from gui import platforms
from gui.cli import parse_options
from gui.platforms import PlatformAdapter
from gui.platforms.adapter import MissingDisplay
from gui.start_up_memory import settle_after_start_up, use_one_malloc_arena
from gui.terminal_words import Terminal

logger = logging.getLogger(__name__)


def _missing_display_text(reason: MissingDisplay) -> str:
    """Printed before Qt is loaded, in the terminal's language (gui/terminal_words.py)."""
    texts = {
        MissingDisplay.NO_DISPLAY_VARIABLE: Terminal.tr(
            "ProcPilot needs a graphical desktop: neither DISPLAY nor WAYLAND_DISPLAY is set. "
            "Start it from your desktop session."
        ),
    }
    return texts[reason]


def _prepare_qt_environment(qt_platform: str | None, smoke: bool, adapter: PlatformAdapter) -> None:
    """What Qt reads from the environment when it starts."""
    if qt_platform:  # -platform offscreen needs no display
        os.environ["QT_QPA_PLATFORM"] = qt_platform
    if smoke and adapter.missing_display_reason(os.environ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    # Qt splits larger fills (a scroll bar's gradient) across a pool of painting threads and
    # waits for them: at rest that woke three threads 40-60 times a second for no visible gain
    # (tests/bench/wakeups.py). Paint on the UI thread alone unless the user decided otherwise.
    os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")


def main(argv: list[str] | None = None) -> int:
    """Run ProcPilot and return its exit code.

    Reuses an existing ``QApplication`` (tests, tools) instead of making a second one.
    """
    started_at = time.perf_counter()
    try:
        options = parse_options(argv)
    except SystemExit as exit_request:
        code = exit_request.code
        return code if isinstance(code, int) else (0 if code is None else 2)

    if sys.stderr is not None and not logging.getLogger().handlers:  # windowed Windows: no stderr
        console = logging.StreamHandler()
        console.setLevel(logging.WARNING)  # the log file gets INFO too
        console.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        logging.getLogger().addHandler(console)
    adapter = platforms.current()
    _prepare_qt_environment(options.qt_platform, options.smoke, adapter)
    reason = adapter.missing_display_reason(os.environ)
    if reason is not None:
        print(_missing_display_text(reason), file=sys.stderr)
        return 1
    use_one_malloc_arena()  # before the head start's thread and Qt's
    adapter.start_head_start()  # reads the processes while Qt and the window load

    # Qt is imported only now: --help and --version stay fast and work without a display.
    from PySide6.QtWidgets import QApplication

    from gui.app_icon import app_icon
    from gui.core.storage_problem import StorageProblems
    from gui.crash_reporting import crash_reporting
    from gui.settings import Settings
    from gui.smoke_check import SmokeCheck
    from gui.termination import quit_on_signals
    from gui.translators import install_translators, remove_translators
    from gui.views.main_window import MainWindow

    existing = QApplication.instance()
    # Qt's own options (-style, -reverse...) go to Qt, which takes them from this list.
    qt_argv = [*sys.argv[:1], *options.qt_arguments]
    app = existing if isinstance(existing, QApplication) else QApplication(qt_argv)
    app.setOrganizationName("ProcPilot")
    app.setApplicationName("ProcPilot")
    app.setApplicationVersion(gui.__version__)
    app.setDesktopFileName("org.procpilot.ProcPilot")
    app.setWindowIcon(app_icon())

    problems = StorageProblems()  # an unwritable log or settings file: said once in the window
    with crash_reporting(problems) as log_file, quit_on_signals(app, adapter.termination_signals()):
        logger.info("ProcPilot %s started; this log: %s", gui.__version__, log_file)
        settings = Settings(problems=problems)
        translators = install_translators(app, settings.language)
        window = MainWindow(adapter, settings, options.interval_s)
        settle_after_start_up()
        if options.smoke:
            SmokeCheck(window, started_at)
        window.show()
        code = app.exec()
        window.close()
        window.deleteLater()
        remove_translators(app, translators)
        logger.info("ProcPilot exited with code %d", code)
    return code


def run() -> None:
    """Console entry point (``procpilot``).

    Ctrl+C while the window runs quits cleanly (see ``gui.termination``); during start-up
    or shutdown it ends ProcPilot here, without a traceback, with the shell's usual 130.
    """
    try:
        code = main()
    except KeyboardInterrupt:
        code = 128 + signal.SIGINT
    sys.exit(code)
