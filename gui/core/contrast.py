"""Colour arithmetic for legible text: WCAG 2 contrast ratios and mixing, on 0-255 RGB triples."""

RGB = tuple[int, int, int]

#: WCAG 2.x level AA for normal text.
AA_TEXT = 4.5


def _channel(value: int) -> float:
    scaled = value / 255
    return scaled / 12.92 if scaled <= 0.04045 else ((scaled + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: RGB) -> float:
    """WCAG's relative luminance: 0 for black, 1 for white."""
    red, green, blue = (_channel(value) for value in colour)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: RGB, second: RGB) -> float:
    """From 1 (the same) to 21 (black on white), whichever is lighter."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def mix(base: RGB, tint: RGB, share: float) -> RGB:
    """``base`` with ``share`` (0-1) of ``tint`` mixed in."""
    return (
        round(base[0] + (tint[0] - base[0]) * share),
        round(base[1] + (tint[1] - base[1]) * share),
        round(base[2] + (tint[2] - base[2]) * share),
    )


def legible_on(background: RGB, preferred: RGB, minimum: float = AA_TEXT) -> RGB:
    """``preferred``, moved towards black or white (whichever contrasts more with ``background``)
    just far enough to reach ``minimum`` against it; black or white if even that cannot."""
    black, white = (0, 0, 0), (255, 255, 255)
    target = white if contrast_ratio(background, white) >= contrast_ratio(background, black) else black
    for step in range(21):
        candidate = mix(preferred, target, step / 20)
        if contrast_ratio(background, candidate) >= minimum:
            return candidate
    return target
