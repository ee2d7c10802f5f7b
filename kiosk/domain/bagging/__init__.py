"""The bagging area: a pure policy and tracker that check what the shopper puts in the bag.

See :mod:`kiosk.domain.bagging.tracker` for the theory of operation.
"""

from kiosk.domain.bagging.learned import LearnedWeight, WeightBook
from kiosk.domain.bagging.policy import BaggingPolicy
from kiosk.domain.bagging.tracker import Alarm, AlarmKind, BaggingError, BagTracker, Expectation

__all__ = [
    "Alarm",
    "AlarmKind",
    "BagTracker",
    "BaggingError",
    "BaggingPolicy",
    "Expectation",
    "LearnedWeight",
    "WeightBook",
]
