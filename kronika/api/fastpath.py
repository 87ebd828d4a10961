"""The API's read routes answered without FastAPI's per-request machinery, the same response either way.

FastAPI spends about 0.9 ms of CPU on every request before and after the route's own work (matching the path
through every route, solving the dependency tree, validating each parameter through pydantic, the exception
and exit-stack middlewares): on a page the store answers in 0.2 ms that is most of the server's time, and
the server's time per request is what sets the tail under many clients. ``FastRoutes`` reads each route's
own declaration once (its FastAPI ``Dependant``: the query and path parameters with their types and
bounds, the dependencies) and then answers a GET whose parameters are all plainly valid by calling the same
dependency functions and the same route function with the same values, in a worker thread as FastAPI does,
and sending the Response the route returns: the same status, headers and bytes.

Anything else goes to FastAPI untouched: a route whose declaration holds what this reader does not know
(headers, bodies, a response model, a dependency other than a plain async function or the store), a
parameter that is missing, repeated, empty, too long or out of bounds (FastAPI's 422 with its message).
A route that raises an error the app has a handler for (a 404, a bad filter value's 400, a damaged store's
503) is answered by that handler, as FastAPI's exception middleware would; any other error is left to
FastAPI, which runs the request again from the start (reads change nothing).
"""

from __future__ import annotations

import inspect
import re
import typing
from dataclasses import dataclass, field
from functools import cached_property
from urllib.parse import parse_qsl

from annotated_types import Ge, Le, MaxLen, MinLen
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute
from pydantic_core import PydanticUndefined
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from kronika.api.deps import get_store
from kronika.errors import KronikaError

_DIGITS = re.compile(r"[0-9]{1,18}")


class Unsupported(Exception):
    """A declaration or a request this reader leaves to FastAPI."""


@dataclass(frozen=True)
class Param:
    name: str  # the function's argument
    alias: str  # the query key
    kind: type  # str, int or list
    default: object  # PydanticUndefined: required
    bounds: tuple = ()  # annotated_types constraints

    def read(self, query: dict[str, list[str]]):
        values = query.get(self.alias)
        if self.kind is list:
            if values is not None and not all(values):
                raise Unsupported(self.alias)
            return list(values or ())
        if values is None:
            if self.default is PydanticUndefined:
                raise Unsupported(self.alias)
            return self.default
        if len(values) != 1 or not values[0]:
            raise Unsupported(self.alias)
        return self.check(self.convert(values[0]))

    def convert(self, value: str):
        if self.kind is int:
            if not _DIGITS.fullmatch(value):
                raise Unsupported(self.alias)
            return int(value)
        return value

    def check(self, value):
        for bound in self.bounds:
            if (
                (isinstance(bound, MaxLen) and len(value) > bound.max_length)
                or (isinstance(bound, MinLen) and len(value) < bound.min_length)
                or (isinstance(bound, Ge) and value < bound.ge)
                or (isinstance(bound, Le) and value > bound.le)
            ):
                raise Unsupported(self.alias)
        return value


@dataclass
class Call:
    """One function of a route's dependency tree, with what it takes."""

    function: typing.Callable
    query: list[Param] = field(default_factory=list)
    path: list[str] = field(default_factory=list)
    calls: dict[str, Call] = field(default_factory=dict)  # argument: the dependency giving it
    request: str | None = None  # the argument that takes the Request
    store: str | None = None  # the argument that takes the request's store connection
    threaded: bool = False  # a sync function: run in a worker thread, as FastAPI does

    async def run(self, values: dict, query: dict, request: Request, store) -> object:
        arguments = await self.arguments(values, query, request, store)
        if self.threaded:
            return await run_in_threadpool(self.function, **arguments)
        return await self.function(**arguments)

    async def arguments(self, values: dict, query: dict, request: Request, store=None) -> dict:
        """The function's arguments (the store's only when ``store`` is given)."""
        arguments = {param.name: param.read(query) for param in self.query}
        arguments.update({name: values[name] for name in self.path})
        for name, call in self.calls.items():
            arguments[name] = await call.run(values, query, request, store)
        if self.request:
            arguments[self.request] = request
        if self.store and store is not None:
            arguments[self.store] = store
        return arguments

    @cached_property
    def serial(self) -> bool:
        """Whether the store goes to this route function alone (``kronika.api.serial`` can run it): fixed for a
        route, so worked out once rather than on every request."""
        return bool(self.threaded and self.store) and not any(_takes_store(call) for call in self.calls.values())


def _takes_store(call: Call) -> bool:
    return bool(call.store) or any(_takes_store(sub) for sub in call.calls.values())


_KINDS = {str: str, str | None: str, int: int, list[str]: list}
_EMPTY = ("header_params", "cookie_params", "body_params")
_NAMED = ("http_connection_param_name", "websocket_param_name", "response_param_name")
_NAMED += ("background_tasks_param_name", "security_scopes_param_name")


