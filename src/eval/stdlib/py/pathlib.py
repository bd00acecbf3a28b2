# `pathlib` for the sandboxed evaluator: POSIX paths as strings, reading through the sandbox.

import os.path as _osp


class PurePath:
    def __init__(self, *segments):
        text = "/".join(_fspath(s) for s in segments if _fspath(s) != "")
        for s in segments:
            if _fspath(s).startswith("/"):
                text = "/".join(_fspath(t) for t in segments[segments.index(s):] if _fspath(t) != "")
        self._absolute = text.startswith("/")
        self._parts = [p for p in text.split("/") if p not in ("", ".")]

    @classmethod
    def _from_parts(cls, absolute, parts):
        p = cls()
        p._absolute = absolute
        p._parts = list(parts)
        return p

    def __str__(self):
        body = "/".join(self._parts)
        if self._absolute:
            return "/" + body
        return body or "."

    def __fspath__(self):
        return str(self)

    def as_posix(self):
        return str(self)

    def __repr__(self):
        return f"{type(self).__name__}({str(self)!r})"

    def __eq__(self, other):
        return isinstance(other, PurePath) and str(self) == str(other)

    def __lt__(self, other):
        return str(self) < str(other)

    def __hash__(self):
        return hash(str(self))

    def __truediv__(self, other):
        return type(self)(self, other)

    def __rtruediv__(self, other):
        return type(self)(other, self)

    def joinpath(self, *others):
        return type(self)(self, *others)

    @property
    def parts(self):
        if self._absolute:
            return tuple(["/"] + self._parts)
        return tuple(self._parts)

    @property
    def name(self):
        return self._parts[-1] if self._parts else ""

    @property
    def suffix(self):
        name = self.name
        i = name.rfind(".")
        if 0 < i < len(name) - 1:
            return name[i:]
        return ""

    @property
    def suffixes(self):
        name = self.name
        if name.endswith("."):
            return []
        name = name.lstrip(".")
        return ["." + s for s in name.split(".")[1:]]

    @property
    def stem(self):
        name = self.name
        suffix = self.suffix
        return name[: len(name) - len(suffix)] if suffix else name

    @property
    def parent(self):
        if not self._parts:
            return self
        return self._from_parts(self._absolute, self._parts[:-1])

    @property
    def parents(self):
        out = []
        p = self
        while p._parts:
            p = p.parent
            out.append(p)
        return tuple(out)

    def with_name(self, name):
        if not self._parts:
            raise ValueError(f"{self!r} has an empty name")
        return self._from_parts(self._absolute, self._parts[:-1] + [name])

    def with_suffix(self, suffix):
        if suffix and not suffix.startswith("."):
            raise ValueError(f"Invalid suffix {suffix!r}")
        return self.with_name(self.stem + suffix)

    def with_stem(self, stem):
        return self.with_name(stem + self.suffix)

    def is_absolute(self):
        return self._absolute

    def relative_to(self, other):
        other = type(self)(other)
        n = len(other._parts)
        if other._absolute != self._absolute or self._parts[:n] != other._parts:
            raise ValueError(f"{str(self)!r} is not in the subpath of {str(other)!r}")
        return self._from_parts(False, self._parts[n:])

    def match(self, pattern):
        return self.name == pattern or str(self).endswith(pattern)


class PurePosixPath(PurePath):
    pass


class PosixPath(PurePath):
    def exists(self):
        return _osp.exists(str(self))

    def is_file(self):
        return _osp.isfile(str(self))

    def is_dir(self):
        return _osp.isdir(str(self))

    def read_text(self, encoding=None):
        with open(str(self)) as f:
            return f.read()

    def open(self, mode="r", encoding=None):
        return open(str(self), mode)

    def resolve(self):
        return PosixPath(_osp.abspath(str(self)))

    def absolute(self):
        return PosixPath(_osp.abspath(str(self)))

    @classmethod
    def cwd(cls):
        return cls(_osp.abspath("."))

    def write_text(self, *args, **kwargs):
        raise PermissionError("definitions cannot create, change or delete files")

    def mkdir(self, *args, **kwargs):
        raise PermissionError("definitions cannot create, change or delete files")

    def unlink(self, *args, **kwargs):
        raise PermissionError("definitions cannot create, change or delete files")


Path = PosixPath


def _fspath(value):
    if isinstance(value, str):
        return value
    if isinstance(value, PurePath):
        return str(value)
    raise TypeError(f"argument should be a str or an os.PathLike object where __fspath__ returns a str, not {type(value).__name__!r}")

