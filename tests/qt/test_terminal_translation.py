"""The reader of .qm files that speaks before Qt loads finds what QTranslator finds."""

import xml.etree.ElementTree as ET

from PySide6.QtCore import QTranslator

from gui.qm_reader import QmCatalog
from gui.translation_files import COMPILED_DIR, SOURCE_DIR, compile_translations


def test_every_singular_message_reads_as_qtranslator_reads_it() -> None:
    compile_translations()
    qm_file = COMPILED_DIR / "procpilot_zh_CN.qm"
    catalog = QmCatalog.load(qm_file)
    translator = QTranslator()
    assert translator.load(str(qm_file))
    compared = 0
    for context in ET.parse(SOURCE_DIR / "procpilot_zh_CN.ts").getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            if message.get("numerus") == "yes":
                continue
            source, comment = message.findtext("source") or "", message.findtext("comment") or ""
            assert catalog.translate(name, source, comment) == translator.translate(
                name, source, comment or None
            )
            compared += 1
    assert compared > 300
