"""Naming a process after the script an interpreter runs: ``frozen_editor.py (python3)``."""

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

#: Interpreters by the name of their program, version suffixes allowed (``python3.11``).
_VERSIONED = re.compile(
    r"(python|pypy|ruby|perl|php|lua|luajit|node|tclsh|wish|guile|jruby)[0-9.]*(w|-cgi|-cli)?"
)
_PLAIN = frozenset(
    {
        "nodejs",
        "java",
        "bash",
        "sh",
        "dash",
        "zsh",
        "fish",
        "ksh",
        "mksh",
        "tcsh",
        "csh",
        "Rscript",
        "gjs",
        "julia",
        "osascript",
    }
)
_SHELLS = frozenset({"bash", "sh", "dash", "zsh", "fish", "ksh", "mksh", "tcsh", "csh"})

#: Options that consume the next argument, per interpreter family (long options that take
#: a value use ``--name=value`` in practice and need no entry).
_TAKES_VALUE = {
    "python": frozenset({"-X", "-W", "--check-hash-based-pycs"}),
    "node": frozenset(
        {"-r", "--require", "--import", "--loader", "--experimental-loader", "-C", "--conditions"}
    ),
    "java": frozenset(
        {
            "-cp",
            "-classpath",
            "--class-path",
            "-p",
            "--module-path",
            "--add-modules",
            "--add-opens",
            "--add-exports",
            "-d",
        }
    ),
    "ruby": frozenset({"-I", "-r", "-C", "-E", "-F"}),
    "perl": frozenset({"-I", "-M", "-m"}),
    "php": frozenset({"-c", "-d", "-S", "-t", "-z"}),
    "lua": frozenset({"-l"}),
    "shell": frozenset({"-o", "-O", "+O", "+o"}),
}
#: Options after which there is no script: the code is on the command line (or stdin).
_INLINE_CODE = {
    "python": frozenset({"-c"}),
    "node": frozenset({"-e", "--eval", "-p", "--print"}),
    "ruby": frozenset({"-e"}),
    "perl": frozenset({"-e", "-E"}),
    "php": frozenset({"-r", "-a"}),
    "lua": frozenset({"-e", "-"}),
    "shell": frozenset({"-c", "-s", "-i"}),
    "Rscript": frozenset({"-e"}),
}


@dataclass(frozen=True, slots=True)
class ScriptName:
    """The script (or module, jar, main class) an interpreter runs.

    ``name`` is what a person calls it (``frozen_editor.py``, ``http.server``, ``app.jar``);
    ``path`` the argument as given when it is a file (for matching desktop entries);
    ``interpreter`` the program's name as started (``python3``).
    """

    name: str
    path: str | None
    interpreter: str


def interpreter_family(program: str) -> str | None:
    """``python3.11`` → ``python``, ``bash`` → ``shell``; ``None`` if not an interpreter."""
    base = program.rpartition("/")[2]
    match = _VERSIONED.fullmatch(base)
    if match:
        family = match.group(1)
        if family in {"pypy"}:
            return "python"
        if family == "luajit":
            return "lua"
        if family == "jruby":
            return "ruby"
        return family
    if base in _SHELLS:
        return "shell"
    if base == "nodejs":
        return "node"
    return base if base in _PLAIN else None


def _basename(path: str) -> str:
    return path.rstrip("/").rpartition("/")[2] or path


def script_of(argv: Sequence[str], executable: str | None = None) -> ScriptName | None:
    """The script ``argv`` runs, if its program (``argv[0]``, else the executable) is an
    interpreter; ``None`` for an interactive interpreter, inline code (``python -c``,
    ``bash -c``) or any other program.

    Interpreter options are skipped (``-u``, ``-X dev``, ``-OO``); ``python -m pkg.mod``
    names ``pkg.mod``, ``java -jar app.jar`` names ``app.jar``, ``java ... pkg.Main`` ``Main``.
    """
    if not argv:
        return None
    program = _basename(argv[0]).lstrip("-")  # a login shell's argv[0] is "-bash"
    family = interpreter_family(program)
    if family is None and executable:
        program = _basename(executable)
        family = interpreter_family(program)
    if family is None:
        return None
    return _script_in(iter(argv[1:]), program, family)


#: What an option said when it names the target itself (``-m``, ``-jar``, ``--``...).
_NOT_A_TARGET = object()


def _script_in(args: Iterator[str], program: str, family: str) -> ScriptName | None:
    takes_value = _TAKES_VALUE.get(family, frozenset())
    inline = _INLINE_CODE.get(family, frozenset())
    for arg in args:
        target = _explicit_target(arg, args, program, family)
        if target is not _NOT_A_TARGET:
            return target  # type: ignore[return-value]
        if (
            arg == "-"
            or arg in inline
            or (family in {"python", "shell"} and _short_cluster_ends_with(arg, "c"))
        ):
            return None
        if arg in takes_value:
            next(args, None)
        elif not arg.startswith(("-", "+")):
            return _named(arg, program, family)
    return None


def _explicit_target(arg: str, args: Iterator[str], program: str, family: str) -> object:
    """The target an option names (``-m mod``, ``-jar x.jar``, ``-f x.php``, ``-- x``),
    ``None`` when it names none, or :data:`_NOT_A_TARGET` for any other argument."""
    if arg == "--" or (family == "php" and arg == "-f"):
        script = next(args, "")
        return _named(script, program, family) if script else None
    if family == "python" and arg.startswith("-m") and not arg.startswith("--"):
        module = arg[2:] or next(args, "")
        return ScriptName(module, None, program) if module else None
    if family == "java" and arg in {"-jar", "-m", "--module"}:
        target = next(args, "")
        if not target:
            return None
        if arg == "-jar":
            return ScriptName(_basename(target), target, program)
        return ScriptName(target.rpartition("/")[2].rpartition(".")[2], None, program)
    if family == "Rscript" and arg.startswith("--file="):
        return _named(arg[len("--file=") :], program, family)
    return _NOT_A_TARGET


def _short_cluster_ends_with(arg: str, letter: str) -> bool:
    """``-uc`` is ``-u -c``: inline code follows."""
    return (
        len(arg) > 2
        and arg[0] == "-"
        and arg[1] != "-"
        and arg.isascii()
        and arg[1:].isalpha()
        and arg.endswith(letter)
    )


#: Scripts passed as an open file (``bash /dev/fd/3``, process substitution) have no name.
_ANONYMOUS = ("/dev/fd/", "/proc/self/fd/", "/dev/stdin")


def _named(arg: str, program: str, family: str) -> ScriptName | None:
    if arg.startswith(_ANONYMOUS):
        return None
    if family == "java":  # a main class: its simple name
        return ScriptName(arg.rpartition(".")[2] or arg, None, program)
    return ScriptName(_basename(arg), arg, program)
