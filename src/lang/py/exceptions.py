"""The exceptions ehrQL raises for definition errors."""


class Error(Exception):
    """A definition does something ehrQL does not allow."""


Error.__module__ = "ehrql"


class ParameterError(Error):
    """A parameter given with `get_parameter` is missing or malformed."""


class CodelistError(ValueError):
    """A codelist file is missing, or lacks a column."""


class FileValidationError(Error):
    """A file a definition reads (with `table_from_file`) is missing or malformed."""
