"""Every code list of the data set, declared once with its labels, colours and order.

Schemas validate against these lists, filters offer them, charts and the map colour by them, and
tests/test_vocabulary.py fails when another module spells a list again or uses a code not declared here.
A list's order is the order filters, legends and tables show it in. Colours come from the colour-blind-safe
palette (components/palette.py); within a list no two codes share a colour, and Okabe-Ito's colours belong
to the event families alone (tests/test_palette.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

from components.palette import NEUTRAL, OKABE_ITO, RESTRICTED_FILL


@dataclass(frozen=True)
class Code:
    """One code as the data files write it, and how the dashboard shows it."""

    code: str
    label: str
    colour: str | None = None
    group: str | None = None  # the code this one belongs to: an event type's family, a province's country
    short: str | None = None  # for narrow tables ('KP'); the label when not given


@dataclass(frozen=True)
class EventType(Code):
    curated: bool = True  # allowed in data/incidents.csv
    imported: bool = False  # an ACLED or UCDP category maps onto it (components/imports/)


@dataclass(frozen=True)
class Metric(Code):
    # A rise means more people hurt, so a headline card may colour it as worse; a rise in militants killed or
    # arrested, or in an index, is not simply bad or good, and its card stays neutral.
    rise_is_harm: bool = True
    # A rank, 1 the most affected: a smaller number is worse, so it is said in places, never drawn as a bar.
    ranked: bool = False


@dataclass(frozen=True)
class Cadence(Code):
    months: int = 12
    slots: tuple[str, ...] = ()  # the periods of one calendar year, as tables and charts name them
    noun: str = "period"  # one period, in a sentence
    plural: str = "periods"


@dataclass(frozen=True)
class MapArea(Code):
    lat: float = 0.0
    lon: float = 0.0
    zoom: float = 0.0


@dataclass(frozen=True)
class CodeList:
    """A named, ordered list of codes."""

    name: str
    items: tuple[Code, ...]

    def __post_init__(self):
        codes = [item.code for item in self.items]
        if len(set(codes)) != len(codes):
            raise ValueError(f"{self.name} declares a code twice")

    def __iter__(self) -> Iterator[str]:
        """The codes in order, so a list reads like the tuple of codes it declares."""
        return iter(self.codes)

    def __contains__(self, code) -> bool:
        return code in self.labels

    def __len__(self) -> int:
        return len(self.items)

    def __getitem__(self, code: str) -> Code:
        return self.by_code[code]

    @cached_property
    def by_code(self) -> dict[str, Code]:
        return {item.code: item for item in self.items}

    @cached_property
    def codes(self) -> tuple[str, ...]:
        return tuple(item.code for item in self.items)

    @cached_property
    def labels(self) -> dict[str, str]:
        return {item.code: item.label for item in self.items}

    @cached_property
    def colours(self) -> dict[str, str]:
        """Code to colour, for the codes that have one."""
        return {item.code: item.colour for item in self.items if item.colour}

    def short(self, code) -> str:
        """The code's short label, else its label, else the code as written."""
        item = self.by_code.get(code)
        return (item.short or item.label) if item else code

    def label(self, code) -> str:
        """The code's label; an undeclared code (from an imported file) as it is written."""
        return self.labels.get(code, code)

    def of_group(self, group: str) -> tuple[str, ...]:
        return tuple(item.code for item in self.items if item.group == group)

    def where(self, **wanted) -> tuple[str, ...]:
        """Codes whose attributes have the wanted values, e.g. EVENT_TYPES.where(imported=True)."""
        return tuple(item.code for item in self.items if all(getattr(item, k) == v for k, v in wanted.items()))


COUNTRIES = CodeList("country", (Code("Pakistan", "Pakistan"), Code("Afghanistan", "Afghanistan")))


SHORT_NAMES = {"Khyber Pakhtunkhwa": "KP", "Islamabad Capital Territory": "Islamabad", "Azad Jammu and Kashmir": "AJK"}


def _provinces(country: str, names: tuple[str, ...]) -> tuple[Code, ...]:
    return tuple(Code(name, name, group=country, short=SHORT_NAMES.get(name)) for name in names)


