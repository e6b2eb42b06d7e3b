"""The blind index of the name search (docs/design.md §7.1): each sealed name is found by the
word prefixes of its folded words, as keyed tokens under a subkey of the row's data key.

A name is folded (case and accents: "Arbën" and "ARBEN" are one word) and cut into words;
each word gives a token for each of its first :data:`SHORTEST` to :data:`LONGEST` letters. A
search folds its own words the same way and looks each one up (cut to :data:`LONGEST`) under
every data key the session holds; the hits are confirmed by opening the name, so a longer word
or a token that collides still matches exactly. Without the data key a token says only that
two rows under that key share a prefix."""

from __future__ import annotations

import re
import unicodedata

from screening import crypto

SHORTEST, LONGEST = 2, 8  # letters of a word indexed: a letter alone is too common to narrow
_WORD = re.compile(r"[^\W_]+")
_PURPOSE = "name search tokens v1"


def fold(text: str) -> str:
    if text.isascii():  # most names: nothing to decompose
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words(text: str) -> list[str]:
    """The folded words of ``text``, in order, each once."""
    return list(dict.fromkeys(_WORD.findall(fold(text))))


def token_key(data_key: bytes) -> bytes:
    return crypto.derive_subkey(data_key, _PURPOSE)


def tokens(key: bytes, name: str) -> set[bytes]:
    """The tokens of every prefix of every word of ``name``."""
    return {crypto.lookup_tag(key, word[:length]) for word in words(name)
            for length in range(SHORTEST, min(len(word), LONGEST) + 1)}


def query_token(key: bytes, word: str) -> bytes | None:
    """The token a folded search word is looked up by; None for a word too short to have
    one (the search then walks the newest names, as for any common word)."""
    return crypto.lookup_tag(key, word[:LONGEST]) if len(word) >= SHORTEST else None


def matches(wanted: list[str], name_words: list[str]) -> bool:
    """Whether each wanted word begins some word of the name."""
    return all(any(word.startswith(w) for word in name_words) for w in wanted)


def may_match(wanted: list[str], text: str) -> bool:
    """A quick look before :func:`words`: False only when ``text`` cannot match."""
    if not text.isascii():
        return True
    lowered = text.lower()
    return all(w in lowered for w in wanted)
