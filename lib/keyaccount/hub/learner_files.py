"""Reading a learner's saved exercise and writing their feedback, from a service running as root.

The workspace belongs to the learner, so every path in it is hostile: each folder is opened with
``O_NOFOLLOW`` relative to the one above it (a symlink anywhere on the way is refused, nothing
ever leaves the workspace), a file must be a regular file with one link and at most ``MAX_BYTES``,
and what the kit writes (feedback, an exercise released while the learner's JupyterLab runs) is created
new (``O_EXCL``), never over an existing file, and handed to the learner's system user when learners
run as their own.
"""
import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

MAX_BYTES = 5 * 1024 * 1024  # an exercise notebook is some 50 KB; a learner's plots may add a few MB
_DIR = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC


class RefusedFile(ValueError):
    """A file of the workspace the kit will not read; the message (Chinese) names it and why."""


@dataclass(frozen=True)
class LearnerHome:
    """Where a learner's workspace is: ``home`` (made by the hub) and the workspace's path inside it."""
    home: Path
    folder: str  # the workspace folder's name inside home
    owner: tuple[int, int] | None = None  # (uid, gid) to hand new files to; None: the service's own user

    def read(self, relative: str) -> bytes:
        """The bytes of ``relative`` (a path inside the workspace), or RefusedFile."""
        parts = [self.folder, *PurePosixPath(relative).parts]
        shown = relative
        with _Walk(self.home) as walk:
            for part in parts[:-1]:
                walk.enter(part, shown, create=False)
            try:
                fd = os.open(parts[-1], os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC, dir_fd=walk.fd)
            except OSError as error:
                raise RefusedFile(_why(error, shown)) from None
            with os.fdopen(fd, "rb") as handle:
                info = os.fstat(handle.fileno())
                if not stat.S_ISREG(info.st_mode):
                    raise RefusedFile(f"{shown} 不是普通文件：请在 JupyterLab 里打开练习，保存（Ctrl+S）后再提交。")
                if info.st_nlink != 1:
                    raise RefusedFile(f"{shown} 是指向别处的硬链接，不能提交：请在 JupyterLab 里另存一份练习后再提交。")
                if info.st_size > MAX_BYTES:
                    raise RefusedFile(f"{shown} 太大（{info.st_size / 1048576:.1f} MB，最多 {MAX_BYTES // 1048576} MB）："
                                      "请清除输出（编辑 → 清除所有输出）、保存后再提交。")
                data = handle.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise RefusedFile(f"{shown} 太大：请清除输出、保存后再提交。")
        return data

    def write_new(self, folder: str, files: dict[str, bytes]) -> str:
        """Write ``files`` into a new folder ``folder`` of the workspace (``folder-2`` … when that name is
        taken); the folder's path inside the workspace. Existing files are never touched."""
        parts = PurePosixPath(folder).parts
        with _Walk(self.home) as walk:
            walk.enter(self.folder, folder, create=False)
            for part in parts[:-1]:
                walk.enter(part, folder, create=True, owner=self.owner)
            name = walk.make_fresh(parts[-1], self.owner)
            walk.enter(name, folder, create=False)
            for file_name, content in files.items():
                walk.create(file_name, content, self.owner)
        return str(PurePosixPath(*parts[:-1], name))

    def add_missing(self, files: dict[str, bytes]) -> list[str]:
        """Write each of ``files`` (path inside the workspace → content) that the workspace lacks, with the
        folders on its way; the paths written. A file already there is the learner's: never touched."""
        written = []
        for relative, content in files.items():
            parts = PurePosixPath(relative).parts
            with _Walk(self.home) as walk:
                walk.enter(self.folder, relative, create=False)
                for part in parts[:-1]:
                    walk.enter(part, relative, create=True, owner=self.owner)
                try:
                    walk.create(parts[-1], content, self.owner)
                except FileExistsError:
                    continue
            written.append(relative)
        return written


class _Walk:
    """A chain of folder descriptors from ``root`` down, each opened without following a symlink."""

    def __init__(self, root: Path):
        self.fd = os.open(root, _DIR)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        os.close(self.fd)

    def enter(self, part: str, shown: str, create: bool, owner=None) -> None:
        if part in ("", ".", "..") or "/" in part:
            raise RefusedFile(f"路径 {shown} 不在学习文件夹里。")
        if create:
            try:
                os.mkdir(part, 0o755, dir_fd=self.fd)
                if owner:
                    os.chown(part, *owner, dir_fd=self.fd, follow_symlinks=False)
            except FileExistsError:
                pass
        try:
            fd = os.open(part, _DIR, dir_fd=self.fd)
        except OSError as error:
            raise RefusedFile(_why(error, shown)) from None
        os.close(self.fd)
        self.fd = fd

    def create(self, name: str, content: bytes, owner) -> None:
        """A new file ``name`` in the current folder (FileExistsError when the name is taken)."""
        fd = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644, dir_fd=self.fd)
        with os.fdopen(fd, "wb") as out:
            if owner:
                os.fchown(out.fileno(), *owner)
            out.write(content)

    def make_fresh(self, name: str, owner) -> str:
        """Create a new folder ``name`` (or ``name-2``, ``name-3`` … when taken); its name."""
        for n in range(1, 1000):
            candidate = name if n == 1 else f"{name}-{n}"
            try:
                os.mkdir(candidate, 0o755, dir_fd=self.fd)
            except FileExistsError:
                continue
            if owner:
                os.chown(candidate, *owner, dir_fd=self.fd, follow_symlinks=False)
            return candidate
        raise RefusedFile(f"{name} 这个名字的文件夹太多了：请整理学习文件夹里的“反馈”。")


def _why(error: OSError, shown: str) -> str:
    if error.errno == errno.ENOENT:
        return f"找不到 {shown}：请确认练习还在 exercises 文件夹里、名字没有改过，并且已经保存。"
    if error.errno in (errno.ELOOP, errno.ENOTDIR, errno.EMLINK):
        return f"{shown} 的路径上有链接（快捷方式）或不是文件夹的东西，不能提交：请在 JupyterLab 里另存一份练习后再提交。"
    if error.errno == errno.EACCES:
        return f"没有权限读取 {shown}。"
    return f"无法读取 {shown}（{errno.errorcode.get(error.errno, error.errno)}）。"
