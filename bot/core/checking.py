"""The words around a claim someone asks the bot to check: "confirm: Kalin is Turkey's foreign minister?", "is it
fair to write that round two produced a ceasefire?", "my copy says 126 drones. Correct number?". They ask whether
the claim holds and name nothing a fact must say; the claim alone is what the matcher reads (and confirms or
corrects, as it does "Kalin is Turkey's foreign minister?")."""

from __future__ import annotations

import re

# Where the frame opens the message: "confirm:", "quick check -", "can you verify that", "is it fair to write
# that", "my copy says", "sub's note says", "draft:". A colon or dash after "check"/"confirm" is required: "confirm
# who led" is a question of its own, read as it is.
_OPENING = re.compile(
    r"^\W*(?:(?:quick|sanity|fact|final|one|last|another|accuracy|quote|spelling|a)\s+)?"
    r"(?:check|confirm|confirmation|verify|fact-check|factcheck)\s*(?:pls|please)?\s*[:\-–—]\s*"
    r"|^\W*(?:can|could|would)\s+you\s+(?:pls\s+|please\s+)?(?:confirm|verify|check)\s+(?:that\s+|whether\s+|if\s+)?"
    r"|^\W*(?:pls|please)\s+(?:confirm|verify|check)\s+(?:that\s+|whether\s+|if\s+)?"
    r"|^\W*(?:is|would)\s+it\s+(?:be\s+)?(?:fair|ok|okay|safe|right|correct|accurate)\s+to\s+"
    r"(?:write|say|report|state|put|claim|run)\s+(?:that\s+)?"
    r"|^\W*(?:(?:my|our|the|a)\s+)?(?:copy|draft|story|piece|intro|lede|script|notes?|sub'?s\s+note|editor'?s\s+note"
    r"|wire\s+copy|source\s+note)\s+(?:says|has|reads|claims|states)\s*(?:that\s+)?:?\s*"
    r"|^\W*(?:(?:my|our)\s+)?(?:draft|copy|line|draft\s+line|sentence|caption|headline)\s*:\s*",
    re.IGNORECASE)
# Where it closes the message: "…, right?", ". Correct number?", "' ok to run?", "- is that accurate?".
_CLOSING = re.compile(
    r"(?P<gap>[\s,.;:–—-]*)\b(?:(?:is\s+(?:that|this|it)|that'?s|thats)\s+)?(?:right|correct|accurate|true|yes"
    r"|good\s+to\s+go|(?:ok|okay|safe|fine|good)\s+to\s+(?:run|use|publish|print|file)"
    r"|(?:the\s+)?(?:correct|right)\s+(?:number|figure|name|date|spelling))\W*$",
    re.IGNORECASE)
_QUOTED = re.compile(r"^\s*['\"‘“](.+?)['\"’”]?\s*$", re.DOTALL)


def claim_checked(text: str) -> str | None:
    """The claim a checking message asks about, tagged ("Kalin is Turkey's foreign minister, right?"); None when
    `text` has no checking frame, or nothing is left inside it."""
    opening = _OPENING.search(text)
    closing = _CLOSING.search(text)
    if opening is None and (closing is None or closing.start() == 0 or not closing.group("gap").strip()
                            or not _ends_a_claim(text[:closing.start()])):
        return None  # "which side is right?" asks which: only "…, right?" after a statement checks it
    claim = text[opening.end() if opening else 0:closing.start() if closing else len(text)]
    if (quoted := _QUOTED.match(claim)) is not None:
        claim = quoted.group(1)
    claim = claim.strip().rstrip(".!?,;:'\"’” ").strip()
    # Tagged as the claim it is: a statement ending "right?" is read as one checked (its number or name may be the
    # wrong one the fact corrects)
    return f"{claim}, right?" if len(claim.split()) >= 2 else None


def _ends_a_claim(text: str) -> bool:
    """Whether a closing "right?" follows a statement ("Russia controls a quarter of Ukraine, yes?") rather than ends
    a question that reads as one already ("who led the talks, right?" reads the same without it)."""
    stripped = text.rstrip(" ,.;:–—-")
    return bool(stripped) and not stripped.endswith("?")
