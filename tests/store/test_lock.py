"""The lock names the holder the way colleagues know them."""

from __future__ import annotations


def test_the_lock_names_the_person_as_clusterdesk_knows_them(tmp_path):
    from clusterdesk.store.lock import LockHeld, WorkspaceLock

    workspace = tmp_path / "w.clusterdesk"
    workspace.write_bytes(b"")
    first = WorkspaceLock(workspace, "Mette Kjær (MK)")
    first.acquire()
    try:
        second = WorkspaceLock(workspace, "Jonas Bech (JB)")
        try:
            second.acquire()
        except LockHeld as exc:
            assert "Mette Kjær (MK) (login " in str(exc)
        else:
            raise AssertionError("the second lock was taken")
    finally:
        first.release()
