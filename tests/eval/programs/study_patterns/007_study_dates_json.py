# study dates from JSON config turned into dates and intervals
import json
from datetime import date, timedelta
cfg = json.loads('{"start_date": "2020-03-01", "end_date": "2020-05-31", "weeks": 2}')
start = date.fromisoformat(cfg["start_date"])
end = date.fromisoformat(cfg["end_date"])
print(start, end, (end - start).days + 1)
intervals = []
d = start
while d <= end:
    intervals.append((d, min(d + timedelta(weeks=cfg["weeks"]) - timedelta(days=1), end)))
    d += timedelta(weeks=cfg["weeks"])
print(len(intervals), intervals[0], intervals[-1])
print([f"{a:%d %b}" for a, _ in intervals[:3]])
