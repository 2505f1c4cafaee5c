"""Schemathesis against the OpenAPI document, in process (ASGI): requests generated from the
schema for every operation, sent with a coordinator's read/write token, never get a server
error, and every error is a problem+json document. Examples are bounded (`MAX_EXAMPLES` per
operation) so the run stays well under two minutes. (The schemathesis pytest plugin does not
run under pytest 9 yet, so the operations are driven with Hypothesis directly.)"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from tests.web.conftest import make_app
from tests.web.web_registry import fill, read_token

from intersector.store import open_store

MAX_EXAMPLES = 20


@pytest.fixture(scope="module")
def web_app(tmp_path_factory: pytest.TempPathFactory) -> Any:
    store = open_store(f"sqlite:///{Path(tmp_path_factory.mktemp('schema')) / 'api.db'}")
    fill(store)
    app = make_app(store)
    app.state.token = read_token(store, "cora", ("read", "write"))
    return app


def _check(case: schemathesis.Case, token: str, failures: list[str]) -> None:
    response = case.call(headers={"Authorization": f"Bearer {token}"})
    where = f"{case.method} {case.formatted_path} -> {response.status_code}"
    if response.status_code >= 500:
        failures.append(f"{where}: {response.text[:300]}")
    elif response.status_code >= 400:
        content_type = response.headers.get("content-type", [""])[0]
        if not content_type.startswith("application/problem+json"):
            failures.append(f"{where}: not a problem document ({content_type})")


def test_no_server_error_on_any_operation(web_app: Any) -> None:
    schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", web_app)
    failures: list[str] = []
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) > 40
    for operation in operations:

        @settings(
            max_examples=MAX_EXAMPLES,
            deadline=None,
            derandomize=True,
            suppress_health_check=list(HealthCheck),
            database=None,
        )
        @given(case=operation.as_strategy())
        def run(case: schemathesis.Case) -> None:
            _check(case, web_app.state.token, failures)

        run()
    assert not failures, "\n".join(sorted(set(failures))[:20])
