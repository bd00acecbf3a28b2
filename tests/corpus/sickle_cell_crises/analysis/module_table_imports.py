# Re-exports the ehrQL tables used by this study, so definitions can `import *` them.
from ehrql.tables.tpp import (  # noqa: F401
    addresses,
    apcs,
    clinical_events,
    emergency_care_attendances,
    medications,
    patients,
    practice_registrations,
)
from ehrql.tables.tpp import case, when  # noqa: F401
