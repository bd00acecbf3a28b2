# `argparse` for the sandboxed evaluator: the parts studies use. Errors print the usage and
# message and raise SystemExit(2), as argparse does.

import sys as _sys

SUPPRESS = "==SUPPRESS=="
OPTIONAL = "?"
ZERO_OR_MORE = "*"
ONE_OR_MORE = "+"
REMAINDER = "..."


class ArgumentError(Exception):
    pass


class ArgumentTypeError(Exception):
    pass


class Namespace:
    def __init__(self, **kwargs):
        for k, v in kwargs.items():
            setattr(self, k, v)

    def __repr__(self):
        inner = ", ".join(f"{k}={v!r}" for k, v in vars(self).items())
        return f"Namespace({inner})"

    def __eq__(self, other):
        return isinstance(other, Namespace) and vars(self) == vars(other)

    def __contains__(self, key):
        return key in vars(self)


class _Action:
    def __init__(self, option_strings, dest, action="store", nargs=None, const=None, default=None, type=None, choices=None, required=False, help=None, metavar=None, version=None):
        self.option_strings = option_strings
        self.dest = dest
        self.action = action
        self.nargs = nargs
        self.const = const
        self.default = default
        self.type = type
        self.choices = choices
        self.required = required
        self.help = help
        self.metavar = metavar
        self.version = version

    def name(self):
        if self.option_strings:
            return "/".join(self.option_strings)
        return self.metavar or self.dest

    def takes_values(self):
        return self.action in ("store", "append", "extend")

    def usage(self):
        if self.action in ("help", "version"):
            part = self.option_strings[0]
            return f"[{part}]"
        if not self.option_strings:
            meta = self.metavar or self.dest
            if self.nargs == "?":
                return f"[{meta}]"
            if self.nargs == "*":
                return f"[{meta} ...]"
            if self.nargs == "+":
                return f"{meta} [{meta} ...]"
            return meta
        opt = self.option_strings[0]
        for s in self.option_strings:
            if s.startswith("--"):
                opt = s
                break
        opt = self.option_strings[0]
        if self.takes_values():
            if self.choices is not None:
                meta = "{" + ",".join(str(c) for c in self.choices) + "}"
            else:
                meta = self.metavar or self.dest.upper()
            if self.nargs == "?":
                part = f"{opt} [{meta}]"
            elif self.nargs == "*":
                part = f"{opt} [{meta} ...]"
            elif self.nargs == "+":
                part = f"{opt} {meta} [{meta} ...]"
            else:
                part = f"{opt} {meta}"
        else:
            part = opt
        return part if self.required else f"[{part}]"


