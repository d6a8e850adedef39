"""Markup escaping for tooltips and rich-text labels: what ``html.escape`` gives, without
loading HTML's named characters at start."""

import html
import os
import subprocess
import sys

import pytest

from gui.models.plain_tooltip import escape_markup, plain_tooltip

TEXTS = [
    "",
    "plain words",
    "<img src=x onerror=alert(1)>",
    "a & b",
    "&amp; stays &amp;amp;",
    "\"'<>&",
    "进程 <终端>",
]


@pytest.mark.parametrize("text", TEXTS)
def test_it_escapes_as_html_escape_does(text: str) -> None:
    assert escape_markup(text) == html.escape(text)
    assert escape_markup(text, quote=False) == html.escape(text, quote=False)


def test_a_tooltip_shows_markup_literally() -> None:
    assert plain_tooltip("<b>x</b> & y") == "<p style='white-space:pre-wrap'>&lt;b&gt;x&lt;/b&gt; &amp; y</p>"
    assert plain_tooltip("") == ""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="checked with Linux's adapter")
def test_the_window_loads_no_html_module() -> None:
    code = "import sys, gui.views.main_window, gui.app; print('html' in sys.modules)"
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=60,
    )
    assert done.stdout.strip() == "False"
