"""Every form version a program can use, and the one cache of parsed forms and reference data.

An interview is shown, scored, printed and counted with the form version it was started with:
every consumer asks :meth:`FormCatalogue.for_version`. A new interview gets
:meth:`FormCatalogue.for_new_interview`. The catalogue knows no folders of its own (this layer
imports nothing but ``screening.errors``): the workstation passes the bundled form and its
downloaded packages, central its published packages, as a :data:`VersionSource`.

A form file never changes under the same path while the program runs (a package folder is
written once; the bundled form changes only with the program) and a form given as text is
keyed by its content, so each is parsed once per process: a form takes tens of milliseconds to
load and check, and the documents, the statistics and the screen all ask for it.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from screening.errors import FormUnknownError

if TYPE_CHECKING:  # the loaders (YAML, JSON Schema) are imported when a form is first parsed,
    # so a login that never opens a form does not pay for them
    from screening.questionnaire.model import Form
    from screening.questionnaire.reference import Reference


@dataclass(frozen=True)
class FormText:
    """A form kept as YAML text rather than a file (central keeps its packages in a database)."""

    text: str
    name: str = "<form>"  # named in the loader's problems


FormSource = Path | FormText
# Where a version other than the bundled one is kept, or None; asked each time, because a sync
# or a publication adds versions while the program runs
VersionSource = Callable[[str, str], FormSource | None]
Newest = Callable[[], FormSource | None]  # the form for new interviews; None: the bundled one


def no_versions(form_id: str, form_version: str) -> FormSource | None:
    return None


def no_newest() -> FormSource | None:
    return None


@dataclass
class FormCache:
    """Parsed forms and reference folders, each parsed once; ``loads`` counts the parses."""

    loads: int = 0
    _forms: dict[object, Form] = field(default_factory=dict)
    _references: dict[Path, Reference] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def form(self, source: FormSource) -> Form:
        key = _cache_key(source)
        with self._lock:  # the UI thread and the store thread may ask at the same moment
            found = self._forms.get(key)
            if found is None:
                found = _parse(source)
                self.loads += 1
                self._forms[key] = found
            return found

    def reference(self, folder: Path) -> Reference:
        key = Path(folder).resolve()
        with self._lock:
            found = self._references.get(key)
            if found is None:
                from screening.questionnaire.reference import load_reference

                found = load_reference(key)
                self.loads += 1
                self._references[key] = found
            return found


SHARED = FormCache()  # the process's one cache; a test passes its own to count the parses


def _cache_key(source: FormSource) -> object:
    if isinstance(source, FormText):
        return ("text", source.text)  # the text itself: a dict hashes it once and compares
    return ("file", Path(source).resolve())


def _parse(source: FormSource) -> Form:
    from screening.questionnaire.loader import load_form, load_form_text

    if isinstance(source, FormText):
        return load_form_text(source.text, source.name)
    return load_form(source)


_PLAIN_ID = re.compile(r"[a-z][a-z0-9_]{0,63}")
_PLAIN_VERSION = re.compile(r"[0-9A-Za-z][0-9A-Za-z._-]{0,39}")


class FormCatalogue:
    """The bundled form, the earlier versions frozen beside it (``frozen``: a folder of
    ``<form id>-<version>.yaml`` files, kept byte for byte so that an interview keeps the
    questions it began with), plus the additional versions of ``versions``; ``reference`` is
    the folder of reference data in use now (asked each time, like the versions)."""

    def __init__(self, bundled: Path, reference: Path | Callable[[], Path], *,
                 versions: VersionSource = no_versions, newest: Newest = no_newest,
                 missing_hint: str = "sync with central to get it",
                 cache: FormCache = SHARED, frozen: Path | None = None) -> None:
        self._bundled = Path(bundled)
        self._frozen = Path(frozen) if frozen is not None else None
        self._reference = reference
        self._versions = versions
        self._newest = newest
        self._hint = missing_hint
        self.cache = cache

    def bundled(self) -> Form:
        return self.cache.form(self._bundled)

    def reference(self) -> Reference:
        folder = self._reference() if callable(self._reference) else self._reference
        return self.cache.reference(folder)

    def form(self, form_id: str, form_version: str) -> Form:
        """The form an interview was started with; :class:`FormUnknownError` when this
        catalogue holds no such version."""
        bundled = self.bundled()
        if (bundled.id, bundled.version) == (form_id, form_version):
            return bundled
        source = self._frozen_file(form_id, form_version) or self._versions(form_id,
                                                                             form_version)
        if source is None:
            raise FormUnknownError(form_id, form_version, self._hint)
        form = self.cache.form(source)
        if (form.id, form.version) != (form_id, form_version):
            # never score or print with another version than the interview's
            raise FormUnknownError(form_id, form_version, f"the form kept for it is "
                                   f"{form.id!r} version {form.version!r}")
        return form

    def _frozen_file(self, form_id: str, form_version: str) -> Path | None:
        # the id and version come from a stored record (at central: from a device), so only
        # plain names can become a file name inside the folder
        if (self._frozen is None or not _PLAIN_ID.fullmatch(form_id)
                or not _PLAIN_VERSION.fullmatch(form_version)):
            return None
        candidate = self._frozen / f"{form_id}-{form_version}.yaml"
        return candidate if candidate.is_file() else None

    def for_version(self, form_id: str, form_version: str) -> tuple[Form, Reference]:
        """What an existing interview is shown, scored, printed and counted with: its own form
        version, and the reference data in use now (a directory change applies to all)."""
        return self.form(form_id, form_version), self.reference()

    def for_new_interview(self) -> tuple[Form, Reference]:
        newest = self._newest()
        return (self.cache.form(newest) if newest else self.bundled()), self.reference()
