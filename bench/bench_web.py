"""Web load test on loopback (`python -m bench web`): requests per second and p50/p99 latency of
the joined-roadmap JSON (`/api/v1/joined-roadmaps/imt`) and of the dashboard page (`/`), with
the sample corpus and with 100k generated activities, on SQLite.

How: the registry is loaded into a SQLite file, a user with an API token is added, then
`intersector serve --workers 2` runs in a subprocess on 127.0.0.1 and `wrk` (Debian's package)
drives it with 50 concurrent connections for `DURATION` seconds per URL, after one warm-up request
(the first computation of a view is not what a reader waits for: the server keeps computed views
and recomputes them in the background, see `web/context.py`). Without `wrk`, an asyncio client
of httpx does the same (slower: its own CPU use competes with the server's on a small machine).
Target: p99 under 100 ms at 50 clients for the roadmap JSON.

`INTERSECTOR_BENCH_WEB_SIZES` ("sample,100000" by default), `INTERSECTOR_BENCH_WEB_SECONDS`
(10) and `INTERSECTOR_BENCH_WEB_WORKERS` (2; 4 was no better on 2 cores) change the runs.
"""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

from intersector import services
from intersector.store import open_store

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "sample" / "registry"
NAME = "web"
CLIENTS = 50
WORKERS = int(os.environ.get("INTERSECTOR_BENCH_WEB_WORKERS", "2"))
TARGET_P99_MS = 100.0
URLS = {"roadmap JSON": "/api/v1/joined-roadmaps/imt", "dashboard page": "/"}


def _sizes() -> list[str]:
    return [
        s.strip()
        for s in os.environ.get("INTERSECTOR_BENCH_WEB_SIZES", "sample,100000").split(",")
        if s.strip()
    ]


def _duration() -> int:
    return int(os.environ.get("INTERSECTOR_BENCH_WEB_SECONDS", "10"))


def _load(url: str, size: str) -> str:
    """Fill the database at `url` and return an API token of a reader."""
    import intersector.store.users  # noqa: F401  (user and token types)

    with open_store(url) as store:
        if size == "sample":
            from intersector.files.registry import load_paths

            result = load_paths([SAMPLE], known={})
            store.save_many(result.items, author="bench", reason="sample corpus")
        else:
            from bench.generate import generate_registry

            store.save_many(generate_registry(int(size)).items(), author="bench", reason="bench")
        services.add_user(store, "bench", "a long enough password", author="bench")
        plain, _ = services.issue_token(store, "bench", ("read",), author="bench")
    return plain


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _serve(url: str, port: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "INTERSECTOR_DATABASE_URL": url, "INTERSECTOR_SECRET_KEY": "bench"}
    command = [
        sys.executable,
        "-m",
        "intersector.cli",
        "serve",
        "--port",
        str(port),
        "--workers",
        str(WORKERS),
    ]
    return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, cwd=ROOT)


def _wait(base: str, headers: dict[str, str], timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/api/v1/openapi.json", timeout=5).status_code == 200:
                for path in URLS.values():  # warm every worker's views
                    for _ in range(10 * WORKERS):  # new connections: every worker gets some
                        httpx.get(base + path, headers=headers, timeout=120)
                return
        except httpx.HTTPError:
            time.sleep(0.3)
    raise RuntimeError("the server did not start")


_UNIT = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def _ms(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()  # type: ignore[union-attr]
    return float(number) * _UNIT[unit]


def _wrk(url: str, headers: dict[str, str], seconds: int) -> dict[str, float]:
    header = [arg for k, v in headers.items() for arg in ("-H", f"{k}: {v}")]
    out = subprocess.run(
        ["wrk", "-t2", f"-c{CLIENTS}", f"-d{seconds}s", "--latency", *header, url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)\s*$", out, re.M))
    if set(latency) != {"50", "99"}:
        raise RuntimeError(f"unexpected wrk output:\n{out}")
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),  # type: ignore[union-attr]
        "p50": _ms(latency["50"]),
        "p99": _ms(latency["99"]),
        "errors": float(bad.group(1)) if bad else 0.0,
    }


async def _httpx(url: str, headers: dict[str, str], seconds: int) -> dict[str, float]:
    times: list[float] = []
    errors = 0
    stop = time.monotonic() + seconds

    async def client(session: httpx.AsyncClient) -> None:
        nonlocal errors
        while time.monotonic() < stop:
            started = time.perf_counter()
            response = await session.get(url, headers=headers)
            times.append((time.perf_counter() - started) * 1000)
            errors += response.status_code >= 400

    limits = httpx.Limits(max_connections=CLIENTS)
    async with httpx.AsyncClient(limits=limits, timeout=60) as session:
        await asyncio.gather(*(client(session) for _ in range(CLIENTS)))
    times.sort()
    return {
        "rps": len(times) / seconds,
        "p50": times[len(times) // 2],
        "p99": times[int(len(times) * 0.99)],
        "errors": float(errors),
    }


def _measure(url: str, headers: dict[str, str]) -> dict[str, float]:
    if shutil.which("wrk"):
        return _wrk(url, headers, _duration())
    return asyncio.run(_httpx(url, headers, _duration()))


def _rows(size: str, figures: dict[str, dict[str, float]]) -> list[dict[str, Any]]:
    label = "sample corpus" if size == "sample" else f"{int(size) // 1000}k activities"
    rows: list[dict[str, Any]] = []
    for what, got in figures.items():
        where = f"{what}, {label}"
        rows.append(
            {
                "benchmark": NAME,
                "metric": f"{where}: requests/s",
                "value": round(got["rps"], 1),
                "unit": "req/s",
            }
        )
        rows.append(
            {
                "benchmark": NAME,
                "metric": f"{where}: p50",
                "value": round(got["p50"], 2),
                "unit": "ms",
            }
        )
        p99 = {
            "benchmark": NAME,
            "metric": f"{where}: p99",
            "value": round(got["p99"], 2),
            "unit": "ms",
        }
        if what == "roadmap JSON":
            p99 |= {"target": f"< {TARGET_P99_MS:.0f}", "ok": got["p99"] < TARGET_P99_MS}
        rows.append(p99)
        if got["errors"]:
            rows.append(
                {
                    "benchmark": NAME,
                    "metric": f"{where}: error responses",
                    "value": int(got["errors"]),
                    "unit": "responses",
                }
            )
    return rows


def _run_size(size: str, folder: Path) -> list[dict[str, Any]]:
    url = f"sqlite:///{folder / f'web-{size}.db'}"
    token = _load(url, size)
    headers = {"Authorization": f"Bearer {token}"}
    port = _free_port()
    server = _serve(url, port)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait(base, headers)
        figures = {what: _measure(base + path, headers) for what, path in URLS.items()}
    finally:
        server.terminate()
        server.wait(timeout=30)
    return _rows(size, figures)


def run() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as folder:
        for size in _sizes():
            rows += _run_size(size, Path(folder))
    tool = "wrk" if shutil.which("wrk") else "httpx"
    rows.append(
        {
            "benchmark": NAME,
            "metric": f"load generator ({tool}, {CLIENTS} connections, "
            f"{_duration()} s per URL; server: {WORKERS} workers)",
            "value": CLIENTS,
            "unit": "clients",
        }
    )
    return rows
