"""Match the rows of an enrollment file to known areas, by code, then name, with a report.

Every input row gets one report row saying how it was matched (``cara``, a ``MatchedBy``
value) or why not (``alasan``), with the closest areas as ``kandidat`` when it was not.
Nothing is dropped silently: unmatched and refused rows, and two rows landing on the same
area, are error ``Problem``s; doubtful but accepted matches are warnings.

``scope`` (the known areas, name similarity), ``rows`` (one row's decision),
``enrollment`` (the join over a table and its report).
"""
from __future__ import annotations

from geo.join.enrollment import REPORT_COLUMNS, ROW_ERRORS, JoinResult, join_enrollment, row_key
from geo.join.rows import MATCHED, MatchedBy
from geo.join.scope import THRESHOLDS, Thresholds

__all__ = ["MATCHED", "REPORT_COLUMNS", "ROW_ERRORS", "THRESHOLDS", "JoinResult", "MatchedBy", "Thresholds",
           "join_enrollment", "row_key"]
