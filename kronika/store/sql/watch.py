"""The watcher's state (``kronika/watch``): each feed's validators and backoff, the entries dealt with."""

FEED_STATES = "SELECT url, etag, last_modified, failures, retry_at, last_status, last_error FROM watch_feeds"
FEED_FETCHED = """
INSERT INTO watch_feeds (url, etag, last_modified, failures, retry_at, last_status, last_error, checked_at)
VALUES (:url, :etag, :last_modified, 0, NULL, :status, NULL, :now)
ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, failures = 0,
    retry_at = NULL, last_status = excluded.last_status, last_error = NULL, checked_at = excluded.checked_at"""
FEED_FAILED = """
INSERT INTO watch_feeds (url, failures, retry_at, last_status, last_error, checked_at)
VALUES (:url, :failures, :retry_at, 'failed', :error, :now)
ON CONFLICT (url) DO UPDATE SET failures = excluded.failures, retry_at = excluded.retry_at,
    last_status = 'failed', last_error = excluded.last_error, checked_at = excluded.checked_at"""
ENTRIES_SEEN = "SELECT key, status, attempts FROM watch_entries WHERE source = ? AND key IN ({marks})"
ENTRY_SEEN = """
INSERT INTO watch_entries (source, key, article, status, attempts, error, seen_at)
VALUES (:source, :key, :article, :status, 1, :error, :now)
ON CONFLICT (source, key) DO UPDATE SET article = excluded.article, status = excluded.status,
    attempts = watch_entries.attempts + 1, error = excluded.error, seen_at = excluded.seen_at"""
