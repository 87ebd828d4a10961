"""The HTTP API and the web UI over one store: ``create_app(db_path)`` returns the FastAPI application.

>>> from kronika.api import create_app
>>> app = create_app("kronika.db", token="s3cret")   # uvicorn.run(app, host="127.0.0.1", port=8000)

The application is imported on first use (PEP 562): a ``serve --workers`` process imports
``kronika.api.balance`` before it answers its supervisor's health checks, which then arrive while FastAPI
and the store load (seconds on a loaded machine: uvicorn kills a worker silent for 5 s).
"""

__all__ = ["DEFAULT_MAX_BODY", "create_app"]


def __getattr__(name: str):
    if name in __all__:
        from kronika.api import app

        return getattr(app, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
