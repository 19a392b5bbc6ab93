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
        "sv": "Källa: {source}. Bedömningen räknad {computed} med rusmons metod (se ”Så bedöms målen”, /metod); mål enligt {owner}, {strategy}.",
        "en": "Source: {source}. Assessment computed {computed} with rusmon's method (see “How goals are assessed”, /metod); target as set by {owner}, {strategy}.",
    },
    "goals.gap_suffix": {"sv": "skillnad kvinnor − män", "en": "gap women − men"},
    "goals.measured": {
        "sv": "mätt för {region} ({code} = {members})",
        "en": "measured for {region} ({code} = {members})",
    },
    "goals.measured_note": {
        "sv": "RIS redovisar NUTS2-regioner, inte län: raderna märkta ”mätt för” gäller hela {region}.",
        "en": "The RIS reports NUTS2 regions, not counties: rows marked “measured for” cover all of {region}.",
    },
    "goals.about": {"sv": "Om strategin", "en": "About the strategy"},
    "goals.unchanged": {
        "sv": "oförändrad (inom {tolerance})",
        "en": "unchanged (within {tolerance})",
    },
    "goals.first_inside": {
        "sv": "utgångsläge = första värdet i perioden (inget värde före)",
        "en": "baseline = the first value in the term (none before it)",
    },
    "goals.method_link": {"sv": "Så bedöms målen", "en": "How goals are assessed"},
    "goals.caveats": {"sv": "Förbehåll", "en": "Caveats"},
    "goals.caveat.zero": {
        "sv": "0,00 i RIS kan vara panelens lägsta värde (min–max-normalisering ger minimum 0) eller en uppgift som saknas.",
        "en": "0.00 in the RIS may be the panel's minimum (min–max normalisation gives the minimum 0) or missing data.",
    },
    "goals.summary_count": {
        "sv": "{judged} av {total} bedömda",
        "en": "{judged} of {total} assessed",
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
    "nav.explorer": {"sv": "Indikatorer", "en": "Indicators"},
    "explorer.heading": {"sv": "Indikatorer", "en": "Indicators"},
    "explorer.intro": {
        "sv": "Välj en indikator och regioner. Visa som tidsserie, småmultiplar eller staplar för ett år, för kvinnor och män där det finns, som index mot ett basår; ladda ner det som visas.",
        "en": "Choose an indicator and regions. Show as a time series, small multiples or bars for one year, for women and men where split, indexed to a base year; download what is shown.",
    },
    "explorer.indicator": {"sv": "Indikator", "en": "Indicator"},
    "explorer.regions": {"sv": "Regioner", "en": "Regions"},
    "explorer.mode": {"sv": "Visa som", "en": "Show as"},
    "explorer.mode.series": {"sv": "Tidsserie", "en": "Time series"},
    "explorer.mode.bar": {"sv": "Staplar för ett år", "en": "Bars for one year"},
    "explorer.period": {"sv": "År (staplar)", "en": "Year (bars)"},
    "explorer.period.latest": {"sv": "Senaste året", "en": "Latest year"},
    "explorer.sex": {"sv": "Kön", "en": "Sex"},
    "explorer.women_men": {"sv": "Kvinnor och män", "en": "Women and men"},
    "explorer.base": {"sv": "Index, basår = 100", "en": "Index, base year = 100"},
    "explorer.no_index": {"sv": "Inget index", "en": "No index"},
    "explorer.small": {"sv": "En liten graf per region", "en": "One small chart per region"},
    "explorer.index_unit": {"sv": "index ({base} = 100)", "en": "index ({base} = 100)"},
    "explorer.csv": {"sv": "Ladda ner CSV", "en": "Download CSV"},
    "explorer.xlsx": {"sv": "Ladda ner Excel", "en": "Download Excel"},
    "explorer.no_data_short": {"sv": "inga data ännu", "en": "no data yet"},
    "explorer.empty": {
        "sv": "Inga värden för {indicator} och de valda regionerna. Ladda data med `rusmon etl` eller välj andra regioner.",
        "en": "No values for {indicator} and the chosen regions. Load data with `rusmon etl` or choose other regions.",
    },
    "explorer.pick": {
        "sv": "Välj en indikator och minst en region.",
        "en": "Choose an indicator and at least one region.",
    },
    "explorer.table_caption": {
        "sv": "De senaste {n} perioderna; hela serien finns i nedladdningen.",
        "en": "The latest {n} periods; the whole series is in the download.",
    },
    "meta.heading": {"sv": "Om indikatorn", "en": "About the indicator"},
    "meta.definition": {"sv": "Definition", "en": "Definition"},
    "meta.unit": {"sv": "Enhet", "en": "Unit"},
    "meta.source": {"sv": "Källa", "en": "Source"},
    "meta.table": {"sv": "tabell", "en": "table"},
    "meta.frequency": {"sv": "Frekvens", "en": "Frequency"},
    "meta.direction": {"sv": "Riktning", "en": "Direction"},
    "meta.periods": {"sv": "Perioder i lagret", "en": "Periods loaded"},
    "meta.source_updated": {"sv": "Källans senaste uppdatering", "en": "Source last updated"},
    "meta.loaded": {"sv": "Senast laddad i rusmon", "en": "Last loaded into rusmon"},
    "meta.next_release": {"sv": "Nästa publicering", "en": "Next release"},
    "meta.notes": {"sv": "Noter som ska visas", "en": "Notes to be shown"},
    "meta.breaks": {"sv": "Seriebrott", "en": "Series breaks"},
    "frequency.annual": {"sv": "årlig", "en": "annual"},
    "frequency.biennial": {"sv": "vartannat år", "en": "every second year"},
    "frequency.triennial": {"sv": "vart tredje år", "en": "every third year"},
    "frequency.quarterly": {"sv": "kvartal", "en": "quarterly"},
    "frequency.irregular": {"sv": "oregelbunden", "en": "irregular"},
    "direction.higher": {"sv": "högre är bättre", "en": "higher is better"},
    "direction.lower": {"sv": "lägre är bättre", "en": "lower is better"},
    "nav.sources": {"sv": "Datakällor", "en": "Data sources"},
    "sources.intro": {
        "sv": "Varje källa och indikator med status, antal rader och färskhet, och de senaste körningarna av ETL-jobben. Tider i UTC.",
        "en": "Every source and indicator with status, rows and freshness, and the latest ETL runs. Times in UTC.",
    },
    "sources.sources": {"sv": "Källor: senaste körning", "en": "Sources: latest run"},
    "sources.ris": {"sv": "RIS-upplagor i lagret", "en": "RIS editions loaded"},
    "sources.indicators": {"sv": "Indikatorer", "en": "Indicators"},
    "sources.errors": {"sv": "Misslyckade körningar", "en": "Failed runs"},
    "sources.no_errors": {
        "sv": "Inga misslyckade körningar bland de 30 senaste.",
        "en": "No failed runs among the latest 30.",
    },
    "sources.runs": {"sv": "De 30 senaste körningarna", "en": "The latest 30 runs"},
    "sources.loaded": {"sv": "laddad", "en": "loaded"},
    "sources.awaiting_file": {"sv": "väntar på fil", "en": "awaiting a file"},
    "sources.not_loaded": {"sv": "inte laddad", "en": "not loaded"},
    "sources.col.source": {"sv": "Källa", "en": "Source"},
    "sources.col.status": {"sv": "Status", "en": "Status"},
    "sources.col.when": {"sv": "Körd", "en": "Run at"},
    "sources.col.rows": {"sv": "Rader", "en": "Rows"},
    "sources.col.last_ok": {"sv": "Senast laddad", "en": "Last loaded"},
    "sources.col.message": {"sv": "Meddelande", "en": "Message"},
    "sources.col.edition": {"sv": "Upplaga", "en": "Edition"},
    "sources.col.years": {"sv": "År", "en": "Years"},
    "sources.col.base": {"sv": "Basår (EU = 100)", "en": "Base year (EU = 100)"},
    "sources.col.file": {"sv": "Fil", "en": "File"},
    "sources.col.loaded": {"sv": "Laddad", "en": "Loaded"},
    "sources.col.indicator": {"sv": "Indikator", "en": "Indicator"},
    "sources.col.state": {"sv": "Läge", "en": "State"},
    "sources.col.periods": {"sv": "Perioder", "en": "Periods"},
    "sources.col.updated": {"sv": "Källans uppdatering", "en": "Source updated"},
    "run.ok": {"sv": "laddad", "en": "loaded"},
    "run.unchanged": {"sv": "oförändrad", "en": "unchanged"},
    "run.skipped": {"sv": "hoppades över", "en": "skipped"},
    "run.failed": {"sv": "misslyckades", "en": "failed"},
    "nav.overview": {"sv": "Översikt", "en": "Overview"},
    "overview.heading": {"sv": "Översikt: {region}", "en": "Overview: {region}"},
    "overview.rii": {"sv": "Innovationsindex (RII)", "en": "Regional Innovation Index (RII)"},
    "overview.to_compare": {
        "sv": "Jämför med innovationsledarna →",
        "en": "Compare with the innovation leaders →",
    },
    "overview.extremes": {
        "sv": "Starkast och svagast mot ledarna",
        "en": "Strongest and weakest against the leaders",
    },
    "overview.extremes_intro": {
        "sv": "Kvot mot innovationsledarnas snitt, {year} (1 = samma nivå)",
        "en": "Ratio to the innovation leaders' mean, {year} (1 = same level)",
    },
    "overview.strongest": {"sv": "Tre starkaste", "en": "Three strongest"},
    "overview.weakest": {"sv": "Tre svagaste", "en": "Three weakest"},
    "overview.goals": {"sv": "Delmål, mandatperioden {period}", "en": "Sub-goals, term {period}"},
    "overview.no_strategy": {
        "sv": "Ingen strategi i katalogen följs upp för den här regionen.",
        "en": "No strategy in the catalogue is followed up for this region.",
    },
    "overview.no_goal_status": {
        "sv": "Inga bedömningar ännu för perioden.",
        "en": "No assessments for the term yet.",
    },
    "overview.freshness": {"sv": "Datans färskhet", "en": "Data freshness"},
    "overview.indicators_loaded": {
        "sv": "{n} av {total} uppföljningsindikatorer har data",
        "en": "{n} of {total} follow-up indicators have data",
    },
    "overview.last_load": {"sv": "Senaste laddning: {when} (UTC)", "en": "Last load: {when} (UTC)"},
    "overview.failed": {
        "sv": "Senaste körningen misslyckades för: {sources}",
        "en": "The last run failed for: {sources}",
    },
    "overview.to_sources": {"sv": "Alla källor →", "en": "All sources →"},
    "bars.title_vs": {"sv": "Kvot mot {group}, {year}", "en": "Ratio to {group}, {year}"},
    "bars.axis_vs": {
        "sv": "Kvot mot jämförelsegruppen (1 = samma nivå)",
        "en": "Ratio to the benchmark (1 = same level)",
    },
    "bars.stronger_than": {"sv": "Starkare än {group}", "en": "Stronger than {group}"},
    "bars.weaker_than": {"sv": "Svagare än {group}", "en": "Weaker than {group}"},
    "control.benchmark": {"sv": "Jämför med", "en": "Compare with"},
    "control.also": {"sv": "Fler regioner sida vid sida", "en": "More regions side by side"},
    "control.peers": {
        "sv": "Egen jämförelsegrupp (sparas i webbläsaren)",
        "en": "Own peer group (saved in the browser)",
    },
    "bench.leaders": {"sv": "innovationsledarnas snitt", "en": "the innovation leaders' mean"},
    "bench.strong": {"sv": "starka innovatörers snitt", "en": "the strong innovators' mean"},
    "bench.eu": {"sv": "EU", "en": "the EU"},
    "bench.sweden": {"sv": "snittet för Sveriges regioner", "en": "the mean of Sweden's regions"},
    "bench.nordic": {"sv": "snittet för nordiska regioner", "en": "the mean of Nordic regions"},
    "bench.custom": {"sv": "egen grupp", "en": "own peer group"},
    "bench.option.leaders": {"sv": "Innovationsledare (Leader)", "en": "Innovation leaders"},
    "bench.option.strong": {"sv": "Starka innovatörer (Strong)", "en": "Strong innovators"},
    "bench.option.eu": {"sv": "EU", "en": "EU"},
    "bench.option.sweden": {"sv": "Sveriges regioner", "en": "Sweden's regions"},
    "bench.option.nordic": {"sv": "Nordiska regioner", "en": "Nordic regions"},
    "bench.option.custom": {"sv": "Egen grupp", "en": "Own peer group"},
    "bench.custom_empty": {
        "sv": "Välj regioner till den egna jämförelsegruppen.",
        "en": "Choose regions for your own peer group.",
    },
    "gap.heading": {
        "sv": "Vad gapet mot {group} består av ({region}, {year})",
        "en": "What makes up the gap to {group} ({region}, {year})",
    },
    "gap.method": {
        "sv": "Andel av gapet = indikatorns underskott (jämförelsegruppens värde minus regionens, där regionen ligger under) delat med summan av alla indikatorers underskott. RII är ett ovägt medel av normaliserade indikatorer, så andelarna visar var gapet finns, inte exakt hur många RII-poäng varje indikator står för. Placering = bland regionerna med prestationsgrupp i RIS som har ett värde för indikatorn (högst {n}); ett saknat värde (RIS-filens 0,00 alla år) får varken placering eller andel av gapet.",
        "en": "Share of the gap = the indicator's shortfall (the benchmark's score minus the region's, where the region is below) divided by the sum of all indicators' shortfalls. The RII is an unweighted mean of normalised indicators, so the shares show where the gap is, not exactly how many RII points each indicator accounts for. Rank = among the regions with a performance group in the RIS that have a score for the indicator (at most {n}); a missing value (the RIS file's 0.00 in every year) has neither a rank nor a share of the gap.",
    },
    "gap.col.indicator": {"sv": "Indikator", "en": "Indicator"},
    "gap.col.region_value": {"sv": "Regionens värde", "en": "Region's score"},
    "gap.col.benchmark": {"sv": "Jämförelsegruppen", "en": "Benchmark"},
    "gap.col.ratio": {"sv": "Kvot", "en": "Ratio"},
    "gap.col.rank": {"sv": "Placering", "en": "Rank"},
    "gap.col.share": {"sv": "Andel av gapet", "en": "Share of the gap"},
    "gap.rank": {"sv": "{rank} av {n}", "en": "{rank} of {n}"},
    "present.toggle": {"sv": "Presentationsläge", "en": "Presentation mode"},
    "present.label": {
        "sv": "Stor text för projektor; av och på",
        "en": "Large type for a projector; on and off",
    },
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
    "trend.bench.leaders": {"sv": "Innovationsledarnas snitt", "en": "Innovation leaders' mean"},
    "trend.bench.strong": {"sv": "Starka innovatörers snitt", "en": "Strong innovators' mean"},
    "trend.bench.eu": {"sv": "EU", "en": "EU"},
    "trend.bench.sweden": {"sv": "Snittet för Sveriges regioner", "en": "Mean of Sweden's regions"},
    "trend.bench.nordic": {"sv": "Snittet för nordiska regioner", "en": "Mean of Nordic regions"},
    "trend.bench.custom": {"sv": "Den egna gruppens snitt", "en": "Own peer group's mean"},
    "compare.heading.leaders": {
        "sv": "{region} jämfört med Europas innovationsledare",
        "en": "{region} compared with Europe's innovation leaders",
    },
    "compare.heading.strong": {
        "sv": "{region} jämfört med Europas starka innovatörer",
        "en": "{region} compared with Europe's strong innovators",
    },
    "compare.heading.eu": {"sv": "{region} jämfört med EU", "en": "{region} compared with the EU"},
    "compare.heading.sweden": {
        "sv": "{region} jämfört med Sveriges regioner",
        "en": "{region} compared with Sweden's regions",
    },
    "compare.heading.nordic": {
        "sv": "{region} jämfört med nordiska regioner",
        "en": "{region} compared with the Nordic regions",
    },
    "compare.heading.custom": {
        "sv": "{region} jämfört med en egen jämförelsegrupp",
        "en": "{region} compared with an own peer group",
    },
    "compare.intro.leaders": {
        "sv": "Kvoten är regionens värde delat med snittet för innovationsledarna (Innovation Leaders) i RIS {edition}, år {year}. Under 1 = svagare än ledarna, över 1 = starkare.",
        "en": "The ratio is the region's score divided by the mean of the Innovation Leaders in RIS {edition}, year {year}. Below 1 = weaker than the leaders, above 1 = stronger.",
    },
    "compare.intro.strong": {
        "sv": "Kvoten är regionens värde delat med snittet för de starka innovatörerna (Strong Innovators) i RIS {edition}, år {year}. Under 1 = svagare än de starka innovatörerna, över 1 = starkare.",
        "en": "The ratio is the region's score divided by the mean of the Strong Innovators in RIS {edition}, year {year}. Below 1 = weaker than the strong innovators, above 1 = stronger.",
    },
    "compare.intro.eu": {
        "sv": "Kvoten är regionens värde delat med EU:s värde i RIS {edition}, år {year}. Under 1 = svagare än EU, över 1 = starkare.",
        "en": "The ratio is the region's score divided by the EU's score in RIS {edition}, year {year}. Below 1 = weaker than the EU, above 1 = stronger.",
    },
    "compare.intro.sweden": {
        "sv": "Kvoten är regionens värde delat med snittet för Sveriges NUTS 2-regioner i RIS {edition}, år {year}. Under 1 = svagare än snittet, över 1 = starkare.",
        "en": "The ratio is the region's score divided by the mean of Sweden's NUTS 2 regions in RIS {edition}, year {year}. Below 1 = weaker than the mean, above 1 = stronger.",
    },
    "compare.intro.nordic": {
        "sv": "Kvoten är regionens värde delat med snittet för de nordiska NUTS 2-regionerna i RIS {edition}, år {year}. Under 1 = svagare än snittet, över 1 = starkare.",
        "en": "The ratio is the region's score divided by the mean of the Nordic NUTS 2 regions in RIS {edition}, year {year}. Below 1 = weaker than the mean, above 1 = stronger.",
    },
    "compare.intro.custom": {
        "sv": "Kvoten är regionens värde delat med snittet för den egna jämförelsegruppen i RIS {edition}, år {year}. Under 1 = svagare än gruppen, över 1 = starkare.",
        "en": "The ratio is the region's score divided by the mean of your own peer group in RIS {edition}, year {year}. Below 1 = weaker than the group, above 1 = stronger.",
    },
    "card.ratio_vs": {"sv": "Kvot mot {group}: {ratio}", "en": "Ratio to {group}: {ratio}"},
    "ris.no_data": {"sv": "uppgift saknas", "en": "no data"},
    "caveat.missing": {
        "sv": "Uppgift saknas för {indicators}: RIS-filen skriver saknade värden som 0,00, och regionens serie är 0,00 alla år. Den visas inte som stapel och ingår inte i något snitt, någon placering eller andel av gapet.",
        "en": "No data for {indicators}: the RIS file writes missing data as 0.00, and the region's series is 0.00 in every year. It is not drawn as a bar and is in no mean, rank or share of the gap.",
    },
    "caveat.zero": {
        "sv": "{mark} {indicators}: värdet är 0,00 det här året men inte alla år. RIS normaliserar varje indikator mellan panelens lägsta och högsta värde, så 0 kan vara regionens verkliga läge (lägst i panelen) men också ett saknat värde. Tolka med försiktighet.",
        "en": "{mark} {indicators}: the score is 0.00 this year but not in every year. RIS normalises each indicator between the panel's lowest and highest value, so 0 may be the region's real position (the panel's lowest) or missing data. Read with care.",
    },
    "overview.no_data": {
        "sv": "Uppgift saknas (0,00 alla år i RIS-filen; ingår inte i jämförelsen): {indicators}",
        "en": "No data (0.00 in every year in the RIS file; left out of the comparison): {indicators}",
    },
    "notice.unknown.region": {
        "sv": "Okänd region '{value}' i länken – visar {default} i stället.",
        "en": "Unknown region '{value}' in the link – showing {default} instead.",
    },
    "notice.unknown.regions": {
        "sv": "Okänd region i länken, utelämnad: {value}.",
        "en": "Unknown region in the link, left out: {value}.",
    },
    "notice.unknown.strategy": {
        "sv": "Okänd strategi '{value}' i länken – visar {default} i stället.",
        "en": "Unknown strategy '{value}' in the link – showing {default} instead.",
    },
    "notice.unknown.indicator": {
        "sv": "Okänd indikator '{value}' i länken – visar {default} i stället.",
        "en": "Unknown indicator '{value}' in the link – showing {default} instead.",
    },
    "notice.unknown.pick": {
        "sv": "Okänd indikator '{value}' i länken – ingen indikator är vald.",
        "en": "Unknown indicator '{value}' in the link – no indicator is chosen.",
    },
    "notice.unknown.benchmark": {
        "sv": "Okänd jämförelsegrupp '{value}' i länken – visar {default} i stället.",
        "en": "Unknown benchmark '{value}' in the link – showing {default} instead.",
    },
    "notice.unknown.edition": {
        "sv": "Okänd upplaga '{value}' i länken – visar {default} i stället.",
        "en": "Unknown edition '{value}' in the link – showing {default} instead.",
    },
    "notice.unknown.year": {
        "sv": "Okänt år '{value}' i länken – visar {default} i stället.",
        "en": "Unknown year '{value}' in the link – showing {default} instead.",
    },
    "notice.unknown.period": {
        "sv": "Okänd mandatperiod '{value}' i länken – visar {default} i stället.",
        "en": "Unknown term of office '{value}' in the link – showing {default} instead.",
    },
    "notice.unknown.option": {
        "sv": "Okänt värde '{value}' för {what} i länken – visar {default} i stället.",
        "en": "Unknown value '{value}' for {what} in the link – showing {default} instead.",
    },
    "notice.none": {"sv": "inget", "en": "none"},
    "notice.latest": {"sv": "det senaste året", "en": "the latest year"},
    "notice.no_values.regions": {
        "sv": "Inga värden för indikatorn i länkens region, utelämnad: {value}.",
        "en": "No values for the indicator in the link's region, left out: {value}.",
    },
    "card.rii": {"sv": "Innovationsindex {year}", "en": "Innovation index {year}"},
    "card.relative": {
        "sv": "{percent} av EU-nivån samma år",
        "en": "{percent} of the EU level the same year",
    },
    "card.group": {"sv": "Prestationsgrupp", "en": "Performance group"},
    "card.rank": {"sv": "Placering {rank} av {n} regioner", "en": "Rank {rank} of {n} regions"},
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
        "sv": "Källa: Europeiska kommissionen, Regional Innovation Scoreboard {edition}. Värden relativt EU {base} = 100; jämförelsegrupp: {group} (grupper enligt RIS {edition}, ovägt snitt av regionerna; EU = EU:s eget värde). Data laddade {loaded} från {file}.",
        "en": "Source: European Commission, Regional Innovation Scoreboard {edition}. Scores relative to the EU in {base} = 100; benchmark: {group} (groups as in RIS {edition}, unweighted mean of the regions; the EU = its own value). Loaded {loaded} from {file}.",
    },
    "source.own_file": {"sv": "{source} (egen fil: {file})", "en": "{source} (own file: {file})"},
    "source.hand_kept_api": {
        "sv": "{source} (handpåförd fil: {file}, inte hämtad via API)",
        "en": "{source} (hand-kept file: {file}, not fetched from the API)",
    },
    "source.with_note": {"sv": "{source}, anmärkning: {note}", "en": "{source}, note: {note}"},
    "source.line": {
        "sv": "Källa: {source}. Senast laddad i rusmon {loaded}.",
        "en": "Source: {source}. Last loaded into rusmon {loaded}.",
    },
    "meta.values_from": {
        "sv": "Diagrammets värden kommer från",
        "en": "The chart's values come from",
    },
    "meta.rows_periods": {"sv": "{rows} värden, {periods}", "en": "{rows} values, {periods}"},
    "explorer.col.source": {"sv": "Källa", "en": "Source"},
    "explorer.col.note": {"sv": "anmärkning", "en": "note"},
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
    # Exports: deck, slide images, profile, offline presentation
    "overview.profile": {
        "sv": "Regionprofil för utskrift och PDF (2–4 sidor A4)",
        "en": "Region profile to print or save as PDF (2–4 A4 pages)",
    },
    "download.menu": {"sv": "Ladda ner", "en": "Download"},
    "download.png": {"sv": "PNG, bildspelsbild 1920×1080", "en": "PNG, slide 1920×1080"},
    "download.png-screen": {"sv": "PNG, skärmstorlek ×2", "en": "PNG, screen size ×2"},
    "download.svg": {"sv": "SVG (skalbar bild)", "en": "SVG (scalable image)"},
    "download.pdf": {"sv": "PDF", "en": "PDF"},
    "download.csv": {"sv": "Diagrammets data (CSV)", "en": "The chart's data (CSV)"},
    "download.col.status": {"sv": "Anmärkning", "en": "Note"},
    "download.status.capped": {"sv": "i taket", "en": "at the cap"},
    "download.status.zero": {"sv": "enstaka 0,00", "en": "isolated 0.00"},
    "download.status.missing": {"sv": "uppgift saknas", "en": "no data"},
    "download.deck": {"sv": "Skapa presentation", "en": "Create presentation"},
    "download.deck_title": {
        "sv": "PowerPoint med redigerbara diagram, talarnoter och källor för det som visas",
        "en": "PowerPoint with editable charts, speaker notes and sources for this view",
    },
    "deck.subtitle": {
        "sv": "Måluppföljning {period} · {region}",
        "en": "Goal follow-up {period} · {region}",
    },
    "deck.made": {
        "sv": "Underlag ur rusmon, {date}. Varje siffra anger källa och datum.",
        "en": "Prepared with rusmon, {date}. Every figure states its source and date.",
    },
    "deck.bars_note": {
        "sv": "{region} ligger över {group} i {above} av {n} indikatorer {year} (kvot över 1,00). Starkast: {best}. Svagast: {worst}.",
        "en": "{region} is above {group} in {above} of {n} indicators in {year} (ratio above 1.00). Strongest: {best}. Weakest: {worst}.",
    },
    "deck.bars_missing": {
        "sv": "Uppgift saknas för {n} indikatorer.",
        "en": "No data for {n} indicators.",
    },
    "deck.trend_note": {
        "sv": "Innovationsindex för {region}: {first} år {first_year}, {last} år {last_year}.",
        "en": "Innovation index for {region}: {first} in {first_year}, {last} in {last_year}.",
    },
    "deck.extremes": {
        "sv": "Starkast och svagast mot {group}, {year}",
        "en": "Strongest and weakest against {group}, {year}",
    },
    "deck.strongest": {"sv": "Starkast", "en": "Strongest"},
    "deck.weakest": {"sv": "Svagast", "en": "Weakest"},
    "deck.goal_note": {
        "sv": "{goal}. Delmålets status: {status}. {method}",
        "en": "{goal}. Sub-goal status: {status}. {method}",
    },
    "deck.row_note": {
        "sv": "{label}: {baseline} → {latest} ({change}), {status}.",
        "en": "{label}: {baseline} → {latest} ({change}), {status}.",
    },
    "deck.goal_source": {
        "sv": "Källa: bedömningar av rusmon ur lagrets goal_status; värdenas källor på indikatorbilderna och sista bilden.",
        "en": "Source: rusmon's assessments from the warehouse's goal_status; the values' sources on the indicator slides and the last slide.",
    },
    "deck.assessed": {
        "sv": "Bedömningarna: rusmons metod (bilden ”Så bedöms målen”), räknade när värdena laddades; målen enligt {owner}, {strategy}.",
        "en": "Assessments: rusmon's method (slide “How goals are assessed”), computed when the values were loaded; targets as set by {owner}, {strategy}.",
    },
    "deck.method": {"sv": "Så bedöms målen", "en": "How goals are assessed"},
    "deck.sources": {"sv": "Källor", "en": "Sources"},
    "deck.sources_intro": {
        "sv": "Alla källor i presentationen, med hämtdatum",
        "en": "Every source in this presentation, with the date it was loaded",
    },
    "deck.no_goals": {
        "sv": "Inga bedömningar för {strategy}, {region}, {period}: kör `rusmon etl` först.",
        "en": "No assessments for {strategy}, {region}, {period}: run `rusmon etl` first.",
    },
    # The shell: skip link, menu, page titles (the browser tab), the untranslated marker
    "shell.skip": {"sv": "Hoppa till innehållet", "en": "Skip to content"},
    "shell.menu": {"sv": "Huvudmeny", "en": "Main menu"},
    "nav.method": {"sv": "Så bedöms målen", "en": "How goals are assessed"},
    "page.title": {"sv": "rusmon – {page}", "en": "rusmon – {page}"},
    "untranslated.legend": {
        "sv": "[sv] = finns bara på svenska.",
        "en": "[sv] = not translated: the catalogue or the data file gives this text in Swedish only.",
    },
    "untranslated.title": {
        "sv": "Finns bara på svenska",
        "en": "Not translated: the catalogue or the data file gives this text in Swedish only",
    },
    # The texts inside dropdowns (Dash's own are English only)
    "dropdown.search": {"sv": "Sök", "en": "Search"},
    "dropdown.clear_search": {"sv": "Rensa sökningen", "en": "Clear search"},
    "dropdown.clear_selection": {"sv": "Rensa valet", "en": "Clear selection"},
    "dropdown.no_options_found": {"sv": "Inga träffar", "en": "No matches"},
    "dropdown.select_all": {"sv": "Välj alla", "en": "Select all"},
    "dropdown.deselect_all": {"sv": "Avmarkera alla", "en": "Deselect all"},
    "dropdown.selected_count": {"sv": "{num_selected} valda", "en": "{num_selected} selected"},
    # Lists: "Västerbottens och Norrbottens län", "Uppsala, Södermanland and Örebro"
    "list.and": {"sv": " och ", "en": " and "},
    "list.or": {"sv": " eller ", "en": " or "},
    # The sources' names on Datakällor (the ETL's source keys)
    "source.name.ris": {
        "sv": "Regional Innovation Scoreboard (EU)",
        "en": "Regional Innovation Scoreboard (EU)",
    },
    "source.name.scb": {
        "sv": "SCB Statistikdatabasen",
        "en": "Statistics Sweden (SCB), Statistical Database",
    },
    "source.name.kolada": {"sv": "Kolada (RKA)", "en": "Kolada (RKA)"},
    "source.name.tva": {
        "sv": "Tillväxtanalys",
        "en": "Swedish Agency for Growth Policy Analysis (Tillväxtanalys)",
    },
    "source.name.eurostat": {"sv": "Eurostat", "en": "Eurostat"},
    "source.name.manual": {"sv": "Egna filer", "en": "Hand-kept files"},
    "source.name.goals": {"sv": "Måluppföljning (beräknad)", "en": "Goal follow-up (computed)"},
    "source.ris_publisher": {
        "sv": "Europeiska kommissionen, Regional Innovation Scoreboard {edition}",
        "en": "European Commission, Regional Innovation Scoreboard {edition}",
    },
    # Goal indicators followed in the RIS: the unit shown with the value
    "goals.unit.ratio_to_leaders": {
        "sv": "kvot mot innovationsledarna",
        "en": "ratio to the leaders",
    },
    "goals.unit.score": {"sv": "poäng (EU = 100)", "en": "score (EU = 100)"},
    # Så bedöms målen (the method's own paragraphs are in dashboard.views.method)
    "method.heading": {"sv": "Så bedöms målen", "en": "How goals are assessed"},
    "method.example_heading": {"sv": "Räkneexempel", "en": "Worked example"},
    "method.example": {
        "sv": "Exempel ur lagret: {ind} i {region}, mandatperioden {period}. Utgångsläge {b} ({bp}), senaste {l} ({lp}), mål {t} år {ty}. Behövd takt = ({t} − {b}) / ({ty} − {bp}) = {need} per år. Uppnådd takt = ({l} − {b}) / ({lp} − {bp}) = {got} per år. Andel av behövd takt: {share} → {verdict}.",
        "en": "Example from the warehouse: {ind} in {region}, term {period}. Baseline {b} ({bp}), latest {l} ({lp}), target {t} by {ty}. Needed pace = ({t} − {b}) / ({ty} − {bp}) = {need} a year. Achieved pace = ({l} − {b}) / ({lp} − {bp}) = {got} a year. Share of the needed pace: {share} → {verdict}.",
    },
    # The explorer's download (CSV and Excel): column names
    "explorer.download.indicator_id": {"sv": "indikator_id", "en": "indicator_id"},
    "explorer.download.indicator": {"sv": "indikator", "en": "indicator"},
    "explorer.download.region_code": {"sv": "regionkod", "en": "region_code"},
    "explorer.download.region": {"sv": "region", "en": "region"},
    "explorer.download.period": {"sv": "period", "en": "period"},
    "explorer.download.sex": {"sv": "kön", "en": "sex"},
    "explorer.download.value": {"sv": "värde", "en": "value"},
    "explorer.download.unit": {"sv": "enhet", "en": "unit"},
    "explorer.download.source": {"sv": "källa", "en": "source"},
    "explorer.download.status": {"sv": "status", "en": "status"},
    "explorer.download.note": {"sv": "anmärkning", "en": "note"},
    # The region profile (/profil, `rusmon export profile`)
    "profile.title": {"sv": "Regionprofil", "en": "Region profile"},
    "profile.made": {
        "sv": "Skapad {date} med rusmon ur lagret som dashboarden visar",
        "en": "Made {date} with rusmon from the warehouse the dashboard shows",
    },
    "profile.ris.heading": {
        "sv": "Innovationsförmåga: Regional Innovation Scoreboard {edition}",
        "en": "Innovation performance: Regional Innovation Scoreboard {edition}",
    },
    "profile.ris.measured": {
        "sv": "RIS redovisar NUTS2-regioner, inte län: alla RIS-siffror i profilen är {measured}.",
        "en": "The RIS reports NUTS2 regions, not counties: every RIS figure in this profile is {measured}.",
    },
    "profile.ris.card_of": {"sv": "{region}, RIS {edition}", "en": "{region}, RIS {edition}"},
    "profile.caveats": {"sv": "Att tänka på", "en": "Caveats"},
    "profile.goals.heading": {
        "sv": "Måluppföljning, mandatperioden {period}",
        "en": "Goal follow-up, term {period}",
    },
    "profile.goals.intro": {
        "sv": "Delmålens status för {region} under mandatperioden {period}, som rusmon bedömde den vid senaste laddningen: utgångsläge (senaste värde före perioden), senaste värde i perioden och målet. Mål enligt {owner}.",
        "en": "The sub-goals' status for {region} in the {period} term, as rusmon assessed it at the last load: baseline (the last value before the term), latest value in the term, and the target. Targets as set by {owner}.",
    },
    "profile.goals.col.goal": {"sv": "Delmål", "en": "Sub-goal"},
    "profile.goals.col.status": {"sv": "Status", "en": "Status"},
    "profile.goals.col.judged": {"sv": "Underlag", "en": "Basis"},
    "profile.goals.no_strategy": {
        "sv": "Ingen strategi i katalogen följer upp {region}, så profilen visar bara RIS.",
        "en": "No strategy in the catalogue follows up {region}, so the profile shows the RIS only.",
    },
    "profile.sources": {"sv": "Källor", "en": "Sources"},
    "profile.sources.strategy": {
        "sv": "{strategy}: mål enligt {owner}; bedömningarna räknade med rusmons metod (se ”Så bedöms målen”, /metod) och lagrade vid varje laddning.",
        "en": "{strategy}: targets as set by {owner}; assessments computed with rusmon's method (see “How goals are assessed”, /metod) and stored at every load.",
    },
    "profile.sources.none": {
        "sv": "Inga värden laddade för strategins indikatorer (se kommentarerna ovan).",
        "en": "No values loaded for the strategy's indicators (see the comments above).",
    },
    "profile.pages": {
        "sv": "Samma siffror som dashboardens sidor: {compare}{goals}.",
        "en": "The same figures as the dashboard's pages: {compare}{goals}.",
    },
    "profile.print_hint": {
        "sv": "Utskriftsvänlig sida: skriv ut eller spara som PDF med webbläsarens utskrift (Ctrl+P), A4 stående. Samma profil som `rusmon export profile`.",
        "en": "Print-friendly page: print it or save it as PDF with the browser's print dialogue (Ctrl+P), A4 portrait. The same profile as `rusmon export profile`.",
    },
    "profile.page": {"sv": "sida", "en": "page"},
    "profile.of": {"sv": "av", "en": "of"},
    "profile.no_region": {
        "sv": "Ange en region, t.ex. /profil?region=SE125 (Västmanlands län).",
        "en": "Give a region, e.g. /profil?region=SE125 (Västmanland County).",
    },
    # The offline HTML presentation (`rusmon export html`)
    "export.help": {
        "sv": "Piltangenter: bläddra · n: talarnoter",
        "en": "Arrow keys: navigate · n: speaker notes",
    },
    "export.notes": {"sv": "Talarnoter", "en": "Speaker notes"},
    "export.no_notes": {
        "sv": "Inga talarnoter för den här bilden.",
        "en": "No speaker notes for this slide.",
    },
    "export.slide": {"sv": "Bild", "en": "Slide"},
    "export.noscript": {
        "sv": "Presentationen behöver JavaScript för att bläddra och rita diagrammen.",
        "en": "The presentation needs JavaScript to navigate and draw the charts.",
    },
    # The PowerPoint deck's own words on its slides
    "pptx.source": {"sv": "Källa", "en": "Source"},
    "pptx.cont": {"sv": "(forts.)", "en": "(cont.)"},
    "pptx.no_data": {"sv": "Inga värden att visa.", "en": "No values to show."},
    "pptx.missing": {
        "sv": "Tom plats = värde saknas (inte 0).",
        "en": "Empty place = value missing (not 0).",
    },
    "pptx.reference": {
        "sv": "Staplarna utgår från referensvärdet {value}.",
        "en": "Bars start at the reference value {value}.",
    },
    # Maps: Jämför's and Indikatorer's "Karta", Översikt's locator map, the sources' name
    "maps.attribution": {
        "sv": "© EuroGeographics för de administrativa gränserna",
        "en": "© EuroGeographics for the administrative boundaries",
    },
    "maps.tabs": {"sv": "Visa som", "en": "Show as"},
    "maps.query.view": {"sv": "visningen (Diagram eller Karta)", "en": "the view (Chart or Map)"},
    "maps.tab.chart": {"sv": "Diagram", "en": "Chart"},
    "maps.tab.map": {"sv": "Karta", "en": "Map"},
    "maps.no_data": {"sv": "uppgift saknas", "en": "no data"},
    "maps.empty": {"sv": "Inga regioner att visa på kartan.", "en": "No regions to map."},
    "maps.no_geometry": {
        "sv": "Kartgränserna är inte laddade. Kör `rusmon etl geo` (eller `make etl`) och ladda om sidan.",
        "en": "The map boundaries are not loaded. Run `rusmon etl geo` (or `make etl`) and reload the page.",
    },
    "maps.control.indicator": {"sv": "Indikator på kartan", "en": "Indicator on the map"},
    "maps.control.colour": {"sv": "Färg efter", "en": "Colour by"},
    "maps.colour.ratio": {"sv": "Kvot mot jämförelsegruppen", "en": "Ratio to the benchmark"},
    "maps.colour.group": {
        "sv": "Prestationsgrupp (som EU:s karta)",
        "en": "Performance group (as the EU's map)",
    },
    "maps.control.period": {"sv": "År på kartan", "en": "Year on the map"},
    "maps.europe.title.ratio": {
        "sv": "{indicator} {year}: kvot mot {group}",
        "en": "{indicator} {year}: ratio to {group}",
    },
    "maps.europe.title.group": {
        "sv": "Prestationsgrupper i Regional Innovation Scoreboard {edition}",
        "en": "Performance groups in the Regional Innovation Scoreboard {edition}",
    },
    "maps.europe.how": {
        "sv": "Färgen är regionens värde för {indicator} delat med {group}: blått = starkare (över 1), orange = svagare (under 1), på en logaritmisk skala där ½ och 2 ligger lika långt från 1. Skalan visar bara det spann regionerna når, aldrig bortom ⅛ och 8 gånger. Grått = uppgift saknas.",
        "en": "The colour is the region's score for {indicator} divided by {group}: blue = stronger (above 1), orange = weaker (below 1), on a logarithmic scale where ½ and 2 are as far from 1. The scale shows only the range the regions reach, never beyond ⅛ and 8 times. Grey = no data.",
    },
    "maps.europe.insets": {
        "sv": "Frankrikes utomeuropeiska regioner (FRY) visas i en rad mellan Azorerna och Kanarieöarna.",
        "en": "France's outermost regions (FRY) are shown in a row between the Azores and the Canary Islands.",
    },
    "maps.hover.ratio": {"sv": "Kvot mot {group}: {ratio}", "en": "Ratio to {group}: {ratio}"},
    "maps.hover.rank": {"sv": "Placering: {rank}", "en": "Rank: {rank}"},
    "maps.unmapped": {
        "sv": "Saknar karta (har värden men ingen gräns i kartfilerna): {regions}",
        "en": "No map (values but no boundary in the map files): {regions}",
    },
    "maps.click.europe": {
        "sv": "Klicka på en region för att välja den på sidan.",
        "en": "Click a region to choose it on the page.",
    },
    "maps.click.sweden": {
        "sv": "Klicka på ett område för att lägga till det i jämförelsen eller ta bort det.",
        "en": "Click an area to add it to the comparison or remove it.",
    },
    "maps.col.code": {"sv": "Regionkod", "en": "Region code"},
    "maps.table_caption": {
        "sv": "Kartans värden per region.",
        "en": "The map's values per region.",
    },
    "maps.sweden.title": {
        "sv": "{indicator}, {period} ({where})",
        "en": "{indicator}, {period} ({where})",
    },
    "maps.sweden.lan": {"sv": "län", "en": "counties"},
    "maps.sweden.nuts2": {"sv": "riksområden, NUTS 2", "en": "NUTS 2 regions"},
    "maps.sweden.subtitle.lan": {
        "sv": "Sveriges {count} län, {unit}",
        "en": "Sweden's {count} counties, {unit}",
    },
    "maps.sweden.subtitle.nuts2": {
        "sv": "Sveriges {count} riksområden (NUTS 2), {unit}",
        "en": "Sweden's {count} NUTS 2 regions, {unit}",
    },
    "maps.sweden.subtitle.split": {
        "sv": "kvinnor och män var för sig",
        "en": "women and men side by side",
    },
    "maps.sweden.darker_higher": {
        "sv": "Mörkare blå = högre värde, vilket är bättre för den här indikatorn.",
        "en": "Darker blue = a higher value, which is better for this indicator.",
    },
    "maps.sweden.darker_lower": {
        "sv": "Mörkare blå = lägre värde, vilket är bättre för den här indikatorn.",
        "en": "Darker blue = a lower value, which is better for this indicator.",
    },
    "maps.sweden.nuts2_note": {
        "sv": "Indikatorn redovisas för Sveriges 8 riksområden (NUTS 2), inte för län: kartan visar riksområdena, och ett riksområdes värde gäller alla dess län tillsammans.",
        "en": "The indicator is published for Sweden's 8 NUTS 2 regions, not for counties: the map shows the NUTS 2 regions, and a region's value covers all its counties together.",
    },
    "maps.sweden.no_regional": {
        "sv": "{indicator} har inga värden för län eller riksområden att visa på kartan.",
        "en": "{indicator} has no values for counties or NUTS 2 regions to map.",
    },
    "maps.sweden.missing": {
        "sv": "Uppgift saknas {period} för {regions}.",
        "en": "No data for {period} for {regions}.",
    },
    "maps.locator": {
        "sv": "{region} på kartan: länet mörkt, dess riksområde ljusare",
        "en": "{region} on the map: the county dark, its NUTS 2 region lighter",
    },
    "maps.locator.nuts2": {
        "sv": "{region} på kartan: riksområdets län mörka",
        "en": "{region} on the map: the region's counties dark",
    },
    "source.name.geo": {
        "sv": "Kartgränser (Eurostat GISCO, NUTS 2021)",
        "en": "Map boundaries (Eurostat GISCO, NUTS 2021)",
    },
    "unavailable.title": {
        "sv": "Lagret svarar inte – rusmon",
        "en": "The warehouse is not answering – rusmon",
    },
    "unavailable.heading": {
        "sv": "Lagret (databasen) svarar inte just nu",
        "en": "The data warehouse (database) is not answering right now",
    },
    "unavailable.body": {
        "sv": "rusmon kan inte läsa indikatorvärdena eftersom databasen inte svarar. Ingenting har gått förlorat: sidan fungerar igen så snart databasen svarar. Försök igen om en stund; om felet består, kontakta den som driver rusmon hos er.",
        "en": "rusmon cannot read the indicator values because the database is not answering. Nothing has been lost: the page works again as soon as the database answers. Try again in a moment; if the problem persists, contact whoever runs rusmon for you.",
    },
    "unavailable.retry": {"sv": "Försök igen", "en": "Try again"},
    "unavailable.callback": {
        "sv": "Lagret (databasen) svarar inte just nu, så vyn kunde inte uppdateras. Försök igen om en stund.",
        "en": "The data warehouse (database) is not answering right now, so the view could not be updated. Try again in a moment.",
    },
    "health.unavailable": {
        "sv": "Lagret (databasen) svarar inte just nu.",
        "en": "The data warehouse (database) is not answering right now.",
    },
    "health.unusable": {
        "sv": "Lagret svarar men kunde inte läsas: körloggen (etl_run) gick inte att fråga.",
        "en": "The warehouse answers but could not be read: the run log (etl_run) could not be queried.",
    },
    "health.missing": {
        "sv": "Lagret finns inte ännu: kör rusmon etl.",
        "en": "There is no warehouse yet: run rusmon etl.",
    },
    "health.empty": {
        "sv": "Databasen svarar men inget är laddat ännu: kör rusmon etl.",
        "en": "The database answers but nothing has been loaded yet: run rusmon etl.",
    },
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