# First-level divisions as data/geo/provinces.geojson names them (a test holds the two together).
PROVINCES = CodeList(
    "province",
    _provinces(
        "Pakistan",
        (
            "Khyber Pakhtunkhwa",
            "Balochistan",
            "Punjab",
            "Sindh",
            "Islamabad Capital Territory",
            "Gilgit-Baltistan",
            "Azad Jammu and Kashmir",
        ),
    )
    + _provinces(
        "Afghanistan",
        (
            "Badakhshan",
            "Badghis",
            "Baghlan",
            "Balkh",
            "Bamyan",
            "Daykundi",
            "Farah",
            "Faryab",
            "Ghazni",
            "Ghōr",
            "Helmand",
            "Herat",
            "Jowzjan",
            "Kabul",
            "Kandahar",
            "Kapisa",
            "Khost",
            "Kunar",
            "Kunduz",
            "Laghman",
            "Logar",
            "Maidan Wardak",
            "Nangarhar",
            "Nimruz",
            "Nuristan",
            "Paktia",
            "Paktika",
            "Panjshir",
            "Parwan",
            "Samangan",
            "Sar-e Pol",
            "Takhar",
            "Urozgan",
            "Zabul",
        ),
    ),
)
# The regions trackers publish figures for: a country, a province, or PICSS's split of Khyber Pakhtunkhwa (its
# two parts grouped under the province they make up: parts_of).
TRACKER_REGIONS = CodeList(
    "region",
    (
        Code("Pakistan", "Pakistan"),
        *(PROVINCES[name] for name in PROVINCES.of_group("Pakistan")),
        Code(
            "Khyber Pakhtunkhwa (mainland)",
            "Khyber Pakhtunkhwa (mainland)",
            group="Khyber Pakhtunkhwa",
            short="KP (mainland)",
        ),
        Code(
            "Khyber Pakhtunkhwa (tribal districts)",
            "Khyber Pakhtunkhwa (tribal districts)",
            group="Khyber Pakhtunkhwa",
            short="KP (tribal districts)",
        ),
        Code("Afghanistan", "Afghanistan"),  # GTI ranks Afghanistan too
    ),
)

# Event types grouped into families an analyst reads at a glance; one colour per family.
EVENT_FAMILIES = CodeList(
    "event_family",
    (
        Code("bombing", "Bombing", OKABE_ITO["vermillion"]),
        Code("assault", "Assault / ambush", OKABE_ITO["blue"]),
        Code("air_strike", "Air or drone strike", OKABE_ITO["reddish_purple"]),
        Code("border_clash", "Border clash / shelling", OKABE_ITO["orange"]),
        Code("armed_clash", "Armed clash", OKABE_ITO["sky_blue"]),
        Code("security_operation", "Security operation", OKABE_ITO["bluish_green"]),
        Code("other", "Other", OKABE_ITO["grey"]),
    ),
)
EVENT_TYPES = CodeList(
    "event_type",
    (
        EventType("suicide_bombing", "Suicide bombing", group="bombing", imported=True),
        EventType("ied_bombing", "IED / bombing", group="bombing", imported=True),
        EventType("armed_assault", "Armed assault", group="assault"),
        EventType("ambush", "Ambush", group="assault"),
        EventType("targeted_killing", "Targeted killing", group="assault"),
        EventType("kidnapping_hijacking", "Kidnapping / hijacking", group="assault", imported=True),
        EventType("airstrike", "Airstrike", group="air_strike", imported=True),
        EventType("drone_strike", "Drone strike", group="air_strike"),
        EventType("cross_border_fire", "Cross-border fire", group="border_clash"),
        EventType("border_clash", "Border clash", group="border_clash"),
        EventType("security_operation", "Security operation", group="security_operation"),
        EventType("other", "Other", group="other", imported=True),
        # Only in imported ACLED / UCDP files (their codebooks' categories, see components/imports/):
        EventType("grenade", "Grenade", group="bombing", curated=False, imported=True),
        EventType("attack_on_civilians", "Attack on civilians", group="assault", curated=False, imported=True),
        EventType("shelling", "Shelling / artillery / missile", group="border_clash", curated=False, imported=True),
        EventType("armed_clash", "Armed clash", group="armed_clash", curated=False, imported=True),
        EventType("ucdp_state_based", "State-based violence (UCDP)", group="armed_clash", curated=False, imported=True),
        EventType("ucdp_non_state", "Non-state violence (UCDP)", group="armed_clash", curated=False, imported=True),
        EventType("ucdp_one_sided", "One-sided violence (UCDP)", group="assault", curated=False, imported=True),
    ),
)


