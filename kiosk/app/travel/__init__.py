"""What the airport and hotel check-in runners share (:mod:`.runner`, :mod:`.records`).

Each journey keeps its own runner and committer; these bases hold only the parts
that are the same in both, and the journey-specific parts are small overrides.
"""
