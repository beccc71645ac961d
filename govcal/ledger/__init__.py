"""The office's running record (DESIGN §7): one SQLite file of published plan revisions, meeting
outcomes and follow-ups (督办), from which the next month is planned.

- `store`: the file itself (recognising, creating, migrating, backing up; one transaction per command);
- `schema`: every schema version's tables and the migrations between them;
- `ledger`: `Ledger`, typed reads and writes (the only SQL);
- `actions`: what the commands do, checked against the record before anything is written;
- `records`: the frozen records the ledger hands out.
"""

import govcal.messages  # noqa: F401  (registers the ledger's messages)
from govcal.ledger.ledger import Ledger, create_ledger, open_ledger
from govcal.ledger.records import FollowUp, PublishedMeeting, RecordedOutcome, Revision, ScenarioFacts

__all__ = ["FollowUp", "Ledger", "PublishedMeeting", "RecordedOutcome", "Revision", "ScenarioFacts",
           "create_ledger", "open_ledger"]
