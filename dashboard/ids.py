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
