"""Which helper files may be run as root under a kept authorisation (pure rules)."""

import stat

import pytest

from gui.core.helper_trust import PathFacts, chain_paths, untrusted_reason

DIR = stat.S_IFDIR | 0o755
PROGRAM = stat.S_IFREG | 0o755
LINK = stat.S_IFLNK | 0o777


def chain(*steps: tuple[str, int, int]) -> list[PathFacts]:
    return [PathFacts(path, uid, mode) for path, uid, mode in steps]


def installed(**change: tuple[int, int]) -> list[PathFacts]:
    """/usr/libexec/procpilot/helper, root's all the way, with some steps changed."""
    steps = {"/": (0, DIR), "/usr": (0, DIR), "/usr/libexec": (0, DIR), "/usr/libexec/procpilot": (0, DIR)}
    steps["/usr/libexec/procpilot/helper"] = (0, PROGRAM)
    for path, facts in change.items():
        steps[path.replace("_", "/")] = facts
    return chain(*((path, uid, mode) for path, (uid, mode) in steps.items()))


def test_a_root_owned_install_is_trusted():
    assert untrusted_reason(installed()) is None


@pytest.mark.parametrize(
    ("step", "facts", "why"),
    [
        ("_usr_libexec_procpilot_helper", (1000, PROGRAM), "belongs to uid 1000"),
        ("_usr_libexec_procpilot_helper", (0, stat.S_IFREG | 0o775), "can be changed by others (mode 775)"),
        ("_usr_libexec_procpilot_helper", (0, stat.S_IFREG | 0o757), "can be changed by others"),
        ("_usr_libexec_procpilot_helper", (0, stat.S_IFREG | 0o644), "not executable"),
        ("_usr_libexec_procpilot_helper", (0, stat.S_IFDIR | 0o755), "not a regular file"),
        ("_usr_libexec_procpilot_helper", (1000, LINK), "link that belongs to uid 1000"),
        ("_usr_libexec_procpilot", (1000, DIR), "/usr/libexec/procpilot belongs to uid 1000"),
        ("_usr_libexec", (0, stat.S_IFDIR | 0o777), "/usr/libexec can be changed by others"),
        ("_usr", (0, stat.S_IFDIR | 0o1777), "/usr can be changed by others (mode 1777)"),
        ("_usr", (0, stat.S_IFREG | 0o755), "/usr is not a folder"),
        ("_usr", (1000, LINK), "/usr is a link that belongs to uid 1000"),
    ],
)
def test_anything_a_user_could_change_is_not_trusted(step: str, facts: tuple[int, int], why: str):
    reason = untrusted_reason(installed(**{step: facts}))
    assert reason is not None and why in reason


def test_a_root_owned_link_defers_to_its_target():
    assert untrusted_reason(installed(_usr=(0, LINK))) is None
    assert untrusted_reason(installed(_usr_libexec_procpilot_helper=(0, LINK))) is None


def test_a_module_need_not_be_executable():
    module = installed(_usr_libexec_procpilot_helper=(0, stat.S_IFREG | 0o644))
    assert untrusted_reason(module, runnable=False) is None
    assert untrusted_reason(
        installed(_usr_libexec_procpilot_helper=(0, stat.S_IFREG | 0o664)), runnable=False
    )


def test_a_one_file_binary_in_a_home_folder_is_not_trusted():
    home = chain(
        ("/", 0, DIR),
        ("/home", 0, DIR),
        ("/home/ann", 1000, stat.S_IFDIR | 0o700),
        ("/home/ann/procpilot", 1000, PROGRAM),
    )
    assert untrusted_reason(home) == "/home/ann belongs to uid 1000, not root"


def test_nothing_is_not_trusted():
    assert untrusted_reason([]) == "no path"


def test_chain_paths():
    assert chain_paths("/usr/libexec/x") == ["/", "/usr", "/usr/libexec", "/usr/libexec/x"]
    assert chain_paths("/") == ["/"]
    for bad in ("usr/x", "/usr/../tmp/x", "/usr/./x"):
        with pytest.raises(ValueError, match="path"):
            chain_paths(bad)
