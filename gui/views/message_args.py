"""Filling a translated message's ``%1``, ``%2``... as Qt's ``QString.arg`` does (PySide has no ``arg``)."""

import re

_PLACE = re.compile(r"%([1-9])")


def with_args(message: str, *values: object) -> str:
    """``message`` with ``%1`` replaced by the first value, ``%2`` by the second, and so on.

    All at once, so a value that itself contains ``%2`` is left as it is. Translations
    may reorder the places; ``%n`` (a count) is filled by ``tr`` itself.
    """
    return _PLACE.sub(
        lambda match: str(values[int(match[1]) - 1]) if int(match[1]) <= len(values) else match[0],
        message,
    )
