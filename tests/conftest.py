"""Test environment: offscreen Qt, no session bus, settings in a throwaway folder."""

import os
import tempfile

# Before PySide6 is imported anywhere.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["DBUS_SESSION_BUS_ADDRESS"] = "unix:path=/dev/null"
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="procpilot-test-config-")

pytest_plugins = ["tests.children", "tests.other_user"]
