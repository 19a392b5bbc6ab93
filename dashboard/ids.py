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
