"""`coplan serve`: coplan in a web browser, through textual-serve (the `coplan[web]` extra).

Each browser tab runs its own coplan process on the same database, so two tabs (or a
partner's browser through an SSH tunnel) work like two coplan windows in two terminals.

Anyone who can reach the port can read and change the database, so it listens on the
loopback interface by default; any other address needs a token that the URL must carry
(``/?token=...``). The page's own websocket then proves it with a cookie set for that tab.
"""

from __future__ import annotations

import argparse
import ipaddress
import os
import secrets
import shlex
import sys

from . import add_db_option

TOKEN_ENV = "COPLAN_SERVE_TOKEN"
COOKIE = "coplan_token"


class ServeRefused(Exception):
    """Serving as asked would expose the database; the message says what to do instead."""


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("serve", help="run coplan in a web browser (needs the coplan[web] extra)")
    add_db_option(p)
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument(
        "--token",
        default=os.environ.get(TOKEN_ENV) or None,
        help=f"a secret every URL must carry as ?token=...; required for any host but localhost (or ${TOKEN_ENV})",
    )
    p.add_argument("--public-url", help="the address browsers use, when it differs from http://HOST:PORT")
    p.set_defaults(func=run)


def is_local(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_exposure(host: str, token: str | None) -> None:
    """Refuse an address other machines can reach unless a token guards it."""
    if is_local(host) or token:
        return
    raise ServeRefused(
        f"--host {host} can be reached from other machines, and coplan serve gives whoever connects your "
        "whole database. Either keep the default (127.0.0.1) and let your partner in through an SSH tunnel "
        "(see the README), or add a secret: --token $(python3 -c 'import secrets; print(secrets.token_urlsafe())') "
        "and open http://HOST:PORT/?token=THAT-SECRET"
    )


def app_command(db: str | None) -> str:
    """The shell command each browser tab runs: this Python, this coplan, the same database."""
    parts = [sys.executable, "-m", "coplan_tui"]
    if db:
        parts += ["--db", os.path.abspath(os.path.expanduser(db))]
    return " ".join(shlex.quote(p) for p in parts) + " open"


def build_server(args: argparse.Namespace):
    from aiohttp import web
    from textual_serve.server import Server

    token = args.token

    class CoplanServer(Server):
        async def _make_app(self) -> web.Application:
            app = await super()._make_app()
            if token:
                app.middlewares.append(require_token)
            return app

    @web.middleware
    async def require_token(request: web.Request, handler):
        if request.path.startswith("/static/"):
            return await handler(request)  # the page's scripts and fonts: nothing private
        given = request.query.get("token") or request.cookies.get(COOKIE, "")
        if not secrets.compare_digest(given.encode(), token.encode()):
            return web.Response(status=403, text="coplan: this address needs the token: open /?token=... as you were given it.\n")
        response = await handler(request)
        if request.query.get("token") and isinstance(response, web.Response):
            response.set_cookie(COOKIE, token, httponly=True, samesite="Strict")
        return response

    return CoplanServer(
        app_command(getattr(args, "db", None)),
        host=args.host,
        port=args.port,
        title="coplan",
        public_url=args.public_url,
    )


def run(args: argparse.Namespace) -> int:
    try:
        check_exposure(args.host, args.token)
    except ServeRefused as e:
        print(f"coplan serve: {e}", file=sys.stderr)
        return 2
    try:
        server = build_server(args)
    except ImportError:
        print(
            "coplan serve: textual-serve is not installed. Install the web extra: pip install 'coplan[web]' "
            "(from a clone: .venv/bin/pip install '.[web]')",
            file=sys.stderr,
        )
        return 1
    url = server.public_url + (f"/?token={args.token}" if args.token else "")
    print(f"coplan: open {url} in a browser; every tab is one coplan window. Ctrl+C stops.", flush=True)
    server.serve()
    return 0
