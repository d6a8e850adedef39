"""Test environment: offscreen Qt, no session bus, settings and logs in throwaway folders."""

import os
import tempfile

# Before PySide6 is imported anywhere.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["DBUS_SESSION_BUS_ADDRESS"] = "unix:path=/dev/null"
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="procpilot-test-config-")
os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="procpilot-test-data-")

pytest_plugins = ["tests.children", "tests.other_user", "tests.launched_app", "tests.polkit_env"]
