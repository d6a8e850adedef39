"""Rows carry what a process is: its identity, its kind, and a script's name in the Name cell."""

import dataclasses

from gui.core.app_identity import NO_IDENTITY, AppIdentity, IdentitySource, ProcessIdentity
from gui.core.columns import Column
from gui.core.delta import diff_snapshots
from gui.core.process_key import ProcessKey
from gui.core.process_kind import ProcessKind
from gui.core.process_row import make_row
from gui.core.process_sample import ProcessSample
from gui.core.script_name import ScriptName
from gui.core.snapshot_builder import SnapshotBuilder
from tests.rows import make_test_row

OWL = AppIdentity("org.procpilot.Owl", "Blinking Owl", (), "owl", "/tmp/owl.desktop")
EDITOR = ProcessIdentity(None, ScriptName("frozen_editor.py", "/home/a/frozen_editor.py", "python3"))
OWL_PROCESS = ProcessIdentity(OWL, None, IdentitySource.DESKTOP_ENTRY)


def sample(pid: int, name: str = "python3", cpu_seconds: float = 1.0, *, mine: bool = True) -> ProcessSample:
    return ProcessSample(
        key=ProcessKey(pid, 1_700_000_000.0),
        name=name,
        user="alice",
        status="sleeping",
        cpu_seconds=cpu_seconds,
        memory_rss=1024,
        threads=1,
        command_line=f"/usr/bin/{name} -u /home/a/frozen_editor.py",
        owned_by_me=mine,
        is_kernel_thread=False,
    )


def test_a_row_without_identity_is_named_after_its_process_and_is_background() -> None:
    row = make_row(sample(1), 0.0)
    assert row.identity is NO_IDENTITY
    assert row.kind is ProcessKind.BACKGROUND
    assert row.display[Column.NAME] == "python3"


def test_a_script_names_the_row_and_is_found_by_its_name_or_interpreter() -> None:
    row = make_test_row(7, "python3", identity=EDITOR)
    assert row.display[Column.NAME] == "frozen_editor.py (python3)"
    assert row.name == "python3"  # the process's own name is unchanged
    assert row.matches("frozen_editor")
    assert row.matches("python3")


def test_an_app_s_process_is_an_application_unless_someone_else_s() -> None:
    assert make_test_row(1, identity=OWL_PROCESS).kind is ProcessKind.APPLICATION
    assert make_test_row(1, identity=OWL_PROCESS, mine=False).kind is ProcessKind.SYSTEM


def test_a_hostile_script_name_is_shown_literally() -> None:
    hostile = ProcessIdentity(None, ScriptName("\u202eyp.rotide", "/tmp/x", "python3"))
    row = make_test_row(3, identity=hostile)
    assert row.display[Column.NAME] == "\u27e8U+202E\u27e9yp.rotide (python3)"


def test_a_new_identity_object_makes_the_row_changed() -> None:
    before = make_test_row(5, identity=EDITOR)
    same = make_test_row(5, identity=EDITOR)
    moved = make_test_row(5, identity=OWL_PROCESS)
    assert before == same
    assert before != moved
    delta = diff_snapshots({before.key: before}, {moved.key: moved})
    assert delta.changed == (moved,)


def primed(samples: list[ProcessSample]) -> SnapshotBuilder:
    """A builder past its first pass (CPU % is unknown there and known from the second)."""
    builder = SnapshotBuilder(core_count=1)
    builder.build(samples, 0.0, 1_700_000_099.0)
    return builder


def test_the_builder_reuses_rows_while_identities_are_the_same_mapping() -> None:
    samples = [sample(1), sample(2, "bash")]
    builder = primed(samples)
    identities = {samples[0].key: EDITOR}
    first = builder.build(samples, 1.0, 1_700_000_100.0, identities)
    assert first[samples[0].key].display[Column.NAME] == "frozen_editor.py (python3)"
    assert first[samples[1].key].identity is NO_IDENTITY
    again = builder.build(samples, 2.0, 1_700_000_101.0, identities)
    assert all(again[key] is first[key] for key in first)
    # A new mapping holding the same objects still reuses every row.
    copied = builder.build(samples, 3.0, 1_700_000_102.0, dict(identities))
    assert all(copied[key] is first[key] for key in first)


def test_the_builder_rebuilds_only_the_row_whose_identity_changed() -> None:
    samples = [sample(1), sample(2, "bash")]
    builder = primed(samples)
    first = builder.build(samples, 1.0, 1_700_000_100.0, {samples[0].key: EDITOR})
    later = builder.build(samples, 2.0, 1_700_000_101.0, {samples[0].key: OWL_PROCESS})
    assert later[samples[1].key] is first[samples[1].key]
    moved = later[samples[0].key]
    assert moved.identity is OWL_PROCESS and moved.kind is ProcessKind.APPLICATION
    delta = diff_snapshots(first, later)
    assert delta.changed == (moved,) and not delta.added and not delta.removed


def test_a_rebuilt_row_keeps_the_texts_of_what_did_not_change() -> None:
    idle = sample(5, cpu_seconds=1.0)
    before = make_row(idle, 0.0)
    # A reader hands the same text objects while a process's words stay the same.
    busier = make_row(dataclasses.replace(idle, cpu_seconds=2.0), 12.5, before=before)
    assert busier.display[Column.CPU] == "12.5"
    for column in (Column.NAME, Column.PID, Column.USER, Column.STARTED, Column.COMMAND):
        assert busier.display[column] is before.display[column]


def test_a_rebuilt_row_writes_anew_what_changed() -> None:
    before = make_row(sample(5), 0.0)
    other_program = make_row(sample(5, name="node"), 0.0, before=before)  # it ran another program
    assert other_program.display[Column.NAME] == "node"
    assert other_program.display[Column.COMMAND] == "/usr/bin/node -u /home/a/frozen_editor.py"
    renamed = make_row(sample(5), 0.0, EDITOR, before=before)  # identified as a script since
    assert renamed.display[Column.NAME] == "frozen_editor.py (python3)"
    other_process = make_row(sample(6), 0.0, before=before)
    assert other_process.display[Column.PID] == "6"
