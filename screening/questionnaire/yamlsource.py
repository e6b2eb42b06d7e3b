"""Reads YAML strictly: syntax errors with their line, and duplicate keys refused (PyYAML would
silently keep the last one, hiding a mistake such as two ``label`` keys)."""

from __future__ import annotations

from typing import Any

import yaml


class YamlProblem(ValueError):
    def __init__(self, message: str, line: int | None) -> None:
        super().__init__(message)
        self.line = line


# libyaml's C parser reads the standard form about ten times faster than the pure-Python one;
# construction (where duplicate keys are caught) stays the safe Python constructor either way.
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _StrictLoader(_Base):  # type: ignore[misc, valid-type]  # a base chosen at run time
    pass


def _construct_mapping(loader: _StrictLoader, node: yaml.MappingNode, deep: bool = False) -> Any:
    seen: dict[Any, int] = {}
    for key_node, _value in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if key in seen:
            raise YamlProblem(f"duplicate key {key!r} (first on line {seen[key]})", line)
        seen[key] = line
    return yaml.constructor.SafeConstructor.construct_mapping(loader, node, deep=deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def parse_yaml(text: str) -> Any:
    """Parse one YAML document, raising :class:`YamlProblem` with a line number."""
    try:
        return yaml.load(text, Loader=_StrictLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else None
        reason = error.problem or error.context or "invalid YAML"
        context = error.context_mark
        if error.problem and error.context and context is not None and context is not mark \
                and error.context.startswith("while "):
            reason += f" ({error.context} that starts on line {context.line + 1})"
        raise YamlProblem(f"YAML syntax error: {reason}", line) from None
    except yaml.YAMLError as error:
        raise YamlProblem(f"YAML syntax error: {error}", None) from None
