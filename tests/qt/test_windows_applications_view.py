"""The Applications view fed by the Windows adapter: real processes (this test's children),
their windows from a fake user32 (tests/unit/win32_fakes.py), through the real sampler,
snapshot rows and Applications model."""

from PySide6.QtCore import Qt

from gui.core.columns import Column
from gui.core.process_key import ProcessKey
from gui.models.app_group_model import BACKGROUND, SYSTEM, AppGroupModel, app_group
from gui.platforms.windows import WindowsAdapter
from gui.sampler import Sampler, SampleResult
from tests.children import Spawn
from tests.unit.win32_fakes import FakeWindow, fake_win32

NOTEPAD = "C:\\Windows\\System32\\notepad.exe"


def test_windowed_processes_are_one_app_with_their_titles_and_the_rest_background(qapp, spawn: Spawn) -> None:
    first, second, quiet = spawn("winmac-notepad-1"), spawn("winmac-notepad-2"), spawn("winmac-quiet")
    win32, user32 = fake_win32(
        [
            FakeWindow(0x101, first.pid, "notes.txt - Notepad"),
            FakeWindow(0x102, second.pid, "todo\u202etxt.exe - Notepad"),
        ],
        resources={NOTEPAD: {"\\StringFileInfo\\040904b0\\FileDescription": "Notepad"}},
    )
    executables = {first.pid: NOTEPAD, second.pid: NOTEPAD, quiet.pid: "C:\\Tools\\quiet.exe"}
    adapter = WindowsAdapter(win32, executable_of=executables.get)
    windows = adapter.open_windows({})
    sampler = Sampler(adapter, windows)
    results: list[SampleResult] = []
    sampler.sampled.connect(results.append)
    model = AppGroupModel(system_section=adapter.system_section())
    try:
        sampler.sample()
        assert results[-1].error is None
        model.apply_delta(results[-1].delta)

        app = next(row.identity.app for row in results[-1].delta.added if row.key.pid == first.pid)
        assert app is not None and app.name == "Notepad"
        group = app_group(app)
        assert {key.pid for key in model.members(group)} == {first.pid, second.pid}
        index = model.index_of(group)
        assert index.data() == "Notepad (2)"
        shown = {"notes.txt - Notepad", "todo\u27e8U+202E\u27e9txt.exe - Notepad"}
        assert index.siblingAtColumn(Column.WINDOW_TITLE).data() in shown  # a first title, controls visible
        tooltip = index.data(Qt.ItemDataRole.ToolTipRole)
        assert "notes.txt - Notepad" in tooltip and "todo\u27e8U+202E\u27e9txt.exe - Notepad" in tooltip
        assert quiet.pid in {key.pid for key in model.members(BACKGROUND)}
        assert model.index_of(SYSTEM).data().startswith("Windows processes")  # Task Manager's name

        # The first Notepad closes its window: it leaves the app for the Background section.
        user32.windows.pop(0)
        sampler.sample()
        model.apply_delta(results[-1].delta)
        assert {key.pid for key in model.members(group)} == {second.pid}
        assert first.pid in {key.pid for key in model.members(BACKGROUND)}
        assert all(isinstance(key, ProcessKey) for key in model.members(BACKGROUND))
    finally:
        windows.shutdown()


def test_a_hostile_file_description_is_shown_as_plain_text(qapp, spawn: Spawn) -> None:
    child = spawn("winmac-hostile-name")
    evil = "C:\\Users\\alice\\Downloads\\evil.exe"
    win32, _user32 = fake_win32(
        [FakeWindow(0x101, child.pid, "window")],
        resources={evil: {"\\StringFileInfo\\040904b0\\FileDescription": "Evil\u202eexe.txt\x1b"}},
    )
    adapter = WindowsAdapter(win32, executable_of={child.pid: evil}.get)
    sampler = Sampler(adapter)
    results: list[SampleResult] = []
    sampler.sampled.connect(results.append)
    model = AppGroupModel()
    sampler.sample()
    model.apply_delta(results[-1].delta)
    app = next(row.identity.app for row in results[-1].delta.added if row.key.pid == child.pid)
    assert app is not None
    assert model.index_of(app_group(app)).data() == "Evil\u27e8U+202E\u27e9exe.txt\u27e8U+001B\u27e9 (1)"
