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
from types import UnionType
from typing import TYPE_CHECKING, Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from ..domain.errors import describe
from .schema import SchemaProblem

if TYPE_CHECKING:
    from .unread import Unread


UNREAD_PUTS = 8
"""New documents a table takes unread: each costs two searches of its text, so for more (an
import) reading the table once is cheaper."""


class Table:
    __slots__ = ("_docs", "_keys", "next_key", "unread")

    def __init__(self) -> None:
        self._docs: dict[str, Any] = {}
        self._keys: dict[str, str] = {}
        self.next_key = 1
        """TinyDB's rule: one more than the largest key ever seen in the table."""
        self.unread: Unread | None = None
        """The table's text, not parsed yet (a command that may never need it); see ``unread.py``.
        Until it is read, ``_docs`` holds only the documents added since."""

    @property
    def docs(self) -> dict[str, Any]:
        """uuid -> model (or dict): the one copy of each document."""
        if self.unread is not None:
            self._read()
        return self._docs

    @property
    def keys(self) -> dict[str, str]:
        """uuid -> the TinyDB key it is written under."""
        if self.unread is not None:
            self._read()
        return self._keys

    def _read(self) -> None:
        assert self.unread is not None
        read = self.unread.read()  # an invalid table raises, and stays unread
        self.unread = None
        read._docs.update(self._docs)
        read._keys.update(self._keys)
        self._docs, self._keys = read._docs, read._keys
        self.next_key = max(self.next_key, read.next_key)

    def _absent_unread(self, uuid: str) -> bool:
        """True when the table is unread and its text never names ``uuid``: then no document
        there has that id, and nothing need be parsed to know it."""
        return self.unread is not None and not self.unread.mentions(uuid)

    def __len__(self) -> int:
        return len(self.docs)

    def get(self, uuid: str) -> Any:
        return self._docs.get(uuid) if self._absent_unread(uuid) else self.docs.get(uuid)

    def put(self, uuid: str, value: Any) -> str:
        """Add or replace a document; its TinyDB key (a new one when it is new)."""
        if self.unread is not None and uuid not in self._keys:
            if len(self._keys) >= UNREAD_PUTS or self.unread.mentions(uuid):
                self._read()
            else:
                self.next_key = self.unread.free_key(self.next_key)
        key = self._keys.get(uuid)
        if key is None:
            key = self._keys[uuid] = str(self.next_key)
            self.next_key += 1
        self._docs[uuid] = value
        return key

    def remove(self, uuid: str) -> str | None:
        """Drop a document; its TinyDB key, or None when it was not there."""
        if self.unread is not None and self.unread.mentions(uuid):
            self._read()
        if self._docs.pop(uuid, None) is None:
            return None
        return self._keys.pop(uuid)

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
        self._shared: set[int] = set()
        """Models held by others, already compacted: a template kept once is met again in every session."""
        self._field_sets: dict[frozenset[str], set[str]] = {}
        self._last_set: dict[type[BaseModel], set[str]] = {}
        self._templates: dict[Any, tuple[dict[str, Any], BaseModel]] = {}
        """template id -> (the raw template first seen, its model)."""

    def validate(self, cls: type[BaseModel], doc: dict[str, Any]) -> BaseModel:
        """``cls.model_validate(doc)``, compacted."""
        model = self.validate_only(cls, doc)
        self._share(model)
        return model

    def validate_only(self, cls: type[BaseModel], doc: dict[str, Any]) -> BaseModel:
        """``cls.model_validate(doc)``. A template equal to one already validated is handed
        over as that model (pydantic takes a model instance as it is), so 2,000 sessions of
        one template validate it once: the same input gives the same model."""
        raw_template = doc.get("template")
        seen = self._templates.get(raw_template.get("id")) if isinstance(raw_template, dict) else None
        if seen is not None and seen[0] == raw_template:
            doc = {**doc, "template": seen[1]}
        model = cls.model_validate(doc)
        template = model.__dict__.get("template")
        if seen is None and isinstance(template, BaseModel) and isinstance(raw_template, dict):
            self._templates[raw_template.get("id")] = (raw_template, template)
        return model

    def _share(self, model: BaseModel) -> None:
        cls = type(model)
        fields = model.__pydantic_fields_set__
        kept = self._last_set.get(cls)
        if kept is None or kept != fields:  # most documents of a kind give the same fields
            kept = self._last_set[cls] = self._field_sets.setdefault(frozenset(fields), fields)
        if kept is not fields:
            object.__setattr__(model, "__pydantic_fields_set__", kept)
        texts, nested = _plan(cls)
        values = model.__dict__
        short, intern = self.SHORT, sys.intern
        for name in texts:
            value = values[name]
            if type(value) is str and len(value) <= short:
                values[name] = intern(value)
        for name in nested:
            value = values[name]
            if isinstance(value, BaseModel):
                if id(value) not in self._shared:  # kept alive by the table: its id stays its own
                    self._shared.add(id(value))
                    self._share(value)
            elif type(value) is list:
                for item in value:
                    if isinstance(item, BaseModel):
                        self._share(item)


_PLANS: dict[type[BaseModel], tuple[tuple[str, ...], tuple[str, ...]]] = {}


def _plan(cls: type[BaseModel]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The fields of ``cls`` that can hold text, and those that can hold models (or lists of
    them): the only ones the Compactor looks at, so it skips dates, numbers, flags and ids."""
    plan = _PLANS.get(cls)
    if plan is None:
        kinds = {name: _kinds(info.annotation) for name, info in cls.model_fields.items()}
        plan = _PLANS[cls] = (
            tuple(name for name, kind in kinds.items() if str in kind and name != "id"),  # ids are unique
            tuple(name for name, kind in kinds.items() if BaseModel in kind),
        )
    return plan


def _kinds(annotation: Any) -> set[type]:
    """Which of str and BaseModel a value of this annotation can be (inside unions and lists)."""
    origin = get_origin(annotation)
    if origin is Literal:
        return {str} if any(type(arg) is str for arg in get_args(annotation)) else set()
    if origin in (Union, UnionType, list, Annotated):
        return set().union(*(_kinds(arg) for arg in get_args(annotation)))
    if annotation is str:
        return {str}
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return {BaseModel}
    return set()


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
