"""The web UI served by the API process: Jinja2 templates, server-drawn SVG charts, small static files.

``pages.install(app)`` adds the pages to a FastAPI app; ``highlight`` marks an article's findings in its
text; ``charts`` draws the relation and actor charts.
"""
