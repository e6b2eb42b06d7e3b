"""The workstation's preferences file: what the client saved it reads back, and a file that is
not what it wrote (damaged, edited by hand, hostile) gives the defaults, never a crash at
start-up."""

from __future__ import annotations

import pytest

from screening.ui.preferences import FILE, Preferences


def test_what_was_saved_is_read_back(tmp_path):
    Preferences(lang="en", lock_minutes=15).save(tmp_path / "data")
    again = Preferences.load(tmp_path / "data")
    assert (again.lang, again.lock_minutes) == ("en", 15)


def test_no_file_gives_the_defaults(tmp_path):
    prefs = Preferences.load(tmp_path)
    assert (prefs.lang, prefs.lock_minutes) == ("sq", 5)


@pytest.mark.parametrize("content", [
    b"[1, 2]", b"42", b'"en"', b"null", b"{", b"\xff\xfe\x00garbage",
    b'{"lang": ["en"], "lock_minutes": "15"}',
    b'{"lang": "de", "lock_minutes": 0}',
    b'{"lock_minutes": true}',  # a boolean is no number of minutes
    b'{"lock_minutes": 100000}',
    b'{"lang": {"sq": 1}, "lock_minutes": 5.5}',
])
def test_a_file_it_did_not_write_gives_the_defaults(tmp_path, content):
    (tmp_path / FILE).write_bytes(content)
    prefs = Preferences.load(tmp_path)
    assert (prefs.lang, prefs.lock_minutes) == ("sq", 5)


def test_the_good_half_of_a_file_is_kept(tmp_path):
    (tmp_path / FILE).write_bytes(b'{"lang": "en", "lock_minutes": -3, "extra": 1}')
    prefs = Preferences.load(tmp_path)
    assert (prefs.lang, prefs.lock_minutes) == ("en", 5)
