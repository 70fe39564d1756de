"""Letter templates: a small plain-text format an organisation can edit without help.

The format (resources/letters/README.md says the same for the people editing):
- `# Subject` – the letter's subject line, printed in bold.
- Paragraphs are separated by a blank line. Lines that follow each other with no
  blank line between are printed on separate lines (for a sign-off).
- `- text` – a bullet point.
- `{reference}` – a value filled in from the concern; `{{` and `}}` print braces.
- A paragraph that is only a list name, such as `{issue_outcomes}`, becomes a list
  the letter builds (each issue with its outcome and findings, the actions, ...).
- `[if apology_due]` at the start of a paragraph keeps it only when that is so;
  `[if not apology_due]` only when it is not. A value's name works too: the
  paragraph is kept when the value is not empty.

Values are filled in after the template is split into paragraphs, so text
typed into the casebook (findings, reasons) can never change the letter's layout.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

# A piece of a letter's body: ("subject" | "heading" | "para" | "bullet", text).
Piece = tuple[str, str]

_PLACEHOLDER = re.compile(r"\{\{|\}\}|\{([a-z_][a-z0-9_]*)\}|\{|\}")
_CONDITION = re.compile(r"^\[if (not )?([a-z_][a-z0-9_]*)\]\s*")
_LIST_ONLY = re.compile(r"^\{([a-z_][a-z0-9_]*)\}$")


class TemplateError(ValueError):
    """A template that cannot be used; the message says where and why, in one sentence."""


@dataclass(frozen=True)
class LetterValues:
    """What a template may use: plain values, lists built by the letter, and yes/no flags."""

    values: Mapping[str, str]
    lists: Mapping[str, Sequence[Piece]]
    flags: Mapping[str, bool]

    def known(self) -> set[str]:
        return {*self.values, *self.lists, *self.flags}

    def holds(self, name: str) -> bool:
        if name in self.flags:
            return self.flags[name]
        if name in self.lists:
            return bool(self.lists[name])
        return bool(self.values.get(name, "").strip())


def _paragraphs(template: str) -> list[list[str]]:
    blocks: list[list[str]] = [[]]
    for line in template.replace("\r\n", "\n").split("\n"):
        if line.strip():
            blocks[-1].append(line.rstrip())
        elif blocks[-1]:
            blocks.append([])
    return [b for b in blocks if b]


def _fill(line: str, values: Mapping[str, str], where: int) -> str:
    def replace(match: re.Match[str]) -> str:
        token = match.group(0)
        if token in ("{{", "}}"):
            return token[0]
        name = match.group(1)
        if name is None:
            raise TemplateError(f"Paragraph {where} has a lone brace; write {{{{ or }}}} to "
                                "print one.")
        if name not in values:
            raise TemplateError(f"Paragraph {where} uses {{{name}}}, which is not a value a "
                                "letter can fill in here.")
        return values[name]

    return _PLACEHOLDER.sub(replace, line)


def _condition(first_line: str, values: LetterValues, where: int) -> tuple[bool, str]:
    match = _CONDITION.match(first_line)
    if match is None:
        return True, first_line
    negated, name = bool(match.group(1)), match.group(2)
    if name not in values.known():
        raise TemplateError(f"Paragraph {where} depends on [if {name}], which a letter does "
                            "not know.")
    return values.holds(name) != negated, first_line[match.end():]


def _block(lines: list[str], values: LetterValues, where: int) -> list[Piece]:
    keep, first = _condition(lines[0], values, where)
    lines = [first, *lines[1:]] if first.strip() else lines[1:]
    if not keep or not lines:
        return []
    listed = _LIST_ONLY.match(lines[0].strip())
    if len(lines) == 1 and listed is not None and listed.group(1) in values.lists:
        return list(values.lists[listed.group(1)])
    pieces: list[Piece] = []
    text_lines: list[str] = []

    def flush() -> None:
        if text_lines:
            pieces.append(("para", "\n".join(text_lines)))
            text_lines.clear()

    for line in lines:
        filled = _fill(line, values.values, where)
        if line.startswith("# "):
            flush()
            pieces.append(("subject", filled[2:].strip()))
        elif line.startswith("## "):
            flush()
            pieces.append(("heading", filled[3:].strip()))
        elif line.startswith("- "):
            flush()
            pieces.append(("bullet", filled[2:].strip()))
        elif filled.strip():  # a line whose values are all empty is left out
            text_lines.append(filled)
    flush()
    return pieces


def fill_template(template: str, values: LetterValues) -> list[Piece]:
    """The letter's body as pieces, ready to lay out; TemplateError if the template is wrong."""
    pieces: list[Piece] = []
    for number, lines in enumerate(_paragraphs(template), start=1):
        pieces.extend(_block(lines, values, number))
    return pieces


def template_problems(template: str, values: LetterValues) -> list[str]:
    """What is wrong with a template, checked against sample values (for the editor)."""
    problems: list[str] = []
    everything_true = LetterValues(
        {k: v or "x" for k, v in values.values.items()}, values.lists,
        dict.fromkeys(values.flags, True))
    for number, lines in enumerate(_paragraphs(template), start=1):
        try:
            _block(lines, everything_true, number)
        except TemplateError as exc:
            problems.append(str(exc))
    if not template.strip():
        problems.append("The template is empty.")
    return problems


# ----- a letter's text, as the contact edits it ------------------------------------------------
# A filled template is shown to the contact as plain text in the same format (# subject,
# ## heading, - bullet, blank lines between paragraphs) and made into a PDF from whatever they
# leave. Nothing in that text is a value or a condition any more: braces and [if ...] are
# printed as typed; only the person's name placeholder is filled in when the letter is made.


def pieces_text(pieces: Sequence[Piece]) -> str:
    """A letter's pieces as the text the contact edits (the inverse of `text_pieces`)."""
    out: list[str] = []
    for index, (kind, value) in enumerate(pieces):
        lines = [line for line in value.replace("\r\n", "\n").split("\n")]
        if kind == "subject":
            block = "# " + " ".join(value.split())
        elif kind == "heading":
            block = "## " + " ".join(value.split())
        elif kind == "bullet":
            block = "- " + " ".join(value.split())
        else:
            block = "\n".join(lines).strip("\n")
        if index and kind == "bullet" and pieces[index - 1][0] == "bullet":
            out[-1] += "\n" + block
        elif block.strip():
            out.append(block)
    return "\n\n".join(out) + "\n"


def text_pieces(text: str) -> list[Piece]:
    """The contact's text as pieces to lay out: no values, no conditions."""
    pieces: list[Piece] = []
    marks = {"# ": "subject", "## ": "heading", "- ": "bullet"}
    for lines in _paragraphs(text):
        para_lines: list[str] = []
        for line in [*lines, ""]:
            mark = next((m for m in marks if line.startswith(m)), None)
            if (mark is not None or not line) and para_lines:
                pieces.append(("para", "\n".join(para_lines)))
                para_lines = []
            if mark is not None:
                pieces.append((marks[mark], line[len(mark):].strip()))
            elif line:
                para_lines.append(line)
    return pieces
