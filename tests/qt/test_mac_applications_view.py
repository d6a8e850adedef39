"""The Applications view fed by the macOS adapter: real processes (this test's children, run as
a real other user who stands for the Mac's logged-in user), their executables in real bundle
trees (the fake bundles of tests/unit/test_mac_apps.py, since macOS's own paths are not here),
through the real sampler, snapshot rows and Applications model."""

import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import psutil
import pytest

# PosixAdapter(macos=True) loads the Mac's modules: loaded now, as root, since while the test
# acts as OWNER the interpreter's files (under root's home) are closed to it.
import gui.helper.mac_process
import gui.platforms.mac_apps  # noqa: F401
from gui.core.columns import Column
from gui.models.app_group_model import BACKGROUND, SYSTEM, AppGroupModel, app_group
from gui.platforms import PosixAdapter
from gui.sampler import Sampler, SampleResult
from tests.other_user import OWNER, acting_as, start_as, switched
from tests.unit.test_mac_apps import make_bundle

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="runs the children with setpriv")

UserSleeper = Callable[[], psutil.Process]


@pytest.fixture
def owners_sleeper(other_users: tuple[int, int]) -> Iterator[UserSleeper]:
    """Starts ``sleep 600`` as OWNER (each a real process of that user); all are ended afterwards."""
    started: list[subprocess.Popen[bytes]] = []

    def start() -> psutil.Process:
        child = start_as(OWNER, "sleep", "600")
        started.append(child)
        return switched(child, OWNER)

    yield start
    for child in started:
        child.kill()
        child.wait(timeout=10)


def test_bundled_processes_are_one_app_with_the_bundles_name_and_icon_the_rest_background(
    qapp, tmp_path: Path, owners_sleeper: UserSleeper
) -> None:
    applications = tmp_path / "Applications"
    calculator = make_bundle(
        applications,
        "Calculator.app",
        {"CFBundleIdentifier": "com.apple.calculator", "CFBundleName": "Calculator",
         "CFBundleIconFile": "AppIcon"},
        binary=True,
        icons=("AppIcon.icns",),
    )  # fmt: skip
    helper = make_bundle(
        applications,
        "Calculator.app/Contents/Helpers/Calculator Helper.app",
        {"CFBundleName": "Calculator Helper"},
        executable="helper",
    )
    agent = make_bundle(applications, "Menu Meter.app", {"CFBundleName": "Menu Meter", "LSUIElement": True})
    first, second, inner, meter, tool = (owners_sleeper() for _ in range(5))
    executables = {
        first.pid: str(calculator),
        second.pid: str(calculator),
        inner.pid: str(helper),
        meter.pid: str(agent),
        tool.pid: "/usr/local/bin/tool",
    }
    with acting_as(OWNER):  # the session's user, as the adapter's reader learns it
        adapter = PosixAdapter(
            linux=False, needs_display_server=False, macos=True, executable_of=executables.get
        )
    sampler = Sampler(adapter)
    results: list[SampleResult] = []
    sampler.sampled.connect(results.append)
    model = AppGroupModel(system_section=adapter.system_section())
    sampler.sample()
    assert results[-1].error is None
    model.apply_delta(results[-1].delta)

    app = next(row.identity.app for row in results[-1].delta.added if row.key.pid == first.pid)
    assert app is not None and app.name == "Calculator"
    assert app.icon_name == str(applications / "Calculator.app" / "Contents" / "Resources" / "AppIcon.icns")
    group = app_group(app)
    assert {key.pid for key in model.members(group)} == {first.pid, second.pid, inner.pid}, (
        "the helper app inside the bundle is the same app"
    )
    index = model.index_of(group)
    assert index.data() == "Calculator (3)"
    assert index.siblingAtColumn(Column.WINDOW_TITLE).data() == "", "no window source on macOS"
    background = {key.pid for key in model.members(BACKGROUND)}
    assert {meter.pid, tool.pid} <= background, "a menu bar agent and a plain program are background"
    assert {first.pid, second.pid, inner.pid}.isdisjoint(background)
    system = {key.pid for key in model.members(SYSTEM)}
    assert psutil.Process().pid in system, "root's processes are the system's"

    # One Calculator process exits: the app row counts what is left.
    first.kill()
    first.wait(timeout=10)
    sampler.sample()
    model.apply_delta(results[-1].delta)
    assert {key.pid for key in model.members(group)} == {second.pid, inner.pid}
    assert model.index_of(group).data() == "Calculator (2)"
