"""Briefing mode: one slide at a time, filling a meeting-room screen, advanced by clicker, keyboard or timer.

Every size is in units of the screen (--u: 1% of its width on a 16:9 screen), so type keeps its proportion
from a 1280 x 720 projector to a 3840 x 2160 wall; at 1920 x 1080 nothing is under 24 px. Charts are SVG
drawn at a design size (components/briefing_slides.py) and scaled whole to the space left; so is the map
(--dlm-scale, set by the keys script), its labels in slide type. The map stays mounted, off screen, on the
other slides, so "Next" to it shows it at once instead of a blank panel.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from dataclasses import replace
from pathlib import Path

import streamlit as st

from components.data_age import as_of_sentence, stale_notice
from components.map_legend import crossing_symbols
from components.palette import DARK_SLIDE, ON_DARK
from components.slides import Slide
from components.textsafe import escape_markdown
from components.ui.url_state import PENDING, keep, link_notices, linked, standing_notices
from components.ui.widgets import ChartSpec, chart_spec, show_chart, static_table
from components.url_codec import PARAMS
from components.vocabulary import BRIEFING_ADVANCE, BRIEFING_PANELS, FAMILY_COLOURS

PANEL_KEY = "briefing_panel"  # session state: the code of the slide shown
PAUSED_KEY = "briefing_paused"
NEXT, PREVIOUS, PAUSE, RESUME = "Next ▶", "◀ Previous", "⏸ Pause", "▶ Resume"

# Static styling only (no data in it). Chrome, sidebar and toolbar hidden; sizes in screen units.
BRIEFING_CSS = f"<style>{(Path(__file__).parent / 'briefing.css').read_text(encoding='utf-8')}</style>"
DARK_VARIABLES = " ".join(f"--{part}: {DARK_SLIDE[part]};" for part in ("ink", "paper", "muted", "line", "link"))
DARK_CSS = f"""
<style>
:root {{{DARK_VARIABLES}}}
.stApp table, .stApp thead, .stApp tr {{background: var(--paper) !important;}}
</style>
"""
# On the map slide the map takes the height left, the legend under it only its own.
MAP_ON_SCREEN_CSS = """
<style>
.stMainBlockContainer > [data-testid="stVerticalBlock"] > [data-testid="stLayoutWrapper"]:has(> .st-key-slide-body)
  {flex: 0 0 auto !important;}
.st-key-slide-body {height: auto; container-type: normal;}
</style>
"""
# The latest developments are a few lines: in larger type, spread over the slide's height.
LATEST_CSS = """
<style>
.st-key-slide-body li {font-size: calc(2.1 * var(--u)) !important; margin-bottom: calc(1.6 * var(--u));}
</style>
"""
# The crossings table's dates and sources keep to one line each; only the crossing's name (the index) wraps,
# so ten crossings fit under the title (left to the browser, every column wrapped and the last rows were cut).
CROSSINGS_CSS = """
<style>
.st-key-slide-body tbody td, .st-key-slide-body tbody td p {white-space: nowrap !important;}
</style>
"""
# On every other slide the map is off screen and invisible, yet drawn, so "Next" to it shows it at once.
MAP_OFF_SCREEN_CSS = """
<style>
[data-testid="stLayoutWrapper"]:has(> .st-key-briefing-map) {position: fixed !important; left: -300vw; top: 0;
  width: 96vw; height: 70vh; visibility: hidden;}
</style>
"""
# Clicker and keyboard: → / PageDown next, ← / PageUp previous, P pause; the countdown clicks "Next".
# The listener is replaced, never added twice, each time this script runs (every rerun that changes it).
KEYS_SCRIPT = """
<span class="dlm-countdown" id="dlm-countdown" data-panel="%(panel)s">%(text)s</span>
<script>
(() => {
  const doc = window.document;
  const press = (label) => {
    const button = [...doc.querySelectorAll(".st-key-briefing-controls button")]
      .find((b) => b.innerText.trim() === label);
    if (button) button.click();
  };
  if (window.__dlmKeys) doc.removeEventListener("keydown", window.__dlmKeys);
  window.__dlmKeys = (event) => {
    if (event.target.closest && event.target.closest("input, textarea, [role=listbox], [role=dialog]")) return;
    const action = {ArrowRight: %(next)s, PageDown: %(next)s, ArrowLeft: %(previous)s, PageUp: %(previous)s,
                    p: %(pause)s, P: %(pause)s}[event.key];
    if (action) { event.preventDefault(); action.forEach(press); }
  };
  doc.addEventListener("keydown", window.__dlmKeys);
  // The map is drawn at the design size of a 1920 x 1080 screen and scaled whole, as the charts are.
  const scale = () => doc.documentElement.style.setProperty(
    "--dlm-scale", String(Math.min(window.innerWidth / 1920, window.innerHeight / 1080)));
  scale();
  if (window.__dlmScale) window.removeEventListener("resize", window.__dlmScale);
  window.__dlmScale = scale;
  window.addEventListener("resize", scale);
  clearInterval(window.__dlmTimer);
  let left = %(seconds)d;
  if (left > 0) {
    window.__dlmTimer = setInterval(() => {
      left -= 1;
      const shown = doc.getElementById("dlm-countdown");
      if (shown) shown.textContent = "Next in " + left + " s";
      if (left <= 0) { clearInterval(window.__dlmTimer); press(%(next_label)s); }
    }, 1000);
  }
})();
</script>
"""


def theme_code() -> str:
    """'dark' when the link asks for it (?theme=dark), else 'light'; the app never changes it itself."""
    value, _ = PARAMS["theme"].read(st.query_params.get_all("theme"))
    return value or PARAMS["theme"].default


def current_panel(codes: list[str]) -> str:
    """The slide shown: a new link's (?panel=, code or label, any case), else the session's; kept in the link.

    The panel is not a widget (Previous, Next, the panel list and the keyboard all move it), so the link's
    value is taken and written here, through the same codec as the widgets' (components/ui/url_state.py)."""
    pending = st.session_state.get(PENDING, {})
    read = None
    if "panel" in pending:
        asked, notices = PARAMS["panel"].read(
            pending.pop("panel"), {code: BRIEFING_PANELS.label(code) for code in codes}
        )
        read = [escape_markdown(notice) for notice in notices]
        if asked is not None:
            st.session_state[PANEL_KEY] = asked
    code = st.session_state.get(PANEL_KEY)
    if code not in codes:
        code = st.session_state[PANEL_KEY] = codes[0]
    link_notices("panel", read, code)  # a link naming no slide opens the first, and says so
    keep("panel", code, codes[0])
    return code


