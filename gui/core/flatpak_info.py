"""The app id in a Flatpak sandbox's ``/.flatpak-info`` (a keyfile Flatpak writes at start)."""


def flatpak_app_id(text: str) -> str | None:
    """``name`` in the ``[Application]`` group (``[Runtime]`` for a bare runtime shell)."""
    group = None
    for raw_line in text.splitlines():
        line = raw_line.strip()
        if line.startswith("["):
            group = line
        elif group == "[Application]" and line.startswith("name="):
            return line[len("name=") :].strip() or None
    return None