# ---------------------------------------------------------------------------------------------
# Catalogue texts without English: shown in Swedish, marked, never silently.
#
# A strategy's own words (target texts, notes, owner), an indicator's notes, next release and
# source label, a hand-kept file's source and note, the source's own notes (SCB) and the ETL's
# run messages are written in Swedish; the catalogue may give an English text beside its own
# (`note_en`, `text_en`, `owner_en`, `notes_en`, `label_en`, ...). In English, a text
# without one is shown in Swedish followed by the marker "[sv]", and the Swedish words are set
# between Unicode's FIRST STRONG ISOLATE (U+2068) and POP DIRECTIONAL ISOLATE (U+2069): they
# are invisible, and say exactly which words are Swedish, so that every renderer can tag them
# (`lang="sv"` in HTML, a Swedish run in PowerPoint; `swedish_parts`) or drop the two
# characters (`plain`). Swedish pages never carry either.

UNTRANSLATED = "[sv]"
SWEDISH_START = "\u2068"
SWEDISH_END = "\u2069"


def catalogue_text(sv: str | None, en: str | None, lang: str) -> str:
    """A catalogue text in `lang`: the English text in English when there is one, else the
    Swedish text marked "… [sv]"; in Swedish the Swedish text. Missing texts give ""."""
    if lang != "en":
        return sv or ""
    if en:
        return en
    if not sv:
        return ""
    return f"{SWEDISH_START}{sv}{SWEDISH_END} {UNTRANSLATED}"


def swedish_only(text: str | None, lang: str) -> str:
    """A text that exists only in Swedish (an ETL run's message), marked in English."""
    return catalogue_text(text, None, lang)


def swedish_parts(text: str) -> list[tuple[str, bool]]:
    """`text` cut into (part, is_swedish) in order, without the isolate characters: the parts
    marked by `catalogue_text` are Swedish, the rest is in the page's language."""
    parts: list[tuple[str, bool]] = []
    rest = text
    while SWEDISH_START in rest:
        before, _, after = rest.partition(SWEDISH_START)
        inside, _, rest = after.partition(SWEDISH_END)
        if before:
            parts.append((before, False))
        if inside:
            parts.append((inside, True))
    if rest:
        parts.append((rest, False))
    return parts


def plain(text: str) -> str:
    """`text` without the isolate characters: for files that cannot say which words are
    Swedish (CSV, notes); the marker "[sv]" stays."""
    return text.replace(SWEDISH_START, "").replace(SWEDISH_END, "")


def join_and(items: list[str], lang: str) -> str:
    """ "a, b och c" / "a, b and c"."""
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + t("list.and", lang) + items[-1]
