# ruff: noqa: RUF001  # Chinese text uses full-width parentheses and colons
"""Errors of the system said in the user's language; their English text only goes to the log."""

import errno
import os

import pytest

from gui.core.actions import Action
from gui.core.delta import Delta
from gui.core.language import Language
from gui.core.outcomes import Detail, Outcome, ProcessResult
from gui.core.system_error import SystemErrorKind, SystemProblem
from gui.platforms import current
from gui.sampler import SampleResult
from gui.views.result_wording import sentence
from gui.views.system_error_words import system_problem_text
from tests.qt.translated import translated

CHINESE = {
    SystemProblem(SystemErrorKind.PERMISSION_DENIED): "权限不足",
    SystemProblem(SystemErrorKind.NO_SUCH_PROCESS): "进程不存在",
    SystemProblem(SystemErrorKind.TOO_MANY_OPEN_FILES): "打开的文件过多",
    SystemProblem(SystemErrorKind.OUT_OF_MEMORY): "内存不足",
    SystemProblem(SystemErrorKind.OTHER, errno.EIO): f"系统错误 {errno.EIO}",
    SystemProblem(SystemErrorKind.UNEXPECTED): "意外错误（详情见日志）",
}


def failed(problem: SystemProblem) -> ProcessResult:
    target = current().read_process(os.getpid())
    return ProcessResult(target, Outcome.FAILED, Detail.FAILED, tuple(problem.values().items()))


def test_each_problem_has_plain_english_words(qapp) -> None:
    assert system_problem_text(SystemProblem(SystemErrorKind.TOO_MANY_OPEN_FILES)) == "too many open files"
    assert system_problem_text(SystemProblem(SystemErrorKind.OTHER, 5)) == "system error 5"
    result = failed(SystemProblem(SystemErrorKind.OUT_OF_MEMORY))
    assert sentence(result, Action.END) == "could not be signalled: out of memory"
    unexpected = failed(SystemProblem(SystemErrorKind.UNEXPECTED))
    assert sentence(unexpected, Action.END) == "failed unexpectedly: see the log"


@pytest.mark.parametrize(("problem", "words"), CHINESE.items(), ids=[p.kind.value for p in CHINESE])
def test_each_problem_in_chinese_has_no_english(qapp, problem: SystemProblem, words: str) -> None:
    with translated(Language.CHINESE_SIMPLIFIED):
        assert system_problem_text(problem) == words
        said = sentence(failed(problem), Action.END)
    assert not any("a" <= character.lower() <= "z" for character in said), said


def test_a_failed_pass_is_said_in_chinese_in_the_status_bar(qtbot, make_window) -> None:
    with translated(Language.CHINESE_SIMPLIFIED):
        window = make_window()
        with pytest.raises(NotADirectoryError) as refused:  # a real error of the system, not one of the four
            os.listdir(os.devnull)
        problem = SystemProblem.of(refused.value)
        window.loop.result_ready.emit(SampleResult(Delta(), None, 0, problem))
        assert window.statusBar().currentMessage() == f"无法读取进程列表：系统错误 {errno.ENOTDIR}"
