"""A stand-in for macOS's ``osascript`` running ProcPilot's ``do shell script`` handler.

It records what it was given (the script's lines, the prompt, the command, the request
file's mode and its folder's, the kind and mode of the follow-up channel next to the
request) as one JSON line in ``$FAKE_OSASCRIPT_LOG``, then does what
the handler does on a Mac: quotes each argument as ``quoted form of`` does, runs the line
with ``/bin/sh -c`` (as this user: root in the tests), and prints its output; a failure is
reported as osascript reports it ("execution error: ... (N)", exit 1). With
``$FAKE_OSASCRIPT_CANCEL`` set it acts as if the password dialog was dismissed (-128).
"""

import json
import os
import shlex
import stat
import subprocess
import sys


def main() -> int:
    args = sys.argv[1:]
    lines = []
    while args[:1] == ["-e"]:
        lines.append(args[1])
        args = args[2:]
    prompt, *command = args
    request = command[-1]
    record = {
        "lines": lines,
        "prompt": prompt,
        "command": command,
        "request_mode": stat.S_IMODE(os.stat(request).st_mode),
        "folder_mode": stat.S_IMODE(os.stat(os.path.dirname(request)).st_mode),
    }
    if os.path.lexists(request + ".commands"):
        commands = os.lstat(request + ".commands")
        record["commands_kind"] = "fifo" if stat.S_ISFIFO(commands.st_mode) else "other"
        record["commands_mode"] = stat.S_IMODE(commands.st_mode)
    with open(os.environ["FAKE_OSASCRIPT_LOG"], "a", encoding="utf-8") as log:
        log.write(json.dumps(record) + "\n")
    if os.environ.get("FAKE_OSASCRIPT_CANCEL"):
        print("0:60: execution error: User canceled. (-128)", file=sys.stderr)
        return 1
    line = " ".join(shlex.quote(word) for word in command) + " "  # quoted form of each, as the handler
    done = subprocess.run(["/bin/sh", "-c", line], capture_output=True, check=False)
    if done.returncode != 0:
        message = done.stderr.decode(errors="replace").strip()
        print(f"0:60: execution error: {message} ({done.returncode})", file=sys.stderr)
        return 1
    sys.stdout.buffer.write(done.stdout + b"\n")  # osascript ends its result with a newline
    return 0


if __name__ == "__main__":
    sys.exit(main())