def plan(dependant: Dependant, *, top: bool = True) -> Call:
    """The Call of a route's dependant (``top``) or of one of its dependencies; Unsupported when it holds
    anything beyond plain query and path parameters, the Request, the store and async dependencies."""
    if any(getattr(dependant, name) for name in _EMPTY) or any(getattr(dependant, name, None) for name in _NAMED):
        raise Unsupported("headers, cookies, bodies or special arguments")
    call = Call(dependant.call, request=dependant.request_param_name)
    if top:
        call.threaded = not inspect.iscoroutinefunction(dependant.call)
    elif not inspect.iscoroutinefunction(dependant.call) or inspect.isasyncgenfunction(dependant.call):
        raise Unsupported("a dependency that is not a plain async function")
    for model in dependant.query_params:
        info = model.field_info
        kind = _KINDS.get(info.annotation)
        if kind is None or any(not isinstance(b, (Ge, Le, MaxLen, MinLen)) for b in info.metadata):
            raise Unsupported(f"query parameter {model.name}")
        call.query.append(Param(model.name, model.alias, kind, info.default, tuple(info.metadata)))
    for model in dependant.path_params:
        if model.field_info.annotation is not str or model.field_info.metadata:
            raise Unsupported(f"path parameter {model.name}")
        call.path.append(model.name)
    for sub in dependant.dependencies:
        if sub.call is get_store:
            if call.store or sub.query_params or sub.dependencies:
                raise Unsupported("the store twice")
            call.store = sub.name
        else:
            call.calls[sub.name] = plan(sub, top=False)
    return call


class FastRoutes:
    """ASGI middleware in front of FastAPI's routing: a GET of a route ``plan`` reads, with plainly valid
    parameters, answered by the route's own functions (module docstring); everything else passed on."""

    def __init__(self, app, routers: typing.Sequence, pool, handlers: dict, enabled: bool = True, runner=None):
        self.app = app
        self.pool = pool
        self.runner = runner  # a SerialRunner (``serve --serial``): the routes that take the store run there
        self.handlers = handlers  # the app's exception handlers by class (async functions)
        self.routes: list[tuple[APIRoute, Call | None]] = []
        if enabled:
            for router in routers:
                for route in router.routes:
                    if isinstance(route, APIRoute):
                        self.routes.append((route, _plan_of(route)))

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] != "GET" or not self.routes:
            return await self.app(scope, receive, send)
        found = self._match(scope["path"])
        if found is None:
            return await self.app(scope, receive, send)
        call, values = found
        response = await self._answer(call, values, scope, receive)
        if response is None:
            return await self.app(scope, receive, send)
        await response(scope, receive, send)

    def _match(self, path: str) -> tuple[Call, dict] | None:
        """The Call of the first route whose path matches, as FastAPI's routing takes the first; None when
        that route is not planned (or none matches: FastAPI's 404)."""
        for route, call in self.routes:
            matched = route.path_regex.match(path)
            if matched is not None and "GET" in route.methods:
                return (call, matched.groupdict()) if call is not None else None
        return None

    async def _answer(self, call: Call, values: dict, scope, receive) -> Response | None:
        query: dict[str, list[str]] = {}
        for key, value in parse_qsl(scope["query_string"].decode("latin-1"), keep_blank_values=True):
            query.setdefault(key, []).append(value)  # Starlette's own reading of the query string
        request = Request(scope, receive)
        if self.runner is not None and call.serial:
            try:
                arguments = await call.arguments(values, query, request)
                response = await self.runner.run(call.function, arguments, call.store)
            except Exception as error:  # noqa: BLE001 - answered by the app's handler, or by FastAPI
                return await self._answer_error(request, error)
            return response if isinstance(response, Response) else None
        try:
            store = await self.pool.acquire()  # (opening a connection to a damaged file fails here)
        except KronikaError as error:
            return await self._answer_error(request, error)
        failed = False
        try:
            response = await call.run(values, query, request, store)
        except Exception as error:  # noqa: BLE001 - answered by the app's handler, or by FastAPI
            failed = isinstance(error, KronikaError) and error.code == "E502"
            return await self._answer_error(request, error)
        finally:
            self.pool.release(store, failed=failed)
        return response if isinstance(response, Response) else None

    async def _answer_error(self, request: Request, error: Exception) -> Response | None:
        handler = self._handler(error)
        return None if handler is None else await handler(request, error)

    def _handler(self, error: Exception):
        """The app's handler of this error (a 404, a store error), looked up by class as Starlette does;
        None for any other (FastAPI then answers the request from the start)."""
        if isinstance(error, Unsupported):
            return None
        for kind in type(error).__mro__:
            if kind in self.handlers:
                return self.handlers[kind]
        return None


def _plan_of(route: APIRoute) -> Call | None:
    if route.response_model is not None or route.dependencies or not route.path.startswith("/api/"):
        return None
    try:
        return plan(route.dependant)
    except Unsupported:
        return None
