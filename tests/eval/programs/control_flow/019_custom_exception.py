# user-defined exception classes
class ConfigError(Exception):
    pass
class MissingKey(ConfigError):
    pass
try:
    raise MissingKey("start_date is required")
except ConfigError as e:
    print(type(e).__name__, e, isinstance(e, Exception))
print(issubclass(MissingKey, ConfigError))
