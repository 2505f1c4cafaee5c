"""The bundled sample corpus (data/sample/registry/) loaded once into a SQLite file: what the tests
of every door (CLI, API, pages) ask the same questions of."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from fastapi import FastAPI

from intersector import services
from intersector.settings import Settings
from intersector.web.app import create_app

SAMPLE = Path(__file__).parent.parent / "data" / "sample" / "registry"
TODAY = date(2025, 6, 1)  # the day every door judges dates by in these tests


def load_sample(folder: Path) -> str:
    """A SQLite database under `folder` holding the sample registry; its URL."""
    url = f"sqlite:///{folder / 'sample.db'}"
    result, _ = services.load_registry(Settings(database_url=url), [SAMPLE])
    assert result.errors == []
    return url


def sample_app(url: str) -> FastAPI:
    """The web application on the sample database, anonymous reading allowed, judging by TODAY."""
    settings = Settings(database_url=url, secret_key="test-key", anonymous_read=True)
    app = create_app(settings, services.open_registry(settings))
    app.state.ctx.today = lambda: TODAY
    return app
