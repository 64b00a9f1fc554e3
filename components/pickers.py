"""Labels for pickers whose value travels in a shared link.

Streamlit writes a bound picker's label, not its value, into the URL, so two options that read alike
would open the wrong one from a link (ACLED files hold many same-day clashes in one place): every label a
picker shows must be distinct.
"""

from __future__ import annotations

from collections import Counter


def unique_labels(labels: dict[str, str], *facts: dict[str, str]) -> dict[str, str]:
    """`labels` made distinct: each label shared by several keys gets the next fact of those keys, in
    order, and, if the facts run out, the key itself."""
    for fact in (*facts, {key: key for key in labels}):
        shared = {label for label, count in Counter(labels.values()).items() if count > 1}
        if not shared:
            break
        labels = {key: f"{label} · {fact[key]}" if label in shared else label for key, label in labels.items()}
    return labels
