"""`serve`: the HTTP API and the web UI over a store, its token and its listening socket."""

from __future__ import annotations

import errno

import click

from kronika.cli.group import main
from kronika.cli.options import (
    db_option,
)
from kronika.cli.output import fail
from kronika.errors import KronikaError

TOKEN_VARIABLE = "KRONIKA_TOKEN"  # serve's token from the environment, out of sight of ps


@main.command()
@db_option
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on (loopback only by default; 0.0.0.0 exposes the server to the network).",
)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option(
    "--token",
    envvar=TOKEN_VARIABLE,
    help="Enables POST /api/analyze for clients sending "
    f"'Authorization: Bearer TOKEN'; better set as {TOKEN_VARIABLE}, since a command line is visible to "
    "every user in ps (the option wins when both are given); without it the server is read-only.",
)
@click.option(
    "--cors-origin",
    "cors_origins",
    multiple=True,
    help="Let pages of this origin call the API from a browser (repeatable); CORS is off without it.",
)
@click.option(
    "--max-body",
    default=1_000_000,
    show_default=True,
    type=click.IntRange(1, 100_000_000),
    help="Largest request body in bytes (413 above it).",
)
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Server processes sharing the port (one Python process uses about one core).",
)
@click.option(
    "--cache",
    "cache_size",
    default=256,
    show_default=True,
    type=click.IntRange(0),
    help="GET responses kept in memory per process until the store changes (0: none).",
)
@click.option(
    "--serial",
    default=50,
    show_default=True,
    type=click.IntRange(0, 60_000),
    metavar="MS",
    help="A process's requests take the store one at a time in the order they came; one that has run MS "
    "milliseconds lets the next start beside it (0: side by side, up to 8).",
)
@click.pass_context
def serve(ctx, db, host, port, token, cors_origins, max_body, workers, cache_size, serial) -> None:
    """Serve the HTTP API (/api/..., schema at /docs) and the web UI (/) over a store, read-only.

    Example: kronika serve --db kronika.db --port 8000 --workers 2
    """
    import uvicorn

    from kronika.api import create_app

    token = serve_token(ctx)
    settings = {
        "db_path": db,
        "token": token,
        "cors_origins": list(cors_origins),
        "max_body_bytes": max_body,
        "cache_size": cache_size,
        "serial": serial / 1000 if serial else None,
    }
    try:
        app = create_app(**settings)  # also checks the store and the options before any worker starts
    except KronikaError as error:
        fail(error)
    # The port is taken here, before saying "serving": one line naming it when it is in use, not uvicorn's
    # traceback after the announcement.
    listener = _listen(host, port)
    port = listener.getsockname()[1]  # the one the system chose for --port 0
    analyze = "enabled" if token else f"disabled (no {TOKEN_VARIABLE} or --token)"
    click.echo(
        f"kronika: serving {db} on http://{host}:{port}/ (API schema at /docs) with {workers} "
        f"process(es); POST /api/analyze is {analyze}",
        err=True,
    )
    if workers == 1:
        uvicorn.Server(uvicorn.Config(app, log_level="warning")).run(sockets=[listener])
        return
    import json
    import os

    from kronika.api.app import SETTINGS_VARIABLE
    from kronika.api.balance import run_workers

    app.state.pool.close()  # the workers open their own connections
    os.environ[SETTINGS_VARIABLE] = json.dumps(settings)
    config = uvicorn.Config(
        "kronika.api.app:app_from_environment", factory=True, workers=workers, host=host, port=port, log_level="warning"
    )
    listener.set_inheritable(True)
    run_workers(config, listener)  # each new connection to the worker holding the fewest


def serve_token(ctx: click.Context) -> str | None:
    """The token of `serve`: --token, else the environment's KRONIKA_TOKEN (click resolves both). A token
    typed on the command line gets one note, since any user of the machine can read it in ps."""
    from click.core import ParameterSource

    if ctx.get_parameter_source("token") is ParameterSource.COMMANDLINE:
        click.echo(f"kronika: note: --token is visible to every user in ps; set {TOKEN_VARIABLE} instead", err=True)
    return ctx.params["token"] or None


def _listen(host: str, port: int):
    """A bound TCP socket, or one E605 line naming the address and why (a port in use, an address not here)."""
    import socket

    # Made here rather than by uvicorn: asyncio sets TCP_NODELAY only on sockets that say IPPROTO_TCP, and
    # without it every response sent in two writes waited 40 ms for a delayed ACK.
    listener = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listener.bind((host, port))
    except (OSError, UnicodeError) as error:  # a port in use, an address not of this machine or unknown
        listener.close()
        reason = getattr(error, "strerror", None) or error
        hint = "; stop what uses it or give another --port" if getattr(error, "errno", None) == errno.EADDRINUSE else ""
        fail(KronikaError("E605", f"cannot listen on {host}:{port} ({reason}){hint}"))
    return listener
