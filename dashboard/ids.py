"""Component ids, one place: pages, callbacks and browser tests use these constants."""

COMPARE_REGION = "compare-region"
COMPARE_EDITION = "compare-edition"
COMPARE_YEAR = "compare-year"
COMPARE_HEADING = "compare-heading"
COMPARE_CARD = "compare-card"
COMPARE_BARS = "compare-bars"
COMPARE_CAVEATS = "compare-caveats"
COMPARE_SOURCE = "compare-source"
COMPARE_TABLE = "compare-table"
COMPARE_TREND = "compare-trend"
COMPARE_LANG = "compare-lang"

URL_SYNC = "url-sync"  # dummy output of the clientside permalink writer
LANG_SWITCH = "lang-switch"
PRESENT_TOGGLE = "present-toggle"  # also named in assets/present.js
LEGEND = "untranslated-legend"  # what "[sv]" means, in the English footer
COMPARE_URL = "compare-url"  # dummy output of the compare page's permalink writer
COMPARE_TREND_SOURCE = "compare-trend-source"

GOALS_STRATEGY = "goals-strategy"
GOALS_REGION = "goals-region"
GOALS_PERIOD = "goals-period"
GOALS_LIST = "goals-list"
GOALS_PICK = "goals-pick"  # "goal_id|indicator_key" of the indicator whose chart is shown
GOALS_CHART = "goals-chart"
GOALS_SENTENCE = "goals-sentence"
GOALS_TABLE = "goals-table"
GOALS_SOURCE = "goals-source"
GOALS_LANG = "goals-lang"
GOALS_URL = "goals-url"

EXPLORER_INDICATOR = "explorer-indicator"
EXPLORER_REGIONS = "explorer-regions"
EXPLORER_MODE = "explorer-mode"
EXPLORER_PERIOD = "explorer-period"
EXPLORER_SEX = "explorer-sex"
EXPLORER_BASE = "explorer-base"
EXPLORER_SMALL = "explorer-small"
EXPLORER_CHART = "explorer-chart"
EXPLORER_TABLE = "explorer-table"
EXPLORER_META = "explorer-meta"
EXPLORER_CSV = "explorer-csv"
EXPLORER_XLSX = "explorer-xlsx"
EXPLORER_CSV_DOWNLOAD = "explorer-csv-download"
EXPLORER_XLSX_DOWNLOAD = "explorer-xlsx-download"
EXPLORER_LANG = "explorer-lang"
EXPLORER_URL = "explorer-url"

OVERVIEW_REGION = "overview-region"
OVERVIEW_BODY = "overview-body"
OVERVIEW_MEMORY = "overview-memory"  # dummy output of the localStorage writer
OVERVIEW_FROM_URL = "overview-from-url"  # True when the URL names the region
OVERVIEW_LANG = "overview-lang"
OVERVIEW_URL = "overview-url"

COMPARE_BENCHMARK = "compare-benchmark"
COMPARE_ALSO = "compare-also"
COMPARE_PEERS = "compare-peers"
COMPARE_GAP = "compare-gap"
COMPARE_PEERS_MEMORY = "compare-peers-memory"
COMPARE_PEERS_FROM_URL = "compare-peers-from-url"

# Maps: the "Diagram | Karta" tabs of Jämför and Indikatorer, the maps, Översikt's locator map
COMPARE_VIEW = "compare-view"
COMPARE_CHART_PANE = "compare-chart-pane"
COMPARE_MAP_PANE = "compare-map-pane"
COMPARE_MAP = "compare-map"
COMPARE_MAP_HEADING = "compare-map-heading"
COMPARE_MAP_INFO = "compare-map-info"
COMPARE_MAP_INDICATOR = "compare-map-indicator"
COMPARE_MAP_COLOUR = "compare-map-colour"
COMPARE_MAP_URL = "compare-map-url"  # dummy output of the map's permalink writer
EXPLORER_VIEW = "explorer-view"
EXPLORER_CHART_PANE = "explorer-chart-pane"
EXPLORER_MAP_PANE = "explorer-map-pane"
EXPLORER_MAP = "explorer-map"
EXPLORER_MAP_HEADING = "explorer-map-heading"
EXPLORER_MAP_INFO = "explorer-map-info"
EXPLORER_MAP_PERIOD = "explorer-map-period"  # the year slider (its value: the step's number)
EXPLORER_MAP_SHOWN = "explorer-map-shown"  # the period the map shows, for the permalink
EXPLORER_MAP_URL = "explorer-map-url"
OVERVIEW_MAP = "overview-map"
OVERVIEW_MAP_CAPTION = "overview-map-caption"
COMPARE_MAP_TABLE_BOX = "compare-map-table-box"  # "Visa som tabell" under the Europe map
COMPARE_MAP_TABLE = "compare-map-table"  # filled when opened: 245 rows stay off the hot path
COMPARE_MAP_TABLE_SUMMARY = "compare-map-table-summary"  # its "Visa som tabell" (n_clicks)
