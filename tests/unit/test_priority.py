"""The five priority steps: nearest step, Windows classes, menu texts."""

import pytest

from gui.core.priority import Priority, nearest_priority, nice_of_windows_class
from gui.core.process_details import PriorityScheme
from gui.views.mnemonics import mnemonic_of
from gui.views.priority_words import priority_entry_texts


@pytest.mark.parametrize(
    ("nice", "step"),
    [
        (-20, Priority.VERY_HIGH),
        (-8, Priority.VERY_HIGH),
        (-7, Priority.HIGH),
        (-2, Priority.NORMAL),
        (0, Priority.NORMAL),
        (3, Priority.LOW),
        (7, Priority.LOW),
        (8, Priority.VERY_LOW),
        (19, Priority.VERY_LOW),
    ],
)
def test_the_nearest_step_is_checked(nice: int, step: Priority) -> None:
    assert nearest_priority(nice) is step


def test_windows_classes_map_to_steps_and_realtime_is_never_offered() -> None:
    assert [nice_of_windows_class(step.windows_class) for step in Priority] == [-10, -5, 0, 5, 10]
    assert nice_of_windows_class(0x100) == -20  # Realtime: shown as the highest, never a step
    assert 0x100 not in {step.windows_class for step in Priority}
    assert nice_of_windows_class(12345) is None


@pytest.mark.parametrize("scheme", list(PriorityScheme))
def test_every_entry_has_its_own_mnemonic(qapp, scheme: PriorityScheme) -> None:
    letters = [mnemonic_of(text) for text in priority_entry_texts(scheme).values()]
    assert None not in letters
    assert len(set(letters)) == len(Priority)
