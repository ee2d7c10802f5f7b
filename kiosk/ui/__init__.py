"""kiosk.ui"""

from kiosk.ui.feature_scan import skip_feature_scan

skip_feature_scan()  # before this package's ~350 modules load (kiosk.ui.feature_scan)
