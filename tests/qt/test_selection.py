"""Selection and scroll position survive live re-sorting."""

from dataclasses import replace

from PySide6.QtCore import QItemSelectionModel, Qt

from gui.core.columns import Column
from gui.core.delta import diff_snapshots
from gui.core.process_row import make_row
from gui.models.process_filter_proxy import ProcessFilterProxy
from gui.models.process_table_model import ProcessTableModel
from gui.views.process_view import ProcessView
from tests.rows import make_test_row


def make_view(qtbot):
    model = ProcessTableModel()
    proxy = ProcessFilterProxy(model)
    view = ProcessView(proxy)
    qtbot.addWidget(view)
    view.resize(900, 400)
    view.show()
    qtbot.waitExposed(view)
    return model, view


def with_cpu(snapshot, cpu_of):
    return {key: make_row(replace(row.sample), cpu_of(key.pid)) for key, row in snapshot.items()}


def test_selected_process_stays_selected_and_still_while_the_list_resorts(qtbot) -> None:
    model, view = make_view(qtbot)
    rows = [make_test_row(pid, f"p{pid}", cpu=float(pid)) for pid in range(1, 301)]
    snapshot = {row.key: row for row in rows}
    model.apply_delta(diff_snapshots({}, snapshot))
    view.sortByColumn(Column.CPU, Qt.SortOrder.DescendingOrder)

    target = rows[149].key  # CPU 150: mid-list
    index = view.index_for(target)
    view.scrollTo(index)
    view.selectionModel().setCurrentIndex(
        index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    )
    y_before = view.visualRect(view.index_for(target)).top()

    for step in range(1, 6):  # every pass reverses or rotates the CPU order
        updated = with_cpu(snapshot, lambda pid, s=step: float((pid * 37 * s) % 301))
        anchor = view.capture_anchor()
        model.apply_delta(diff_snapshots(snapshot, updated))
        view.restore_anchor(anchor)
        snapshot = updated

        assert view.selected_keys() == [target]
        rect = view.visualRect(view.index_for(target))
        assert 0 <= rect.top() < view.viewport().height(), "selected row scrolled out of view"
        assert rect.top() == y_before, "the selected row moved under the user's eyes"


def test_selection_survives_other_rows_exiting(qtbot) -> None:
    model, view = make_view(qtbot)
    rows = [make_test_row(pid, f"p{pid}") for pid in range(1, 50)]
    snapshot = {row.key: row for row in rows}
    model.apply_delta(diff_snapshots({}, snapshot))
    view.sortByColumn(Column.PID, Qt.SortOrder.AscendingOrder)
    keep = rows[30].key
    view.selectionModel().select(
        view.index_for(keep),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    survivors = {key: row for key, row in snapshot.items() if key.pid % 3 or key == keep}
    model.apply_delta(diff_snapshots(snapshot, survivors))
    assert view.selected_keys() == [keep]


def test_at_the_top_with_nothing_selected_the_list_head_stays_in_view(qtbot) -> None:
    model, view = make_view(qtbot)
    rows = [make_test_row(pid, cpu=float(pid)) for pid in range(1, 200)]
    model.apply_delta(diff_snapshots({}, {row.key: row for row in rows}))
    view.sortByColumn(Column.CPU, Qt.SortOrder.DescendingOrder)
    assert view.capture_anchor() is None
    assert view.verticalScrollBar().value() == 0
