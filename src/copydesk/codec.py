"""Turn models into JSON-ready data and back, for the result cache.

JSON rather than pickle: a cache folder can be committed by anyone, and
reading it must never run code.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable
from datetime import date
from enum import Enum
from functools import cache
from typing import Any

from copydesk import models


def to_data(value: Any) -> Any:  # noqa: ANN401
    """Return ``value`` as JSON-ready data (dataclasses become dicts)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: to_data(getattr(value, f.name)) for f in dataclasses.fields(value) if f.compare
        }
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [to_data(v) for v in value]
    return value


def from_data(kind: Any, data: Any) -> Any:  # noqa: ANN401
    """Rebuild a value of type ``kind`` from ``to_data`` output."""
    return reader(kind)(data)


Reader = Callable[[Any], Any]


def same(value: Any) -> Any:  # noqa: ANN401
    """Return a JSON value that needs no rebuilding (text, numbers, booleans)."""
    return value


@cache
def reader(kind: Any) -> Reader:  # noqa: ANN401
    """Return a function that rebuilds values of one type, worked out once per type."""
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(kind) if a is not type(None)]
        inner = reader(options[0]) if len(options) == 1 else same
        if inner is same:
            return same
        return lambda value: None if value is None else inner(value)
    if origin is tuple:
        args = typing.get_args(kind)
        if len(args) == 2 and args[1] is Ellipsis:
            item = reader(args[0])
            if item is same:
                return lambda value: None if value is None else tuple(value)
            return lambda value: None if value is None else tuple(map(item, value))
        items = [reader(a) for a in args]
        return lambda value: (
            None if value is None else tuple(f(v) for f, v in zip(items, value, strict=True))
        )
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        hints = hints_of(kind)
        fields = [(f.name, reader(hints[f.name])) for f in dataclasses.fields(kind) if f.compare]

        def build(value: Any) -> Any:  # noqa: ANN401
            if value is None:
                return None
            return kind(**{name: read(value[name]) for name, read in fields if name in value})

        return build
    if isinstance(kind, type) and issubclass(kind, Enum):
        return lambda value: None if value is None else kind(value)
    if kind is date:
        return lambda value: None if value is None else date.fromisoformat(value)
    return same


@cache
def hints_of(kind: type) -> dict[str, Any]:
    """Return the resolved field types of a model class."""
    return typing.get_type_hints(kind, vars(models))
