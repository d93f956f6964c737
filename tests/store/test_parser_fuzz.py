"""A fuzzer over the file parser and validation: whatever the bytes, the only error that
escapes is the unreadable-file error (a message naming the file and the backups)."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coplan_tui.store.raw import parse_file
from coplan_tui.store.schema import SchemaProblem
from coplan_tui.store.store import Store, validate_documents
from coplan_tui.store.errors import UnreadableFile

META = {"_meta": {"1": {"app": "coplan", "schema_version": 1}}}
TABLES = ("partnerships", "templates", "sessions", "todos", "plans", "settings", "_meta", "other")

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)
documents = st.dictionaries(
    st.sampled_from(["id", "title", "name", "members", "partnership_id", "created_at", "updated_at", "value", "app", "schema_version", "steps", "template", "day"]),
    json_values,
    max_size=6,
)
databases = st.dictionaries(
    st.sampled_from(TABLES),
    st.dictionaries(st.text(max_size=4), documents, max_size=3) | json_values,
    max_size=5,
).map(lambda tables: {**META, **tables} if "_meta" not in tables else tables)


def _check(raw: bytes, tmp_path) -> None:
    try:
        validate_documents(parse_file(raw))
    except SchemaProblem:
        pass
    path = tmp_path / "fuzz.json"
    path.write_bytes(raw)
    try:
        Store(path, create=False)
    except UnreadableFile:
        pass
    assert path.read_bytes() == raw  # opening never rewrites what it read


FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@FUZZ
@given(raw=st.binary(max_size=200))
def test_random_bytes(raw, tmp_path):
    _check(raw, tmp_path)


@FUZZ
@given(data=databases)
def test_database_shaped_json(data, tmp_path):
    _check(json.dumps(data).encode(), tmp_path)


@FUZZ
@given(data=databases, cut=st.integers(min_value=0, max_value=400), junk=st.binary(max_size=3))
def test_damaged_json(data, cut, junk, tmp_path):
    raw = json.dumps(data).encode()
    _check(raw[:cut] + junk + raw[cut:], tmp_path)


def test_deep_nesting_is_unreadable_not_a_crash(tmp_path):
    _check(b'{"_meta":{"1":{"app":"coplan","schema_version":1}},"x":' + b"[" * 100_000 + b"]" * 100_000 + b"}", tmp_path)
