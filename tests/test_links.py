from components.links import share_link


def test_share_link_repeats_multi_valued_parameters_in_a_stable_order():
    link = share_link("https://x.test/map", {"type": ["airstrike", "border_clash"], "from": ["2025-01-01"]})
    assert link == "https://x.test/map?from=2025-01-01&type=airstrike&type=border_clash"


def test_share_link_without_parameters_is_the_page_url():
    assert share_link("https://x.test/", {}) == "https://x.test/"
