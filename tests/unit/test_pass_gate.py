"""Which passes read every process: the first, and those the user or the window asked for;
the timer's may leave quiet processes unread."""

from gui.pass_clock import PassGate


def test_the_first_pass_reads_every_process_and_the_timer_s_may_not() -> None:
    gate = PassGate(1.0)
    assert gate.try_start(by_timer=True)
    assert gate.take_every_process()
    gate.pass_done()
    gate.mark_applied()
    assert gate.try_start(by_timer=True)
    assert not gate.take_every_process()


def test_a_pass_asked_for_reads_every_process_even_if_it_has_to_wait() -> None:
    gate = PassGate(1.0)
    assert gate.try_start(by_timer=True)
    gate.take_every_process()
    gate.ask_every_process()  # Refresh now while the first result is still being applied
    assert not gate.try_start(by_timer=False)
    assert gate.mark_applied()  # due now
    assert gate.try_start(by_timer=False)
    assert gate.take_every_process()
    gate.mark_applied()
    assert gate.try_start(by_timer=True)
    assert not gate.take_every_process()  # asked for once
