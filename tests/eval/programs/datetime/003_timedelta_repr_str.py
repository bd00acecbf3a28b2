# timedelta str, repr, and normalisation
from datetime import timedelta
for td in [timedelta(days=1), timedelta(hours=25), timedelta(minutes=90), timedelta(seconds=1.5),
           timedelta(days=-1), timedelta(weeks=1, days=1), timedelta(), timedelta(days=-1, hours=1)]:
    print(str(td), "|", repr(td))