class ArgumentParser:
    def __init__(self, prog=None, description=None, epilog=None, add_help=True, allow_abbrev=True, formatter_class=None, **kwargs):
        if prog is None:
            prog = _sys.argv[0].split("/")[-1] if _sys.argv else "definition"
        self.prog = prog
        self.description = description
        self.epilog = epilog
        self.allow_abbrev = allow_abbrev
        self._actions = []
        self._defaults = {}
        if add_help:
            self.add_argument("-h", "--help", action="help", help="show this help message and exit")

    def add_argument(self, *names, **kwargs):
        if names and names[0].startswith("-"):
            option_strings = list(names)
            dest = kwargs.pop("dest", None)
            if dest is None:
                longs = [s for s in option_strings if s.startswith("--")]
                dest = (longs[0] if longs else option_strings[0]).lstrip("-").replace("-", "_")
        else:
            option_strings = []
            dest = kwargs.pop("dest", None) or names[0]
        action = kwargs.pop("action", "store")
        if action == "store_true":
            kwargs.setdefault("default", False)
            kwargs["const"] = True
        elif action == "store_false":
            kwargs.setdefault("default", True)
            kwargs["const"] = False
        elif action == "count":
            kwargs.setdefault("default", None)
        if not option_strings and kwargs.get("nargs") not in ("?", "*"):
            kwargs["required"] = True
        if not option_strings and kwargs.get("nargs") == "*" and "default" not in kwargs:
            kwargs["default"] = []
        a = _Action(option_strings, dest, action=action, **kwargs)
        self._actions.append(a)
        return a

    def add_argument_group(self, *args, **kwargs):
        return self

    def add_mutually_exclusive_group(self, *args, **kwargs):
        return self

    def set_defaults(self, **kwargs):
        self._defaults.update(kwargs)

    def format_usage(self):
        parts = [a.usage() for a in self._actions if a.option_strings] + [a.usage() for a in self._actions if not a.option_strings]
        return "usage: " + " ".join([self.prog] + parts) + "\n"

    def format_help(self):
        text = self.format_usage()
        if self.description:
            text += "\n" + self.description + "\n"
        return text

    def print_usage(self, file=None):
        _sys.stderr.write(self.format_usage())

    def print_help(self, file=None):
        _sys.stdout.write(self.format_help())

    def error(self, message):
        _sys.stderr.write(self.format_usage())
        _sys.stderr.write(f"{self.prog}: error: {message}\n")
        raise SystemExit(2)

    def exit(self, status=0, message=None):
        if message:
            _sys.stderr.write(message)
        raise SystemExit(status)

    def parse_args(self, args=None, namespace=None):
        ns, extras = self.parse_known_args(args, namespace)
        if extras:
            self.error("unrecognized arguments: " + " ".join(extras))
        return ns

    def _convert(self, action, value):
        if action.type is not None and isinstance(value, str):
            try:
                value = action.type(value)
            except (ValueError, TypeError, ArgumentTypeError):
                tname = getattr(action.type, "__name__", repr(action.type))
                self.error(f"argument {action.name()}: invalid {tname} value: {value!r}")
        if action.choices is not None and value not in action.choices:
            choices = ", ".join(repr(c) for c in action.choices)
            self.error(f"argument {action.name()}: invalid choice: {value!r} (choose from {choices})")
        return value

    def _find(self, option):
        for a in self._actions:
            if option in a.option_strings:
                return a
        if self.allow_abbrev and option.startswith("--"):
            matches = [a for a in self._actions for s in a.option_strings if s.startswith(option)]
            if len(matches) == 1:
                return matches[0]
            if len(matches) > 1:
                names = ", ".join(s for a in matches for s in a.option_strings if s.startswith(option))
                self.error(f"ambiguous option: {option} could match {names}")
        return None

    def parse_known_args(self, args=None, namespace=None):
        if args is None:
            args = _sys.argv[1:]
        args = list(args)
        ns = namespace if namespace is not None else Namespace()
        for a in self._actions:
            if a.action in ("help", "version"):
                continue
            if not hasattr(ns, a.dest):
                default = a.default
                if isinstance(default, str) and a.takes_values():
                    default = self._convert(a, default) if a.type is not None else default
                setattr(ns, a.dest, default)
        for k, v in self._defaults.items():
            if not hasattr(ns, k):
                setattr(ns, k, v)
        extras = []
        positionals = []
        seen = set()
        i = 0
        n = len(args)

        def is_option(s):
            if not s.startswith("-") or s == "-":
                return False
            try:
                float(s)
                return False
            except ValueError:
                return True

        while i < n:
            arg = args[i]
            if arg == "--":
                positionals.extend(args[i + 1:])
                break
            if not is_option(arg):
                positionals.append(arg)
                i += 1
                continue
            explicit = None
            if arg.startswith("--") and "=" in arg:
                arg, explicit = arg.split("=", 1)
            action = self._find(arg)
            if action is None:
                extras.append(args[i])
                i += 1
                continue
            seen.add(action)
            i += 1
            if action.action == "help":
                self.print_help()
                raise SystemExit(0)
            if action.action == "version":
                _sys.stdout.write(f"{action.version}\n")
                raise SystemExit(0)
            if action.action in ("store_true", "store_false", "store_const"):
                setattr(ns, action.dest, action.const)
                continue
            if action.action == "append_const":
                setattr(ns, action.dest, (getattr(ns, action.dest) or []) + [action.const])
                continue
            if action.action == "count":
                setattr(ns, action.dest, (getattr(ns, action.dest) or 0) + 1)
                continue
            values = []
            if explicit is not None:
                values = [explicit]
            else:
                while i < n and not is_option(args[i]) and args[i] != "--":
                    values.append(args[i])
                    i += 1
                    if action.nargs in (None, "?") or (isinstance(action.nargs, int) and len(values) == action.nargs):
                        break
            nargs = action.nargs
            if nargs is None:
                if len(values) != 1:
                    self.error(f"argument {action.name()}: expected one argument")
                value = self._convert(action, values[0])
            elif nargs == "?":
                value = self._convert(action, values[0]) if values else action.const
            elif nargs == "+" and not values:
                self.error(f"argument {action.name()}: expected at least one argument")
            elif isinstance(nargs, int) and len(values) != nargs:
                self.error(f"argument {action.name()}: expected {nargs} arguments")
            if nargs in ("*", "+") or isinstance(nargs, int):
                value = [self._convert(action, v) for v in values]
            if action.action == "append":
                value = (getattr(ns, action.dest) or []) + [value]
            elif action.action == "extend":
                value = (getattr(ns, action.dest) or []) + list(value)
            setattr(ns, action.dest, value)
        pos_actions = [a for a in self._actions if not a.option_strings]
        remaining = list(positionals)
        for index, action in enumerate(pos_actions):
            later = sum(1 for b in pos_actions[index + 1:] if b.nargs not in ("?", "*"))
            if action.nargs in (None,):
                if remaining:
                    setattr(ns, action.dest, self._convert(action, remaining.pop(0)))
                    seen.add(action)
            elif action.nargs == "?":
                if len(remaining) > later:
                    setattr(ns, action.dest, self._convert(action, remaining.pop(0)))
                    seen.add(action)
            elif action.nargs in ("*", "+"):
                take = max(len(remaining) - later, 0)
                if take or action.nargs == "*":
                    setattr(ns, action.dest, [self._convert(action, v) for v in remaining[:take]])
                    remaining = remaining[take:]
                    if take:
                        seen.add(action)
            elif isinstance(action.nargs, int):
                if len(remaining) >= action.nargs:
                    setattr(ns, action.dest, [self._convert(action, v) for v in remaining[:action.nargs]])
                    remaining = remaining[action.nargs:]
                    seen.add(action)
        extras.extend(remaining)
        missing = [a.name() if not a.option_strings else "/".join(a.option_strings) for a in self._actions if a.required and a not in seen]
        if missing:
            self.error("the following arguments are required: " + ", ".join(missing))
        return ns, extras


class HelpFormatter:
    pass


class RawTextHelpFormatter(HelpFormatter):
    pass


class ArgumentDefaultsHelpFormatter(HelpFormatter):
    pass


class RawDescriptionHelpFormatter(HelpFormatter):
    pass
