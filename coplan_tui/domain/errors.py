"""Turn validation failures into one plain sentence a teacher can act on."""

from __future__ import annotations

from pydantic import ValidationError

_FRIENDLY = {
    "string_too_short": "must not be empty",
    "too_short": "must not be empty",
    "date_from_datetime_parsing": "is not a date (use YYYY-MM-DD)",
    "date_parsing": "is not a date (use YYYY-MM-DD)",
    "date_type": "is not a date (use YYYY-MM-DD)",
    "date_from_datetime_inexact": "is not a date (use YYYY-MM-DD)",
    "time_parsing": "is not a time (use HH:MM)",
    "greater_than_equal": "is too small",
    "less_than_equal": "is too large",
    "enum": "is not one of the choices",
    "extra_forbidden": "is not a known field",
    "missing": "is required",
}


def _where(loc: tuple) -> str:
    parts = [str(p) for p in loc if not isinstance(p, int)]
    return ".".join(parts).replace("_", " ")


def describe(error: ValidationError) -> str:
    """One line per problem, e.g. ``title: must not be empty``."""
    lines = []
    for e in error.errors(include_url=False):
        kind = e.get("type", "")
        where = _where(tuple(e.get("loc", ())))
        if kind == "value_error":
            msg = str(e.get("msg", "")).removeprefix("Value error, ")
        elif kind in ("greater_than_equal", "less_than_equal") and "minutes" in where:
            msg = "must be between 1 and 240 minutes"
        elif kind in _FRIENDLY:
            msg = _FRIENDLY[kind]
            if kind == "enum":
                expected = e.get("ctx", {}).get("expected")
                if expected:
                    msg += f" ({expected})"
        else:
            msg = str(e.get("msg", "is not valid")).lower()
        lines.append(f"{where}: {msg}" if where else msg)
    return "; ".join(dict.fromkeys(lines))


class DomainError(ValueError):
    """A rule of the domain was broken; the message is written for the user."""



def join_messages(parts: list[str]) -> str:
    """Messages as one line: a sentence that ends with its own stop is followed by a space,
    a bare phrase (``Title: must not be empty``) by ``; ``; never ``.;``."""
    out = ""
    for part in (p.strip() for p in parts):
        if not part:
            continue
        if out:
            out += " " if out[-1] in ".!?" else "; "
        out += part
    return out


class FormErrors(DomainError):
    """Field name -> what is wrong with it ("" is the whole form). A form shows each message
    at its field; anything else shows them as one line."""

    def __init__(self, errors: dict[str, str]):
        super().__init__(join_messages(list(errors.values())))
        self.errors = errors
