"""A message that pastes what someone else wrote and asks about it: a quoted line ("> Moscow handed its own draft to
Ukraine / what is kyiv going to do with it?"), a headline or a tweet in quotes ("'Istanbul round two ends in under
an hour' -- so did anything come out of it?"), a forwarded post. The paste is what the question is about, as a
previous turn would be; it is not the question. A paste may get a detail wrong on purpose: "is 25 right?" asks
whether it holds, which the fact confirming or correcting it answers."""

from __future__ import annotations

import re
from dataclasses import dataclass

# "Forwarded from War Monitor:", "forwarded message": a platform's header over the paste, which says nothing
_FORWARDED = re.compile(r"^\W*forwarded(?:\s+(?:from|message|post)\b[^\n]{0,60})?\s*:?\s*$", re.IGNORECASE)
_GAP = re.compile(r"\.\.\.|…|_{2,}")
_QUOTE_LINE = re.compile(r"^\s*>+\s?(.*)$")
# What a reader writes before pasting in quotes: "headline:", "tweet says", "someone posted", "my uncle forwarded"
_LABEL = (r"(?:(?:a|the|this|my|some)\s+)?(?:[\w']+\s+){0,3}?(?:paste|pasted|tweet|headline|post|caption|screenshot|quote"
          r"|title|text|message|forward|forwarded|breaking|chyron|ticker|banner|article|line|story)"
          r"(?:\s+(?:says|said|reads|read|claims|from\s+[^:'\"‘“\n]{1,40}))?\s*[:\-–—]?\s*")
# or any short lead-in ending in a colon: "my brother sent me:", "saw this on the news:"
_LEADING = re.compile(r"^\s*(?:" + _LABEL + r"|[^:'\"‘“«\n]{1,60}:\s*)?[\"“'‘«](?P<quoted>[^\n\"“”«»]{12,}?)[\"”'’»](?=[\s.,:;!?–—-]|$)"
                      r"[\s.,:;!?–—-]*?(?P<asked>[^\s.,:;–—-].*)$", re.IGNORECASE | re.DOTALL)
# "true?", "is 25 right?", "legit or fake?": asks only whether the paste holds
_CHECKS = re.compile(
    r"^\W*(?:(?:so|ok|okay|but|and|wait|hmm+|lol|um+|srsly|seriously|really)\W+)*"
    r"(?:(?:is|was|are)\s+(?:this|that|it|these|those|(?:the\s+)?[\w,.]+)\s+)?(?:(?:really|actually)\s+)?"
    r"(?:true|right|correct|accurate|legit|real|wrong|fake(?:\s+news)?|confirmed|for\s+real"
    r"|true\s+or\s+(?:false|not)|legit\s+or\s+(?:fake|not)|real\s+or\s+(?:fake|not)|good\s+to\s+go"
    r"|(?:ok|okay|safe|fine|good)\s+to\s+(?:run|use|publish|print|file|post|share)"
    r"|the\s+(?:(?:right|real|correct|actual|true|official)\s+)?(?:figure|number|count|total))\W*$",
    re.IGNORECASE)


@dataclass(frozen=True)
class Paste:
    quoted: str  # what was pasted
    asked: str  # what the reader asks of it

    @property
    def gapped(self) -> bool:
        """Whether the paste is cut short or leaves a blank ("... in chief", "the Kharkiv and ___ regions")."""
        return _GAP.search(self.quoted) is not None

    @property
    def checks(self) -> bool:
        """Whether the reader only asks if the paste holds ("true?", "is 25 right?")."""
        return _CHECKS.match(self.asked) is not None

    def pieces(self) -> list[str]:
        """The paste's parts between its gaps ("Ukraine must drop its NATO ambitions and ..." -> one part)."""
        return [piece for piece in _GAP.split(self.quoted) if piece.strip()]

    def as_claim(self) -> str:
        """The paste as a claim to check, which the matcher confirms or corrects."""
        return f"{self.quoted.strip().rstrip('.!?,;:')}, right?"


# A line quoted inside a question ("who was *baying for blood* after spider web?", 'what does "his scoring of the
# Ukrainian leader" mean?'): in quotes, guillemets or Markdown emphasis, of two words at least
_INSIDE = re.compile(r"(?:(?<=\s)|^)(?:\*\*(?P<bold>[^*\n]+?)\*\*|\*(?P<italic>[^*\n]+?)\*|_(?P<under>[^_\n]+?)_"
                     r"|\"(?P<double>[^\"\n]+?)\"|“(?P<curly>[^”\n]+?)”|«(?P<angle>[^»\n]+?)»"
                     r"|'(?P<single>[^'\n]+?)')(?=[\s.,:;!?–—-]|$)")


def quoted_inside(text: str) -> Paste | None:
    """The longest line a question quotes inside it, as a paste whose question is the message as it reads without
    the marks around the line; None when it quotes no line of two words or more."""
    lines = [(m, quoted) for m in _INSIDE.finditer(text)
             if len((quoted := next(g for g in m.groups() if g is not None)).split()) >= 2]
    if not lines:
        return None
    found, quoted = max(lines, key=lambda line: len(line[1]))
    return Paste(quoted.strip(), f"{text[:found.start()]}{quoted}{text[found.end():]}".strip())


def split_paste(text: str) -> Paste | None:
    """The paste and the question of a message that quotes something and asks about it; None for any other."""
    lines = [line for line in text.splitlines() if line.strip() and not _FORWARDED.match(line)]
    quoted = [m.group(1) for line in lines if (m := _QUOTE_LINE.match(line)) is not None]
    if quoted:
        asked = " ".join(line.strip() for line in lines if _QUOTE_LINE.match(line) is None)
        return Paste(" ".join(quoted).strip(), asked) if asked and " ".join(quoted).strip() else None
    found = _LEADING.match(" ".join(line.strip() for line in lines))
    if found is None or len(found["quoted"].split()) < 3:
        return None
    return Paste(found["quoted"].strip(), found["asked"].strip())
