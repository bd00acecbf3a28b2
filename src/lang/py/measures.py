"""Measures: ratios of a numerator to a denominator, per group and per time interval."""

import datetime

import ehrql._native as _n
from ehrql.exceptions import Error


class _Interval:
    """The interval placeholder: `INTERVAL.start_date` and `INTERVAL.end_date`."""

    def __init__(self):
        self.start_date = _n.parameter("interval_start_date", "date")
        self.end_date = _n.parameter("interval_end_date", "date")

    def __iter__(self):
        return iter((self.start_date, self.end_date))

    def __getitem__(self, i):
        return (self.start_date, self.end_date)[i]

    def __len__(self):
        return 2

    def __repr__(self):
        return "INTERVAL"


INTERVAL = _Interval()

_RESERVED = ("measure", "numerator", "denominator", "ratio", "interval_start", "interval_end")


class Measure:
    def __init__(self, name, numerator, denominator, group_by, intervals):
        self.name = name
        self.numerator = numerator
        self.denominator = denominator
        self.group_by = group_by
        self.intervals = intervals


class Measures:
    """A collection of measures; define each with `define_measure`."""

    def __init__(self):
        self._measures = {}
        self._defaults = None
        self._group_bys = {}
        self.dummy_data_config = {"population_size": None, "legacy": False, "timeout": 60}
        self.disclosure_control = True

    def define_measure(self, name, numerator=None, denominator=None, group_by=None, intervals=None):
        """Adds a measure; arguments left out come from `define_defaults`."""
        defaults = self._defaults or {}
        if numerator is None:
            numerator = defaults.get("numerator")
        if denominator is None:
            denominator = defaults.get("denominator")
        if group_by is None:
            group_by = defaults.get("group_by")
        if intervals is None:
            intervals = defaults.get("intervals")
        for key, value in (("numerator", numerator), ("denominator", denominator), ("intervals", intervals)):
            if value is None:
                raise Error(f"No value supplied for '{key}' and no default defined")
        _n.check_name(name, "measure")
        if name in self._measures:
            raise Error(f"Measure already defined with name: {name}")
        numerator = _n.check_measure_value(numerator, "numerator")
        denominator = _n.check_measure_value(denominator, "denominator")
        intervals = _check_intervals(intervals)
        group_by = _check_group_by(group_by or {})
        for key, value in group_by.items():
            if key in self._group_bys and not _n.same_node(self._group_bys[key], value):
                raise Error(f"Inconsistent definition for `group_by` column: {key}")
            self._group_bys[key] = value
        self._measures[name] = Measure(name, numerator, denominator, group_by, intervals)

    def define_defaults(self, numerator=None, denominator=None, group_by=None, intervals=None):
        """Sets the values `define_measure` uses for arguments it is not given."""
        if self._defaults is not None:
            raise Error("Defaults already set; cannot call `define_defaults()` more than once")
        if numerator is not None:
            numerator = _n.check_measure_value(numerator, "numerator")
        if denominator is not None:
            denominator = _n.check_measure_value(denominator, "denominator")
        if intervals is not None:
            intervals = list(_check_intervals(intervals))
        if group_by is not None:
            group_by = _check_group_by(group_by)
        self._defaults = {
            "numerator": numerator,
            "denominator": denominator,
            "group_by": group_by,
            "intervals": intervals,
        }

    def configure_dummy_data(self, *, population_size=10, legacy=False, timeout=60, additional_population_constraint=None):
        """Settings for generating dummy data."""
        self.dummy_data_config = {"population_size": population_size, "legacy": legacy, "timeout": timeout}
        if additional_population_constraint is not None:
            _n.check_population_constraint(additional_population_constraint)
            if legacy:
                raise ValueError("Cannot combine `additional_population_constraint` with `legacy=True`")

    def configure_disclosure_control(self, *, enabled=True):
        """Turns statistical disclosure control of the output on or off."""
        self.disclosure_control = enabled

    def __iter__(self):
        return iter(self._measures.values())

    def __len__(self):
        return len(self._measures)


def _check_intervals(intervals):
    if _n.is_duration(intervals):
        raise Error(
            "You must supply a list of intervals, not a duration; use the `starting_on()` or "
            "`ending_on()` methods, e.g. `intervals=months(12).starting_on(\"2020-01-01\")`"
        )
    if not isinstance(intervals, list):
        raise Error(f"`intervals` must be a list; got '{type(intervals).__name__}'")
    for interval in intervals:
        if not (
            isinstance(interval, tuple)
            and len(interval) == 2
            and isinstance(interval[0], datetime.date)
            and isinstance(interval[1], datetime.date)
            and interval[0] <= interval[1]
        ):
            raise Error(
                "`intervals` must contain pairs of dates (start_date, end_date) "
                f"with start_date <= end_date; got: {interval!r}"
            )
    return tuple(sorted(set(intervals)))


def _check_group_by(group_by):
    if not isinstance(group_by, dict):
        raise Error("`group_by` must be a dictionary")
    checked = {}
    for key, value in group_by.items():
        if not isinstance(key, str):
            raise Error("`group_by` names must be strings")
        _n.check_name(key, "group_by")
        if key in _RESERVED:
            raise Error(f"`group_by` names may not be any of: {', '.join(_RESERVED)}; got '{key}'")
        checked[key] = _n.check_patient_series(value, "group_by")
    return checked


def create_measures():
    """A new, empty collection of measures."""
    return Measures()