TYPE_FAMILIES = {kind.code: EVENT_FAMILIES.label(kind.group) for kind in EVENT_TYPES.items}  # type -> family label


def family_label(event_type) -> str:
    """The family an event type is drawn in ('Other' for a type not declared here)."""
    return TYPE_FAMILIES.get(event_type, EVENT_FAMILIES.label("other"))


FAMILY_COLOURS = {family.label: family.colour for family in EVENT_FAMILIES.items}  # by label: charts show labels


def drawn_family_colours(families) -> dict[str, str]:
    """These family labels with their colours, in declared order: a legend lists only what is drawn
    ('Armed clash', a type of imports only, listed beside curated incidents had no dot)."""
    drawn = set(families)
    return {family: colour for family, colour in FAMILY_COLOURS.items() if family in drawn}


# Who carried out an incident, as the dashboard groups the raw attribution (data/README.md has the rules).
ACTOR_GROUPS = CodeList(
    "actor_group",
    (
        Code("ttp", "TTP and factions"),
        Code("hafiz_gul_bahadur", "Hafiz Gul Bahadur group"),
        Code("lashkar_e_islam", "Lashkar-e-Islam"),
        Code("bla", "BLA (Balochistan Liberation Army)"),
        Code("blf", "BLF (Balochistan Liberation Front)"),
        Code("bras", "BRAS (Baloch Raji Aajoi Sangar)"),
        Code("baloch_unnamed", "Baloch militants, group not named"),
        Code("islamic_state", "Islamic State (ISKP, IS-Pakistan)"),
        Code("afghan_taliban", "Afghan Taliban forces"),
        Code("pakistan_state", "Pakistan military / FC / police"),
        Code("pakistan_afghan_clash", "Pakistan–Afghan Taliban forces clash (both sides)"),
        Code("iranian_forces", "Iranian forces"),
        Code("criminal", "Criminal gang"),
        Code("tribal_sectarian", "Tribal or sectarian groups"),
        Code("other", "Other named actor"),
        Code("unknown", "Unknown / not attributed"),
    ),
)
UNKNOWN_ACTOR = "unknown"
OTHER_ACTOR = "other"
# Actor names in ACLED and UCDP files that safely mean one group, compared after actor_key(). Anything else
# named is OTHER_ACTOR and a blank or unidentified actor UNKNOWN_ACTOR; the file's own words stay in `perpetrator`.
IMPORTED_ACTOR_ALIASES = {
    "ttp: tehreek-i-taliban pakistan": "ttp",
    "ttp: tehrik-i-taliban pakistan": "ttp",
    "tehrik-i-taliban pakistan": "ttp",
    "ttp": "ttp",
    "bla: balochistan liberation army": "bla",
    "bla": "bla",
    "blf: balochistan liberation front": "blf",
    "blf": "blf",
    "bras: baloch raji aajoi sangar": "bras",
    "lashkar-e-islam": "lashkar_e_islam",
    "islamic state (pakistan)": "islamic_state",
    "islamic state (afghanistan)": "islamic_state",
    "is": "islamic_state",
    "military forces of pakistan": "pakistan_state",
    "police forces of pakistan": "pakistan_state",
    "government of pakistan": "pakistan_state",
    "unidentified armed group (pakistan)": UNKNOWN_ACTOR,
    "unidentified armed group (afghanistan)": UNKNOWN_ACTOR,
    "unknown": UNKNOWN_ACTOR,
}
# ACLED suffixes an actor with the years a government held power, e.g. "Military Forces of Pakistan (2018-)".
_ACLED_YEARS = re.compile(r"\s*\(\d{4}-(\d{4})?\)$")


def actor_key(name: str) -> str:
    """An actor name as IMPORTED_ACTOR_ALIASES spells it: trimmed, lower case, ACLED's years dropped."""
    return _ACLED_YEARS.sub("", name.strip()).casefold()


