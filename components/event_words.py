"""What the events on screen are called: the curated notable incidents, or the events of a file the user
imported (an ACLED or UCDP export), which are neither curated nor a lowest of several stated tolls.

An upload's 233 events read "233 notable incidents" and their one fatality figure "lowest stated figure".
"""

from __future__ import annotations


def events_noun(imported: bool, one: bool = False) -> str:
    """'notable incidents' or 'events' ('notable incident', 'event' with `one`)."""
    noun = "event" if imported else "notable incident"
    return noun if one else f"{noun}s"


def killed_basis(imported: bool) -> str:
    """How a killed figure was chosen: the lowest total the curated accounts state, or the file's own figure."""
    return "the file's fatality figure" if imported else "lowest stated figure"
