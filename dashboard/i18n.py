"""UI text in Swedish (default) and English. Pure: figure builders may use it."""

from __future__ import annotations

DEFAULT_LANGUAGE = "sv"

TEXT: dict[str, dict[str, str]] = {
    "app.title": {
        "sv": "rusmon – uppföljning av regional utveckling",
        "en": "rusmon – regional development follow-up",
    },
    "app.tagline": {
        "sv": "Indikatorer för RUS och innovationsstrategi",
        "en": "Indicators for regional development and innovation strategies",
    },
    "nav.compare": {"sv": "Jämför med innovationsledare", "en": "Compare with innovation leaders"},
    "lang.switch": {"sv": "English", "en": "Svenska"},
    "lang.switch.label": {"sv": "Byt språk till engelska", "en": "Switch language to Swedish"},
    "control.region": {"sv": "Region", "en": "Region"},
    "control.edition": {"sv": "Upplaga av RIS", "en": "RIS edition"},
    "control.year": {"sv": "År", "en": "Year"},
    "group.sweden": {"sv": "Sverige", "en": "Sweden"},
    "group.europe": {"sv": "Övriga Europa", "en": "Rest of Europe"},
    "empty.no_warehouse": {
        "sv": "Inga data är laddade ännu. Bygg lagret med `make etl` (eller `rusmon etl ris --file RIS_2023.xlsx`) och ladda om sidan.",
        "en": "No data loaded yet. Build the warehouse with `make etl` (or `rusmon etl ris --file RIS_2023.xlsx`) and reload the page.",
    },
    "empty.no_region_data": {
        "sv": "{region} har inga värden i RIS {edition} för {year}.",
        "en": "{region} has no values in RIS {edition} for {year}.",
    },
    "compare.heading": {
        "sv": "{region} jämfört med Europas innovationsledare",
        "en": "{region} compared with Europe's innovation leaders",
    },
    "compare.intro": {
        "sv": "Varje stapel är regionens värde delat med snittet för innovationsledarna (Innovation Leaders) i RIS {edition}, år {year}. Under 1 = svagare än ledarna, över 1 = starkare.",
        "en": "Each bar is the region's score divided by the mean of the Innovation Leaders in RIS {edition}, year {year}. Below 1 = weaker than the leaders, above 1 = stronger.",
    },
    "bars.title": {
        "sv": "Kvot mot innovationsledarnas snitt, {year}",
        "en": "Ratio to the innovation leaders' mean, {year}",
    },
    "bars.axis": {
        "sv": "Kvot mot ledarnas snitt (1 = samma nivå)",
        "en": "Ratio to the leaders' mean (1 = same level)",
    },
    "bars.stronger": {"sv": "Starkare än ledarna", "en": "Stronger than the leaders"},
    "bars.weaker": {"sv": "Svagare än ledarna", "en": "Weaker than the leaders"},
    "hover.region_value": {"sv": "Regionens värde", "en": "Region's score"},
    "hover.leader_mean": {"sv": "Ledarnas snitt", "en": "Leaders' mean"},
    "hover.ratio": {"sv": "Kvot", "en": "Ratio"},
    "trend.title": {
        "sv": "Innovationsindex (RII) {first}–{last}",
        "en": "Regional Innovation Index (RII) {first}–{last}",
    },
    "trend.axis": {"sv": "RII (EU {base} = 100)", "en": "RII (EU {base} = 100)"},
    "trend.leaders": {"sv": "Innovationsledarnas snitt", "en": "Innovation leaders' mean"},
    "trend.eu": {"sv": "EU", "en": "EU"},
    "card.rii": {"sv": "Innovationsindex {year}", "en": "Innovation index {year}"},
    "card.relative": {
        "sv": "{percent} av EU-nivån samma år",
        "en": "{percent} of the EU level the same year",
    },
    "card.ratio": {
        "sv": "Kvot mot innovationsledarnas snitt: {ratio}",
        "en": "Ratio to the innovation leaders' mean: {ratio}",
    },
    "card.group": {"sv": "Prestationsgrupp", "en": "Performance group"},
    "card.rank": {"sv": "Plats {rank} av {n} regioner", "en": "Rank {rank} of {n} regions"},
    "card.change": {
        "sv": "Förändring sedan {year}: {change}",
        "en": "Change since {year}: {change}",
    },
    "group.Leader": {"sv": "Innovationsledare", "en": "Innovation leader"},
    "group.Strong": {"sv": "Stark innovatör", "en": "Strong innovator"},
    "group.Moderate": {"sv": "Måttlig innovatör", "en": "Moderate innovator"},
    "group.Emerging": {"sv": "Framväxande innovatör", "en": "Emerging innovator"},
    "group.none": {"sv": "Ingen grupp", "en": "No group"},
    "source.ris": {
        "sv": "Källa: Europeiska kommissionen, Regional Innovation Scoreboard {edition}. Värden relativt EU {base} = 100; innovationsledare = regionerna i gruppen Leader i RIS {edition} (ovägt snitt). Data laddade {loaded} från {file}.",
        "en": "Source: European Commission, Regional Innovation Scoreboard {edition}. Scores relative to the EU in {base} = 100; innovation leaders = the regions in the Leader group of RIS {edition} (unweighted mean). Loaded {loaded} from {file}.",
    },
    "caveats.heading": {"sv": "Att tänka på", "en": "Caveats"},
    "caveat.marker.constant": {"sv": "† oförändrad över tid", "en": "† flat over time"},
    "caveat.marker.capped": {"sv": "▲ i taket", "en": "▲ at the cap"},
    "table.show": {"sv": "Visa som tabell", "en": "Show as table"},
    "table.indicator": {"sv": "Indikator", "en": "Indicator"},
    "table.region_value": {"sv": "Regionens värde", "en": "Region's score"},
    "table.leader_mean": {"sv": "Ledarnas snitt", "en": "Leaders' mean"},
    "table.ratio": {"sv": "Kvot", "en": "Ratio"},
    "table.year": {"sv": "År", "en": "Year"},
    "figure.empty": {"sv": "Inga data att visa", "en": "No data to show"},
    "footer": {
        "sv": "rusmon visar officiell statistik som den publicerats. Varje diagram anger källa och datum.",
        "en": "rusmon shows official statistics as published. Every chart states its source and date.",
    },
}


def t(key: str, lang: str = DEFAULT_LANGUAGE, **values: object) -> str:
    """The text for `key` in `lang`, with {placeholders} filled in."""
    entry = TEXT[key]
    template = entry.get(lang) or entry[DEFAULT_LANGUAGE]
    return template.format(**values) if values else template


def language(value: str | None) -> str:
    return "en" if value == "en" else DEFAULT_LANGUAGE