CROSSING_STATUSES = CodeList(
    "crossing_status",
    (
        Code("open", "Open", NEUTRAL["white"]),
        Code("restricted", "Restricted", RESTRICTED_FILL),
        Code("closed", "Closed", NEUTRAL["black"]),
    ),
)
# What the map says of a crossing on a day no recorded period covers: not a status a source states.
NO_CROSSING_STATUS = Code("unknown", "Unknown", NEUTRAL["white"])  # hollow like open, with a dashed edge and "?"
CROSSING_COLOURS = {status.code: status.colour for status in (*CROSSING_STATUSES.items, NO_CROSSING_STATUS)}

DIPLOMACY_TRACKS = CodeList(
    "track",
    (
        Code("talks", "Talks"),
        Code("ceasefire", "Ceasefire / pause"),
        Code("breakdown", "Breakdown"),
        Code("statement", "Statement"),
        Code("agreement", "Agreement"),
        Code("crossing", "Crossing closure / reopening"),
        Code("deportation", "Deportation phase"),
        Code("exchange", "Prisoner / body exchange"),
    ),
)

# Which stage of a multi-day event an account's toll covers, declared per row by the curator (data/README.md);
# blank when the account gives one toll for the whole event. A first-day toll and the final official total
# thus both stay, each with its source; the "stage" counts stop setting the event's toll once a final
# official total is given (components/incidents.events_from_accounts).
TOLL_SCOPES = CodeList(
    "toll_scope",
    (
        Code("first_day", "first day", group="stage"),
        Code("running", "running count", group="stage"),
        Code("final_official", "final official total"),
    ),
)

# What a tracker figure is, declared per row by the curator (data/README.md defines each), in the order
# they win; group says what the dashboard does with a row of that status (components/figures.py):
# "displayed" may be charted, "never_displayed" is never charted but listed beside the charted value,
# "record_only" is neither: it stays in the data file and the Data & sources table, and nowhere else.
FIGURE_STATUSES = CodeList(
    "figure_status",
    (
        Code("restated", "restated by the tracker", group="displayed"),
        Code("published", "as published", group="displayed"),
        Code("preliminary", "preliminary", group="displayed"),
        Code("superseded", "superseded", group="never_displayed"),
        Code("misattributed", "misattributed to this tracker", group="never_displayed", short="misattributed"),
        # An outlet's restatement that matches no figure the tracker published: the outlet added up or mixed
        # the tracker's counting layers itself. Not a value the sources disagree on, so never an alternative.
        Code("outlet_error", "outlet's error, not the tracker's figure", group="record_only"),
    ),
)

# Displayed statuses whose value the tracker may still change: said beside the value wherever it is shown.
PROVISIONAL_STATUSES = ("preliminary",)

TRACKERS = CodeList(
    "tracker",
    (
        Code("PICSS", "PICSS"),
        Code("CRSS", "CRSS"),
        Code("PIPS", "PIPS"),
        Code("GTI", "GTI"),
    ),
)
SERIES = CodeList(
    "series",
    (
        Code("militant_attacks", "militant attacks only"),
        # No brackets: labels are often bracketed.
        Code("combined", "attacks and security operations combined", short="attacks and operations"),
        Code("overall_violence", "overall violence"),
        Code("terrorism", "terror attacks"),
        Code("terrorist_attacks", "terrorist attacks"),
        Code("gti", "Global Terrorism Index"),
    ),
)
# group: "headline" for the measures the headline cards show, "not_additive" for those a sum over periods
# would misstate (shown per period only, never totalled).
METRICS = CodeList(
    "metric",
    (
        Metric("attacks", "Attacks", group="headline"),
        Metric("incidents", "Incidents"),
        Metric("deaths_total", "Deaths", group="headline"),
        Metric("deaths_security_forces", "Security forces killed", group="headline"),
        Metric("deaths_civilians", "Civilians killed", group="headline"),
        Metric("deaths_militants", "Militants killed", group="headline", rise_is_harm=False),
        Metric("deaths_peace_committee", "Peace-committee members killed"),
        Metric("injured_total", "Injured", group="headline"),
        Metric("injured_security_forces", "Security forces injured"),
        Metric("injured_civilians", "Civilians injured"),
        Metric("suicide_attacks", "Suicide attacks"),
        Metric("militants_arrested", "Militants arrested", rise_is_harm=False),
        Metric("gti_score", "GTI score", group="not_additive", rise_is_harm=False),
        Metric("gti_rank", "GTI rank", group="not_additive", rise_is_harm=False, ranked=True),
    ),
)
RISE_IS_HARM = frozenset(metric.code for metric in METRICS.items if metric.rise_is_harm)
RANKED = frozenset(metric.code for metric in METRICS.items if metric.ranked)
MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
PERIOD_TYPES = CodeList(
    "period_type",
    (
        Cadence("month", "Monthly", months=1, slots=MONTH_NAMES, noun="month", plural="months"),
        Cadence("quarter", "Quarterly", months=3, slots=("Q1", "Q2", "Q3", "Q4"), noun="quarter", plural="quarters"),
        Cadence("half", "Half-yearly", months=6, slots=("H1", "H2"), noun="half-year", plural="half-years"),
        Cadence("year", "Annual", months=12, slots=("Full year",), noun="year", plural="years"),
    ),
)


