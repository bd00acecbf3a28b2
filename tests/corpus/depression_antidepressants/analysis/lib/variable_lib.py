"""Query helpers.

All helpers take the frame to query first; options are keyword-only so calls read like
`first_event(clinical_events, codes, after=d)`.
"""

from ehrql import case, when
from ehrql.tables.tpp import clinical_events, medications


def _in_window(frame, date_column, *, after=None, before=None, on_or_before=None):
    column = getattr(frame, date_column)
    if after is not None:
        frame = frame.where(column.is_after(after))
    if before is not None:
        frame = frame.where(column.is_before(before))
    if on_or_before is not None:
        frame = frame.where(column.is_on_or_before(on_or_before))
    return frame


def events_matching(codelist, *, after=None, before=None, on_or_before=None, code_column="snomedct_code"):
    events = clinical_events.where(getattr(clinical_events, code_column).is_in(codelist))
    return _in_window(events, "date", after=after, before=before, on_or_before=on_or_before)


def first_event(codelist, *, after=None, before=None):
    events = events_matching(codelist, after=after, before=before)
    return events.sort_by(events.date).first_for_patient()


def last_event(codelist, *, on_or_before=None):
    events = events_matching(codelist, on_or_before=on_or_before)
    return events.sort_by(events.date).last_for_patient()


def prescriptions(codelist, *, after=None, before=None):
    meds = medications.where(medications.dmd_code.is_in(codelist))
    return _in_window(meds, "date", after=after, before=before)


def has_unresolved(diagnosis_codes, resolved_codes, *, on_or_before):
    diagnosed = last_event(diagnosis_codes, on_or_before=on_or_before).date
    resolved = last_event(resolved_codes, on_or_before=on_or_before).date
    return diagnosed.is_not_null() & (resolved.is_null() | (resolved < diagnosed))


def age_band(age, bands=(18, 30, 40, 50, 60, 70, 80)):
    """Age band labels like '30-39' from a tuple of lower bounds."""
    arms = []
    for lower, upper in zip(bands, bands[1:]):
        arms.append(when((age >= lower) & (age < upper)).then(f"{lower}-{upper - 1}"))
    arms.append(when(age >= bands[-1]).then(f"{bands[-1]}+"))
    return case(*arms, otherwise="missing")
