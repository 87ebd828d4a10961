"""The HTTP API and the web UI over one store: ``create_app(db_path)`` returns the FastAPI application.

>>> from kronika.api import create_app
>>> app = create_app("kronika.db", token="s3cret")   # uvicorn.run(app, host="127.0.0.1", port=8000)
"""

from kronika.api.app import DEFAULT_MAX_BODY, create_app

__all__ = ["DEFAULT_MAX_BODY", "create_app"]
