"""A saved column layout survives columns being added, removed or damaged in the file."""

from hypothesis import given
from hypothesis import strategies as st

from gui.core.column_layout import MAX_WIDTH, MIN_WIDTH, ColumnDefault, ColumnLayout, ColumnState, fit_layout

TODAY = (
    ColumnDefault("NAME", 200, can_hide=False),
    ColumnDefault("PID", 70),
    ColumnDefault("USER", 100),
    ColumnDefault("CPU", 70),
    ColumnDefault("MEMORY", 90),
    ColumnDefault("COMMAND", 280),
)
SORT = ("CPU", True)

#: What a user made of today's columns: Memory moved left, User wider, Command hidden.
USERS_LAYOUT = ColumnLayout(
    (
        ColumnState("NAME", 240),
        ColumnState("MEMORY", 120),
        ColumnState("PID", 60),
        ColumnState("USER", 180),
        ColumnState("CPU", 80),
        ColumnState("COMMAND", 300, visible=False),
    ),
    sort_id="MEMORY",
    sort_descending=False,
)


def ids(layout: ColumnLayout) -> list[str]:
    return [state.id for state in layout.columns]


def test_the_same_columns_give_back_the_saved_layout() -> None:
    assert fit_layout(USERS_LAYOUT, TODAY, SORT) == USERS_LAYOUT


def test_a_new_column_appears_at_its_default_place_with_its_default_width() -> None:
    tomorrow = (*TODAY[:4], ColumnDefault("GPU", 65), *TODAY[4:])  # GPU after CPU
    fitted = fit_layout(USERS_LAYOUT, tomorrow, SORT)
    assert ids(fitted) == ["NAME", "MEMORY", "PID", "USER", "CPU", "GPU", "COMMAND"]
    assert fitted.columns[5] == ColumnState("GPU", 65, visible=True)
    assert [state for state in fitted.columns if state.id != "GPU"] == list(USERS_LAYOUT.columns)
    assert (fitted.sort_id, fitted.sort_descending) == ("MEMORY", False)


def test_a_new_first_default_column_goes_after_the_pinned_first_one() -> None:
    tomorrow = (TODAY[0], ColumnDefault("ICON", 24), *TODAY[1:])
    assert ids(fit_layout(USERS_LAYOUT, tomorrow, SORT))[:3] == ["NAME", "ICON", "MEMORY"]


def test_a_removed_column_is_ignored_and_its_sort_falls_back() -> None:
    without_memory = tuple(column for column in TODAY if column.id != "MEMORY")
    fitted = fit_layout(USERS_LAYOUT, without_memory, SORT)
    assert ids(fitted) == ["NAME", "PID", "USER", "CPU", "COMMAND"]
    assert fitted.columns[2] == ColumnState("USER", 180)
    assert not fitted.columns[4].visible
    assert (fitted.sort_id, fitted.sort_descending) == SORT


def test_damaged_entries_are_repaired() -> None:
    damaged = ColumnLayout(
        (
            ColumnState("PID", -5),
            ColumnState("NAME", 999_999, visible=False),
            ColumnState("PID", 300),
            ColumnState("NO_SUCH_COLUMN", 50),
        ),
        sort_id="",
        sort_descending=True,
    )
    fitted = fit_layout(damaged, TODAY, SORT)
    assert ids(fitted) == ["NAME", "PID", "USER", "CPU", "MEMORY", "COMMAND"]
    assert fitted.columns[0] == ColumnState("NAME", 200, visible=True)  # cannot be hidden
    assert fitted.columns[1] == ColumnState("PID", 70)  # first entry wins, its width was bad
    assert (fitted.sort_id, fitted.sort_descending) == SORT


_ids = st.sampled_from(["NAME", "PID", "USER", "CPU", "MEMORY", "COMMAND", "GPU", "DISK"])
_saved = st.builds(
    ColumnLayout,
    st.lists(st.builds(ColumnState, _ids, st.integers(-10, 10_000), st.booleans())).map(tuple),
    _ids,
    st.booleans(),
)


@given(_saved, st.permutations(TODAY[1:]), st.integers(0, 5))
def test_any_saved_layout_fits_any_column_set(
    saved: ColumnLayout, rest: list[ColumnDefault], keep: int
) -> None:
    columns = (TODAY[0], *rest[:keep])
    fitted = fit_layout(saved, columns, ("NAME", False))
    assert sorted(ids(fitted)) == sorted(column.id for column in columns)
    assert fitted.columns[0] == ColumnState("NAME", fitted.columns[0].width, visible=True)
    assert all(MIN_WIDTH <= state.width <= MAX_WIDTH for state in fitted.columns)
    assert fitted.sort_id in ids(fitted)
    known_saved = [state.id for state in saved.columns if state.id in ids(fitted)]
    first_seen = list(dict.fromkeys(known_saved))
    kept_order = [column_id for column_id in ids(fitted) if column_id in first_seen and column_id != "NAME"]
    assert kept_order == [column_id for column_id in first_seen if column_id != "NAME"]
