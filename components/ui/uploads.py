"""Uploaded files, held by the session that uploaded them and by no other, within memory budgets.

An upload lives in its session's state: another viewer can neither see it nor push it out, and it goes
when the session ends. Each session may hold a few uploads within its own budget, and all sessions'
uploads together stay within a process budget (Community Cloud gives an app about 690 MB in all), so a
new upload that would pass either is refused with a message instead of slowing or killing the server.
"""

from __future__ import annotations

import hashlib
import threading
import weakref
from dataclasses import dataclass

import streamlit as st

from components.imports import ImportedEvents, import_events

SESSION_KEY = "_uploads"  # session state: {key: Upload} of this session, oldest first
MAX_UPLOADS_PER_SESSION = 2
SESSION_BUDGET_MB = 200
PROCESS_BUDGET_MB = 350  # every session's uploads together; the bundled data need about 250 MB more
MB = 1024 * 1024

_held: weakref.WeakValueDictionary[int, ImportedEvents] = weakref.WeakValueDictionary()  # gone with their sessions
_admit = threading.Lock()  # two sessions uploading at once must not both fit into the same room


@dataclass(frozen=True)
class Upload:
    """One upload of this session: the name its viewer gave it and what it imported to."""

    name: str
    imported: ImportedEvents
    megabytes: float


def session_uploads() -> dict[str, Upload]:
    return st.session_state.setdefault(SESSION_KEY, {})


def upload_key(data: bytes) -> str:
    return "upload:" + hashlib.sha256(data).hexdigest()


def held_by_all_mb() -> float:
    """Memory held by every session's uploads, in MB."""
    return sum(imported.memory_bytes() for imported in list(_held.values())) / MB


@dataclass(frozen=True)
class Outcome:
    """What became of an upload: kept under `key`, or refused with a reason (and the import's report
    when the file was read but nothing in it can be shown)."""

    key: str | None
    refused: str | None = None
    report: ImportedEvents | None = None


def add_upload(data: bytes, name: str, durand_line) -> Outcome:
    """Import `data` for this session and keep it, unless it has nothing to show or passes a budget."""
    key = upload_key(data)
    uploads = session_uploads()
    if key in uploads:
        return Outcome(key)
    if len(uploads) >= MAX_UPLOADS_PER_SESSION:
        return Outcome(
            None,
            (
                f"This session already holds {len(uploads)} uploads, the most it can keep. Remove one below, "
                "then upload again."
            ),
        )
    imported = import_events(data, name, durand_line)
    if imported.events.empty:
        return Outcome(None, f"Nothing in {name} can be shown; the report below says why.", imported)
    megabytes = imported.memory_bytes() / MB
    in_session = sum(upload.megabytes for upload in uploads.values())
    with _admit:
        if in_session + megabytes > SESSION_BUDGET_MB:
            return Outcome(
                None,
                (
                    f"This file needs about {megabytes:,.0f} MB once read; with this session's other uploads "
                    f"({in_session:,.0f} MB) that passes the {SESSION_BUDGET_MB} MB a session may hold. Remove an "
                    "upload, or run the app on your own machine with the file in DLM_EVENTS_FILE."
                ),
            )
        if held_by_all_mb() + megabytes > PROCESS_BUDGET_MB:
            return Outcome(
                None,
                (
                    f"The server is holding other viewers' uploads and has no room for another "
                    f"{megabytes:,.0f} MB now. Try again later, or run the app on your own machine with the file "
                    "in DLM_EVENTS_FILE."
                ),
            )
        _held[id(imported)] = imported
        uploads[key] = Upload(name, imported, megabytes)
    return Outcome(key)


def remove_upload(key: str) -> None:
    session_uploads().pop(key, None)