def step(codes: list[str], offset: int) -> None:
    """Move to the next or previous slide, wrapping round."""
    current = st.session_state.get(PANEL_KEY, codes[0])
    index = codes.index(current) if current in codes else 0
    st.session_state[PANEL_KEY] = codes[(index + offset) % len(codes)]


def show(code: str) -> None:
    st.session_state[PANEL_KEY] = code


def toggle_pause() -> None:
    st.session_state[PAUSED_KEY] = not st.session_state.get(PAUSED_KEY, False)


def page_style(code: str, theme: str) -> None:
    """The slide styles, the dark variant, and the map hidden unless it is the slide shown."""
    css = (
        BRIEFING_CSS
        + (DARK_CSS if theme == "dark" else "")
        + (MAP_ON_SCREEN_CSS if code == "map" else MAP_OFF_SCREEN_CSS)
        + (LATEST_CSS if code == "latest" else "")
        + (CROSSINGS_CSS if code == "crossings" else "")
    )
    # With an element beside it the style stays in the page: style alone goes to Streamlit's event
    # container, which a rerun empties, so every "Next" flashed the unstyled page.
    st.html(css + '<span class="dlm-style"></span>')


def controls(slides: list[Slide], code: str, extra=None) -> None:
    """Previous / Next, the panel list (with `extra` drawn under it, e.g. downloads), the timer and its pause."""
    codes = [slide.code for slide in slides]
    with st.container(key="briefing-controls", horizontal=True, vertical_alignment="center"):
        st.button(PREVIOUS, on_click=step, args=(codes, -1))
        st.button(NEXT, on_click=step, args=(codes, 1))
        position = codes.index(code)
        with st.popover(f"☰ {position + 1} / {len(codes)}: {BRIEFING_PANELS.label(code)}"):
            for number, slide in enumerate(slides, start=1):
                st.button(
                    f"{number}. {BRIEFING_PANELS.label(slide.code)}",
                    on_click=show,
                    args=(slide.code,),
                    key=f"panel-{slide.code}",
                    type="primary" if slide.code == code else "secondary",
                )
            if extra is not None:
                extra()
        seconds = advance_choice()
        paused = st.session_state.get(PAUSED_KEY, False)
        if seconds:
            st.button(RESUME if paused else PAUSE, on_click=toggle_pause)
        running = seconds if seconds and not paused else 0
        text = f"Next in {running} s" if running else ("Paused" if seconds else "")
        st.html(
            KEYS_SCRIPT
            % {
                "seconds": running,
                "text": text,
                "next": json.dumps([NEXT]),
                "previous": json.dumps([PREVIOUS]),
                "pause": json.dumps([PAUSE, RESUME]),
                "next_label": json.dumps(NEXT),
                "panel": html.escape(code),  # a new slide changes the element, so the script runs again
            },
            unsafe_allow_javascript=True,
            width="content",
        )


def advance_choice() -> int:
    """Seconds between slides (0: by hand), kept in the link as `every`."""
    return linked(
        st.selectbox,
        "Advance",
        list(BRIEFING_ADVANCE),
        format_func=BRIEFING_ADVANCE.get,  # "manual", "every 15 s": what links made before codes carry
        key="every",
        label_visibility="collapsed",
    )


def slide_head(slide: Slide) -> None:
    with st.container(key="slide-head"):
        st.title(escape_markdown(slide.title), anchor=False)


