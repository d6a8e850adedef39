"""What each platform adapter says about its OS (any adapter can be built on any OS)."""

from gui.platforms import PosixAdapter, WindowsAdapter


def test_linux_needs_a_display_or_an_explicit_qt_platform() -> None:
    linux = PosixAdapter(linux=True, needs_display_server=True)
    assert "DISPLAY" in (linux.missing_display_reason({}) or "")
    assert linux.missing_display_reason({"DISPLAY": ":0"}) is None
    assert linux.missing_display_reason({"WAYLAND_DISPLAY": "wayland-0"}) is None
    assert linux.missing_display_reason({"QT_QPA_PLATFORM": "offscreen"}) is None


def test_macos_and_windows_always_have_a_desktop() -> None:
    assert PosixAdapter(linux=False, needs_display_server=False).missing_display_reason({}) is None
    assert WindowsAdapter().missing_display_reason({}) is None


def test_kernel_threads_exist_only_on_linux() -> None:
    assert PosixAdapter(linux=True, needs_display_server=True).is_kernel_thread(57, 2, [])
    assert not PosixAdapter(linux=True, needs_display_server=True).is_kernel_thread(57, 1, [])
    assert not PosixAdapter(linux=False, needs_display_server=False).is_kernel_thread(57, 2, [])
    assert not WindowsAdapter().is_kernel_thread(4, 0, [])
