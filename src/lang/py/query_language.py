"""Frames, tables, `case`/`when`, `minimum_of`/`maximum_of`, durations and datasets.

Series are native objects (see src/lang/series.rs); the frame classes live here so that
table classes can subclass them and carry their own helper methods.
"""

import ehrql._native as _n
from ehrql.exceptions import Error

days = _n.days
weeks = _n.weeks
months = _n.months
years = _n.years
create_dataset = _n.create_dataset
Dataset = _n.Dataset
minimum_of = _n.minimum_of
maximum_of = _n.maximum_of
BaseSeries = _n.BaseSeries
BoolPatientSeries = _n.BoolPatientSeries
BoolEventSeries = _n.BoolEventSeries
StrPatientSeries = _n.StrPatientSeries
StrEventSeries = _n.StrEventSeries
IntPatientSeries = _n.IntPatientSeries
IntEventSeries = _n.IntEventSeries
FloatPatientSeries = _n.FloatPatientSeries
FloatEventSeries = _n.FloatEventSeries
DatePatientSeries = _n.DatePatientSeries
DateEventSeries = _n.DateEventSeries
CodePatientSeries = _n.CodePatientSeries
CodeEventSeries = _n.CodeEventSeries
MultiCodeStringPatientSeries = _n.MultiCodeStringPatientSeries
MultiCodeStringEventSeries = _n.MultiCodeStringEventSeries


class BaseFrame:
    """Rows of a table, at most one per patient (`PatientFrame`) or many (`EventFrame`)."""

    def __init__(self, qm_node):
        self._qm_node = qm_node

    def exists_for_patient(self):
        """A boolean patient series: True if the patient has any row in this frame."""
        return _n.exists(self._qm_node)

    def count_for_patient(self):
        """An integer patient series: the number of rows the patient has in this frame."""
        return _n.count(self._qm_node)

    # Native, so that an unknown column is reported at the researcher's attribute access.
    __getattr__ = _n.column

    def __repr__(self):
        return f"<{type(self).__name__} frame>"


class PatientFrame(BaseFrame):
    """A frame with at most one row per patient."""


class EventFrame(BaseFrame):
    """A frame with any number of rows per patient."""

    def where(self, condition):
        """The rows for which `condition` is True."""
        return type(self)(_n.filter(self._qm_node, condition))

    def except_where(self, condition):
        """The rows for which `condition` is False or NULL."""
        return type(self)(_n.except_where(self._qm_node, condition))

    def sort_by(self, *sort_values):
        """The rows sorted by the given series (the first has the highest priority)."""
        return _sorted_class(type(self))(_n.sort(self._qm_node, sort_values))


_sorted_classes = {}
_picked_classes = {}


def _sorted_class(cls):
    if cls.__dict__.get("_ehrql_sorted", False):
        return cls
    key = id(cls)
    found = _sorted_classes.get(key)
    if found is not None:
        return found

    class SortedEventFrame(cls):
        _ehrql_sorted = True

        def first_for_patient(self):
            """A patient frame holding each patient's first row in this order."""
            return _picked_class(cls)(_n.pick(self._qm_node, "first"))

        def last_for_patient(self):
            """A patient frame holding each patient's last row in this order."""
            return _picked_class(cls)(_n.pick(self._qm_node, "last"))

    SortedEventFrame.__name__ = cls.__name__
    _sorted_classes[key] = SortedEventFrame
    return SortedEventFrame


def _picked_class(cls):
    key = id(cls)
    found = _picked_classes.get(key)
    if found is not None:
        return found

    class PickedFrame(PatientFrame):
        _ehrql_columns = cls._ehrql_columns
        _ehrql_source_class = cls

    PickedFrame.__name__ = cls.__name__
    _picked_classes[key] = PickedFrame
    return PickedFrame


class Series:
    """A column of a table: its type and, optionally, constraints and a description."""

    def __init__(
        self,
        type_,
        *,
        description="",
        constraints=(),
        dummy_data_constraints=(),
        required=True,
        implementation_notes_to_add_to_description="",
        notes_for_implementors="",
    ):
        _n.check_column_type(type_)
        self.type_ = type_
        self.description = description
        self.constraints = tuple(constraints)
        self.dummy_data_constraints = tuple(dummy_data_constraints)
        self.required = required
        for c in self.constraints + self.dummy_data_constraints:
            if isinstance(c, type):
                raise ValueError(f"Constraint should be instantiated: {c.__name__}()")
        seen = set()
        for c in self.constraints + self.dummy_data_constraints:
            if type(c).__name__ in seen:
                raise ValueError(f"'{type(c).__name__}' constraint specified more than once")
            seen.add(type(c).__name__)


class _Constraint:
    _fields = ()

    def __eq__(self, other):
        return type(self) is type(other) and self._values() == other._values()

    def __hash__(self):
        return hash((type(self).__name__, self._values()))

    def _values(self):
        return tuple(getattr(self, f) for f in self._fields)

    def __repr__(self):
        args = ", ".join(repr(v) for v in self._values())
        return f"Constraint.{type(self).__name__}({args})"


