"""Shared fixtures: a synthetic data folder (never shown as real) and a served app for browser tests."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from functools import partial
from pathlib import Path

import pytest
from streamlit.runtime.media_file_manager import MediaFileManager

from components.paths import ROOT
from tests.synthetic import write_dataset

ARTIFACTS = ROOT / "artifacts"


@pytest.fixture(scope="session")
def synthetic_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("synthetic-data")
    write_dataset(folder)
    return folder


@pytest.fixture
def use_data_dir(monkeypatch):
    """Point the app at another data folder for one test."""

    def use(folder: Path) -> None:
        monkeypatch.setenv("DLM_DATA_DIR", str(folder))

    return use


@pytest.fixture
def downloads(monkeypatch) -> dict:
    """File name -> a function writing that file, for each download button of the pages a test runs: a
    click's bytes, made by Streamlit's own media file manager running the button's callable. (AppTest drops
    its manager after each run, so the test keeps it.)"""
    files: dict = {}
    register = MediaFileManager.add_deferred

    def keep(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):
        file_id = register(self, data_callable, mimetype, coordinates, file_name, **kwargs)
        files[file_name] = partial(_clicked, self, file_id)
        return file_id

    monkeypatch.setattr(MediaFileManager, "add_deferred", keep)
    return files


def _clicked(manager: MediaFileManager, file_id: str) -> bytes:
    url = manager.execute_deferred(file_id)
    return manager.read_file(url.rsplit("/", 1)[-1].split(".")[0]).content


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve(data_dir: Path | None = None, script: str = "app.py", extra_env: dict | None = None, loopback=True):
    """Start `streamlit run <script>` on a free port; yield its base URL.

    Served on loopback only, unless `loopback` is False: then on every interface, as the README's
    `streamlit run app.py` serves it."""
    port = _free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1", **(extra_env or {})}
    if data_dir is not None:
        env["DLM_DATA_DIR"] = str(data_dir)
    log = ARTIFACTS / f"streamlit-{port}.log"
    ARTIFACTS.mkdir(exist_ok=True)
    with log.open("w") as out:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                script,
                "--server.port",
                str(port),
                *(["--server.address", "127.0.0.1"] if loopback else []),
                "--server.headless",
                "true",
            ],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as response:
                    if response.status == 200:
                        break
            except OSError:
                time.sleep(0.5)
        else:
            raise RuntimeError(f"streamlit did not start; see {log}")
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.fixture(scope="session")
def app_url():
    yield from serve()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--enable-unsafe-swiftshader"],
        )
        yield chromium
        chromium.close()
