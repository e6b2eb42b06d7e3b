import os
import stat

from screening import atomicfile


def test_written_whole_with_the_mode_asked_for(tmp_path):
    target = tmp_path / "slots.json"
    target.write_bytes(b"old")
    atomicfile.write_atomic(target, b"new", mode=0o600)
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["slots.json"]  # no temp file left


def test_works_where_python_has_no_fchmod_as_on_windows_before_3_13(tmp_path, monkeypatch):
    monkeypatch.delattr(os, "fchmod")
    target = tmp_path / "keyslots.json"
    atomicfile.write_atomic(target, b"{}", mode=0o600)
    assert target.read_bytes() == b"{}"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
