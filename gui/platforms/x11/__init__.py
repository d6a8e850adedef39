"""X11 windows (also XWayland's): listing, following changes, polite close, switch to.

Importing this package imports nothing from python-xlib; ``tracker.open_x11_windows``
imports it when a display is actually there.
"""