@dataclass(frozen=True)
class SignalRule(Code):
    """A signal's rule: its numbers, and the rule in words that spell them ({minimum}, {window}, {published})."""

    minimum: int = 0  # the threshold: months, a run's length, or a percentage
    window: int = 0  # months before the latest one that a median rule reads
    published: int = 0  # of those, how many must be published
    words: str = ""

    @property
    def text(self) -> str:
        return self.words.format(minimum=self.minimum, window=self.window, published=self.published)


# Statements on a tracker series' latest published month (components/signals.py), in the order a briefing
# lists them. A month with no figure found breaks every run: it is never read as zero, nor stepped over.
SIGNAL_RULES = CodeList(
    "signal_rule",
    (
        SignalRule(
            "highest_since",
            "highest in N months",
            minimum=6,
            words="Highest in N months: the latest month with a figure is above each of the N-1 months before it, "
            "every one of them with a figure, and N is at least {minimum}.",
        ),
        SignalRule(
            "lowest_since",
            "lowest in N months",
            minimum=6,
            words="Lowest in N months: the latest month with a figure is below each of the N-1 months before it, "
            "every one of them with a figure, and N is at least {minimum}.",
        ),
        SignalRule(
            "rising_run",
            "rise for k months in a row",
            minimum=3,
            words="Rise for k months in a row: each of the latest k months with a figure is higher than the month "
            "before it, with no month without a figure in between, and k is at least {minimum}.",
        ),
        SignalRule(
            "falling_run",
            "decline for k months in a row",
            minimum=3,
            words="Decline for k months in a row: each of the latest k months with a figure is lower than the month "
            "before it, with no month without a figure in between, and k is at least {minimum}.",
        ),
        SignalRule(
            "above_median",
            "far above the 12-month median",
            minimum=50,
            window=12,
            published=6,
            words="Far above the {window}-month median: the latest month with a figure is at least {minimum}% above "
            "the median of the {window} months before it, at least {published} of them with a figure (each signal says "
            "how many); months with no figure found are left out of the median, never counted as zero.",
        ),
        SignalRule(
            "below_median",
            "far below the 12-month median",
            minimum=50,
            window=12,
            published=6,
            words="Far below the {window}-month median: the latest month with a figure is at least {minimum}% below "
            "the median of the {window} months before it, at least {published} of them with a figure (each signal says "
            "how many); months with no figure found are left out of the median, never counted as zero.",
        ),
    ),
)


# "exact" is the named place's gazetteer point (a town's or village's centre), not where the attack happened to the
# metre: it reads "named place" on screen, which a reader does not take for a surveyed position.
LOCATION_PRECISIONS = CodeList(
    "location_precision",
    (Code("exact", "named place"), Code("district", "district"), Code("province", "province")),
)
COORD_PRECISIONS = CodeList("coord_precision", (Code("exact", "exact"), Code("approximate", "approximate")))