def period_notices(start: dt.date, data_as_of: dt.date | None) -> tuple[list[str], bool]:
    """The notices a link's dates left (a date outside the data, which the hidden sidebar says elsewhere), and
    whether its period lay past the data: its 'From' was cut back to the data date (`start`)."""
    past = bool(standing_notices("from")) and data_as_of is not None and start >= data_as_of
    return standing_notices("from", "to"), past


def slide_notices(notices: list[str]) -> None:
    """What the link could not give (a date outside the data: `notices`, Markdown), under the title in slide
    type: the sidebar that says it on other pages is hidden here."""
    if notices:
        with st.container(key="slide-notice"):
            for notice in notices:
                st.warning(notice)


def slide_chart(slide: Slide, theme: str) -> ChartSpec | None:
    """The slide's chart converted in the theme's colours, or None; made once per slide and theme through
    store.derived (Altair's conversion was a third of a briefing rerun's script)."""
    if slide.chart is None:
        return None
    converted = chart_spec(slide.chart)
    return replace(converted, spec=dark_spec(converted.spec)) if theme == "dark" else converted


def slide_body(slide: Slide, chart: ChartSpec | None) -> None:
    """The evidence: big numbers, one chart (`chart`: slide_chart's), one table or short statements,
    whichever the slide holds."""
    with st.container(key="slide-body"):
        if slide.code == "map":
            map_legend(slide.families, slide.no_families)
        if slide.numbers:
            with st.container(key="numbers"):
                for number in slide.numbers:
                    st.markdown(
                        "\n\n".join(escape_markdown(part) for part in (number.label, number.value, number.note))
                    )
        if slide.code == "signals" and slide.table is not None:
            signal_lines(slide)
            return
        if chart is not None:
            show_chart(chart, width="content")
        elif slide.table is not None:
            static_table(slide.table.set_index(slide.table.columns[0]))
        if slide.statements:
            st.markdown("\n".join(f"- {escape_markdown(line)}" for line in slide.statements))


def signal_lines(slide: Slide) -> None:
    """Every signal on one line (what, month, figure, whose count), each a link to the Trends chart of its
    series (a link of codes, components/signals.trends_link), then the words of the rules used (the slide's
    statement)."""
    rows = slide.table.itertuples(index=False)
    lines = [
        f"- [{escape_markdown(' · '.join(str(cell) for cell in row[:4]))}]({link})"
        for row, link in zip(rows, slide.row_links, strict=True)
    ]
    st.markdown("\n".join(lines))
    for rules in slide.statements:
        st.caption(escape_markdown(rules))


def slide_foot(slide: Slide, filters: str, as_of: dt.date | None) -> None:
    """The source line, the link's filters, and how old the data are (with the warning every page gives)."""
    today = dt.date.today()
    with st.container(key="slide-foot"):
        st.markdown(escape_markdown(f"Source: {slide.source_line}"))
        with st.container(key="slide-foot-row", horizontal=True):
            if slide.code not in ("map", "latest"):  # their source lines name the filters already
                st.markdown(escape_markdown(filters), width="content")
            notice = stale_notice(as_of, today)
            if notice:
                st.warning(notice)
            else:
                st.markdown(f"**{as_of_sentence(as_of, today)}**", width="content")


def map_legend(families: tuple[str, ...], no_families: str) -> None:
    """The incident families drawn (their colours) and crossing statuses (the map's gate symbols); labels are
    the declared code lists', symbols are made in code (components/map_legend.py); `no_families`: the words
    when no incident is drawn."""
    drawn = [
        f'<span><span class="dot" style="background:{colour}"></span>{html.escape(label)}</span>'
        for label, colour in FAMILY_COLOURS.items()
        if label in families
    ]
    parts = ["<b>Incidents:</b>", *(drawn or [f"<span>{html.escape(no_families)}</span>"]), "<b>Crossings:</b>"]
    parts += [
        f'<span><img class="gate" src="{symbol}" alt="">{html.escape(label)}</span>'
        for label, symbol in crossing_symbols().items()
    ]
    st.html(f'<div class="dlm-legend">{"".join(parts)}</div>')


def on_dark(part):
    """A copy of a spec (or any part of it) with each colour of palette.ON_DARK in its dark-slide colour."""
    if isinstance(part, dict):
        return {key: on_dark(value) for key, value in part.items()}
    if isinstance(part, list):
        return [on_dark(value) for value in part]
    if isinstance(part, str):
        return ON_DARK.get(part.upper(), part)
    return part


def dark_spec(spec: dict) -> dict:
    """The chart's spec with light type and lines on the dark slide, its marks in their dark-slide colours."""
    out = on_dark(spec)
    config = out.setdefault("config", {})
    light, grid = DARK_SLIDE["ink"], DARK_SLIDE["grid"]
    for part in ("axis", "legend"):
        config.setdefault(part, {}).update({"labelColor": light, "titleColor": light})
    config["axis"].update({"gridColor": grid, "domainColor": light, "tickColor": light})
    config.setdefault("text", {})["color"] = light
    return out
