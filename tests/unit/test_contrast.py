"""WCAG contrast arithmetic (the dark-mode tests rely on it)."""

import pytest

from gui.core.contrast import AA_TEXT, contrast_ratio, legible_on, mix, relative_luminance


def test_luminance_and_ratio_match_wcag_reference_values() -> None:
    assert relative_luminance((0, 0, 0)) == 0
    assert relative_luminance((255, 255, 255)) == pytest.approx(1)
    assert contrast_ratio((0, 0, 0), (255, 255, 255)) == pytest.approx(21)
    assert contrast_ratio((255, 255, 255), (0, 0, 0)) == pytest.approx(21)
    # WebAIM's checker: #777777 on white is 4.48:1, #767676 on white 4.54:1.
    assert contrast_ratio((0x77, 0x77, 0x77), (255, 255, 255)) == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio((0x76, 0x76, 0x76), (255, 255, 255)) == pytest.approx(4.54, abs=0.01)


def test_mix_goes_from_base_to_tint() -> None:
    assert mix((0, 100, 200), (200, 100, 0), 0) == (0, 100, 200)
    assert mix((0, 100, 200), (200, 100, 0), 1) == (200, 100, 0)
    assert mix((0, 100, 200), (200, 100, 0), 0.5) == (100, 100, 100)


@pytest.mark.parametrize(
    ("background", "preferred"),
    [
        ((0x30, 0x8C, 0xC6), (0xF0, 0xF0, 0xF0)),
        ((0x24, 0x24, 0x24), (0x30, 0x8C, 0xC6)),
        ((255, 255, 255), (255, 255, 0)),
    ],
)
def test_legible_on_reaches_aa_and_keeps_a_colour_that_already_does(
    background: tuple[int, int, int], preferred: tuple[int, int, int]
) -> None:
    assert contrast_ratio(background, legible_on(background, preferred)) >= AA_TEXT
    assert legible_on((255, 255, 255), (0, 0, 0)) == (0, 0, 0)
