from __future__ import annotations

from pathlib import Path

from app.store.filesystems import fstype_from_mountinfo, network_fstype

MOUNTINFO = """\
22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw
40 22 0:35 / /home/share rw,relatime shared:20 - nfs4 server:/export rw,vers=4.2
41 22 0:36 / /mnt/smb\\040drive rw,relatime shared:21 - cifs //server/share rw
42 22 0:37 / /home/share/local rw,relatime - tmpfs tmpfs rw
43 22 0:38 / /media/remote rw,nosuid - fuse.sshfs user@host:/ rw
"""


def test_the_longest_matching_mount_decides() -> None:
    assert fstype_from_mountinfo(Path("/home/share/cases"), MOUNTINFO) == "nfs4"
    assert fstype_from_mountinfo(Path("/home/share/local/cases"), MOUNTINFO) == "tmpfs"
    assert fstype_from_mountinfo(Path("/home/shared"), MOUNTINFO) == "ext4"
    assert fstype_from_mountinfo(Path("/mnt/smb drive/x"), MOUNTINFO) == "cifs"
    assert fstype_from_mountinfo(Path("/media/remote/c"), MOUNTINFO) == "fuse.sshfs"


def test_this_machines_temp_folder_is_local(tmp_path: Path) -> None:
    assert network_fstype(tmp_path / "not" / "yet" / "made") is None
