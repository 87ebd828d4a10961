"""One catalogue of Kronika's errors, each with a greppable code and a message that says what to do.

Readers raise ``InputError`` naming the input (file and line) and the problem; the CLI reports it on
one line and carries on with the other articles.
"""

from __future__ import annotations


class KronikaError(Exception):
    def __init__(self, code: str, message: str):
        super().__init__(f"[{code}] {message}")
        self.code = code
        self.message = message


class InputError(KronikaError):
    """One input (a file, a line of a file, an entry of a feed) could not be read as an article."""

    def __init__(self, code: str, source: str, message: str):
        super().__init__(code, f"{source}: {message}")
        self.source = source
        self.problem = message


# Codes and their meaning; the messages themselves are built where the error is raised.
CODES = {
    "E101": "pipeline stage order: a stage needs a field no earlier stage assigns",
    "E102": "unknown language: no language pack for the requested code",
    "E103": "a trained model or data file is missing; the message names the command that rebuilds it",
    "E201": "input file not found or not readable",
    "E202": "input is empty (no article text)",
    "E203": "input looks binary, not text",
    "E204": "input is larger than the size limit",
    "E205": "text encoding could not be determined",
    "E206": "malformed JSON line or record",
    "E207": "HTML page without article text",
    "E208": "feed entry without text",
    "E209": "dateline with an impossible date",
    "E210": "feed could not be parsed",
    "E211": "invalid --date value",
    "E301": "an article broke a pipeline stage (a bug: please report it with the input)",
    "E401": "broken knowledge-base record (the message names the rebuild command)",
    "E402": "duplicate knowledge-base id",
    "E403": "missing or broken model file (the message names the file and the command that rebuilds it)",
    "E501": "the store file is not an SQLite database (a foreign file); it is left untouched",
    "E502": "the store file is a damaged SQLite database; it is left untouched",
    "E503": "the store file is another application's SQLite database; it is left untouched",
    "E504": "the store was written by a newer Kronika (schema version above this one's)",
    "E505": "no store at the given path; `kronika ingest` creates one",
    "E506": "invalid query value (date, period, export format)",
    "E507": "a record could not be written to the store; the others of its batch were stored",
    "E508": "a list sorted by a column other than its date took longer than its limit; narrow the filters",
    "E601": "HTTP API: no such article, event, entity, story or page (404)",
    "E602": "HTTP API: a write endpoint without the server's token (401), or disabled because none was set (403)",
    "E603": "HTTP API: request body larger than the server's --max-body limit (413)",
    "E604": "HTTP API: request parameters or body do not match the endpoint (422), or a bad query value (400)",
    "E605": "kronika serve: invalid option (store file, port, CORS origin)",
    "E606": "HTTP API: the server failed on a request (a bug: please report it with the request) (500)",
    "E701": "batch: a Parquet input without a 'text' column",
    "E702": "batch: a Parquet file that cannot be read (input, or batch output being loaded)",
    "E703": "batch: the --out directory cannot be created or is a file",
    "E704": "batch: invalid engine options (unknown --engine, --scheduler without --engine dask)",
    "E705": "batch: no Dask scheduler answers at the --scheduler address",
    "E706": "ingest --from-parquet: the directory is not batch output (no _done/ markers folder)",
    "E707": "batch: a partition failed on its worker; a rerun redoes it",
    "E708": "batch: another batch is writing into the same --out directory (the message names its pid)",
    "E709": "batch: a JSON Lines input changed between planning its partitions and a worker reading them",
    "E801": "no story with the given id in the store",
    "E901": "watch: the SOURCES file cannot be read, lists nothing, or has a line that is no feed URL or folder",
    "E902": "watch: a feed or page cannot be fetched (HTTP error, timeout, redirect loop, no connection)",
    "E903": "watch: a feed or page is larger than --max-bytes",
    "E904": "watch: a feed URL answers with an HTML page or other text that is no RSS/Atom feed",
    "E951": "alerts: the rules file cannot be read or a rule is invalid (the message names the rule and field)",
    "E952": "alerts: the --alerts-webhook did not accept an alert (the alert is stored and logged all the same)",
}
