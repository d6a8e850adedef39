"""Tooltips that show text exactly as it is, never as markup."""

#: What Qt's rich text would read as markup, and how it is written to show literally.
_MARKUP = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"))
_QUOTES = (('"', "&quot;"), ("'", "&#x27;"))


def escape_markup(text: str, quote: bool = True) -> str:
    """``text`` with ``& < >`` (and quotes) escaped, as ``html.escape`` does: that module
    loads HTML's 2,000 named characters with it, a third of a megabyte kept for nothing."""
    for character, escaped in _MARKUP + _QUOTES if quote else _MARKUP:
        if character in text:
            text = text.replace(character, escaped)
    return text


def plain_tooltip(text: str) -> str:
    """``text`` as a tooltip that Qt cannot read as rich text.

    Qt renders a tooltip as HTML whenever it "might be rich text", so a command
    line like ``<img src=...>`` would show a picture, or hide arguments in an
    HTML comment. Escaped inside a paragraph that keeps spaces and still wraps,
    every character shows literally. Empty text stays empty: no tooltip.
    """
    if not text:
        return ""
    return f"<p style='white-space:pre-wrap'>{escape_markup(text, quote=False)}</p>"
