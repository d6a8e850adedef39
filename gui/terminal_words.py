"""Text for the terminal (``--help``, a refused option, no display), in the terminal's language.

Said before Qt is loaded, so read from ProcPilot's compiled translations by
:mod:`gui.qm_reader`. The language is the terminal's, as every command-line tool takes it:
``LANGUAGE``, then the first of ``LC_ALL``, ``LC_MESSAGES`` and ``LANG`` (View → Language
chooses the window's language, which these lines are printed before).

Write ``Terminal.tr("text")``: ``pyside6-lupdate`` finds it as context ``Terminal``, and a
run with Qt loaded may translate the same text with ``QCoreApplication.translate``.
"""

import logging
import os
from collections.abc import Mapping
from functools import cache
from pathlib import Path

from gui.qm_reader import QmCatalog, QmFileError
from gui.translation_files import PREFIX, current_translations_dir

logger = logging.getLogger(__name__)

#: What a bare language means where ProcPilot has only one of its territories (as Qt's likely
#: subtags have it: Chinese written in simplified characters is zh_CN).
_LIKELY_TERRITORY = {"zh": "zh_CN"}
_NOT_A_LANGUAGE = frozenset({"", "C", "POSIX"})


def terminal_languages(environ: Mapping[str, str]) -> list[str]:
    """The languages the terminal asks for, most wanted first: ``["zh_CN", "en"]``."""
    names = [name for name in environ.get("LANGUAGE", "").split(":") if name]
    locale = next((environ[name] for name in ("LC_ALL", "LC_MESSAGES", "LANG") if environ.get(name)), "")
    if _base(locale) in _NOT_A_LANGUAGE:
        return []  # the C locale: plain English (GNU gettext then ignores LANGUAGE too)
    return [_base(name) for name in [*names, locale] if _base(name) not in _NOT_A_LANGUAGE]


def _base(name: str) -> str:
    """``zh_CN.UTF-8@modifier`` → ``zh_CN``."""
    return name.partition(".")[0].partition("@")[0]


def find_catalog(languages: list[str], folder: Path) -> QmCatalog | None:
    """The first of ``languages`` ProcPilot has a translation for (``zh_CN``, else ``zh``)."""
    for language in languages:
        bare = language.partition("_")[0]
        for candidate in dict.fromkeys((language, _LIKELY_TERRITORY.get(language, ""), bare)):
            path = folder / f"{PREFIX}{candidate}.qm"
            if not candidate or not path.is_file():
                continue
            try:
                return QmCatalog.load(path)
            except (OSError, QmFileError) as error:
                logger.warning("Cannot read the translation %s: %s", path, error)
    return None


@cache
def _catalog() -> QmCatalog | None:
    languages = terminal_languages(os.environ)
    return find_catalog(languages, current_translations_dir()) if languages else None


class Terminal:
    """The translation context of everything printed to the terminal."""

    @classmethod
    def tr(cls, source: str) -> str:
        """``source`` in the terminal's language, or as written where there is no translation."""
        catalog = _catalog()
        found = catalog.translate(cls.__name__, source) if catalog is not None else None
        return found or source
