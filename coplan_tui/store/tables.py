"""The store's documents in memory: one copy of each, kept under its TinyDB key.

The file stays a TinyDB JSON file (``{"todos": {"1": {...}, "2": {...}}}``), but TinyDB's
own ``Table.insert`` and ``remove`` re-read and rebuild the whole table (twice, for an
insert) to hand out the next key, which costs tens of milliseconds at 50,000 to-dos, under
the store's lock. Here a table is a dict from each document's UUID to its value (the
validated model, or the plain dict for ``settings`` and ``_meta``), plus the TinyDB key it
is written under and the next free key, so an insert and a delete each touch one entry.

Validation turns each parsed dict into its model and drops the dict as it goes, so a load
never holds a table's documents twice over.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel, ValidationError

from ..domain.errors import describe
from .schema import SchemaProblem


class Table:
    __slots__ = ("docs", "keys", "next_key")

    def __init__(self) -> None:
        self.docs: dict[str, Any] = {}
        """uuid -> model (or dict): the one copy of each document."""
        self.keys: dict[str, str] = {}
        """uuid -> the TinyDB key it is written under."""
        self.next_key = 1
        """TinyDB's rule: one more than the largest key ever seen in the table."""

    def __len__(self) -> int:
        return len(self.docs)

    def put(self, uuid: str, value: Any) -> str:
        """Add or replace a document; its TinyDB key (a new one when it is new)."""
        key = self.keys.get(uuid)
        if key is None:
            key = self.keys[uuid] = str(self.next_key)
            self.next_key += 1
        self.docs[uuid] = value
        return key

    def remove(self, uuid: str) -> str | None:
        """Drop a document; its TinyDB key, or None when it was not there."""
        if self.docs.pop(uuid, None) is None:
            return None
        return self.keys.pop(uuid)

    def items_by_key(self) -> Iterator[tuple[str, Any]]:
        """(TinyDB key, document) in the order they are written."""
        keys = self.keys
        for uuid, doc in self.docs.items():
            yield keys[uuid], doc

    def raw(self) -> dict[str, Any]:
        """The table as the file holds it: TinyDB key -> plain dict."""
        return {key: dump(doc) for key, doc in self.items_by_key()}


class Compactor:
    """Makes validated models share what they hold in common; they are frozen, so sharing is safe.

    A pydantic model carries its own set of the fields that were given, ~0.7 KB for a to-do
    and most of its size; every to-do of a pair repeats the pair's id; every session holds a
    full copy of its template. At 50,000 to-dos that was ~80 MB of models, half of it such
    copies. Equal sets, short strings (ids, owners) and equal templates are kept once.
    """

    SHORT = 40
    """Strings up to this long are interned: ids and names repeat, titles and notes rarely do."""

    def __init__(self) -> None:
        self._field_sets: dict[frozenset[str], set[str]] = {}
        self._templates: dict[Any, tuple[dict[str, Any], BaseModel]] = {}
        """template id -> (the raw template first seen, its model)."""

    def validate(self, cls: type[BaseModel], doc: dict[str, Any]) -> BaseModel:
        """``cls.model_validate(doc)``, compacted. A template equal to one already validated
        is handed over as that model (pydantic takes a model instance as it is), so 2,000
        sessions of one template validate it once: the same input gives the same model."""
        raw_template = doc.get("template")
        seen = self._templates.get(raw_template.get("id")) if isinstance(raw_template, dict) else None
        if seen is not None and seen[0] == raw_template:
            doc = {**doc, "template": seen[1]}
        model = cls.model_validate(doc)
        self._share(model)
        template = model.__dict__.get("template")
        if seen is None and isinstance(template, BaseModel) and isinstance(raw_template, dict):
            self._templates[raw_template.get("id")] = (raw_template, template)
        return model

    def _share(self, model: BaseModel) -> None:
        fields = model.__pydantic_fields_set__
        kept = self._field_sets.setdefault(frozenset(fields), fields)
        if kept is not fields:
            object.__setattr__(model, "__pydantic_fields_set__", kept)
        values = model.__dict__
        for name, value in values.items():
            if type(value) is str:
                if len(value) <= self.SHORT:
                    values[name] = sys.intern(value)
            elif isinstance(value, BaseModel):
                self._share(value)
            elif type(value) is list:
                for item in value:
                    if isinstance(item, BaseModel):
                        self._share(item)


def dump(doc: Any) -> Any:
    return doc.model_dump(mode="json") if isinstance(doc, BaseModel) else doc


def _next_key(keys: Iterator[str]) -> int:
    top = 0
    for key in keys:
        try:
            top = max(top, int(key))
        except ValueError:
            raise SchemaProblem(f"a document key {key!r} is not a TinyDB number") from None
    return top + 1


def plain_table(docs: dict[str, Any]) -> Table:
    """A table of plain dicts (settings, _meta): keyed by their ``id``, or by key when they have none."""
    table = Table()
    for key, doc in docs.items():
        uuid = doc.get("id", key) if isinstance(doc, dict) else key
        table.docs[uuid] = doc
        table.keys[uuid] = key
    table.next_key = _next_key(iter(docs))
    return table


def model_table(name: str, cls: type[BaseModel], docs: dict[str, Any]) -> Table:
    """Validate every document of a parsed table into its model, emptying ``docs`` as it goes.

    Raises SchemaProblem naming the first invalid document or a repeated id.
    """
    table = Table()
    table.next_key = _next_key(iter(docs))
    compact = Compactor()
    validate = lambda doc: compact.validate(cls, doc)  # noqa: E731
    models, keys = table.docs, table.keys
    for key in list(docs):
        try:
            model = validate(docs.pop(key))
        except ValidationError as e:
            raise SchemaProblem(f"document {key} in {name} is invalid: {describe(e)}") from None
        uuid = model.id  # type: ignore[attr-defined]
        if uuid in models:
            raise SchemaProblem(f"two documents in {name} share the id {uuid}")
        models[uuid] = model
        keys[uuid] = key
    return table
