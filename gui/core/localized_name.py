"""Choosing the ``Name[<locale>]`` a desktop entry offers for the user's locale."""

from collections.abc import Iterable


def locale_candidates(locale: str) -> tuple[str, ...]:
    """The keys to try, best first, as the Desktop Entry Specification orders them:
    ``lang_COUNTRY@MODIFIER``, ``lang_COUNTRY``, ``lang@MODIFIER``, ``lang``.

    ``locale`` is a POSIX locale name (``sr_RS.UTF-8@latin``); the encoding is ignored.
    """
    base, _, modifier = locale.partition("@")
    base = base.partition(".")[0]
    lang, _, country = base.partition("_")
    if not lang or lang in {"C", "POSIX"}:
        return ()
    candidates = []
    if country and modifier:
        candidates.append(f"{lang}_{country}@{modifier}")
    if country:
        candidates.append(f"{lang}_{country}")
    if modifier:
        candidates.append(f"{lang}@{modifier}")
    candidates.append(lang)
    return tuple(candidates)


def localized_name(name: str, localized: Iterable[tuple[str, str]], locale: str) -> str:
    """The best ``Name[...]`` for ``locale`` among ``(locale, name)`` pairs, else ``name``."""
    by_locale = dict(localized)
    for candidate in locale_candidates(locale):
        found = by_locale.get(candidate)
        if found:
            return found
    return name
