"""What the command line does beyond running a pass: look-ups in the latest snapshot, recording
decisions, starter rules and the repository layout they are read from (layout.py: subsystems;
excludes.py: what is kept out). cli.py parses arguments and maps failures to exit codes; these
modules do the work and raise UsageError for anything the user can fix."""


class UsageError(Exception):
    """Bad arguments or a missing input the user can fix: exit 2, one line."""
