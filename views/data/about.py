"""About the data, for analysts: what is counted, which figure is shown, how sources are weighed, how to cite."""

import streamlit as st

from components import about
from components.ui.store import dataset
from components.ui.widgets import coverage_caption, static_table

data = dataset()

st.title("About the data")
coverage_caption(data)

spans = about.record_spans(data)
st.header("What is here")
st.markdown(
    "Four kinds of record, each row with the source that states it (name, link, publication date):\n"
    f"- **Tracker figures** ({spans.get('figures', 'none loaded')}): monthly, quarterly and annual totals "
    "published by PICSS, CRSS, PIPS and the Global Terrorism Index, exactly as each states them.\n"
    f"- **Notable incidents** ({spans.get('incidents', 'none loaded')}): a curated selection, not a complete "
    "count. Each source's account of an incident is its own row; where tolls differ, pages show the lowest and "
    "highest stated figure.\n"
    f"- **Border crossings** (periods starting {spans.get('crossings', 'none loaded')}): when each crossing was "
    "open, restricted or closed, as reported.\n"
    f"- **Diplomatic contacts** ({spans.get('diplomacy', 'none loaded')}) between Pakistan and Afghanistan: "
    "talks, visits, summons, statements, ceasefires, exchanges and refugee-policy decisions.\n\n"
    "Nothing is estimated or filled in. A period a tracker did not publish (or whose release was not found) "
    "is drawn as a gap, never as zero; the coverage matrix on Data & sources shows which periods are present."
)

st.header("What each tracker counts")
st.markdown(
    "The trackers count different things, so their totals are not interchangeable: compare a tracker "
    "with itself across periods, and trackers with each other only as a check."
)
static_table(about.counting_rules(data.figures), hide_index=True)

st.header("Which figure is shown")
st.markdown(
    "Trackers revise themselves, and outlets sometimes misreport them. Every figure carries a declared status. "
    "A tracker's later restatement replaces its first release; a final figure replaces a preliminary one; "
    "a figure an outlet attributed to the wrong tracker, or one that was superseded, is kept in the data but "
    "never drawn. A total an outlet worked out wrongly itself (mixing the tracker's counting layers, say) is "
    "kept only as a row on Data & sources: it is never drawn nor offered as another value. Where sources "
    "still disagree, the tracker's own site wins, then a major outlet, then another outlet, then a repost on "
    "an unrelated site; then the figure more sources give, then the latest published; the other values stay "
    "listed beside it on Data & sources."
)
static_table(about.figure_statuses(), hide_index=True)

st.header("Incidents: tolls and attribution")
stages = about.toll_stages()
st.markdown(
    "An event that runs over several days keeps each account's toll with the stage it covers ("
    + ", ".join(stages)
    + "), so a first-day figure is never read as the final one: once an official body gives its final total, "
    "the toll shown is that, and the earlier counts stay in the incident's details. An incident whose accounts "
    "give killed only by category (security forces, civilians, militants) has no total, since categories are "
    "never added up: every sum of killed leaves it out and says how many it leaves out, never counting it as 0.\n\n"
    "Each account's attribution is kept in its own words. For filtering, every incident is placed in one "
    "actor group. A group the sources only suspect is not counted as that group: the incident stays "
    "Unknown / not attributed, and the suspicion is shown in its details."
)
static_table(about.actor_groups(data.events), hide_index=True)

st.header("Sources")
st.markdown(
    "Each cited web site is classed once: a tracker's own site, a major outlet, another outlet, or a repost "
    "of another outlet's story on an unrelated site. A repost is kept only when nothing better was found, and "
    "is labelled wherever its source is shown. A crossing drawn at the nearest town cites that town's record in "
    "the GeoNames gazetteer for its position. A row without a publication date says why (the page shows "
    "none, or it has not yet been checked)."
)
static_table(about.sourcing({name: data[name] for name in data.tables}), hide_index=True)

st.header("How to cite")
st.markdown(
    "Cite the dashboard with its data date and the link to the view you used (the sidebar's link), for example:"
)
st.code(about.citation(data.data_as_of, st.context.url or "the view's link"), language=None, wrap_lines=True)
st.markdown(
    "For a single figure, cite the tracker's own release or the outlet named in its source column, which "
    "the Numbers tables and Data & sources give with a link."
)

st.header("Licences")
st.markdown(
    "The figures are facts reported by the named sources; summaries and notes are the curators' own words. "
    "The curated data are published under CC BY 4.0 and the code under the MIT licence. Boundaries: Natural "
    "Earth (public domain). Town locations: GeoNames (CC BY 4.0). ACLED data are never bundled, as ACLED's "
    "licence forbids redistribution: an ACLED export you load stays in your session."
)
