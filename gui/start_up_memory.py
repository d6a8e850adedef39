"""What start-up leaves behind for the rest of the run, tidied once the window is built."""

import gc
import linecache
import sys

#: glibc's ``mallopt`` parameter for the most arenas (``M_ARENA_MAX`` in malloc.h).
_M_ARENA_MAX = -8


def use_one_malloc_arena() -> None:
    """Have every thread allocate from one glibc arena (Linux; call before any thread starts).

    glibc gives a thread that allocates while another does an arena of its own, and keeps
    what it once held: the head start's and the sampler's arenas kept 0.4-1.2 MB at
    3,000 processes (two measurements). Python's lock makes the threads take turns anyway, so one arena costs
    no waiting worth measuring. Where there is no glibc, nothing changes.
    """
    if not sys.platform.startswith("linux"):
        return
    import ctypes  # noqa: PLC0415 - Linux only

    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):  # not glibc
        return
    mallopt(_M_ARENA_MAX, 1)


def settle_after_start_up() -> None:
    """Drop the module sources PySide's import hook cached, and take start-up's objects out of
    the cyclic garbage collector's way.

    For every module imported after PySide, shiboken's feature check reads the module's whole
    source through ``inspect`` into ``linecache`` (about 220 files, 6 MB of Python objects
    here) that nothing reads again; a traceback reads the lines it needs from disk anyway.
    Modules, classes, widgets and actions live as long as the window: frozen, a full
    collection no longer walks them (16-24 ms at 3,000 processes before, a pause of the
    window each time the collector runs a full pass), only the objects made since.
    """
    linecache.clearcache()
    gc.collect()
    gc.freeze()


#: Modules the window loads when first needed rather than at start (about 1.6 MB less
#: memory): the administrator helper's client and the details window. Tests that act as
#: another user in this process load them beforehand, as the checkout may be closed to
#: that user.
LOADED_ON_FIRST_USE = (
    "gui.actions.elevated_runner",
    "gui.actions.system_launcher",
    "gui.views.details_window",
)