# Why a row has no publication date (data/README.md): the cited page shows none, or the release itself is undated.
PUBLISHED_NOTES = CodeList(
    "published_note",
    (
        Code("page_shows_no_date", "the cited page shows no publication date"),
        Code("undated_release", "the release itself is undated"),
        Code("not_yet_checked", "the page has not yet been re-read for its date"),
    ),
)

# What kind of site a cited page sits on, declared once per web domain in data/outlets.csv (data/README.md
# defines each kind). A row's kind comes from that registry (components/sources.py), never from its name or notes.
SOURCE_KINDS = CodeList(
    "source_kind",
    (
        Code("tracker_site", "tracker's own site"),
        Code("major_outlet", "major outlet"),
        Code("other_outlet", "other outlet"),
        Code("repost", "repost on an unrelated site"),
        # GeoNames' record of the town an approximate crossing is drawn at (crossings.csv): a place database, no news.
        Code("gazetteer", "gazetteer"),
    ),
)

# How the map draws incidents (components/map_layers.py).
MAP_MODES = CodeList("map_mode", (Code("points", "Points"), Code("hexagons", "Hexagons"), Code("heatmap", "Heatmap")))
# The map's named views, each framing its area on the map (560 px high, 458-842 px wide;
# components/map_views.py); a link carries the code.
MAP_VIEWS = CodeList(
    "map_view",
    (
        MapArea("durand_line", "Durand Line region", lat=32.3, lon=67.9, zoom=4.5),
        MapArea("kp_tribal", "KP tribal districts", lat=33.1, lon=70.4, zoom=6.3),
        MapArea("kurram_khyber", "Kurram, Khyber, Torkham", lat=33.95, lon=70.6, zoom=7.3),
        MapArea("balochistan_border", "Balochistan border, Chaman", lat=30.4, lon=66.6, zoom=6.6),
        MapArea("kabul_jalalabad", "Kabul–Jalalabad", lat=34.4, lon=70.1, zoom=7.1),
    ),
)
# What the map page's distance-to-the-line chart shares out (components/geo.border_shares columns).
BORDER_SHARES = CodeList("share_of", (Code("incident_share", "incidents"), Code("killed_share", "fatalities")))
# What the map page's district chart counts (components/districts.district_table columns).
DISTRICT_MEASURES = CodeList("district_measure", (Code("incidents", "incidents"), Code("killed", "killed")))
BRIEFING_ADVANCE = {0: "manual", 15: "every 15 s", 30: "every 30 s", 60: "every 60 s"}  # seconds between panels

# The briefing's slides in the order they are shown; the code is the `panel` link parameter (?panel=trend).
BRIEFING_PANELS = CodeList(
    "panel",
    (
        Code("kpis", "Headline figures"),
        Code("trend", "Trend"),
        Code("map", "Map"),
        Code("timeline", "Diplomacy and violence"),
        Code("latest", "Latest developments"),
        Code("crossings", "Crossing status"),
        # Trackers' annual totals far apart, mostly by counting rules: not "Figures the sources disagree on" (Trends),
        # which lists conflicting statements of one figure. The code stays, so links keep working.
        Code("disagree", "Trackers' totals differ"),
        Code("signals", "Signals"),
    ),
)
# The briefing's colour schemes (?theme=dark): dark for dim rooms.
BRIEFING_THEMES = CodeList("theme", (Code("light", "Light"), Code("dark", "Dark, for dim rooms")))

ALL_LISTS = (
    COUNTRIES,
    PROVINCES,
    TRACKER_REGIONS,
    EVENT_FAMILIES,
    EVENT_TYPES,
    ACTOR_GROUPS,
    CROSSING_STATUSES,
    DIPLOMACY_TRACKS,
    FIGURE_STATUSES,
    PUBLISHED_NOTES,
    SOURCE_KINDS,
    TOLL_SCOPES,
    TRACKERS,
    SERIES,
    METRICS,
    PERIOD_TYPES,
    LOCATION_PRECISIONS,
    COORD_PRECISIONS,
    MAP_MODES,
    SIGNAL_RULES,
    MAP_VIEWS,
    BORDER_SHARES,
    DISTRICT_MEASURES,
    BRIEFING_PANELS,
    BRIEFING_THEMES,
)
