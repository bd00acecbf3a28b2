# parse study dates from a config dict and compute spans
from datetime import datetime
config = {"start": "2020-03-01", "end": "2021-02-28"}
start = datetime.strptime(config["start"], "%Y-%m-%d").date()
end = datetime.strptime(config["end"], "%Y-%m-%d").date()
span = end - start
print(start, end, span.days)
print(f"{start:%d %B %Y} to {end:%d %B %Y}")
print((span.days + 1) // 7, "weeks")
