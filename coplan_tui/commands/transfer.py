"""`coplan import FILE` (to-dos from JSON or CSV) and `coplan export session|plan|todos`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ..domain.safe_text import printable
from . import add_db_option
from .todo_filters import add_filter_options


def register(subparsers: argparse._SubParsersAction) -> None:
    imp = subparsers.add_parser(
        "import",
        help="import to-dos from a .json or .csv file (the shape `coplan todos --format json|csv` writes)",
        description=(
            "Import to-dos. Every row is checked first; if any is invalid nothing is written, "
            "unless --skip-invalid. A row whose id is already in the database updates that to-do."
        ),
    )
    add_db_option(imp)
    imp.add_argument("file", metavar="FILE", help="a .json list of objects, or a .csv with a header row of field names")
    imp.add_argument("--partnership", metavar="NAME", help="the partnership for rows that do not name one")
    imp.add_argument("--skip-invalid", action="store_true", help="import the valid rows even if some are rejected")
    imp.add_argument("--dry-run", action="store_true", help="check every row and report, but write nothing")
    imp.set_defaults(func=run_import)

    exp = subparsers.add_parser("export", help="write session minutes, a lesson plan, or to-dos (ics/csv/md/json)")
    kinds = exp.add_subparsers(title="what to export", metavar="KIND", required=True)
    for kind, what in (("session", "a session's minutes"), ("plan", "a lesson plan")):
        k = kinds.add_parser(kind, help=f"{what} as Markdown")
        add_db_option(k)
        k.add_argument("id", metavar="ID", help="its id or the first characters of it")
        k.add_argument("--format", choices=("md",), default="md")
        _output_options(k)
        k.set_defaults(func=run_export, kind=kind)
    t = kinds.add_parser("todos", help="to-dos as ics (calendar), csv, md or json", description="Export to-dos. All of them unless filtered.")
    add_db_option(t)
    add_filter_options(t, default_status="all")
    t.add_argument("--format", choices=("ics", "csv", "md", "json"), required=True)
    _output_options(t)
    t.set_defaults(func=run_export, kind="todos")


def _output_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE (mode 0600) instead of standard output; an existing FILE is refused")
    p.add_argument("--force", action="store_true", help="with -o: replace FILE if it exists")


# --- import ----------------------------------------------------------------------------


class BadFile(Exception):
    pass


def read_records(path: Path) -> tuple[list[tuple[str, Any]], list[str]]:
    """(where, record) pairs and the field names the file uses. Raises BadFile."""
    suffix = path.suffix.lower()
    if suffix not in (".json", ".csv"):
        raise BadFile(f"{path.name}: use a .json or .csv file")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise BadFile(f"there is no file {path}") from None
    except UnicodeDecodeError:
        raise BadFile(f"{path} is not UTF-8 text; save it from the spreadsheet as CSV UTF-8") from None
    except OSError as e:
        raise BadFile(f"{path} cannot be read ({e.strerror})") from None
    return _read_json(text, path) if suffix == ".json" else _read_csv(text, path)


def _read_json(text: str, path: Path) -> tuple[list[tuple[str, Any]], list[str]]:
    """Items of a JSON list, each with the line it starts on."""
    import json

    decoder = json.JSONDecoder()
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise BadFile(f"{path} is not valid JSON (line {e.lineno}, column {e.colno}: {e.msg})") from None
    if not isinstance(data, list):
        raise BadFile(f"{path} must hold a JSON list of to-do objects, as `coplan todos --format json` writes")
    records, pos = [], text.index("[") + 1
    for _ in data:
        while text[pos] in " \t\r\n,":
            pos += 1
        item, end = decoder.raw_decode(text, pos)
        records.append((f"line {text.count(chr(10), 0, pos) + 1}", item))
        pos = end
    names = sorted({k for _, r in records if isinstance(r, dict) for k in r})
    return records, names


def _read_csv(text: str, path: Path) -> tuple[list[tuple[str, Any]], list[str]]:
    import csv
    import io

    from ..export.records import plain_cell

    first = text.split("\n", 1)[0]
    # Spreadsheets in many locales save CSV with semicolons (or tabs): take the header's.
    delimiter = max(",;\t", key=first.count) if first else ","
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    names = [n.strip() for n in (reader.fieldnames or [])]
    if "title" not in names:
        raise BadFile(f"{path} needs a header row with at least a title column (fields: see `coplan import --help` or the README)")
    reader.fieldnames = names
    records = []
    start = 2
    for row in reader:
        if any((v or "").strip() for k, v in row.items() if k is not None):
            if None in row:
                records.append((f"line {start}", "it has more cells than the header"))
            else:  # undo the export's formula guard, so an export imports back as it was
                records.append((f"line {start}", {k: plain_cell(v) if isinstance(v, str) else v for k, v in row.items()}))
        start = reader.line_num + 1
    return records, names


def run_import(args: argparse.Namespace) -> int:
    from ..domain.errors import DomainError
    from ..domain.models import LessonPlan, Partnership, Session, Todo
    from ..domain.todo_import import Importer, unknown_fields
    from ..paths import default_db
    from ..store import Store
    from .todo_filters import today
    from .todos import pick_partnership

    try:
        records, names = read_records(Path(args.file).expanduser())
    except BadFile as e:
        print(f"coplan import: {e}", file=sys.stderr)
        return 2
    store = Store(default_db(getattr(args, "db", None)), create=False, lazy=True)
    try:
        default = pick_partnership(store, args.partnership) if args.partnership else None
    except DomainError as e:
        print(printable(f"coplan import: {e}"), file=sys.stderr)
        return 2
    links = {s.id for s in store.all(Session)} | {p.id for p in store.all(LessonPlan)}
    existing = {t.id: t for t in store.all(Todo)}
    importer = Importer(store.all(Partnership), existing, links, today(), store.clock(), default)
    plan = importer.plan(records)
    write = plan.todos and (not plan.rejected or args.skip_invalid) and not args.dry_run
    if write:
        store.commit(puts=plan.todos)
    n = len(plan.todos) if write else 0
    detail = f" ({n - plan.updated} new, {plan.updated} updated)" if write and plan.updated else ""
    if args.dry_run:
        print(f"Dry run: {len(plan.todos)} would be imported, {len(plan.rejected)} rejected. Nothing was written.")
    else:
        print(f"{n} imported{detail}, {len(plan.rejected)} rejected.")
    for r in plan.rejected:
        print(printable(f"  {r.where}: {r.reason}"))
    ignored = unknown_fields(names)
    if ignored:
        print(printable(f"Ignored unknown fields: {', '.join(ignored)}."))
    if args.dry_run:
        return 1 if plan.rejected else 0
    if plan.rejected and not args.skip_invalid:
        print(
            f"Nothing was written because {len(plan.rejected)} row(s) are invalid. Fix them, or run again with "
            f"--skip-invalid to import the {len(plan.todos)} valid row(s).",
            file=sys.stderr,
        )
        return 1
    return 0


# --- export ----------------------------------------------------------------------------


def run_export(args: argparse.Namespace) -> int:
    from ..domain.errors import DomainError
    from ..paths import default_db
    from ..store import StoreError

    path = default_db(getattr(args, "db", None))
    try:
        content, what = _EXPORTERS[args.kind](args, path)
    except (DomainError, StoreError) as e:
        print(printable(f"coplan export {args.kind}: {e}"), file=sys.stderr)
        return 2
    if not args.output or args.output == "-":
        sys.stdout.buffer.write(content)
        sys.stdout.flush()
        return 0
    from ..store.private_files import write_file

    try:
        written = write_file(Path(args.output), content, overwrite=args.force)
    except FileExistsError:
        print(f"coplan export: {args.output} exists; nothing was written. Choose another name, or add --force to replace it.", file=sys.stderr)
        return 1
    except OSError as e:
        print(f"coplan export: could not write {args.output}: {e.strerror or e}", file=sys.stderr)
        return 1
    print(printable(f"Exported {what} to {written}"))
    return 0


def _export_todos(args: argparse.Namespace, path: Path) -> tuple[bytes, str]:
    from datetime import datetime

    from ..domain.errors import DomainError
    from ..export.files import todos_bytes
    from ..store.raw import read_tables
    from .todo_filters import UnknownName, select_rows, today

    day = today()
    try:
        rows = select_rows(args, read_tables(path), day)
    except UnknownName as e:
        raise DomainError(str(e)) from None
    return todos_bytes(rows, args.format, day, datetime.now().astimezone()), f"{len(rows)} to-do{'s' * (len(rows) != 1)}"


def _with_partnership(path: Path, cls, prefix: str):
    """The store, the document whose id starts with ``prefix``, and its partnership."""
    from ..domain.errors import DomainError
    from ..domain.models import Partnership
    from ..store import Store

    store = Store(path, create=False, lazy=True)
    doc = store.find(cls, prefix)
    partnership = store.get(Partnership, doc.partnership_id)
    if partnership is None:
        raise DomainError(f"the {cls.__name__.lower()}'s partnership no longer exists")
    return store, doc, partnership


def _export_session(args: argparse.Namespace, path: Path) -> tuple[bytes, str]:
    from ..domain.models import LessonPlan, Session, Todo
    from ..export.minutes import minutes_markdown

    store, session, partnership = _with_partnership(path, Session, args.id)
    text = minutes_markdown(session, partnership, store.all(Todo), store.clock(), store.all(LessonPlan))
    return text.encode("utf-8"), f"the minutes of {session.day.isoformat()}"


def _export_plan(args: argparse.Namespace, path: Path) -> tuple[bytes, str]:
    from ..domain.errors import DomainError
    from ..domain.models import LessonPlan

    try:
        from ..export.plan_markdown import plan_to_markdown  # written with the lesson-plan screen
    except ModuleNotFoundError:
        raise DomainError("this coplan cannot write lesson plans yet") from None
    _, plan, partnership = _with_partnership(path, LessonPlan, args.id)
    return plan_to_markdown(plan, partnership).encode("utf-8"), f"the plan {plan.title!r}"


_EXPORTERS = {"todos": _export_todos, "session": _export_session, "plan": _export_plan}
