"""`get_parameter`: values given on the command line after `--`."""

import sys

from ehrql.exceptions import ParameterError


def _values(name, argv):
    flag = "--" + name
    values = []
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == flag:
            i += 1
            found = False
            while i < len(argv) and not (argv[i].startswith("--") or (argv[i].startswith("-") and not _is_number(argv[i]))):
                values.append(argv[i])
                found = True
                i += 1
            if not found:
                print(f"error: argument {flag}: expected at least one argument", file=sys.stderr)
                raise SystemExit(2)
            continue
        if arg.startswith(flag + "="):
            values.append(arg[len(flag) + 1:])
        i += 1
    return values


def _is_number(text):
    try:
        float(text)
        return True
    except ValueError:
        return False


def _convert(value, type):
    if type is bool:
        if value in ("true", "True", "1"):
            return True
        if value in ("false", "False", "0"):
            return False
        raise ParameterError(f"invalid boolean value: '{value}' (use true or false)")
    try:
        return type(value)
    except (ValueError, TypeError):
        print(f"error: invalid {getattr(type, '__name__', type)} value: '{value}'", file=sys.stderr)
        raise SystemExit(2)


def get_parameter(name, type=str, default=None):
    """The value of `--name` given after `--` on the command line, converted by `type`."""
    if type in (list, set, tuple):
        raise ParameterError(
            f"parameter `{name}`: type cannot be {type.__name__}; parameters given more than "
            "once are returned as a list"
        )
    values = _values(name, sys.argv[1:])
    if not values:
        if default is not None:
            return default
        raise ParameterError(
            f"parameter `{name}` defined but no values found\n"
            "Parameters MUST be provided last, and must follow a double-dash `--`:\n"
            f"    ehrql <command> <definition> -- --{name} <value>"
        )
    converted = [_convert(v, type) for v in values]
    if len(converted) == 1:
        return converted[0]
    return converted
