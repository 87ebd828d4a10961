"""Opening a store: the pragmas every connection sets, the checks on opening, and transactions."""

# ``PRAGMA application_id`` marks a file as Kronika's ("KRON" in ASCII), so a foreign SQLite file is told
# apart from an empty one before anything is written to it.
APPLICATION_ID = 0x4B524F4E

CONNECTION_PRAGMAS = (
    # WAL lets `kronika serve` read while `kronika ingest` writes; NORMAL sync in WAL mode loses nothing
    # committed when the process is killed (only a power cut can cost the last transactions).
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=NORMAL",
    "PRAGMA foreign_keys=ON",
    "PRAGMA temp_store=MEMORY",
    "PRAGMA cache_size=-65536",  # 64 MiB page cache: relation and actor queries on 1M events stay in memory
)
BUSY_TIMEOUT_MS = 30_000
# `kronika serve` reads only: SQLite itself refuses any write on such a connection.
QUERY_ONLY = "PRAGMA query_only=ON"
# Changes when another connection commits (compared on one connection only; values of two connections
# are unrelated).
DATA_VERSION = "PRAGMA data_version"

# --- opening ----------------------------------------------------------------------------------------------

READ_APPLICATION_ID = "PRAGMA application_id"
READ_USER_VERSION = "PRAGMA user_version"
SET_APPLICATION_ID = f"PRAGMA application_id={APPLICATION_ID}"
SET_USER_VERSION = "PRAGMA user_version={version:d}"  # PRAGMA takes no parameters; version is an int
LIST_TABLES = "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%'"
INTEGRITY_CHECK = "PRAGMA integrity_check"

# --- transactions -----------------------------------------------------------------------------------------

BEGIN_WRITE = "BEGIN IMMEDIATE"
COMMIT = "COMMIT"
ROLLBACK = "ROLLBACK"
