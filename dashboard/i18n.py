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
    "nav.goals": {"sv": "Måluppföljning", "en": "Goal follow-up"},
    "control.strategy": {"sv": "Strategi", "en": "Strategy"},
    "control.period": {"sv": "Mandatperiod", "en": "Term of office"},
    "goals.heading": {"sv": "Måluppföljning: {strategy}", "en": "Goal follow-up: {strategy}"},
    "goals.intro": {
        "sv": "Varje delmål bedöms från indikatorernas utveckling under mandatperioden {period} för {region}: utgångsläge (senaste värde före perioden), senaste värde i perioden och målet. Välj en indikator för att se diagrammet.",
        "en": "Each sub-goal is assessed from its indicators' development during the {period} term for {region}: baseline (the last value before the term), latest value in the term, and the target. Choose an indicator to see its chart.",
    },
    "goals.no_status": {
        "sv": "Inga bedömningar för {strategy}, {region}, {period} ännu. Kör `rusmon etl` (bedömningarna räknas om efter varje laddning) och ladda om sidan.",
        "en": "No assessments for {strategy}, {region}, {period} yet. Run `rusmon etl` (assessments are recomputed after each load) and reload the page.",
    },
    "goals.goal": {"sv": "Delmål {id}: {name}", "en": "Sub-goal {id}: {name}"},
    "goals.summary_label": {"sv": "Delmålets status", "en": "Sub-goal status"},
    "goals.pick": {
        "sv": "Välj en indikator i listan ovan för att se dess diagram.",
        "en": "Choose an indicator in the list above to see its chart.",
    },
    "goals.col.indicator": {"sv": "Indikator", "en": "Indicator"},
    "goals.col.target": {"sv": "Mål", "en": "Target"},
    "goals.col.baseline": {"sv": "Utgångsläge", "en": "Baseline"},
    "goals.col.latest": {"sv": "Senaste", "en": "Latest"},
    "goals.col.change": {"sv": "Förändring", "en": "Change"},
    "goals.col.status": {"sv": "Bedömning", "en": "Assessment"},
    "goals.col.reason": {"sv": "Kommentar", "en": "Comment"},
    "goals.col.period": {"sv": "Period", "en": "Period"},
    "goals.col.value": {"sv": "Värde", "en": "Value"},
    "goals.col.sex": {"sv": "Kön", "en": "Sex"},
    "goals.method": {"sv": "Så bedöms det: {method}", "en": "Method: {method}"},
    "goals.source": {
        "sv": "Källa: {source}. Bedömningen räknad {computed} med rusmons metod (se README); mål enligt {owner}, {strategy}.",
        "en": "Source: {source}. Assessment computed {computed} with rusmon's method (see README); target as set by {owner}, {strategy}.",
    },
    "goals.gap_suffix": {"sv": "skillnad kvinnor − män", "en": "gap women − men"},
    "goals.measured_in": {
        "sv": "Mäts för {region} (RIS redovisar NUTS2-regioner, inte län).",
        "en": "Measured for {region} (the RIS reports NUTS2 regions, not counties).",
    },
    "goalchart.trend": {"sv": "Trend i samma takt", "en": "Trend at the same pace"},
    "goalchart.target": {"sv": "Mål: {value}", "en": "Target: {value}"},
    "goalchart.baseline": {"sv": "Utgångsläge", "en": "Baseline"},
    "goalchart.latest": {"sv": "Senaste", "en": "Latest"},
    "goalchart.break": {"sv": "Seriebrott", "en": "Series break"},
    "goalchart.empty": {
        "sv": "Inga värden för indikatorn i lagret ännu.",
        "en": "No values for this indicator in the warehouse yet.",
    },
    "goalchart.period": {"sv": "Mandatperiod {period}", "en": "Term {period}"},
    "sex.T": {"sv": "Totalt", "en": "Total"},
    "sex.K": {"sv": "Kvinnor", "en": "Women"},
    "sex.M": {"sv": "Män", "en": "Men"},
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
