"""Turn models into JSON-ready data and back, for the result cache.

JSON rather than pickle: a cache folder can be committed by anyone, and
reading it must never run code.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import date
from enum import Enum
from functools import cache
from typing import Any

from copydesk import models


def to_data(value: Any) -> Any:  # noqa: ANN401
    """Return ``value`` as JSON-ready data (dataclasses become dicts)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_data(getattr(value, f.name)) for f in dataclasses.fields(value)
                if f.compare}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [to_data(v) for v in value]
    return value


def from_data(kind: Any, data: Any) -> Any:  # noqa: ANN401
    """Rebuild a value of type ``kind`` from ``to_data`` output."""
    if data is None:
        return None
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(kind) if a is not type(None)]
        return from_data(options[0], data) if len(options) == 1 else data
    if origin is tuple:
        args = typing.get_args(kind)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(from_data(args[0], v) for v in data)
        return tuple(from_data(a, v) for a, v in zip(args, data, strict=True))
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        hints = hints_of(kind)
        fields = {f.name for f in dataclasses.fields(kind) if f.compare}
        return kind(**{name: from_data(hints[name], data[name]) for name in fields if name in data})
    if isinstance(kind, type) and issubclass(kind, Enum):
        return kind(data)
    if kind is date:
        return date.fromisoformat(data)
    return data


@cache
def hints_of(kind: type) -> dict[str, Any]:
    """Return the resolved field types of a model class."""
    return typing.get_type_hints(kind, vars(models))
