"""Real processes get their identity in the live list: a script's name, its desktop entry's app."""

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyleOptionViewItem

from gui import platforms
from gui.core.columns import Column
from gui.core.delta import apply_delta
from gui.core.process_key import ProcessKey
from gui.core.process_kind import ProcessKind
from gui.core.process_row import ProcessRow
from gui.sampler import Sampler, SampleResult
from gui.views.middle_elide_delegate import MiddleElideDelegate
from tests.children import key_of

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="identity is Linux's for now")
SLEEP = "import time\nprint('ready', flush=True)\ntime.sleep(600)\n"


@pytest.fixture
def scripts(tmp_path: Path) -> Iterator[list[subprocess.Popen[bytes]]]:
    """Script processes the test starts; each is killed and reaped afterwards."""
    children: list[subprocess.Popen[bytes]] = []
    yield children
    for child in children:
        if child.poll() is None:
            child.kill()
        child.wait(timeout=10)
        if child.stdout is not None:
            child.stdout.close()


def run_script(
    children: list[subprocess.Popen[bytes]], argv: list[str], cwd: Path
) -> subprocess.Popen[bytes]:
    child = subprocess.Popen(argv, stdout=subprocess.PIPE, cwd=cwd)
    children.append(child)
    assert child.stdout is not None
    assert child.stdout.readline().strip() == b"ready"
    return child


@linux_only
def test_a_script_s_name_cell_names_the_script(qtbot, make_window, scripts, tmp_path: Path) -> None:
    # Debian's python3 when there is one, so the cell reads as a user's would.
    python = shutil.which("python3", path="/usr/bin:/bin") or sys.executable
    (tmp_path / "some_script.py").write_text(SLEEP)
    key = key_of(run_script(scripts, [python, "some_script.py"], tmp_path))
    label = f"some_script.py ({Path(python).name})"
    window = make_window()
    qtbot.waitUntil(lambda: window.model.index_of(key, Column.NAME).data() == label, timeout=10_000)
    window.filter_bar.search.setText("some_scr")
    assert window.view.index_for(key).isValid()
    window.filter_bar.search.setText(Path(python).name)  # the interpreter's name still finds it
    assert window.view.index_for(key).isValid()


@linux_only
def test_the_sampler_gives_rows_their_desktop_entry_s_app(
    qtbot, scripts, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_home = tmp_path / "data"
    (data_home / "applications").mkdir(parents=True)
    script = tmp_path / "owl_window.py"
    script.write_text(SLEEP)
    (data_home / "applications" / "org.procpilot.Owl.desktop").write_text(
        f'[Desktop Entry]\nType=Application\nName=Blinking Owl\nIcon=owl\nExec={sys.executable} "{script}"\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("XDG_DATA_HOME", str(data_home))
    monkeypatch.setenv("XDG_DATA_DIRS", str(tmp_path / "none"))
    key = key_of(run_script(scripts, [sys.executable, str(script)], tmp_path))

    sampler = Sampler(platforms.current())
    results: list[SampleResult] = []
    sampler.sampled.connect(results.append)
    sampler.sample()
    row = next(added for added in results[-1].delta.added if added.key == key)
    assert row.identity.app is not None and row.identity.app.name == "Blinking Owl"
    assert row.kind is ProcessKind.APPLICATION
    assert row.display[Column.NAME] == f"owl_window.py ({Path(sys.executable).name})"

    # Young, it is looked at again for a few seconds: the same answer is the same object,
    # so its row is not reported again (from the third pass on: the second one brings CPU %).
    sampler.sample()
    sampler.sample()
    assert key not in {changed.key for changed in results[-1].delta.changed}
    snapshot: dict[ProcessKey, ProcessRow] = {}
    for result in results:
        snapshot = apply_delta(snapshot, result.delta)
    assert snapshot[key].identity is row.identity


def test_only_the_command_column_elides_in_the_middle(qtbot, make_window) -> None:
    window = make_window()
    view = window.view
    qtbot.waitUntil(lambda: window.model.rowCount() > 0, timeout=10_000)
    view.header().moveSection(view.header().visualIndex(Column.COMMAND), 1)  # wherever it is shown
    for column in Column:
        index = view.model().index(0, column)
        option = QStyleOptionViewItem()
        view.initViewItemOption(option)
        delegate = view.itemDelegateForIndex(index)
        delegate.initStyleOption(option, index)
        expected = Qt.TextElideMode.ElideMiddle if column == Column.COMMAND else Qt.TextElideMode.ElideRight
        assert option.textElideMode == expected, column.name
        assert isinstance(delegate, MiddleElideDelegate) == (column == Column.COMMAND)
