"""The bundled fonts ship with the package, with their licence."""

from __future__ import annotations

import tomllib
from importlib import resources
from pathlib import Path

from screening.reports.fonts import register_fonts

ROOT = Path(__file__).resolve().parents[3]


def test_fonts_and_licence_are_bundled_and_declared():
    folder = resources.files("screening.reports").joinpath("fonts")
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        assert folder.joinpath(name).read_bytes()[:4] == b"\x00\x01\x00\x00"  # TrueType
    assert "Bitstream Vera" in folder.joinpath("LICENSE").read_text(encoding="utf-8")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    data = project["tool"]["setuptools"]["package-data"]["screening.reports"]
    assert "fonts/*.ttf" in data and "fonts/LICENSE" in data


def test_fonts_register_once():
    assert register_fonts() == register_fonts() == ("DejaVuSans", "DejaVuSans-Bold")
