"""The `maturity` command's entry point, kept free of heavy imports.

`maturity probe PROBE URL` is answered from a cold start, where Chromium's launch (the
Playwright driver, then the browser: other processes) is the longest wait. For that command
the launch begins here, on a thread of its own, before the command-line modules (Typer,
Rich, logging, the criteria map) are imported; the imports then overlap the launch. Every
other command goes straight to the CLI.
"""

from __future__ import annotations

import sys


def early_probe(args: list[str]) -> bool:
    """A plain `probe PROBE URL [options]`: no help asked for, no browser of the user's own
    (the early launch uses the default one), no global options before the command."""
    if len(args) < 3 or args[0] != "probe":
        return False
    return not any(a in ("--help", "-h", "--browser") or a.startswith("--browser=") for a in args)


def main() -> None:
    if early_probe(sys.argv[1:]):
        from maturity import early

        early.start()
    from maturity.cli import main as cli_main

    cli_main()


if __name__ == "__main__":
    main()
