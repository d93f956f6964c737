"""`coplan serve`: a real server process, a real websocket client, on the loopback only."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time

import pytest

aiohttp = pytest.importorskip("aiohttp")
pytest.importorskip("textual_serve")

from .harness import PACKAGE_ROOT as ROOT  # noqa: E402


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(tmp_path, *args: str) -> subprocess.Popen:
    env = {**os.environ, "COPLAN_CONFIG": str(tmp_path / "settings.json"), "TERM": "xterm-256color"}
    env.pop("COPLAN_SERVE_TOKEN", None)
    return subprocess.Popen(
        [sys.executable, "-m", "coplan_tui", "--db", str(tmp_path / "coplan.json"), "serve", *args],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def _wait_listening(port: int, proc: subprocess.Popen, timeout: float = 20) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        assert proc.poll() is None, proc.communicate()
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise AssertionError("coplan serve never listened")


@pytest.fixture
def served(tmp_path):
    procs: list[subprocess.Popen] = []

    def start(*args: str) -> int:
        port = _free_port()
        proc = _serve(tmp_path, "--port", str(port), *args)
        procs.append(proc)
        _wait_listening(port, proc)
        return port

    yield start
    for proc in procs:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


async def _first_frame(url: str, headers: dict[str, str] | None = None, cookies=None) -> bytes | str:
    async with aiohttp.ClientSession(cookies=cookies) as session:
        async with session.ws_connect(url, headers=headers or {}) as ws:
            await ws.send_json(["resize", {"width": 100, "height": 30}])
            while True:
                msg = await asyncio.wait_for(ws.receive(), timeout=30)
                if msg.type == aiohttp.WSMsgType.BINARY and msg.data:
                    return msg.data
                if msg.type == aiohttp.WSMsgType.TEXT and msg.data:
                    return msg.data
                if msg.type in (aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.ERROR):
                    raise AssertionError(f"websocket closed: {msg}")


async def test_it_starts_on_localhost_and_a_websocket_gets_the_first_frame(served):
    port = served()
    async with aiohttp.ClientSession() as session:
        async with session.get(f"http://127.0.0.1:{port}/") as response:
            assert response.status == 200
            page = await response.text()
    assert f"ws://127.0.0.1:{port}/ws" in page
    frame = await _first_frame(f"ws://127.0.0.1:{port}/ws?width=100&height=30")
    assert isinstance(frame, bytes) and frame.startswith(b"\x1b[")  # the app's first bytes to its terminal


def test_a_host_other_machines_can_reach_is_refused_without_a_token(tmp_path):
    proc = _serve(tmp_path, "--host", "0.0.0.0", "--port", str(_free_port()))
    out, err = proc.communicate(timeout=20)
    assert proc.returncode == 2
    assert "--token" in err and "SSH tunnel" in err
    assert "open http" not in out


async def test_with_a_token_every_request_must_carry_it(served):
    port = served("--token", "s3cret-[/]")
    base = f"http://127.0.0.1:{port}"
    async with aiohttp.ClientSession() as session:
        async with session.get(f"{base}/") as response:
            assert response.status == 403
        async with session.get(f"{base}/?token=wrong") as response:
            assert response.status == 403
        async with session.get(f"{base}/static/css/xterm.css") as response:
            assert response.status in (200, 404)  # public assets, nothing private
    with pytest.raises(aiohttp.WSServerHandshakeError):
        await _first_frame(f"ws://127.0.0.1:{port}/ws?width=80&height=24")
    jar = aiohttp.CookieJar(unsafe=True)
    async with aiohttp.ClientSession(cookie_jar=jar) as session:
        async with session.get(f"{base}/", params={"token": "s3cret-[/]"}) as response:
            assert response.status == 200
        cookies = {c.key: c.value for c in jar}
    assert cookies
    frame = await _first_frame(f"ws://127.0.0.1:{port}/ws?width=80&height=24", cookies=cookies)
    assert isinstance(frame, bytes) and frame.startswith(b"\x1b[")
