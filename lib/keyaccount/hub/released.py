"""The exercises a trainer released in the course (``keyaccount release``), as files of a learner's workspace."""
from pathlib import Path

from keyaccount.workspace import SKIPPED_PARTS


def released_files(release: Path) -> dict[str, Path]:
    """Workspace path (``exercises/<assignment>/…``) → released file, for every released assignment."""
    files = {}
    for folder in sorted(release.iterdir()) if release.is_dir() else []:
        if not folder.is_dir():
            continue  # the .zip that keyaccount release makes for e-mail
        for path in sorted(folder.rglob("*")):
            relative = path.relative_to(release)
            if path.is_file() and not path.is_symlink() and not SKIPPED_PARTS & set(relative.parts):
                files[f"exercises/{relative.as_posix()}"] = path
    return files
