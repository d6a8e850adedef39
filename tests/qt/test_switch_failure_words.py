"""What the status bar says when Switch to did not work, for each outcome."""

import pytest

from gui.core.window_info import WindowInfo
from gui.core.window_requests import ActivateOutcome
from gui.views.switch_to import switch_failure_text

WINDOW = WindowInfo(0x101, "report\u202edocx", None, 500, True)


@pytest.mark.parametrize(
    ("outcome", "words"),
    [
        (ActivateOutcome.REFUSED, "kept another window in front"),
        (ActivateOutcome.WINDOW_GONE, "the window has closed"),
        (ActivateOutcome.NOT_SHOWN, "no window manager"),
        (ActivateOutcome.UNAVAILABLE, "cannot reach"),
    ],
)
def test_each_failure_names_the_window_and_why(qapp, outcome: ActivateOutcome, words: str) -> None:
    text = switch_failure_text(WINDOW, outcome)
    assert text is not None and words in text
    assert "report\u27e8U+202E\u27e9docx" in text


@pytest.mark.parametrize(
    "outcome", [ActivateOutcome.RAISED_AND_FOCUSED, ActivateOutcome.ASKED_WINDOW_MANAGER]
)
def test_success_says_nothing(qapp, outcome: ActivateOutcome) -> None:
    assert switch_failure_text(WINDOW, outcome) is None
