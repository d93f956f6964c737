"""`coplan todos` (list, fast, no UI) and `coplan todo add|done|reopen`."""

from __future__ import annotations

import argparse
import sys

from ..domain.safe_text import printable
from . import add_db_option
from .todo_filters import add_filter_options

FORMATS = ("table", "json", "csv", "md")


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "todos",
        help="list to-dos: filter by partnership, owner, status and deadline",
        description="List to-dos, soonest deadline first (overdue on top). Open ones unless --done or --all.",
    )
    add_db_option(p)
    add_filter_options(p)
    p.add_argument("--format", choices=FORMATS, default="table", help="table (default; fits the terminal), json, csv or md")
    p.set_defaults(func=run_list, fast_exit=True)

    t = subparsers.add_parser("todo", help="add a to-do, or mark one done (todo add|done|reopen)")
    actions = t.add_subparsers(title="actions", metavar="ACTION", required=True)
    accepted = "Dates: YYYY-MM-DD, today, tomorrow, a weekday (the next one), +3d, +2w."
    add = actions.add_parser("add", help="add a to-do", description="Add a to-do. " + accepted)
    add_db_option(add)
    add.add_argument("title", metavar="TITLE")
    add.add_argument("--owner", metavar="NAME|ROLE", default=None, help="who does it: a name or role (CT, TC...), me, or both; by default the standing role the title names, else both")
    add.add_argument("--due", metavar="DATE", help="when it must be ready")
    add.add_argument("--feedback-by", metavar="DATE", help="when a draft is due for the partner's feedback")
    add.add_argument("--partnership", metavar="NAME", help="which partnership (needed when there are several)")
    add.add_argument("--notes", default="", help="details")
    add.set_defaults(func=run_add)
    for name, verb in (("done", "mark to-dos done"), ("reopen", "mark done to-dos open again")):
        a = actions.add_parser(name, help=verb, description=f"{verb.capitalize()}, by id or its first characters (see `coplan todos`).")
        add_db_option(a)
        a.add_argument("ids", nargs="+", metavar="ID-PREFIX")
        a.set_defaults(func=run_mark, reopen=name == "reopen")


def _today():
    from .todo_filters import today

    return today()


def run_list(args: argparse.Namespace) -> int:
    import gc

    # Parsing 10,000 to-dos makes hundreds of thousands of objects and no cycles: the
    # cyclic collector would only slow this short read-only run down (by ~20 ms).
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _list(args)
    finally:
        if enabled:
            gc.enable()


def _list(args: argparse.Namespace) -> int:
    from ..paths import default_db
    from ..store.raw import read_tables
    from .todo_filters import UnknownName, select_rows

    path = default_db(getattr(args, "db", None))
    data = read_tables(path)
    day = _today()
    try:
        rows = select_rows(args, data, day)
    except UnknownName as e:
        print(printable(f"coplan todos: {e}"), file=sys.stderr)
        return 2
    if args.format == "table":
        import os
        import shutil

        from ..export.table import render_table

        tty = sys.stdout.isatty()
        width = shutil.get_terminal_size().columns if tty else None
        text = render_table(rows, day, width=width, color=tty and not os.environ.get("NO_COLOR"))
    else:
        from ..export.records import render_records

        text = render_records(rows, args.format, day)
    return _write_stdout(text)  # each renderer guards user text itself (the table adds its own colours)


def _write_stdout(text: str) -> int:
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:  # `coplan todos | head`: the reader has what it wanted
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0


def pick_partnership(store, name: str | None):
    """The partnership ``name`` means, or the only one. Raises DomainError listing them."""
    from ..domain.errors import DomainError
    from ..domain.models import Partnership
    from ..domain.todo_rows import UnknownName, team_of, teams_named

    partnerships = store.all(Partnership)
    if not partnerships:
        raise DomainError("there are no partnerships yet; open the app (`coplan`) to set one up, or try `coplan demo`")
    if name:
        try:
            ids = teams_named([team_of(p) for p in partnerships], name)
        except UnknownName as e:
            raise DomainError(str(e)) from None
        if len(ids) > 1:
            names = "; ".join(sorted(p.display_name for p in partnerships if p.id in ids))
            raise DomainError(f"{name!r} matches several partnerships ({names}); give more of the name")
        return next(p for p in partnerships if p.id in ids)
    if len(partnerships) > 1:
        names = "; ".join(sorted(p.display_name for p in partnerships))
        raise DomainError(f"there are {len(partnerships)} partnerships; say which with --partnership NAME ({names})")
    return partnerships[0]


def pick_owner(partnership, text: str) -> str:
    from ..domain.errors import DomainError
    from ..domain.todo_rows import team_of

    from ..domain.todo_rows import UnknownName
    from ..identity import as_me

    team = team_of(partnership)
    try:
        text = as_me(text)
    except UnknownName as e:
        raise DomainError(str(e)) from None
    owner = team.resolve(text)
    if owner is None:
        names = ", ".join(f"{m.name} ({m.label})" for m in team.members)
        raise DomainError(f"nobody in {partnership.display_name} is called {text.strip()!r}; use {names}, or both")
    return owner


def run_add(args: argparse.Namespace) -> int:
    from ..domain.dates import parse_date
    from ..domain.errors import DomainError
    from ..domain.roles import default_owner
    from ..domain.todo_changes import new_todo
    from ..domain.todo_rows import short_day, team_of
    from ..paths import default_db
    from ..store import Store

    store = Store(default_db(getattr(args, "db", None)), create=False, lazy=True)
    now = store.clock()
    day = _today()
    try:
        partnership = pick_partnership(store, args.partnership)
        owner = pick_owner(partnership, args.owner) if args.owner is not None else default_owner(partnership, args.title)
        due = parse_date(args.due, day) if args.due else None
        feedback_by = parse_date(args.feedback_by, day) if args.feedback_by else None
        todo = new_todo(partnership, args.title, now, owner=owner, feedback_by=feedback_by, due=due, notes=args.notes)
    except DomainError as e:
        print(printable(f"coplan todo add: {e}"), file=sys.stderr)
        return 2
    store.put(todo)
    when = "".join(
        f", {what} {short_day(d)}" for what, d in (("feedback by", todo.feedback_by), ("due", todo.due)) if d
    )
    label = team_of(partnership).label(owner)
    print(printable(f"Added {todo.id[:8]} {todo.title!r} for {label}{when} ({partnership.display_name})."))
    return 0


def run_mark(args: argparse.Namespace) -> int:
    from ..domain.models import Todo
    from ..domain.todo_changes import mark_done, reopen
    from ..paths import default_db
    from ..store import Store

    store = Store(default_db(getattr(args, "db", None)), create=False, lazy=True)
    now = store.clock()
    todos = [store.find(Todo, prefix) for prefix in args.ids]  # NotFound stops before any write
    changed = [(reopen if args.reopen else mark_done)(t, now) for t in todos if t.is_open != args.reopen]
    if changed:
        store.put(*changed)
    state = "open" if args.reopen else "done"
    for t in todos:
        already = f" (it was already {state})" if t.is_open == args.reopen else ""
        print(printable(f"{'Reopened' if args.reopen else 'Done'}: {t.id[:8]} {t.title!r}{already}"))
    return 0
