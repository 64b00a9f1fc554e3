"""Shareable links: how a link is built, and that the README, the codec (components/url_codec.py) and the
pages name the same parameters; no widget binds itself to the URL (it would write labels, not codes)."""

import ast
import re

import pytest

from components import vocabulary
from components.links import page_url, share_link, with_period
from components.paths import ROOT
from components.url_codec import PARAMS


def test_share_link_repeats_multi_valued_parameters_in_a_stable_order():
    link = share_link("https://x.test/map", {"type": ["airstrike", "border_clash"], "from": ["2025-01-01"]})
    assert link == "https://x.test/map?from=2025-01-01&type=airstrike&type=border_clash"


@pytest.mark.parametrize(
    ("address", "base_path", "page_path", "expected"),
    [
        ("http://localhost:8501/overview", "", "", "http://localhost:8501/"),  # typed path the app does not serve
        ("http://localhost:8501/map?type=airstrike", "", "map", "http://localhost:8501/map"),
        ("https://dlm.streamlit.app/", "", "trends", "https://dlm.streamlit.app/trends"),
        ("http://host:80/monitor/data", "/monitor/", "data", "http://host:80/monitor/data"),
    ],
)
def test_a_shared_link_names_the_page_the_app_serves(address, base_path, page_path, expected):
    assert page_url(address, base_path, page_path) == expected


def test_share_link_without_parameters_is_the_page_url():
    assert share_link("https://x.test/", {}) == "https://x.test/"


def _linked_parameters() -> dict[str, str]:
    """Every URL parameter the app reads or writes, with the file that does: widgets drawn through
    url_state.linked(), widgets.choice() or widgets.code_radio(), values kept through url_state.keep(),
    and names used with st.query_params directly."""
    found = {}
    for path in [ROOT / "app.py", *ROOT.glob("views/**/*.py"), *ROOT.glob("components/**/*.py")]:
        where = str(path.relative_to(ROOT))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                keywords = {k.arg: k.value for k in node.keywords}
                assert not (
                    isinstance(keywords.get("bind"), ast.Constant) and keywords["bind"].value == "query-params"
                ), f"{where}:{node.lineno} binds a widget to the URL itself: it would write labels, not codes"
                func = node.func
                name = func.id if isinstance(func, ast.Name) else None
                if name in ("linked", "choice", "keep") and path.name not in ("url_state.py", "widgets.py"):
                    key = keywords.get("key") or (node.args[3] if name == "choice" and len(node.args) > 3 else None)
                    key = node.args[0] if name == "keep" and node.args else key  # keep(key, value): not a widget
                    assert isinstance(key, ast.Constant), f"{where}:{node.lineno} links a key that is not a literal"
                    found[key.value] = where
                if name == "code_radio" and path.name != "widgets.py":  # keyed by its code list's name
                    codes = node.args[1]
                    assert isinstance(codes, ast.Name), f"{where}:{node.lineno} links a list that is not named"
                    found[getattr(vocabulary, codes.id).name] = where
                reads_url = isinstance(func, ast.Attribute) and _is_query_params(func.value) and node.args
                if reads_url and isinstance(node.args[0], ast.Constant):
                    found[node.args[0].value] = where
            if (
                isinstance(node, ast.Subscript)
                and _is_query_params(node.value)
                and isinstance(node.slice, ast.Constant)
            ):
                found[node.slice.value] = where
    return found


def _is_query_params(node: ast.AST) -> bool:
    return isinstance(node, ast.Attribute) and node.attr == "query_params"


def _documented_parameters() -> set[str]:
    section = (ROOT / "README.md").read_text(encoding="utf-8").split("## Shareable links", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    return {name for row in rows for name in re.findall(r"`([^`]+)`", row.split("|")[1])}


def test_the_readme_lists_every_url_parameter_the_codec_declares_and_no_other():
    documented = _documented_parameters()
    assert not set(PARAMS) - documented, f"declared in url_codec but not in the README: {set(PARAMS) - documented}"
    assert not documented - set(PARAMS), f"in the README but not declared in url_codec: {documented - set(PARAMS)}"


def test_every_parameter_a_page_uses_is_declared_in_the_codec_and_every_declared_one_is_used():
    used = _linked_parameters()
    assert {"from", "view", "zoom", "event", "panel", "coverage_tracker"} <= set(used), "the scan missed some"
    assert {name: where for name, where in used.items() if name not in PARAMS} == {}
    assert set(PARAMS) - set(used) == set()


def test_a_shared_link_writes_its_period_even_when_it_is_the_default():
    import datetime as dt

    params = with_period({"province": ["Balochistan"]}, dt.date(2024, 1, 1), dt.date(2026, 4, 8))
    link = share_link("https://x.test/map", params)
    assert link == "https://x.test/map?from=2024-01-01&province=Balochistan&to=2026-04-08"
