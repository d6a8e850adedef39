"""Fitting the user's column widths into the window's width (no Qt)."""

from gui.core.column_fit import ColumnNeeds, fit_columns

NAME, PID, STARTED, COMMAND = 0, 1, 2, 3


def columns(name: int = 200, pid: int = 70, started: int = 150) -> list[ColumnNeeds]:
    return [
        ColumnNeeds(NAME, name, readable=80, minimum=40),
        ColumnNeeds(PID, pid, readable=60, minimum=60, squeeze_rank=1),
        ColumnNeeds(STARTED, started, readable=130, minimum=50, squeeze_rank=0),
        ColumnNeeds(COMMAND, 280, readable=120, minimum=100),
    ]


def test_a_wide_window_shows_the_preferred_widths_and_the_filler_takes_the_rest() -> None:
    fit = fit_columns(columns(), 1000, filler=COMMAND)
    assert fit.widths == {NAME: 200, PID: 70, STARTED: 150, COMMAND: 580}
    assert not fit.stepped_aside


def test_a_narrow_window_shrinks_towards_readable_widths_first() -> None:
    fit = fit_columns(columns(), 500, filler=COMMAND)
    assert sum(fit.widths.values()) == 500
    assert fit.widths[COMMAND] >= 120
    assert all(fit.widths[c.id] >= c.readable for c in columns())
    assert fit.widths[NAME] < 200 and fit.widths[STARTED] < 150


def test_then_the_filler_then_the_others_down_to_their_titles() -> None:
    fit = fit_columns(columns(), 300, filler=COMMAND)
    assert sum(fit.widths.values()) == 300
    assert 100 <= fit.widths[COMMAND] <= 100 + 3  # shares are rounded up; the filler gets the rest
    assert all(fit.widths[c.id] >= c.minimum for c in columns())


def test_when_the_titles_do_not_fit_the_lowest_rank_steps_aside() -> None:
    fit = fit_columns(columns(), 230, filler=COMMAND)
    assert fit.stepped_aside == {STARTED}
    assert sum(fit.widths.values()) == 230
    # A column of a higher rank that still fits stays, even after a lower one stepped aside.
    tight = fit_columns(columns(), 201, filler=COMMAND)
    assert tight.stepped_aside == {STARTED} and PID in tight.widths


def test_the_column_being_resized_keeps_its_width_as_far_as_the_others_titles_allow() -> None:
    fit = fit_columns(columns(started=170), 600, filler=COMMAND, pinned=STARTED)
    assert fit.widths[STARTED] == 170
    wide = fit_columns(columns(started=900), 600, filler=COMMAND, pinned=STARTED)
    assert wide.widths[STARTED] == 600 - 40 - 60 - 100
    assert sum(wide.widths.values()) == 600


def test_the_result_depends_only_on_the_width() -> None:
    narrow = fit_columns(columns(), 420, filler=COMMAND)
    assert fit_columns(columns(), 420, filler=COMMAND) == narrow
    assert fit_columns(columns(), 1000, filler=COMMAND).widths[NAME] == 200


def test_without_a_filler_the_columns_keep_their_widths_where_they_fit() -> None:
    assert fit_columns(columns(), 1000, filler=None).widths == {
        NAME: 200,
        PID: 70,
        STARTED: 150,
        COMMAND: 280,
    }


def test_an_optional_column_steps_aside_before_any_other_goes_below_readable() -> None:
    title = 9
    with_title = [*columns(), ColumnNeeds(title, 200, readable=120, minimum=120, squeeze_rank=-1)]
    # Room for everything readable: the optional column stays.
    wide = fit_columns(with_title, 80 + 60 + 130 + 120 + 120, filler=COMMAND)
    assert not wide.stepped_aside and wide.widths[title] >= 120
    # One pixel less: it steps aside, and the others keep their readable widths.
    narrow = fit_columns(with_title, 80 + 60 + 130 + 120 + 119, filler=COMMAND)
    assert narrow.stepped_aside == {title}
    assert all(narrow.widths[c.id] >= c.readable for c in columns())
    # Being resized by the user, it stays.
    assert title in fit_columns(with_title, 400, filler=COMMAND, pinned=title).widths
