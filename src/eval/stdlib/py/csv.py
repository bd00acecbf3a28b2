# `csv` for the sandboxed evaluator: reader and DictReader over files or lists of lines.


QUOTE_MINIMAL = 0
QUOTE_ALL = 1
QUOTE_NONNUMERIC = 2
QUOTE_NONE = 3


class Error(Exception):
    pass


def _split(line, delimiter, quotechar, skipinitialspace=False):
    fields = []
    field = ""
    in_quotes = False
    i = 0
    n = len(line)
    while i < n:
        c = line[i]
        if in_quotes:
            if c == quotechar:
                if i + 1 < n and line[i + 1] == quotechar:
                    field += quotechar
                    i += 1
                else:
                    in_quotes = False
            else:
                field += c
        elif c == quotechar and field == "":
            in_quotes = True
        elif c == delimiter:
            fields.append(field)
            field = ""
            if skipinitialspace:
                while i + 1 < n and line[i + 1] == " ":
                    i += 1
        else:
            field += c
        i += 1
    fields.append(field)
    return fields


class reader:
    def __init__(self, source, delimiter=",", quotechar='"', skipinitialspace=False, **kwargs):
        self.delimiter = delimiter
        self.quotechar = quotechar
        self.line_num = 0
        self._rows = []
        for line in source:
            line = _strip_newline(line)
            self._rows.append(_split(line, delimiter, quotechar, skipinitialspace) if line else [])
        self._index = 0

    def __iter__(self):
        return self

    def __next__(self):
        if self._index >= len(self._rows):
            raise StopIteration
        row = self._rows[self._index]
        self._index += 1
        self.line_num += 1
        return row


def _strip_newline(line):
    if line.endswith("\r\n"):
        return line[:-2]
    if line.endswith("\n") or line.endswith("\r"):
        return line[:-1]
    return line


class DictReader:
    def __init__(self, source, fieldnames=None, restkey=None, restval=None, delimiter=",", quotechar='"', **kwargs):
        self._reader = reader(source, delimiter=delimiter, quotechar=quotechar)
        self.restkey = restkey
        self.restval = restval
        if fieldnames is None:
            fieldnames = next(self._reader, None)
        self.fieldnames = fieldnames
        self.line_num = self._reader.line_num

    def __iter__(self):
        return self

    def __next__(self):
        row = next(self._reader)
        while row == []:
            row = next(self._reader)
        self.line_num = self._reader.line_num
        d = dict(zip(self.fieldnames, row))
        if len(row) > len(self.fieldnames):
            d[self.restkey] = row[len(self.fieldnames):]
        for name in self.fieldnames[len(row):]:
            d[name] = self.restval
        return d


def writer(*args, **kwargs):
    raise PermissionError("definitions cannot write files")


DictWriter = writer
