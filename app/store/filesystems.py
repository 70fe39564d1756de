"""Refusing a casebook folder on a network filesystem.

SQLite's WAL needs shared memory and reliable locks, which NFS, SMB and FUSE
network mounts do not give. Backups may go anywhere; the live casebook may not.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

NETWORK_FSTYPES = frozenset({
    "nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "afs", "ncpfs", "coda",
    "9p", "ceph", "glusterfs", "lustre", "gfs2", "ocfs2", "davfs", "webdav",
    "fuse.sshfs", "fuse.rclone", "fuse.s3fs", "fuse.gvfsd-fuse", "fuse.glusterfs",
    "fuse.davfs2", "fuse.cephfs", "afpfs", "fuse.afpfs",
})


def _unescape(field: str) -> str:
    # /proc/self/mountinfo escapes space, tab, newline and backslash as octal.
    return (field.replace("\\040", " ").replace("\\011", "\t")
            .replace("\\012", "\n").replace("\\134", "\\"))


def fstype_from_mountinfo(path: Path, mountinfo: str) -> str | None:
    """The filesystem type of the mount holding `path`, from mountinfo text."""
    best: tuple[int, str] | None = None
    target = str(path)
    for line in mountinfo.splitlines():
        left, sep, right = line.partition(" - ")
        fields = left.split()
        if not sep or len(fields) < 5:
            continue
        mount_point = _unescape(fields[4])
        inside = target == mount_point or target.startswith(mount_point.rstrip("/") + "/")
        if inside and (best is None or len(mount_point) >= best[0]):
            best = (len(mount_point), right.split()[0])
    return best[1] if best else None


def network_fstype(folder: Path) -> str | None:
    """The network filesystem type under `folder`, or None when it is a local disk."""
    existing = folder.resolve()
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if sys.platform.startswith("linux"):
        try:
            info = Path("/proc/self/mountinfo").read_text(encoding="utf-8")
        except OSError:
            return None
        fstype = fstype_from_mountinfo(existing, info)
        return fstype if fstype and fstype.lower() in NETWORK_FSTYPES else None
    if os.name == "nt":  # pragma: no cover - Windows only
        return _windows_remote(existing)
    return None  # macOS: smbfs/afpfs mounts live under /Volumes; not detected yet


def _windows_remote(folder: Path) -> str | None:  # pragma: no cover - Windows only
    import ctypes

    text = str(folder)
    if text.startswith("\\\\"):
        return "network share"
    drive = os.path.splitdrive(text)[0] + "\\"
    drive_remote = 4
    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    return "network drive" if kernel32.GetDriveTypeW(drive) == drive_remote else None
