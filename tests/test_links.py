"""Shareable links: how a link is built, and that the README documents every parameter a page reads."""

import ast
import re

from components.links import share_link
from components.paths import ROOT


def test_share_link_repeats_multi_valued_parameters_in_a_stable_order():
    link = share_link("https://x.test/map", {"type": ["airstrike", "border_clash"], "from": ["2025-01-01"]})
    assert link == "https://x.test/map?from=2025-01-01&type=airstrike&type=border_clash"


def test_share_link_without_parameters_is_the_page_url():
    assert share_link("https://x.test/", {}) == "https://x.test/"


def _bound_parameters() -> dict[str, str]:
    """Every URL parameter the app reads, with the file that reads it: widget keys bound with
    bind="query-params" and names read from st.query_params directly."""
    found = {}
    for path in [ROOT / "app.py", *ROOT.glob("views/**/*.py"), *ROOT.glob("components/**/*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            where = str(path.relative_to(ROOT))
            if isinstance(node, ast.Call):
                keywords = {k.arg: k.value for k in node.keywords}
                if isinstance(keywords.get("bind"), ast.Constant) and keywords["bind"].value == "query-params":
                    key = keywords.get("key")
                    if path.name == "widgets.py" and isinstance(key, ast.Name):
                        continue  # choice() itself: its callers are scanned above
                    assert isinstance(key, ast.Constant), f"{where}:{node.lineno} binds a key that is not a literal"
                    found[key.value] = where
                func = node.func
                if isinstance(func, ast.Name) and func.id == "choice" and len(node.args) >= 4:
                    # components.ui.widgets.choice(container, label, options, key, ...) binds `key` to the URL
                    key = node.args[3]
                    assert isinstance(key, ast.Constant), f"{where}:{node.lineno} binds a key that is not a literal"
                    found[key.value] = where
                if isinstance(func, ast.Attribute) and _is_query_params(func.value) and node.args:
                    name = node.args[0]
                    if isinstance(name, ast.Constant):
                        found[name.value] = where
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


def test_the_readme_lists_every_url_parameter_the_pages_read_and_no_other():
    read = _bound_parameters()
    documented = _documented_parameters()
    assert {"from", "view", "zoom", "event", "panel"} <= set(read), "the scan itself missed parameters"
    missing = {name: where for name, where in read.items() if name not in documented}
    assert not missing, f"URL parameters read but not in the README's table: {missing}"
    assert not documented - set(read), f"README lists parameters no page reads: {documented - set(read)}"
