"""Deployment settings: what `.streamlit/config.toml` promises, checked in the file and on a running server."""

from __future__ import annotations

import ast
import re
import tomllib
import urllib.error
import urllib.request

from components.paths import ROOT

CONFIG = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
APP_CODE = [ROOT / "app.py", *ROOT.glob("components/**/*.py"), *ROOT.glob("views/**/*.py")]


def test_users_see_no_tracebacks_and_uploads_are_bounded_and_xsrf_protected():
    assert CONFIG["client"]["showErrorDetails"] == "none"  # a traceback would show paths and data to viewers
    assert CONFIG["client"]["toolbarMode"] == "viewer"
    assert CONFIG["client"]["disableDataExport"] is True  # the toolbar CSV would not neutralise formula cells
    assert CONFIG["server"]["enableXsrfProtection"] is True
    assert 0 < CONFIG["server"]["maxUploadSize"] <= 200  # MB held in memory per upload
    assert CONFIG["browser"]["gatherUsageStats"] is False  # nothing leaves the machine
    assert "enableCORS" not in CONFIG["server"]


def test_the_app_needs_no_secrets():
    """No code reads st.secrets or a secret-looking environment variable, and no secrets file is kept."""
    for path in APP_CODE:
        code = path.read_text()
        assert "st.secrets" not in code, path
        assert not re.search(r"environ(\.get)?[\[(]\s*['\"][A-Z_]*(KEY|TOKEN|SECRET|PASSWORD)", code), path
    assert not (ROOT / ".streamlit" / "secrets.toml").exists()
    assert ".streamlit/secrets.toml" in (ROOT / ".gitignore").read_text().splitlines()


def test_the_server_refuses_an_upload_without_the_xsrf_token(app_url):
    request = urllib.request.Request(
        f"{app_url}/_stcore/upload_file/some-session/some-file",
        data=b"--x\r\nContent-Disposition: form-data; name=file; filename=a.csv\r\n\r\nx\r\n--x--\r\n",
        headers={"Content-Type": "multipart/form-data; boundary=x"},
        method="PUT",
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    assert status == 403


def test_sessions_do_not_queue_behind_the_file_watcher_or_a_full_collection():
    """Both cost every viewer time (README, "Several users at once"): the watcher took the real path of each
    loaded module on every new session's first run, and the collection after each run walked every object
    made since the first; with 16 sessions at once they were half of the server's time."""
    assert CONFIG["server"]["fileWatcherType"] == "none"
    assert CONFIG["runner"]["postScriptGC"] is False
    assert "--server.fileWatcherType auto" in (ROOT / "README.md").read_text()  # how to edit with reloads


def test_no_page_needs_magic_which_is_off():
    """With `runner.magicEnabled` off, a bare expression in a page script would silently draw nothing."""
    assert CONFIG["runner"]["magicEnabled"] is False
    scripts = [ROOT / "app.py", *sorted((ROOT / "views").rglob("*.py"))]
    bare = [
        f"{script.relative_to(ROOT)}:{node.lineno}"
        for script in scripts
        for node in ast.walk(ast.parse(script.read_text()))
        if isinstance(node, ast.Expr)
        and not isinstance(node.value, ast.Call)
        and not (isinstance(node.value, ast.Constant) and isinstance(node.value.value, str))  # docstrings
    ]
    assert len(scripts) > 7
    assert bare == []
