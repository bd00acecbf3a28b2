"""Clinical code classes, one per coding system, and reading codelists from CSV files."""

import ehrql._native as _n
from ehrql.exceptions import CodelistError

__all__ = [
    "BaseCode",
    "BaseMultiCodeString",
    "BNFCode",
    "CTV3Code",
    "ICD10Code",
    "OPCS4Code",
    "SNOMEDCTCode",
    "DMDCode",
    "ICD10MultiCodeString",
    "OPCS4MultiCodeString",
    "codelist_from_csv",
    "codelist_from_csv_lines",
    "CodelistError",
]


class BaseCode:
    """A code from one coding system; the value is checked against the system's format."""

    _ehrql_code_system = None

    def __init__(self, value):
        if not isinstance(value, str) or not _n.valid_code(self._ehrql_code_system, value):
            raise ValueError(f"Invalid {type(self).__name__}: {value}")
        self.value = value

    def __eq__(self, other):
        return type(self) is type(other) and self.value == other.value

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return hash((self._ehrql_code_system, self.value))

    def __lt__(self, other):
        return self.value < other.value

    def __repr__(self):
        return f"{type(self).__name__}({self.value!r})"

    def __str__(self):
        return self.value


class BNFCode(BaseCode):
    "Pseudo BNF"
    _ehrql_code_system = "BNFCode"


class CTV3Code(BaseCode):
    "CTV3 (Read V3)"
    _ehrql_code_system = "CTV3Code"


class ICD10Code(BaseCode):
    "ICD-10"
    _ehrql_code_system = "ICD10Code"


class OPCS4Code(BaseCode):
    "OPCS-4"
    _ehrql_code_system = "OPCS4Code"


class SNOMEDCTCode(BaseCode):
    "SNOMED-CT"
    _ehrql_code_system = "SNOMEDCTCode"


class DMDCode(BaseCode):
    "dm+d"
    _ehrql_code_system = "DMDCode"


class BaseMultiCodeString(str):
    """A string holding many codes of one system (e.g. all diagnoses of an admission)."""

    _ehrql_multi_code_system = None


class ICD10MultiCodeString(BaseMultiCodeString):
    "Multiple ICD-10 codes"
    _ehrql_multi_code_system = "ICD10MultiCodeString"
    _code_type = ICD10Code


class OPCS4MultiCodeString(BaseMultiCodeString):
    "Multiple OPCS4 codes"
    _ehrql_multi_code_system = "OPCS4MultiCodeString"
    _code_type = OPCS4Code


def codelist_from_csv(filename, *, column, category_column=None):
    """The codes in `column` of a CSV file, as a list; with `category_column`, a dict of
    code to category."""
    return _n.codelist_from_csv(str(filename), column, category_column)


def codelist_from_csv_lines(lines, *, column, category_column=None):
    """As `codelist_from_csv`, from the lines of a CSV file."""
    return _n.codelist_from_csv_text("\n".join(lines), column, category_column, "<lines>")