class Constraint:
    """Facts about a column's values, used to check and generate test data."""

    class Categorical(_Constraint):
        _fields = ("values",)

        def __init__(self, values):
            self.values = tuple(values)

    class NotNull(_Constraint):
        pass

    class Unique(_Constraint):
        pass

    class FirstOfMonth(_Constraint):
        pass

    class Regex(_Constraint):
        _fields = ("regex",)

        def __init__(self, regex):
            self.regex = regex

    class ClosedRange(_Constraint):
        _fields = ("minimum", "maximum", "step")

        def __init__(self, minimum, maximum, step=1):
            self.minimum = minimum
            self.maximum = maximum
            self.step = step

    class GeneralRange(_Constraint):
        _fields = ("minimum", "maximum", "includes_minimum", "includes_maximum")

        def __init__(self, minimum=None, maximum=None, includes_minimum=True, includes_maximum=True):
            self.minimum = minimum
            self.maximum = maximum
            self.includes_minimum = includes_minimum
            self.includes_maximum = includes_maximum

    class DateAfter(_Constraint):
        _fields = ("column_names",)

        def __init__(self, column_names):
            if isinstance(column_names, str):
                raise ValueError("DateAfter takes a list of column names, not a string")
            self.column_names = tuple(column_names)


def _collect_columns(cls):
    """The `Series` declared on `cls` and its bases, base columns first."""
    columns = {}
    for klass in reversed(cls.__mro__):
        inherited = klass.__dict__.get("_ehrql_column_defs")
        if inherited:
            columns.update(inherited)
        for name, value in klass.__dict__.items():
            if isinstance(value, Series):
                columns[name] = value
    return columns


def _frame_kind(cls):
    if issubclass(cls, EventFrame):
        return True
    if issubclass(cls, PatientFrame):
        return False
    raise Error("Schema class must subclass either `PatientFrame` or `EventFrame`")


def _prepare_class(cls):
    columns = _collect_columns(cls)
    for name in list(cls.__dict__.keys()):
        if isinstance(cls.__dict__[name], Series):
            delattr(cls, name)
    cls._ehrql_column_defs = columns
    cls._ehrql_columns = {name: c.type_ for name, c in columns.items()}
    return columns


def table(cls=None, *, name=None, permission=None, activation_filter=False):
    """Decorates a frame class declaring a table's columns; gives the table itself."""

    def decorate(cls):
        is_event = _frame_kind(cls)
        table_name = name
        required_permission = permission
        activation = activation_filter
        meta = cls.__dict__.get("_meta")
        if meta is not None:
            for key in meta.__dict__:
                if not key.startswith("_") and key not in (
                    "table_name",
                    "required_permission",
                    "activation_filter_field",
                ):
                    raise Error(f"Unexpected attribute `{key}` in `_meta`")
            table_name = getattr(meta, "table_name", table_name)
            required_permission = getattr(meta, "required_permission", required_permission)
            activation = getattr(meta, "activation_filter_field", activation)
        for key, value in cls.__dict__.items():
            if isinstance(value, type) and key != "_meta" and not isinstance(value, Series):
                raise Error(f"Unexpected inner class `{key}` in table `{cls.__name__}`")
        columns = _prepare_class(cls)
        node = _n.select_table(
            table_name or cls.__name__,
            is_event,
            [(n, c.type_, c.constraints) for n, c in columns.items()],
            required_permission,
            activation,
        )
        return cls(node)

    if cls is None:
        return decorate
    return decorate(cls)


def table_from_rows(rows):
    """Decorates a `PatientFrame` class with rows given inline: `(patient_id, *values)`."""

    def decorate(cls):
        if cls.__bases__ != (PatientFrame,):
            raise Error("`@table_from_rows` can only be used with `PatientFrame`")
        columns = _prepare_class(cls)
        node = _n.inline_table([(n, c.type_) for n, c in columns.items()], list(rows))
        return cls(node)

    return decorate


class _TableFromFileDecorator:
    def __init__(self, path):
        # Read now, so a missing file is reported where `table_from_file(...)` is written.
        self.path = path
        self.file = _n.read_csv_file(str(path))

    def __call__(self, cls):
        if cls.__bases__ != (PatientFrame,):
            raise Error("`@table_from_file` can only be used with `PatientFrame`")
        columns = _prepare_class(cls)
        node = _n.table_from_file(self.file, [(n, c.type_) for n, c in columns.items()])
        return cls(node)

    def __getattr__(self, name):
        raise AttributeError(
            f"'{name}' not found: did you forget to use `@table_from_file` as a decorator?"
        )


def table_from_file(path, *, columns=None):
    """A patient frame read from a CSV file, with the given `columns` (name to type)."""
    if columns is None:
        return _TableFromFileDecorator(path)

    class PatientFrameFromFile(PatientFrame):
        _ehrql_columns = dict(columns)

    node = _n.table_from_file(str(path), list(columns.items()))
    return PatientFrameFromFile(node)


class when:
    """A condition for `case`: `when(condition).then(value)`."""

    def __init__(self, condition):
        self._condition = _n.case_condition(condition)

    def then(self, value):
        return WhenThen(self._condition, value)


class WhenThen:
    def __init__(self, condition, value):
        self._condition = condition
        self._value = value

    def otherwise(self, value):
        return case(self, otherwise=value)


def case(*when_thens, otherwise=None):
    """The value of the first `when(...).then(...)` whose condition is True, else `otherwise`."""
    if not when_thens:
        raise TypeError("`case()` requires at least one case")
    pairs = []
    for w in when_thens:
        if isinstance(w, when):
            raise TypeError("`when(...)` clause missing a `.then(...)` value in `case()` expression")
        if _n.is_series(w):
            raise TypeError(
                "invalid syntax for `otherwise` in `case()` expression: write "
                "`case(when(...).then(...), otherwise=...)` rather than "
                "`case(when(...).then(...).otherwise(...))`"
            )
        if not isinstance(w, WhenThen):
            raise TypeError("cases must be specified in the form:\n\n    when(<CONDITION>).then(<VALUE>)\n\n")
        pairs.append((w._condition, w._value))
    return _n.case(pairs, otherwise)
