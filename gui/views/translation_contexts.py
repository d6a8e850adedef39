"""Translation contexts whose sentences have plural forms (``%n``).

``pyside6-lupdate`` marks a message as plural only in a ``tr`` call: ``Results.tr(text, "", n)``
is found with context ``Results`` and its count, while ``QCoreApplication.translate(context,
text, None, n)`` loses the count (or, with an expression as count, the whole message). These
classes give ``tr`` its context name and hold nothing.
"""

from PySide6.QtCore import QCoreApplication, QObject


class _Context(QObject):
    @classmethod
    def tr(  # a classmethod: no instance is needed to translate
        cls, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        """``source`` translated in the context named after the class, ``%n`` replaced by ``n``."""
        return QCoreApplication.translate(cls.__name__, source, disambiguation, n)


class Results(_Context):
    """Sentences about what an action did (``gui/views/result_wording.py``)."""


class Confirmations(_Context):
    """The questions asked before processes or apps are ended."""


class DetailsCounts(_Context):
    """Counts in a process's details window (``gui/views/details_tabs.py``, its graph)."""


class AdminMenu(_Context):
    """The As administrator submenu's explanations (``gui/views/admin_offer.py``)."""
