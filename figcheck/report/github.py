"""``--format github``: GitHub Actions workflow commands, shown as annotations on a pull request.

    ::warning file=a.md,line=3,col=5,endLine=3,endColumn=12,title=FC202 unit-mixup::message
"""

from __future__ import annotations

from .common import Reporter

LEVELS = {"error": "error", "warning": "warning", "information": "notice", "hint": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(level: str, message: str, **properties) -> str:
    props = ",".join(f"{k}={escape_property(str(v))}" for k, v in properties.items() if v is not None)
    return f"::{level} {props}::{escape_data(message)}" if props else f"::{level}::{escape_data(message)}"


class GithubReporter(Reporter):
    def file(self, result) -> None:
        if result.error is not None:
            self.out.write(command("error", result.error["message"], file=result.path,
                                   title=f"figcheck: {result.error['kind']}") + "\n")
        for d in result.diagnostics:
            self.out.write(render(d, result.path) + "\n")


def render(d: dict, path: str) -> str:
    start, end = d["start"], d["end"]
    return command(
        LEVELS.get(d["severity"], "warning"),
        d["message"],
        file=path,
        line=start["line"],
        col=start["column"],
        endLine=end["line"],
        endColumn=end["column"],
        title=f"{d['code']} {d['name']}",
    )


REPORTER = GithubReporter
