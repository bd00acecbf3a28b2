# `collections` for the sandboxed evaluator: defaultdict, OrderedDict, Counter, namedtuple.
# The mapping classes subclass dict (so isinstance(x, dict) holds) and keep their items in
# a plain dict held in `_data`.


class _MappingBase(dict):
    def __init__(self, *args, **kwargs):
        self._data = {}
        self.update(*args, **kwargs)

    def update(self, *args, **kwargs):
        if args:
            other = args[0]
            if hasattr(other, "keys"):
                for k in other.keys():
                    self[k] = other[k]
            else:
                for k, v in other:
                    self[k] = v
        for k, v in kwargs.items():
            self[k] = v

    def __getitem__(self, key):
        if key in self._data:
            return self._data[key]
        return self.__missing__(key)

    def __missing__(self, key):
        raise KeyError(key)

    def __setitem__(self, key, value):
        self._data[key] = value

    def __delitem__(self, key):
        del self._data[key]

    def __contains__(self, key):
        return key in self._data

    def __iter__(self):
        return iter(list(self._data))

    def __len__(self):
        return len(self._data)

    def __eq__(self, other):
        if isinstance(other, _MappingBase):
            other = other._data
        return self._data == other

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def get(self, key, default=None):
        return self._data.get(key, default)

    def pop(self, key, *default):
        return self._data.pop(key, *default)

    def setdefault(self, key, default=None):
        if key not in self._data:
            self[key] = default
        return self._data[key]

    def clear(self):
        self._data.clear()

    def copy(self):
        return self.__class__(self._data)


class defaultdict(_MappingBase):
    def __init__(self, default_factory=None, *args, **kwargs):
        self.default_factory = default_factory
        _MappingBase.__init__(self, *args, **kwargs)

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        value = self.default_factory()
        self._data[key] = value
        return value

    def copy(self):
        return defaultdict(self.default_factory, self._data)

    def __repr__(self):
        return f"defaultdict({self.default_factory!r}, {self._data!r})"


class OrderedDict(_MappingBase):
    def move_to_end(self, key, last=True):
        value = self._data.pop(key)
        if last:
            self._data[key] = value
        else:
            rest = self._data
            self._data = {key: value}
            self._data.update(rest)

    def popitem(self, last=True):
        if not self._data:
            raise KeyError("dictionary is empty")
        key = list(self._data)[-1 if last else 0]
        return key, self._data.pop(key)

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return list(self._data.items()) == list(other._data.items())
        return _MappingBase.__eq__(self, other)

    def __repr__(self):
        if not self._data:
            return "OrderedDict()"
        return f"OrderedDict({self._data!r})"


class Counter(_MappingBase):
    def __init__(self, iterable=None, **kwargs):
        self._data = {}
        self.update(iterable, **kwargs)

    def update(self, iterable=None, **kwargs):
        if iterable is not None:
            if hasattr(iterable, "keys"):
                for k in iterable.keys():
                    self._data[k] = self._data.get(k, 0) + iterable[k]
            else:
                for k in iterable:
                    self._data[k] = self._data.get(k, 0) + 1
        for k, v in kwargs.items():
            self._data[k] = self._data.get(k, 0) + v

    def subtract(self, iterable=None, **kwargs):
        if iterable is not None:
            if hasattr(iterable, "keys"):
                for k in iterable.keys():
                    self._data[k] = self._data.get(k, 0) - iterable[k]
            else:
                for k in iterable:
                    self._data[k] = self._data.get(k, 0) - 1
        for k, v in kwargs.items():
            self._data[k] = self._data.get(k, 0) - v

    def __missing__(self, key):
        return 0

    def most_common(self, n=None):
        items = sorted(self._data.items(), key=lambda kv: kv[1], reverse=True)
        if n is None:
            return items
        return items[:n]

    def elements(self):
        out = []
        for k, v in self._data.items():
            out.extend([k] * v)
        return out

    def total(self):
        return sum(self._data.values())

    def __add__(self, other):
        result = Counter()
        for k in list(self._data) + [k for k in other._data if k not in self._data]:
            v = self._data.get(k, 0) + other._data.get(k, 0)
            if v > 0:
                result._data[k] = v
        return result

    def __repr__(self):
        if not self._data:
            return "Counter()"
        return f"Counter({dict(self.most_common())!r})"


def namedtuple(typename, field_names, *, defaults=None, rename=False, module=None):
    if isinstance(field_names, str):
        field_names = field_names.replace(",", " ").split()
    fields = tuple(field_names)
    defaults = tuple(defaults) if defaults is not None else ()
    first_default = len(fields) - len(defaults)

    def __init__(self, *args, **kwargs):
        if len(args) > len(fields):
            raise TypeError(f"{typename}.__new__() takes {len(fields) + 1} positional arguments but {len(args) + 1} were given")
        values = list(args)
        for i in range(len(args), len(fields)):
            name = fields[i]
            if name in kwargs:
                values.append(kwargs.pop(name))
            elif i >= first_default:
                values.append(defaults[i - first_default])
            else:
                missing = [f"'{f}'" for f in fields[i:] if f not in kwargs]
                raise TypeError(f"{typename}.__new__() missing {len(missing)} required positional argument{'s' if len(missing) > 1 else ''}: {' and '.join(missing)}")
        if kwargs:
            raise TypeError(f"{typename}.__new__() got an unexpected keyword argument '{list(kwargs)[0]}'")
        self._values = tuple(values)
        for name, value in zip(fields, values):
            setattr(self, name, value)

    def __repr__(self):
        inner = ", ".join(f"{name}={value!r}" for name, value in zip(fields, self._values))
        return f"{typename}({inner})"

    def __iter__(self):
        return iter(self._values)

    def __len__(self):
        return len(self._values)

    def __getitem__(self, index):
        return self._values[index]

    def __eq__(self, other):
        return self._values == _as_tuple(other)

    def __lt__(self, other):
        return self._values < _as_tuple(other)

    def __gt__(self, other):
        return self._values > _as_tuple(other)

    def __le__(self, other):
        return self._values <= _as_tuple(other)

    def __ge__(self, other):
        return self._values >= _as_tuple(other)

    def __contains__(self, item):
        return item in self._values

    def _asdict(self):
        return dict(zip(fields, self._values))

    def _replace(self, **changes):
        values = [changes.pop(name, value) for name, value in zip(fields, self._values)]
        if changes:
            raise ValueError(f"Got unexpected field names: {list(changes)!r}")
        return cls(*values)

    def count(self, value):
        return self._values.count(value)

    def index(self, value):
        return self._values.index(value)

    namespace = {
        "__init__": __init__,
        "__repr__": __repr__,
        "__iter__": __iter__,
        "__len__": __len__,
        "__getitem__": __getitem__,
        "__eq__": __eq__,
        "__lt__": __lt__,
        "__gt__": __gt__,
        "__le__": __le__,
        "__ge__": __ge__,
        "__contains__": __contains__,
        "_asdict": _asdict,
        "_replace": _replace,
        "count": count,
        "index": index,
        "_fields": fields,
        "_field_defaults": dict(zip(fields[first_default:], defaults)),
    }
    cls = type(typename, (), namespace)
    return cls


def _as_tuple(value):
    if isinstance(value, tuple):
        return value
    if hasattr(value, "_values"):
        return value._values
    return value
