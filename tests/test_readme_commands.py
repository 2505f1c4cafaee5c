"""Every command the README shows runs on the demo database and exits 0 (issue 12): the database
is made by `intersector demo` run from another directory, then each `intersector …` line of the
README's code blocks runs in README order (`import-relaton` last: it adds thousands of works,
which every later analysis would then embed), and `serve` answers a request and logs it."""

from __future__ import annotations

import os
import re
import shlex
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from intersector import cli
from intersector.reports.terminal import Terminal

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"

pytestmark = pytest.mark.slow


def readme_commands() -> list[str]:
    """The `intersector …` lines of the README's code blocks, comments cut off."""
    blocks = re.findall(r"^```\n(.*?)^```", README.read_text(encoding="utf-8"), re.S | re.M)
    lines = [line for block in blocks for line in block.splitlines()]
    commands = [re.split(r"\s+#\s", line)[0].strip() for line in lines]
    return [c for c in commands if c.startswith("intersector ")]


def test_every_code_line_of_the_readme_is_a_command_or_a_comment() -> None:
    """Nothing in a code block escapes the run below: a line is make, intersector or a comment."""
    blocks = re.findall(r"^```\n(.*?)^```", README.read_text(encoding="utf-8"), re.S | re.M)
    for line in (line for block in blocks for line in block.splitlines() if line.strip()):
        assert re.match(r"(make |intersector |#)", line), line
    assert len(readme_commands()) >= 25


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A working directory holding only a link to the sample (`data/`), its database made by
    `intersector demo` run from elsewhere (the sample found from the package's checkout)."""
    tmp_path = tmp_path_factory.mktemp("readme")
    elsewhere, work = tmp_path / "elsewhere", tmp_path / "work"
    elsewhere.mkdir()
    work.mkdir()
    (work / "data").symlink_to(ROOT / "data")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("INTERSECTOR_DATABASE_URL", f"sqlite:///{tmp_path / 'demo.db'}")
        patch.delenv("INTERSECTOR_SAMPLE", raising=False)
        patch.chdir(elsewhere)
        patch.setattr(cli, "console", Terminal(width=200))
        assert cli.run(["demo"]) == 0
        assert (elsewhere / "roadmap-imt.html").is_file()
        patch.chdir(work)
        yield work


def _args(command: str) -> list[str]:
    words = shlex.split(command)[1:]
    expanded = [sorted(str(p) for p in Path().glob(w)) if "*" in w else [w] for w in words]
    return [w for group in expanded for w in group]


def test_every_readme_command_runs_on_the_demo_database(
    demo_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("typer.prompt", lambda *a, **k: "a long demo password")
    commands = [c for c in readme_commands() if not c.startswith("intersector serve")]
    commands.sort(key=lambda c: c.startswith("intersector import-relaton"))
    failed = []
    for command in commands:
        code = cli.run(_args(command))
        out = capsys.readouterr()
        if code != 0:
            failed.append(f"{command}: exit {code}\n{out.err[-500:]}")
    assert not failed, "\n".join(failed)
    assert len(list((demo_dir / "akn").glob("*.xml"))) == 3


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_serve_answers_and_logs_each_request(demo_dir: Path) -> None:
    [command] = [c for c in readme_commands() if c.startswith("intersector serve")]
    port = _free_port()
    args = [a if a != "8000" else str(port) for a in _args(command)]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "INTERSECTOR_ANONYMOUS_READ": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "intersector.cli", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        status = _get(f"http://127.0.0.1:{port}/api/v1/activities?limit=1")
        assert status == 200
    finally:
        server.send_signal(signal.SIGINT)
        out, _ = server.communicate(timeout=30)
    assert server.returncode == 0, out
    assert re.search(r'"GET /api/v1/activities\?limit=1 HTTP/1.1" 200', out), out


def _get(url: str) -> int:
    for _ in range(120):
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return int(response.status)
        except OSError:
            time.sleep(0.5)
    raise AssertionError(f"nothing answers at {url}")
