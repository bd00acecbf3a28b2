# picking attributes by string name with getattr and defaults
class Frame:
    date = "frame.date"
    admission_date = "frame.admission_date"
    code = "frame.code"
def first_event(frame, sort_column=None, column="date"):
    return f"first by {getattr(frame, sort_column or column)}"
print(first_event(Frame))
print(first_event(Frame, sort_column="admission_date"))
print([getattr(Frame, c) for c in ["code", "date"]])
print(getattr(Frame, "missing", None))
