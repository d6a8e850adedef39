"""What the administrator helper could not do reads as a sentence, in English and Chinese:
never a raw code (``rejected``, ``broke_off``), an errno's English or pkexec's own output."""

import errno

import pytest
from PySide6.QtCore import QLocale

from gui.actions.elevated_results import helper_failed_result, unsent_result
from gui.actions.helper_failure import HelperError, HelperFailure
from gui.core.actions import Action
from gui.core.elevation_protocol import EntryResult, Refusal, Status
from gui.core.language import Language
from gui.core.outcomes import Detail, Outcome, ProcessResult
from gui.core.process_key import ProcessKey
from gui.core.process_sample import ProcessSample
from gui.views.result_wording import describe
from tests.qt.translated import translated

TARGET = ProcessSample(
    ProcessKey(4242, 1.0), "sleep", "root", "sleeping", 0.0, 0, 1, "sleep 100", False, False
)
#: Failures worded by sentences of their own elsewhere (cancelled, not authorised...).
_OWN_DETAIL = {HelperFailure.CANCELLED, HelperFailure.NOT_AUTHORISED, HelperFailure.PKEXEC_MISSING}


def _admin_results() -> list[ProcessResult]:
    results = [
        helper_failed_result(TARGET, HelperError(failure, stderr="Error executing command: raw words"))
        for failure in HelperFailure
        if failure not in _OWN_DETAIL and failure is not HelperFailure.NO_AGENT
    ]
    for status, code in [
        (Status.REFUSED, Refusal.NOT_SENT),
        (Status.REFUSED, Refusal.NOT_A_PROCESS),
        (Status.PERMISSION_DENIED, errno.EPERM),
        (Status.FAILED, errno.EMFILE),
    ]:
        result = unsent_result(TARGET, EntryResult(0, TARGET.key.pid, status, code))
        assert result is not None
        results.append(result)
    results.append(ProcessResult(TARGET, Outcome.NOT_SUPPORTED, Detail.ADMIN_FIRST_PROCESS, (("pid", 1),)))
    results.append(
        ProcessResult(TARGET, Outcome.PERMISSION_DENIED, Detail.ADMIN_BATCH_LIMIT, (("limit", 1000),))
    )
    return results


_RAW = ("rejected", "broke_off", "not_root", "no_identity_check", "unsafe_request_file", "not_started",
        "launcher_error", "raw words", "Too many open files", "Operation not permitted")  # fmt: skip


def test_each_is_a_sentence_of_its_own_without_raw_codes(qapp) -> None:
    sentences = [describe(result, Action.END) for result in _admin_results()]
    assert len(set(sentences)) == len(sentences), sentences
    for sentence in sentences:
        assert sentence and not any(raw in sentence for raw in _RAW), sentence
    by_failure = dict(zip([r.value("failure") for r in _admin_results()], sentences, strict=True))
    assert by_failure["launcher_error"].startswith("sleep (PID 4242): pkexec could not start the")
    assert f"at most {QLocale().toString(1000)} processes" in sentences[-1] and "PID 1" in sentences[-2]


@pytest.mark.usefixtures("qapp")
def test_each_reads_in_chinese() -> None:
    english = [describe(result, Action.END) for result in _admin_results()]
    with translated(Language.CHINESE_SIMPLIFIED):
        chinese = [describe(result, Action.END) for result in _admin_results()]
    for source, words in zip(english, chinese, strict=True):
        assert words != source and any("\u4e00" <= char <= "\u9fff" for char in words), words
        assert not any(raw in words for raw in _RAW), words
