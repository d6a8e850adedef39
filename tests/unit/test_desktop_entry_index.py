"""The XDG desktop entry index: first folder wins, subfolders give ids with dashes, re-read on change."""

from pathlib import Path

from gui.platforms.desktop_entries import DesktopEntryIndex, application_dirs

ENTRY = "[Desktop Entry]\nType=Application\nName={name}\nExec={exec_line}\n"


def write(folder: Path, relative: str, name: str, exec_line: str = "owl", extra: str = "") -> None:
    path = folder / "applications" / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(ENTRY.format(name=name, exec_line=exec_line) + extra)


def test_folders_follow_the_base_directory_specification(tmp_path: Path) -> None:
    assert application_dirs({"XDG_DATA_HOME": "/h", "XDG_DATA_DIRS": "/a:/b"}) == [
        "/h/applications",
        "/a/applications",
        "/b/applications",
    ]
    defaults = application_dirs({"HOME": str(tmp_path)})
    assert defaults[1:] == ["/usr/local/share/applications", "/usr/share/applications"]
    assert defaults[0].endswith("/.local/share/applications")


def test_the_users_entry_wins_and_hides_and_changes_are_picked_up(tmp_path: Path) -> None:
    home, system = tmp_path / "home", tmp_path / "system"
    write(system, "owl.desktop", "System Owl")
    write(home, "owl.desktop", "My Owl")
    write(system, "gone.desktop", "Gone")
    write(home, "gone.desktop", "Gone", extra="Hidden=true\n")
    write(system, "kde4/dolphin.desktop", "Dolphin", exec_line="dolphin %u")
    index = DesktopEntryIndex({"XDG_DATA_HOME": str(home), "XDG_DATA_DIRS": str(system)})
    assert index.refresh()
    assert not index.refresh()  # nothing changed: nothing read
    owl = index.by_id("owl")
    assert owl is not None and owl.name == "My Owl"
    assert index.by_id("gone") is None
    dolphin = index.by_id("kde4-dolphin")
    assert dolphin is not None and index.matcher.match("/usr/bin/dolphin", ["dolphin"], None) == dolphin
    write(home, "new/parrot.desktop", "Parrot")
    assert index.refresh()
    assert index.by_id("new-parrot") is not None
