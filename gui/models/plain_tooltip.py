"""Tooltips that show text exactly as it is, never as markup."""

import html


def plain_tooltip(text: str) -> str:
    """``text`` as a tooltip that Qt cannot read as rich text.

    Qt renders a tooltip as HTML whenever it "might be rich text", so a command
    line like ``<img src=...>`` would show a picture, or hide arguments in an
    HTML comment. Escaped inside a paragraph that keeps spaces and still wraps,
    every character shows literally. Empty text stays empty: no tooltip.
    """
    if not text:
        return ""
    return f"<p style='white-space:pre-wrap'>{html.escape(text, quote=False)}</p>"
